import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { allTags, type Paper, type PaperStatus } from '@/lib/model';
import { inSlices } from '@/lib/rank/steps';
import { buildIndex, warmSteps } from '@/lib/search';
import { type Scan, startScan } from '@/lib/search-scan';
import { sortPapers, type SortDir, type SortKey } from '@/lib/sort';
import { FIRST_SCREEN, type ViewStatus, viewFilter } from './reading-list';

export const SORTS: { value: string; label: string; key: SortKey; dir: SortDir }[] = [
  { value: 'saved-desc', label: 'Newest saved', key: 'savedAt', dir: 'desc' },
  { value: 'saved-asc', label: 'Oldest saved', key: 'savedAt', dir: 'asc' },
  { value: 'published-desc', label: 'Newest published', key: 'published', dir: 'desc' },
  { value: 'published-asc', label: 'Oldest published', key: 'published', dir: 'asc' },
  { value: 'title-asc', label: 'Title A–Z', key: 'title', dir: 'asc' },
];

// A search paints once it has a first screen of matches and has run this long (a list of a few
// thousand is searched whole before that), or once it has run FIRST_SLICE_MAX_MS with fewer.
const FIRST_SLICE_MS = 2;
const FIRST_SLICE_MAX_MS = 12;
// The rest of a search, and the haystacks built ahead of the first one, run in slices this long:
// a keystroke waits at most one.
const SLICE_MS = 5;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
type Idle = (cb: () => void, opts: { timeout: number }) => number;
/** Idle time: after frames and input (the next task where the browser has no idle callbacks). */
const idle = () =>
  new Promise<void>((resolve) => {
    const ric = (globalThis as { requestIdleCallback?: Idle }).requestIdleCallback;
    if (ric) ric(resolve, { timeout: 1000 });
    else setTimeout(resolve, 0);
  });

/**
 * The reading list's search, filters and sort, and what they show. Held by the popup (not the list),
 * so the filtered view survives a visit to Import & export, whose export offers it.
 */
export function useListFilter(papers: readonly Paper[]) {
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<ViewStatus>('list');
  const [tag, setTag] = useState('');
  const [sort, setSort] = useState('saved-desc');

  // Sorting happens once per data load; typing only filters the index, which keeps sort order.
  const sortDef = SORTS.find((s) => s.value === sort) ?? SORTS[0]!;
  const index = useMemo(() => buildIndex(sortPapers(papers, sortDef.key, sortDef.dir)), [papers, sortDef]);

  // Haystacks are built in slices after the list arrives, so neither its first frame nor the first keystroke waits.
  useEffect(() => {
    let gone = false;
    void idle().then(() =>
      inSlices(
        warmSteps(index, () => gone),
        { sliceMs: SLICE_MS, pause: idle },
      ),
    );
    return () => {
      gone = true;
    };
  }, [index]);

  // The first slice of a search runs in the keystroke's own render; the rest after its frame.
  const last = useRef<Scan | null>(null);
  const view = useMemo(() => {
    const scan = startScan(index, viewFilter({ query, status, tag }), last.current);
    last.current = scan;
    const started = performance.now();
    for (let r = scan.steps.next(); !r.done; r = scan.steps.next()) {
      const ran = performance.now() - started;
      if (ran >= FIRST_SLICE_MAX_MS || (ran >= FIRST_SLICE_MS && scan.matches.length >= FIRST_SCREEN)) break;
    }
    return { scan, first: scan.done ? scan.matches : scan.matches.slice() };
  }, [index, query, status, tag]);
  const [finished, setFinished] = useState<Scan | null>(null);
  useEffect(() => {
    const { scan } = view;
    if (scan.done) return;
    // From the next task: the first screen's frame, and any key typed meanwhile, come first.
    void nextTask()
      .then(() => inSlices(scan.steps, { sliceMs: SLICE_MS }))
      .then(() => scan.done && setFinished(scan));
    return () => scan.stop();
  }, [view]);
  const complete = view.first === view.scan.matches || finished === view.scan;

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
    /** The papers the view shows; while `searching`, only the first of them. */
    shown: complete ? view.scan.matches : view.first,
    /** A search of a long list has painted its first screen and is looking through the rest. */
    searching: !complete,
    knownTags,
    counts,
    filtered: !!(query || tag || status !== 'list'),
    clear: () => (setQuery(''), setTag(''), setStatus('list')),
  };
}

export type ListFilter = ReturnType<typeof useListFilter>;
