/**
 * Every CSS selector the arXiv adapter uses, each with the fixture pages
 * (tests/fixtures/arxiv/…) it must match. When arXiv changes its markup,
 * this file and those fixtures change together.
 *
 * arXiv ids start with a digit and several lists share `id="articles"`, so
 * nothing here is an `#id` selector built from page data.
 */

// ---------------------------------------------------------------- listings

/** One per section (/new) or per day (/recent); duplicate ids, hence the attribute form.
 *  list-cs.LG-new.html (3), list-cs.CL-recent.html (3). */
export const LIST_DL = 'dl[id="articles"]';

/** Pre-2024 layout: plain `dl`s inside the page body, `h3` headings before them.
 *  Synthetic legacy snippet in arxiv.test.ts. */
export const LEGACY_DL = '#dlpage dl';

/** The entry's id link inside its `dt` (`href ="/abs/<id>"`).
 *  Every `dt` of both list-*.html fixtures and the legacy snippet. */
export const ABSTRACT_LINK = 'a[title="Abstract"]';

/** Inside the `dd`: both list-*.html fixtures and the legacy snippet. */
export const LIST_TITLE = '.list-title';
export const LIST_AUTHOR_LINKS = '.list-authors a';
export const LIST_COMMENTS = '.list-comments';
export const LIST_SUBJECTS = '.list-subjects';
/** Also on abs pages (abs-2610.22702.html, abs-hep-th-9901001v2.html). */
export const PRIMARY_SUBJECT = '.primary-subject';
/** Abstract paragraph, /new only: list-cs.LG-new.html (100); absent in list-cs.CL-recent.html. */
export const LIST_ABSTRACT = 'p.mathjax';

// ---------------------------------------------------------------- abs pages
// abs-2610.22702.html, abs-hep-th-9901001v2.html

export const ABS_TITLE = '#abs h1.title';
/** Author line right under the title; the overlay is appended to it. */
export const ABS_AUTHORS = '#abs .authors';
/** Fallback author names when the citation_author tags are missing. */
export const ABS_AUTHOR_LINKS = '#abs .authors a';
export const ABS_ABSTRACT = '#abs blockquote.abstract';
export const ABS_SUBJECTS = '#abs td.subjects';
export const ABS_COMMENTS = '#abs td.comments';

/** Google Scholar tags in the abs page head (arxiv-browse formatting/metatags.py). */
export const META_TITLE = 'meta[name="citation_title"]';
export const META_AUTHOR = 'meta[name="citation_author"]';
export const META_DATE = 'meta[name="citation_date"]';
export const META_ONLINE_DATE = 'meta[name="citation_online_date"]';
export const META_ARXIV_ID = 'meta[name="citation_arxiv_id"]';
export const META_ABSTRACT = 'meta[name="citation_abstract"]';

// ---------------------------------------------------------------- /html pages (LaTeXML)
// html-2610.23241v1.html

export const HTML_TITLE = 'h1.ltx_title_document';
export const HTML_AUTHORS = '.ltx_authors';
export const HTML_PERSON_NAME = '.ltx_role_author .ltx_personname';
export const HTML_ABSTRACT = '.ltx_abstract';
export const HTML_ABSTRACT_PARAS = '.ltx_abstract .ltx_p';
/** Footnote marks and thanks inside a LaTeXML person name; not part of the name. */
export const HTML_NAME_NOISE = 'sup, .ltx_note, .ltx_contact';
/** `\thanks` footnotes inside a LaTeXML title or abstract. */
export const HTML_TEXT_NOISE = '.ltx_note';

// ---------------------------------------------------------------- math text
// No fixture ships typeset math (MathJax runs in the browser); the MathJax cases are
// built in arxiv.test.ts, LaTeXML <math> is in html-2610.23241v1.html.

/** MathJax 2 keeps the TeX source here after typesetting. */
export const MATHJAX2_SOURCE = 'script[type^="math/tex"]';
/** Classes of MathJax 2 rendered output (and preview) beside that source: duplicate glyph
 *  text. Checked with classList while walking, because selector lists are slow per node. */
export const MATHJAX2_OUTPUT_CLASSES = [
  'MathJax_Preview',
  'MathJax',
  'MathJax_CHTML',
  'MathJax_SVG',
  'MathJax_Display',
];
/** MathJax 3 keeps readable text only in its assistive MathML. */
export const MATHJAX3_ASSISTIVE = 'mjx-assistive-mml';
/** Machine-readable MathML annotations (TeX again, Content MathML, llamapun): not display text. */
export const MATHML_ANNOTATION = 'annotation, annotation-xml';
