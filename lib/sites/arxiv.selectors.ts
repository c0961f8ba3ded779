/**
 * Every CSS selector the arXiv adapter uses. Each `NAME` has a `NAME_` list of the
 * fixture pages (paths under tests/fixtures/) or small HTML examples it must match;
 * selectors.test.ts walks these pairs for every site, so a fixture refresh that breaks
 * a selector fails loudly. When arXiv changes its markup, this file and those fixtures
 * change together.
 *
 * arXiv ids start with a digit and several lists share `id="articles"`, so
 * nothing here is an `#id` selector built from page data.
 */

import { fixturePages } from './fixture-pages';

const LISTS = ['arxiv/list-cs.LG-new.html', 'arxiv/list-cs.CL-recent.html', 'arxiv/catchup-cs.LG-2026-10-26.html'];
const SEARCH = ['arxiv/search-diffusion.html', 'arxiv/search-advanced-reward.html'];
const ABS = ['arxiv/abs-2610.22702.html', 'arxiv/abs-hep-th-9901001v2.html'];
const HTML = ['arxiv/html-2610.23241v1.html'];

/** The pre-2024 listing layout, as a 2022 scraper quoted it (docs: host pages, legacy layout). */
const LEGACY =
  '<div id="dlpage"><h3>New submissions for Fri, 11 Feb 22</h3><dl><dt><span class="list-identifier">' +
  '<a href="/abs/2202.04643" title="Abstract">arXiv:2202.04643</a></span></dt><dd><div class="meta">' +
  '<div class="list-title mathjax"><span class="descriptor">Title:</span> T</div>' +
  '<div class="list-authors"><a href="/search/cs?searchtype=author&amp;query=Bakarji%2C+J">Joseph Bakarji</a></div>' +
  '<div class="list-subjects"><span class="primary-subject">Machine Learning (cs.LG)</span></div>' +
  '<p class="mathjax">In the absence of governing equations.</p></div></dd></dl></div>';

// ---------------------------------------------------------------- listings

/** One per section (/new, /catchup) or per day (/recent); duplicate ids, hence the attribute form.
 *  list-cs.LG-new.html (3), list-cs.CL-recent.html (3), catchup-cs.LG-2026-10-26.html (3). */
export const LIST_DL = 'dl[id="articles"]';
export const LIST_DL_ = LISTS;

/** Pre-2024 layout: plain `dl`s inside the page body, `h3` headings before them.
 *  Synthetic legacy snippet in arxiv.test.ts. */
export const LEGACY_DL = '#dlpage dl';
export const LEGACY_DL_ = [LEGACY];

/** The entry's id link inside its `dt` (`href ="/abs/<id>"`).
 *  Every `dt` of both list-*.html fixtures and the legacy snippet. */
export const ABSTRACT_LINK = 'a[title="Abstract"]';
export const ABSTRACT_LINK_ = fixturePages([LISTS, LEGACY]);

/** Inside the `dd`: both list-*.html fixtures and the legacy snippet. */
export const LIST_TITLE = '.list-title';
export const LIST_TITLE_ = fixturePages([LISTS, LEGACY]);
export const LIST_AUTHOR_LINKS = '.list-authors a';
export const LIST_AUTHOR_LINKS_ = fixturePages([LISTS, LEGACY]);
/** Also on abs pages (abs-2610.22702.html, abs-hep-th-9901001v2.html). */
export const PRIMARY_SUBJECT = '.primary-subject';
export const PRIMARY_SUBJECT_ = fixturePages([LISTS, ABS, LEGACY]);
/** Abstract paragraph, /new and /catchup?abs=True only: absent in list-cs.CL-recent.html. */
export const LIST_ABSTRACT = 'p.mathjax';
export const LIST_ABSTRACT_ = ['arxiv/list-cs.LG-new.html', 'arxiv/catchup-cs.LG-2026-10-26.html', LEGACY];

/** Any link to an abs page, wherever the listing puts it (`href ="/abs/<id>"` in a `dt`,
 *  `https://arxiv.org/abs/<id>` in a search result): counted to notice entries the adapter no longer finds. */
export const PAPER_LINK = 'a[href*="/abs/"]';
export const PAPER_LINK_ = fixturePages([LISTS, SEARCH, LEGACY]);

// ---------------------------------------------------------------- search results (arxiv-search)
// search-diffusion.html (abstracts shown), search-advanced-reward.html (abstracts hidden)

/** One result: the entry element. */
export const SEARCH_RESULT = 'li.arxiv-result';
export const SEARCH_RESULT_ = SEARCH;
/** Inside a result: the link to the abs page (`https://arxiv.org/abs/<id>[vN]`), first in `p.list-title`. */
export const SEARCH_ID_LINK = 'p.list-title a[href*="/abs/"]';
export const SEARCH_ID_LINK_ = SEARCH;
/** The title; the query's words inside it are `span.search-hit`. */
export const SEARCH_TITLE = 'p.title';
export const SEARCH_TITLE_ = SEARCH;
/** The author line ("Authors:" then one link per author, at most 25, then "et al. (N …)"); the overlay is appended to it. */
export const SEARCH_AUTHORS = 'p.authors';
export const SEARCH_AUTHORS_ = SEARCH;
export const SEARCH_AUTHOR_LINKS = 'p.authors a';
export const SEARCH_AUTHOR_LINKS_ = SEARCH;
/** The whole abstract (shown by "More"; the preview beside it is cut), with a "Less" link at its end. */
export const SEARCH_ABSTRACT = 'span.abstract-full';
export const SEARCH_ABSTRACT_ = ['arxiv/search-diffusion.html'];
/** The abstract's cut preview, shown until "More" is clicked; a "More" link at its end. */
export const SEARCH_ABSTRACT_PREVIEW = 'span.abstract-short';
export const SEARCH_ABSTRACT_PREVIEW_ = ['arxiv/search-diffusion.html'];
/** The "More"/"Less" toggles inside the abstract: not abstract text. */
export const SEARCH_ABSTRACT_TOGGLE = 'a';
export const SEARCH_ABSTRACT_TOGGLE_ = ['arxiv/search-diffusion.html'];
/** Category chips: the primary category first. */
export const SEARCH_CATEGORY = '.tags > .tag';
export const SEARCH_CATEGORY_ = SEARCH;

// ---------------------------------------------------------------- abs pages
// abs-2610.22702.html, abs-hep-th-9901001v2.html

export const ABS_TITLE = '#abs h1.title';
export const ABS_TITLE_ = ABS;
/** Author line right under the title; the overlay is appended to it. */
export const ABS_AUTHORS = '#abs .authors';
export const ABS_AUTHORS_ = ABS;
/** Fallback author names when the citation_author tags are missing. */
export const ABS_AUTHOR_LINKS = '#abs .authors a';
export const ABS_AUTHOR_LINKS_ = ABS;
export const ABS_ABSTRACT = '#abs blockquote.abstract';
export const ABS_ABSTRACT_ = ABS;

/** Google Scholar tags in the abs page head (arxiv-browse formatting/metatags.py). */
export const META_TITLE = 'meta[name="citation_title"]';
export const META_TITLE_ = ABS;
export const META_AUTHOR = 'meta[name="citation_author"]';
export const META_AUTHOR_ = ABS;
export const META_DATE = 'meta[name="citation_date"]';
export const META_DATE_ = ABS;
export const META_ONLINE_DATE = 'meta[name="citation_online_date"]';
export const META_ONLINE_DATE_ = ABS;
export const META_ARXIV_ID = 'meta[name="citation_arxiv_id"]';
export const META_ARXIV_ID_ = ABS;
export const META_ABSTRACT = 'meta[name="citation_abstract"]';
export const META_ABSTRACT_ = ABS;

// ---------------------------------------------------------------- /html pages (LaTeXML)
// html-2610.23241v1.html

export const HTML_TITLE = 'h1.ltx_title_document';
export const HTML_TITLE_ = HTML;
export const HTML_AUTHORS = '.ltx_authors';
export const HTML_AUTHORS_ = HTML;
export const HTML_PERSON_NAME = '.ltx_role_author .ltx_personname';
export const HTML_PERSON_NAME_ = HTML;
export const HTML_ABSTRACT = '.ltx_abstract';
export const HTML_ABSTRACT_ = HTML;
export const HTML_ABSTRACT_PARAS = '.ltx_abstract .ltx_p';
export const HTML_ABSTRACT_PARAS_ = HTML;
/** Footnote marks and thanks inside a LaTeXML person name; not part of the name. */
export const HTML_NAME_NOISE = 'sup, .ltx_note, .ltx_contact';
export const HTML_NAME_NOISE_ = HTML;
/** `\thanks` footnotes inside a LaTeXML title or abstract. */
export const HTML_TEXT_NOISE = '.ltx_note';
export const HTML_TEXT_NOISE_ = HTML;

// ---------------------------------------------------------------- math text
// No fixture ships typeset math (MathJax runs in the browser): the MathJax examples follow
// MathJax 2's and 3's output; LaTeXML <math> is in html-2610.23241v1.html.

/** MathJax 2 keeps the TeX source here after typesetting. */
export const MATHJAX2_SOURCE = 'script[type^="math/tex"]';
export const MATHJAX2_SOURCE_ = ['<span class="MathJax_Preview"></span><script type="math/tex">x^2</script>'];
/** MathJax 2 rendered output (and preview) beside that source: duplicate glyph text. */
export const MATHJAX2_OUTPUT = '.MathJax_Preview, .MathJax, .MathJax_CHTML, .MathJax_SVG, .MathJax_Display';
export const MATHJAX2_OUTPUT_ = [
  '<span class="MathJax_Preview">x²</span><span class="MathJax_CHTML">x2</span><script type="math/tex">x^2</script>',
];
/** MathJax 3 keeps readable text only in its assistive MathML. */
export const MATHJAX3_ASSISTIVE = 'mjx-assistive-mml';
export const MATHJAX3_ASSISTIVE_ = [
  '<mjx-container><mjx-math></mjx-math><mjx-assistive-mml><math><mi>x</mi></math></mjx-assistive-mml></mjx-container>',
];
/** Machine-readable MathML annotations (TeX again, Content MathML, llamapun): not display text. */
export const MATHML_ANNOTATION = 'annotation, annotation-xml';
export const MATHML_ANNOTATION_ = HTML;
