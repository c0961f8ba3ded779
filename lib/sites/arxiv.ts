import { canonicalId, compact, decodeURIComponentSafe, LIMITS, type PaperMeta } from '../model';
import * as SEL from './arxiv.selectors';
import { readSearchResults } from './arxiv-search';
import { veilCss } from './veil';
import {
  ABSTRACT_LABEL,
  authorList,
  clip,
  collapse,
  ELEMENT_NODE,
  idFromAbsHref,
  lastCategory,
  optional,
  readText,
  stripLabel,
  TEXT_NODE,
  textOf,
  TITLE_LABEL,
} from './arxiv-text';
import type { Entry, ExtractResult, PageKind, SiteAdapter, Skipped } from './types';
import { errorText } from '../errors';

/**
 * arXiv: `/list/…` and `/catchup/…` pages (arxiv-browse) are `dl` lists of `dt`/`dd` pairs;
 * `/search/…` result pages (arxiv-search) are `li.arxiv-result` items (arxiv-search.ts); abs
 * and LaTeXML `/html/…` pages describe one paper. Plain server-rendered HTML, no SPA.
 *
 * Only `https://arxiv.org` is handled: `www.arxiv.org` redirects there, and
 * `export.arxiv.org` is the mirror for bots, outside Dogear's host permissions.
 * `/pdf/`, `/format/` and the rest are left alone.
 */

// arxiv-browse serves new|recent|pastweek|current and YY, YYMM, YYYYMM, YYYY, YYYY-MM
// with the same dt/dd list (an unknown archive is a 400 page with no lists).
const LIST_PATH =
  /^\/list\/[a-z][a-z-]*(?:\.[A-Za-z][A-Za-z-]*)?\/(?:new|recent|pastweek|current|\d{2}|\d{4}|\d{6}|\d{4}-\d{2})\/?$/;
const PAPER_PATH = /^\/(abs|html)\/(.+?)\/?$/;
// arxiv-browse's catchup: the /new sections of one past announcement day, for an archive, a
// category or the physics group (`?abs=True` adds abstracts, `?page=N` pages).
const CATCHUP_PATH = /^\/catchup\/(?:grp_physics|[a-z][a-z-]*(?:\.[A-Za-z][A-Za-z-]*)?)\/\d{4}-\d{2}-\d{2}\/?$/;
// arxiv-search: `/search/?query=…`, in some archives (`/search/cs`, `/search/math,physics`), and
// `/search/advanced?…` (the bare forms show no results: a listing of 0 entries).
const SEARCH_PATH = /^\/search(?:\/(?:advanced\/?|[a-z][a-z-]*(?:,[a-z][a-z-]*)*\/?)?)?$/;

type PaperTarget = { kind: 'abs' | 'html'; id: string };

function arxivPath(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  return u.protocol === 'https:' && u.hostname === 'arxiv.org' && !u.port ? u.pathname : null;
}

/** `/abs/<id>[vN]` or `/html/<id>[vN][/]`; assets under `/html/<id>vN/…` are not papers. */
function paperTarget(path: string | null): PaperTarget | null {
  const m = path ? PAPER_PATH.exec(path) : null;
  if (!m?.[1] || !m[2]) return null;
  const id = canonicalId(decodeURIComponentSafe(m[2]));
  return id ? { kind: m[1] === 'abs' ? 'abs' : 'html', id } : null;
}

/** URL only: an empty listing ("No updates today") is still a listing, annotated with 0 entries. */
function detect(url: string): PageKind | null {
  const path = arxivPath(url);
  if (!path) return null;
  if (LIST_PATH.test(path) || CATCHUP_PATH.test(path) || SEARCH_PATH.test(path)) return 'listing';
  return paperTarget(path) ? 'paper' : null;
}

// ---------------------------------------------------------------- listings

function readEntry(dt: HTMLElement, dd: HTMLElement | null): Entry | string {
  const link = dt.querySelector(SEL.ABSTRACT_LINK);
  if (!link) return 'no Abstract link in dt';
  const href = link.getAttribute('href');
  const id = idFromAbsHref(href) ?? canonicalId(collapse(link.textContent));
  if (!id) return `unreadable arXiv id in ${JSON.stringify(clip(href ?? '', 80))}`;
  if (!dd) return `${id}: no dd after dt`;

  const titleEl = dd.querySelector<HTMLElement>(SEL.LIST_TITLE);
  const title = titleEl ? clip(stripLabel(collapse(readText(titleEl)), TITLE_LABEL), LIMITS.title) : '';
  if (!title) return `${id}: no title`;

  const abstractEl = dd.querySelector<HTMLElement>(SEL.LIST_ABSTRACT);
  const meta: PaperMeta = compact({
    id,
    title,
    authors: authorList(Array.from(dd.querySelectorAll(SEL.LIST_AUTHOR_LINKS), (a) => a.textContent ?? '')),
    abstract: abstractEl ? optional(collapse(readText(abstractEl)), LIMITS.abstract) : undefined,
    primaryClass: lastCategory(textOf(dd, SEL.PRIMARY_SUBJECT)),
  });

  return { meta, element: dt, mount: dt, inline: true, boxes: [dt, dd], titleEl, abstractEl };
}

function readList(dl: Element, entries: Entry[], skipped: Skipped[]): void {
  for (const child of Array.from(dl.children)) {
    if (child.localName !== 'dt') continue;
    const dt = child as HTMLElement;
    const next = dt.nextElementSibling;
    const dd = next?.localName === 'dd' ? (next as HTMLElement) : null;
    try {
      const entry = readEntry(dt, dd);
      if (typeof entry === 'string') skipped.push({ element: dt, reason: entry });
      else entries.push(entry);
    } catch (err) {
      skipped.push({ element: dt, reason: `error: ${errorText(err)}` });
    }
  }
}

function extract(doc: Document): ExtractResult {
  const entries: Entry[] = [];
  const skipped: Skipped[] = [];
  const found = () => entries.length + skipped.length;
  let lists = doc.querySelectorAll(SEL.LIST_DL);
  const legacy = lists.length === 0;
  if (legacy) lists = doc.querySelectorAll(SEL.LEGACY_DL);
  for (const dl of Array.from(lists)) readList(dl, entries, skipped);
  const inLists = found();
  // A search result page has no lists, a list page no results: at most one of these finds entries.
  readSearchResults(doc, entries, skipped);
  const paths = {
    lists: legacy ? 0 : inLists,
    'legacy lists': legacy ? inLists : 0,
    'search results': found() - inLists,
  };
  return { entries, skipped, paths };
}

// ---------------------------------------------------------------- paper pages

function metaContent(doc: Document, selector: string): string {
  return collapse(doc.querySelector(selector)?.getAttribute('content'));
}

/** citation_author is "Last Suffix, First" → "First Last Suffix"; single names stay. */
function flipName(name: string): string {
  const at = name.indexOf(', ');
  return at > 0 ? `${name.slice(at + 2)} ${name.slice(0, at)}`.trim() : name;
}

/** "2026/10/26" → "2026-10-26". */
function isoDate(s: string): string | undefined {
  const m = /^(\d{4})\/(\d{2})\/(\d{2})$/.exec(s);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

function absPaper(doc: Document, urlId: string): Entry | null {
  const titleEl = doc.querySelector<HTMLElement>(SEL.ABS_TITLE);
  const element = titleEl?.parentElement;
  if (!titleEl || !element) return null;

  const id = canonicalId(metaContent(doc, SEL.META_ARXIV_ID)) ?? urlId;
  // Head tags first: they hold the text as submitted, untouched by MathJax typesetting.
  const title = clip(
    metaContent(doc, SEL.META_TITLE) || stripLabel(collapse(readText(titleEl)), TITLE_LABEL),
    LIMITS.title,
  );
  if (!title) return null;

  const metaAuthors = Array.from(doc.querySelectorAll(SEL.META_AUTHOR), (m) =>
    flipName(collapse(m.getAttribute('content'))),
  );
  const authors = authorList(
    metaAuthors.length
      ? metaAuthors
      : Array.from(doc.querySelectorAll(SEL.ABS_AUTHOR_LINKS), (a) => a.textContent ?? ''),
  );

  const abstractEl = doc.querySelector<HTMLElement>(SEL.ABS_ABSTRACT);
  const abstract =
    (abstractEl && stripLabel(collapse(readText(abstractEl)), ABSTRACT_LABEL)) || metaContent(doc, SEL.META_ABSTRACT);

  const meta: PaperMeta = compact({
    id,
    title,
    authors,
    abstract: optional(abstract, LIMITS.abstract),
    published: isoDate(metaContent(doc, SEL.META_DATE)) ?? isoDate(metaContent(doc, SEL.META_ONLINE_DATE)),
    primaryClass: lastCategory(textOf(element, SEL.PRIMARY_SUBJECT)),
  });
  const mount = doc.querySelector<HTMLElement>(SEL.ABS_AUTHORS) ?? element;
  return { meta, element, mount, boxes: [element], titleEl, abstractEl };
}

/** LaTeXML puts footnote marks, affiliations and e-mails in the person name; the name is
 *  what precedes the first line break, and one creator may list several people. */
function personNames(el: Element): string[] {
  const parts: string[] = [];
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === TEXT_NODE) parts.push((c as Text).data);
    if (c.nodeType !== ELEMENT_NODE) continue;
    const child = c as Element;
    if (child.localName === 'br') break;
    if (!child.matches(SEL.HTML_NAME_NOISE)) parts.push(readText(child, SEL.HTML_NAME_NOISE));
  }
  return parts
    .join('')
    .split(/,|;|&|\band\b/)
    .map((n) => collapse(n).replace(/^[\s*∗†‡§¶\d]+|[\s*∗†‡§¶\d]+$/gu, ''))
    .filter((n) => n && !n.includes('@'));
}

function htmlPaper(doc: Document, id: string): Entry | null {
  const titleEl = doc.querySelector<HTMLElement>(SEL.HTML_TITLE);
  const element = titleEl?.parentElement;
  if (!titleEl || !element) return null;
  const title = clip(collapse(readText(titleEl, SEL.HTML_TEXT_NOISE)), LIMITS.title);
  if (!title) return null;

  const abstractEl = doc.querySelector<HTMLElement>(SEL.HTML_ABSTRACT);
  const paras = Array.from(doc.querySelectorAll(SEL.HTML_ABSTRACT_PARAS), (p) =>
    collapse(readText(p, SEL.HTML_TEXT_NOISE)),
  );
  const abstract = paras.length
    ? paras.filter(Boolean).join(' ')
    : abstractEl
      ? stripLabel(collapse(readText(abstractEl, SEL.HTML_TEXT_NOISE)), ABSTRACT_LABEL)
      : '';

  const meta: PaperMeta = compact({
    id,
    title,
    authors: authorList(Array.from(doc.querySelectorAll(SEL.HTML_PERSON_NAME)).flatMap(personNames)),
    abstract: optional(abstract, LIMITS.abstract),
  });
  const mount = doc.querySelector<HTMLElement>(SEL.HTML_AUTHORS) ?? element;
  return { meta, element, mount, boxes: [element], titleEl, abstractEl };
}

/** Abs pages prefer the citation_* head tags; `/html/` pages have only the LaTeXML body. */
function extractPaper(doc: Document, url: string): Entry | null {
  const target = paperTarget(arxivPath(url));
  if (!target) return null;
  return target.kind === 'abs' ? absPaper(doc, target.id) : htmlPaper(doc, target.id);
}

/** A listing entry's details are the `dd` after its `dt`: they follow the `dt`'s dimming and triage marks. */
const PAGE_CSS = `
${veilCss(['[data-dogear-status=dismissed] + dd', '[data-dogear-dim] + dd'])}[data-dogear-focus] + dd { box-shadow: -10px 0 0 -6px var(--dg-focus-ring); }
[data-dogear-selected] + dd { background-color: rgb(251 191 36 / .12); }
`;

export const arxiv: SiteAdapter<'arxiv'> = {
  name: 'arxiv',
  origin: 'https://arxiv.org',
  matches: [
    'https://arxiv.org/list/*',
    'https://arxiv.org/catchup/*',
    // `/search?query=…` (the header's search box) as well as `/search/…`.
    'https://arxiv.org/search*',
    'https://arxiv.org/abs/*',
    'https://arxiv.org/html/*',
  ],
  detect,
  extract,
  paperLinks: { selector: SEL.PAPER_LINK, path: /^\/abs\/(.+?)\/?$/ },
  extractPaper,
  entryHolders: `dl, dt, dd, ${SEL.SEARCH_RESULT}`,
  // Listings and abs pages have no dark theme; LaTeXML /html/ papers set this from a toggle.
  darkTheme: 'html[data-theme="dark"]',
  pageCss: PAGE_CSS,
};
