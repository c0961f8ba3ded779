import { canonicalId, compact, LIMITS, type PaperMeta } from '../model';
import * as SEL from './arxiv.selectors';
import type { Entry, EntryExtra, ExtractResult, PageKind, SiteAdapter, Skipped } from './types';
import { errorText } from '../errors';

/**
 * arXiv (arxiv-browse): `/list/…` pages are `dl` lists of `dt`/`dd` pairs; abs and
 * LaTeXML `/html/…` pages describe one paper. Plain server-rendered HTML, no SPA.
 *
 * Only `https://arxiv.org` is handled: `www.arxiv.org` redirects there, and
 * `export.arxiv.org` is the mirror for bots, outside Dogear's host permissions.
 * `/pdf/`, `/search/`, `/format/` and the rest are left alone.
 */

// arxiv-browse serves new|recent|pastweek|current and YY, YYMM, YYYYMM, YYYY, YYYY-MM
// with the same dt/dd list (an unknown archive is a 400 page with no lists).
const LIST_PATH =
  /^\/list\/[a-z][a-z-]*(?:\.[A-Za-z][A-Za-z-]*)?\/(?:new|recent|pastweek|current|\d{2}|\d{4}|\d{6}|\d{4}-\d{2})\/?$/;
const PAPER_PATH = /^\/(abs|html)\/(.+?)\/?$/;

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
  const id = canonicalId(decodePath(m[2]));
  return id ? { kind: m[1] === 'abs' ? 'abs' : 'html', id } : null;
}

function decodePath(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** URL only: an empty listing ("No updates today") is still a listing, annotated with 0 entries. */
function detect(url: string): PageKind | null {
  const path = arxivPath(url);
  if (!path) return null;
  if (LIST_PATH.test(path)) return 'listing';
  return paperTarget(path) ? 'paper' : null;
}

// ---------------------------------------------------------------- text

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

function collapse(s: string | null | undefined): string {
  return (s ?? '').replace(/\s+/g, ' ').trim();
}

/** Cut to a schema limit without leaving half a surrogate pair. */
function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

function stripLabel(s: string, label: RegExp): string {
  return s.replace(label, '').trim();
}
const TITLE_LABEL = /^Title:\s*/i;
const ABSTRACT_LABEL = /^Abstract:?\s*/i;
const COMMENTS_LABEL = /^Comments:\s*/i;

/**
 * Text of an element as the page shows it at call time, with math kept as `$TeX$`
 * where the source is still in the DOM. MathJax typesets `.mathjax` elements after
 * load: v2 leaves rendered glyphs, a preview and assistive MathML beside the TeX
 * `script`, so plain `textContent` would repeat each formula three times. LaTeXML
 * `<math>` carries TeX in `alttext` and machine annotations that must not leak.
 */
function readText(root: Element, skip?: string): string {
  const out: string[] = [];
  walk(root, skip, out);
  return out.join('');
}

/** Checked with classList while walking: a selector list per node is slow. */
const MATHJAX2_OUTPUT_CLASSES = SEL.MATHJAX2_OUTPUT.split(',').map((c) => c.trim().slice(1));

function walk(node: Node, skip: string | undefined, out: string[]): void {
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === TEXT_NODE) {
      out.push((c as Text).data);
      continue;
    }
    if (c.nodeType !== ELEMENT_NODE) continue;
    const el = c as Element;
    switch (el.localName) {
      case 'br':
        out.push(' ');
        continue;
      case 'math': {
        const tex = el.getAttribute('alttext');
        if (tex) out.push(`$${tex}$`);
        else walk(el, SEL.MATHML_ANNOTATION, out);
        continue;
      }
      case 'script':
        if (el.matches(SEL.MATHJAX2_SOURCE)) out.push(`$${el.textContent ?? ''}$`);
        continue;
      case 'style':
        continue;
      case 'mjx-container': {
        const assistive = el.querySelector(SEL.MATHJAX3_ASSISTIVE);
        if (assistive) walk(assistive, skip, out);
        continue;
      }
    }
    if (MATHJAX2_OUTPUT_CLASSES.some((c) => el.classList.contains(c)) || (skip && el.matches(skip))) continue;
    walk(el, skip, out);
  }
}

function textOf(scope: ParentNode, selector: string): string {
  const el = scope.querySelector(selector);
  return el ? collapse(readText(el)) : '';
}

/** "Machine Learning (cs.LG)" → "cs.LG". */
const CATEGORY = /\(([a-z][a-z-]*(?:\.[A-Za-z][A-Za-z-]*)?)\)/g;

function lastCategory(text: string): string | undefined {
  let code: string | undefined;
  for (const m of text.matchAll(CATEGORY)) code = m[1];
  return code;
}

function categories(text: string): string[] | undefined {
  const codes = Array.from(text.matchAll(CATEGORY), (m) => m[1] ?? '').filter(Boolean);
  return codes.length ? [...new Set(codes)] : undefined;
}

function authorList(names: Iterable<string>): string[] {
  const out: string[] = [];
  for (const raw of names) {
    const name = collapse(raw);
    if (name) out.push(clip(name, LIMITS.author));
    if (out.length >= LIMITS.authors) break;
  }
  return out;
}

function optional(s: string, max: number): string | undefined {
  return s ? clip(s, max) : undefined;
}

// ---------------------------------------------------------------- listings

type ListingType = NonNullable<EntryExtra['listingType']>;

/** /new headings "New submissions (…)", "Cross submissions", "Replacement submissions";
 *  legacy "New submissions for …", "Cross-lists for …", "Replacements for …". */
function typeFromHeading(heading: string | undefined): ListingType | undefined {
  if (!heading) return undefined;
  if (/^new\b/i.test(heading)) return 'new';
  if (/^cross/i.test(heading)) return 'cross';
  if (/^replace/i.test(heading)) return 'replaced';
  return undefined;
}

/** Current layout: the `h3` is the dl's first child. Legacy: the nearest `h3` before it. */
function sectionHeading(dl: Element, legacy: boolean): string | undefined {
  for (const child of Array.from(dl.children)) {
    if (child.localName === 'h3') return optional(collapse(child.textContent), 300);
    if (child.localName === 'dt') break;
  }
  if (!legacy) return undefined;
  for (let prev = dl.previousElementSibling; prev && prev.localName !== 'dl'; prev = prev.previousElementSibling) {
    if (prev.localName === 'h3') return optional(collapse(prev.textContent), 300);
  }
  return undefined;
}

/** `/abs/2610.22767`, `https://arxiv.org/abs/hep-th/9901001v2`. */
function idFromAbsHref(href: string | null): string | null {
  const m = href ? /(?:^|\/)abs\/([^?#]+)/.exec(href) : null;
  return m?.[1] ? canonicalId(decodePath(m[1])) : null;
}

interface Section {
  heading: string | undefined;
  type: ListingType | undefined;
}

function readEntry(dt: HTMLElement, dd: HTMLElement | null, section: Section): Entry | string {
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

  const marker = dt.textContent ?? '';
  const listingType: ListingType | undefined = /\(cross-list from\b/i.test(marker)
    ? 'cross'
    : /\(replaced\)/i.test(marker)
      ? 'replaced'
      : section.type;
  const extra: EntryExtra = compact({
    listingType,
    section: section.heading,
    subjects: categories(textOf(dd, SEL.LIST_SUBJECTS)),
    arxivComments: optional(stripLabel(textOf(dd, SEL.LIST_COMMENTS), COMMENTS_LABEL), LIMITS.note),
  });

  return { meta, extra, element: dt, mount: dt, inline: true, boxes: [dt, dd], titleEl, abstractEl };
}

function readList(dl: Element, legacy: boolean, entries: Entry[], skipped: Skipped[]): void {
  const heading = sectionHeading(dl, legacy);
  const section: Section = { heading, type: typeFromHeading(heading) };
  for (const child of Array.from(dl.children)) {
    if (child.localName !== 'dt') continue;
    const dt = child as HTMLElement;
    const next = dt.nextElementSibling;
    const dd = next?.localName === 'dd' ? (next as HTMLElement) : null;
    try {
      const entry = readEntry(dt, dd, section);
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
  let lists = doc.querySelectorAll(SEL.LIST_DL);
  const legacy = lists.length === 0;
  if (legacy) lists = doc.querySelectorAll(SEL.LEGACY_DL);
  for (const dl of Array.from(lists)) readList(dl, legacy, entries, skipped);
  return { entries, skipped };
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
  const extra: EntryExtra = compact({
    subjects: categories(textOf(doc, SEL.ABS_SUBJECTS)),
    arxivComments: optional(textOf(doc, SEL.ABS_COMMENTS), LIMITS.note),
  });
  const mount = doc.querySelector<HTMLElement>(SEL.ABS_AUTHORS) ?? element;
  return { meta, extra, element, mount, boxes: [element], titleEl, abstractEl };
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
  return { meta, extra: {}, element, mount, boxes: [element], titleEl, abstractEl };
}

/** Abs pages prefer the citation_* head tags; `/html/` pages have only the LaTeXML body. */
function extractPaper(doc: Document, url: string): Entry | null {
  const target = paperTarget(arxivPath(url));
  if (!target) return null;
  return target.kind === 'abs' ? absPaper(doc, target.id) : htmlPaper(doc, target.id);
}

/** A listing entry's details are the `dd` after its `dt`: they follow the `dt`'s dimming and triage marks. */
const PAGE_CSS = `
[data-dogear-status=dismissed] + dd, [data-dogear-dim] + dd { opacity: .5; }
[data-dogear-focus] + dd { box-shadow: -10px 0 0 -6px var(--dg-focus-ring); }
[data-dogear-selected] + dd { background-color: rgb(251 191 36 / .12); }
`;

export const arxiv: SiteAdapter<'arxiv'> = {
  name: 'arxiv',
  origin: 'https://arxiv.org',
  matches: ['https://arxiv.org/list/*', 'https://arxiv.org/abs/*', 'https://arxiv.org/html/*'],
  detect,
  extract,
  extractPaper,
  entryHolders: 'dl, dt, dd',
  // Listings and abs pages have no dark theme; LaTeXML /html/ papers set this from a toggle.
  darkTheme: 'html[data-theme="dark"]',
  pageCss: PAGE_CSS,
};
