import type { Paper } from './model';
import { finish, type Steps } from './rank/steps';
import { type Filter, type ParsedFilter, parseFilter, passes, type SearchIndex, SLICE } from './search';
import type { Clause } from './search-query';

/**
 * A filter of the reading list run in steps, so a keystroke can paint its first screen of matches
 * before the rest of a long list is searched. A query that narrows the previous one (typing on)
 * searches only what the previous one matched, plus what it had not reached yet.
 */
export interface Scan {
  /** Matches found so far, in index order; all of them once `done`. */
  readonly matches: Paper[];
  readonly done: boolean;
  /** The search, a few hundred papers a step (run them with `finish` or `inSlices`); ends once a newer scan took over. */
  readonly steps: Steps<void>;
  /** Ends the steps at the next one (the view that wanted the matches is gone). */
  stop(): void;
}

interface ScanState {
  index: SearchIndex;
  filter: ParsedFilter;
  matches: Paper[];
  /** Index positions of the matches. */
  hits: number[];
  /** Positions to search, up to `pos` done; null: the whole index in order. */
  source: number[] | null;
  pos: number;
  done: boolean;
  superseded: boolean;
  steps: Steps<void>;
  stop(): void;
}

export function startScan(index: SearchIndex, f: Filter, previous?: Scan | null): Scan {
  const filter = parseFilter(f);
  const prev = previous as ScanState | null | undefined;
  let source: number[] | null = null;
  if (prev && prev.index === index && narrows(prev.filter, filter)) {
    const rest = prev.source
      ? prev.source.slice(prev.pos)
      : Array.from({ length: index.papers.length - prev.pos }, (_, k) => prev.pos + k);
    source = prev.hits.concat(rest);
  }
  prev?.stop();
  const s: ScanState = {
    index,
    filter,
    matches: [],
    hits: [],
    source,
    pos: 0,
    done: false,
    superseded: false,
    steps: search(),
    stop: () => {
      s.superseded = true;
    },
  };
  function* search(): Steps<void> {
    const n = s.source ? s.source.length : s.index.papers.length;
    while (s.pos < n) {
      const end = Math.min(n, s.pos + SLICE);
      for (; s.pos < end; s.pos++) {
        const i = s.source ? s.source[s.pos]! : s.pos;
        if (passes(s.index, i, s.filter)) {
          s.hits.push(i);
          s.matches.push(s.index.papers[i]!);
        }
      }
      // A comparison of statuses per paper needs no slices.
      if (s.pos < n && !s.filter.light) yield;
      if (s.superseded) return;
    }
    s.done = true;
  }
  return s;
}

/** Whether everything `next` matches is matched by `prev`: then `next` need only search `prev`'s matches. */
export function narrows(prev: ParsedFilter, next: ParsedFilter): boolean {
  if (prev.status !== next.status || prev.tag !== next.tag) return false;
  return prev.query.clauses.every((c) => next.query.clauses.some((d) => implies(d, c)));
}

/** Whether a paper holding clause `d` always holds clause `c`. */
function implies(d: Clause, c: Clause): boolean {
  if (d.kind === 'text' && c.kind === 'text' && d.negate === c.negate)
    // Containing a longer text contains the shorter; lacking a shorter text lacks every text containing it.
    return d.negate ? c.value.includes(d.value) : d.value.includes(c.value);
  return sameClause(d, c);
}

function sameClause(a: Clause, b: Clause): boolean {
  return a.kind === b.kind && Object.entries(a).every(([k, v]) => (b as Record<string, unknown>)[k] === v);
}

/** Papers of the index that pass the status/tag filters and the query, in index order. */
export function filterPapers(index: SearchIndex, f: Filter): Paper[] {
  const s = startScan(index, f);
  finish(s.steps);
  return s.matches;
}
