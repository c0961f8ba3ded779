import { allTags, idMonth, type Paper, type PaperStatus } from './model';
import { type Clause, foldText, parseQuery, type Query } from './search-query';
import type { Steps } from './rank/steps';

/**
 * Reading-list search: a query (search-query.ts) matched against per-paper
 * haystacks that are normalised once per paper.
 */

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
