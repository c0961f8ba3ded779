import { allTags, idMonth, type Paper, type PaperStatus } from './model';
import type { Steps } from './rank/steps';

/**
 * Reading-list search: a small query language parsed once per keystroke,
 * matched against per-paper haystacks that are normalised once per paper.
 */

// ---------------------------------------------------------------- text folding

// Letters NFD does not decompose into base + combining mark.
const EXTRA_FOLDS: Record<string, string> = {
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ı: 'i',
  ħ: 'h',
};
const EXTRA_FOLD_RE = new RegExp(`[${Object.keys(EXTRA_FOLDS).join('')}]`, 'g');

/** Lower-case, strip accents, collapse whitespace: `Ørsted  Müller` → `orsted muller`. */
export function foldText(s: string): string {
  // Each step runs only when needed: indexing folds megabytes of abstracts, mostly plain ASCII.
  let out = s.toLowerCase();
  if (/[^\x00-\x7f]/.test(out)) {
    out = out
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .replace(EXTRA_FOLD_RE, (c) => EXTRA_FOLDS[c] ?? c);
  }
  if (/[^\S ]| {2}/.test(out)) out = out.replace(/\s+/g, ' ');
  return out.trim();
}

// ---------------------------------------------------------------- years

/**
 * Year of `published`, else from the arXiv id: new-style `YYMM.n` ids began in
 * 2007, old-style `archive/YYMMnnn` ids ran 1991–2007.
 */
export function paperYear(p: Pick<Paper, 'id' | 'published'>): number | null {
  const fromDate = p.published ? /^(\d{4})/.exec(p.published) : null;
  if (fromDate?.[1]) return Number(fromDate[1]);
  return idMonth(p.id)?.year ?? null;
}

// ---------------------------------------------------------------- query

export type Clause =
  | { kind: 'text'; value: string; negate: boolean }
  | { kind: 'tag'; value: string; negate: boolean }
  | { kind: 'status'; value: PaperStatus; negate: boolean }
  | { kind: 'year'; min: number; max: number; negate: boolean }
  /** `zotero:yes` / `zotero:no`: whether the paper was sent to Zotero. */
  | { kind: 'zotero'; value: boolean; negate: boolean };

/** All clauses must hold. Text and tag values are stored folded (see `foldText`). */
export interface Query {
  clauses: Clause[];
}

const YES_NO: Record<string, boolean> = {
  yes: true,
  y: true,
  true: true,
  sent: true,
  no: false,
  n: false,
  false: false,
};

const STATUS_ALIASES: Record<string, PaperStatus> = {
  saved: 'saved',
  toread: 'saved',
  read: 'read',
  dismissed: 'dismissed',
};

// Search boxes are typed into; anything longer is a paste accident.
const MAX_QUERY = 2_000;

interface Token {
  negate: boolean;
  key: string | null;
  value: string;
}

function tokenize(q: string): Token[] {
  const s = q.slice(0, MAX_QUERY);
  const out: Token[] = [];
  let i = 0;
  const readQuoted = (): string => {
    const end = s.indexOf('"', i + 1);
    const v = s.slice(i + 1, end < 0 ? s.length : end);
    i = end < 0 ? s.length : end + 1;
    return v;
  };
  const bare = /\S*/y;
  const readBare = (): string => {
    bare.lastIndex = i;
    const m = bare.exec(s)?.[0] ?? '';
    i += m.length;
    return m;
  };
  while (i < s.length) {
    if (/\s/.test(s[i] ?? '')) {
      i++;
      continue;
    }
    let negate = false;
    if (s[i] === '-' && /\S/.test(s[i + 1] ?? '')) {
      negate = true;
      i++;
    }
    if (s[i] === '"') {
      out.push({ negate, key: null, value: readQuoted() });
      continue;
    }
    const key = /^([A-Za-z]+):/.exec(s.slice(i, i + 20))?.[1];
    if (key) {
      i += key.length + 1;
      out.push({ negate, key, value: s[i] === '"' ? readQuoted() : readBare() });
      continue;
    }
    out.push({ negate, key: null, value: readBare() });
  }
  return out;
}

function parseYear(v: string): { min: number; max: number } | null {
  const range = /^(\d{4})\s*(?:-|\.\.)\s*(\d{4})$/.exec(v);
  if (range) {
    const a = Number(range[1]);
    const b = Number(range[2]);
    return { min: Math.min(a, b), max: Math.max(a, b) };
  }
  const cmp = /^(<=|>=|<|>|=)?(\d{4})$/.exec(v);
  if (!cmp) return null;
  const y = Number(cmp[2]);
  switch (cmp[1]) {
    case '<':
      return { min: -Infinity, max: y - 1 };
    case '<=':
      return { min: -Infinity, max: y };
    case '>':
      return { min: y + 1, max: Infinity };
    case '>=':
      return { min: y, max: Infinity };
    default:
      return { min: y, max: y };
  }
}

function toClause(t: Token): Clause | null {
  const key = t.key?.toLowerCase();
  const value = t.value.trim();
  if (key === 'zotero' && value) {
    const sent = YES_NO[value.toLowerCase()];
    if (sent !== undefined) return { kind: 'zotero', value: sent, negate: t.negate };
  }
  if (key === 'tag' || key === 'status' || key === 'year') {
    // `status:` with nothing after it yet is a token still being typed.
    if (!value) return null;
    if (key === 'tag') return { kind: 'tag', value: foldText(value), negate: t.negate };
    if (key === 'status') {
      const status = STATUS_ALIASES[value.toLowerCase()];
      if (status) return { kind: 'status', value: status, negate: t.negate };
    } else {
      const y = parseYear(value);
      if (y) return { kind: 'year', ...y, negate: t.negate };
    }
  }
  // Unknown keys and invalid values stay searchable text, so `foo:bar` finds `foo:bar`.
  const text = foldText(t.key === null ? t.value : `${t.key}:${t.value}`);
  return text ? { kind: 'text', value: text, negate: t.negate } : null;
}

/** Parses the search box. Never throws; an empty query matches everything. */
export function parseQuery(q: string): Query {
  const clauses: Clause[] = [];
  for (const t of tokenize(typeof q === 'string' ? q : '')) {
    const c = toClause(t);
    if (c) clauses.push(c);
  }
  return { clauses };
}

// ---------------------------------------------------------------- index

interface IndexedPaper {
  paper: Paper;
  /** Folded title, authors, abstract, note and id; fields split by a separator no query contains. */
  haystack: string;
  tags: Set<string>;
  year: number | null;
}

/**
 * The papers in display order. Their haystacks are built when first searched, or warmed in
 * slices (`warmSteps`): building the index costs nothing, so a long list opens at once.
 */
export interface SearchIndex {
  papers: readonly Paper[];
  entries: (IndexedPaper | undefined)[];
}

// Records are replaced, not mutated, on every write, so object identity tells
// us whether a paper's haystack is still valid across rebuilds of the list.
const cache = new WeakMap<Paper, IndexedPaper>();

function indexed(p: Paper): IndexedPaper {
  let e = cache.get(p);
  if (!e) {
    const fields = [p.title, p.authors.join(', '), p.abstract ?? '', p.note, p.id];
    e = {
      paper: p,
      haystack: fields.map(foldText).join('\u0001'),
      tags: new Set(allTags(p).map(foldText)),
      year: paperYear(p),
    };
    cache.set(p, e);
  }
  return e;
}

/** Cheap to call on every list change: unchanged paper objects reuse their haystack. */
export function buildIndex(papers: readonly Paper[]): SearchIndex {
  return { papers, entries: new Array(papers.length) };
}

/** Entry `i` of the index, its haystack built on first use. */
export function entryAt(index: SearchIndex, i: number): IndexedPaper {
  let e = index.entries[i];
  if (!e) {
    e = indexed(index.papers[i]!);
    index.entries[i] = e;
  }
  return e;
}

/** Papers per step of sliced work. */
export const SLICE = 128;

/** Builds every haystack ahead of the first search, a few hundred papers a step (see `lib/rank/steps.ts`), until `stopped`. */
export function* warmSteps(index: SearchIndex, stopped: () => boolean): Steps<void> {
  for (let i = 0; i < index.papers.length && !stopped(); i++) {
    entryAt(index, i);
    if (i % SLICE === SLICE - 1) yield;
  }
}

// `e` is null when the filter asks nothing of the haystacks (see `ParsedFilter.light`).
function holds(p: Paper, e: IndexedPaper | null, c: Clause): boolean {
  switch (c.kind) {
    case 'text':
      return e!.haystack.includes(c.value);
    case 'tag':
      return e!.tags.has(c.value);
    case 'status':
      return p.status === c.value;
    case 'year':
      return e!.year !== null && e!.year >= c.min && e!.year <= c.max;
    case 'zotero':
      return (p.sentToZotero !== undefined) === c.value;
  }
}

function matchesEntry(p: Paper, e: IndexedPaper | null, q: Query): boolean {
  for (const c of q.clauses) if (holds(p, e, c) === c.negate) return false;
  return true;
}

export function matchesQuery(p: Paper, q: Query): boolean {
  return matchesEntry(p, indexed(p), q);
}

type StatusFilter = 'toread' | 'read' | 'dismissed' | 'all';

export interface Filter {
  query: string | Query;
  status: StatusFilter;
  tag?: string;
}

/** A filter with its query parsed and its status and tag in the form entries are compared with. */
export interface ParsedFilter {
  query: Query;
  status: PaperStatus | null;
  tag: string | null;
  /** Only statuses and Zotero marks are asked: no haystack needs building (the unfiltered list, a status view). */
  light: boolean;
}

export function parseFilter(f: Filter): ParsedFilter {
  const query = typeof f.query === 'string' ? parseQuery(f.query) : f.query;
  const tag = f.tag ? foldText(f.tag) : null;
  return {
    query,
    status: f.status === 'all' ? null : f.status === 'toread' ? 'saved' : f.status,
    tag,
    light: !tag && query.clauses.every((c) => c.kind === 'status' || c.kind === 'zotero'),
  };
}

/** Whether paper `i` of the index passes the filter. */
export function passes(index: SearchIndex, i: number, f: ParsedFilter): boolean {
  const p = index.papers[i]!;
  if (f.status && p.status !== f.status) return false;
  const e = f.light ? null : entryAt(index, i);
  if (f.tag && !e!.tags.has(f.tag)) return false;
  return matchesEntry(p, e, f.query);
}
