import { idMonth, type Paper } from './model';

/** The reading list's orders: by date saved, date published or title. */

export type SortKey = 'savedAt' | 'published' | 'title';
export type SortDir = 'asc' | 'desc';

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Publication date, or `YYYY-MM` from the id, so undated papers still sort near their peers. */
function publishedKey(p: Paper): string | null {
  if (p.published) return p.published;
  const m = idMonth(p.id);
  return m ? `${m.year}-${String(m.month).padStart(2, '0')}` : null;
}

/**
 * Stable: ties keep their input order in both directions. Papers without a
 * sort value (no date, empty title) go last either way.
 */
export function sortPapers(papers: readonly Paper[], by: SortKey, dir: SortDir = 'desc'): Paper[] {
  const sign = dir === 'asc' ? 1 : -1;
  const compare: (a: string | number, b: string | number) => number =
    by === 'title' ? (a, b) => collator.compare(String(a), String(b)) : (a, b) => (a < b ? -1 : a > b ? 1 : 0);
  // Keys computed once per paper, not once per comparison.
  const rows = papers.map((p, i) => ({
    p,
    i,
    k: by === 'savedAt' ? p.savedAt : by === 'title' ? p.title.trim() || null : publishedKey(p),
  }));
  rows.sort((a, b) => {
    if (a.k === null || b.k === null) return a.k === b.k ? a.i - b.i : a.k === null ? 1 : -1;
    return compare(a.k, b.k) * sign || a.i - b.i;
  });
  return rows.map((r) => r.p);
}
