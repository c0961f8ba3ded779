import { useMemo, useState } from 'preact/hooks';
import { allTags, type Paper, type PaperStatus } from '@/lib/model';
import { buildIndex } from '@/lib/search';
import { sortPapers, type SortDir, type SortKey } from '@/lib/sort';
import { applyView, type ViewStatus } from './reading-list';

export const SORTS: { value: string; label: string; key: SortKey; dir: SortDir }[] = [
  { value: 'saved-desc', label: 'Newest saved', key: 'savedAt', dir: 'desc' },
  { value: 'saved-asc', label: 'Oldest saved', key: 'savedAt', dir: 'asc' },
  { value: 'published-desc', label: 'Newest published', key: 'published', dir: 'desc' },
  { value: 'published-asc', label: 'Oldest published', key: 'published', dir: 'asc' },
  { value: 'title-asc', label: 'Title A–Z', key: 'title', dir: 'asc' },
];

/**
 * The reading list's search, filters and sort, and what they show. Held by the popup (not the list),
 * so the filtered view survives a visit to Import & export, whose export offers it.
 */
export function useListFilter(papers: readonly Paper[]) {
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<ViewStatus>('list');
  const [tag, setTag] = useState('');
  const [sort, setSort] = useState('saved-desc');

  // Sorting and indexing happen once per data load; typing only filters the index, which keeps sort order.
  const sortDef = SORTS.find((s) => s.value === sort) ?? SORTS[0]!;
  const index = useMemo(() => buildIndex(sortPapers(papers, sortDef.key, sortDef.dir)), [papers, sortDef]);
  const shown = useMemo(() => applyView(index, { query, status, tag }), [index, query, status, tag]);
  const knownTags = useMemo(() => [...new Set(papers.flatMap(allTags))].sort((a, b) => a.localeCompare(b)), [papers]);
  const counts = useMemo(() => {
    const c: Record<PaperStatus, number> = { saved: 0, read: 0, dismissed: 0 };
    for (const p of papers) c[p.status]++;
    return c;
  }, [papers]);

  return {
    query,
    setQuery,
    status,
    setStatus,
    tag,
    setTag,
    sort,
    setSort,
    shown,
    knownTags,
    counts,
    filtered: !!(query || tag || status !== 'list'),
    clear: () => (setQuery(''), setTag(''), setStatus('list')),
  };
}

export type ListFilter = ReturnType<typeof useListFilter>;
