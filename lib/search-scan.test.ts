import { describe, expect, it } from 'vitest';
import { blankPaper, type Paper } from './model';
import { finish } from './rank/steps';
import { buildIndex, parseFilter, type SearchIndex } from './search';
import { filterPapers, narrows, startScan } from './search-scan';

function paper(i: number, over: Partial<Paper> = {}): Paper {
  return { ...blankPaper(`2401.${String(i).padStart(5, '0')}`, 0, 'arxiv'), ...over };
}

const WORDS = ['diffusion model', 'diffusion policy', 'language model', 'reward model', 'vision'];
const list = (n: number) =>
  Array.from({ length: n }, (_, i) =>
    paper(i, { title: `${WORDS[i % WORDS.length]} ${i}`, status: i % 4 === 3 ? 'dismissed' : 'saved' }),
  );

/** An index whose papers count how often a scan looks at one. */
function countingIndex(papers: Paper[]): { index: SearchIndex; looked: () => number } {
  let n = 0;
  const counted = new Proxy(papers, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) n++;
      return Reflect.get(target, key, receiver);
    },
  });
  return { index: buildIndex(counted), looked: () => n };
}

const ids = (ps: readonly Paper[]) => ps.map((p) => p.id);

describe('startScan', () => {
  it('finds what filterPapers finds, in index order, whether run whole or step by step', () => {
    const index = buildIndex(list(1000));
    const all = filterPapers(index, { query: 'diffusion', status: 'all' });
    expect(all).toHaveLength(400);
    const scan = startScan(index, { query: 'diffusion', status: 'all' });
    expect(scan.steps.next().done).toBe(false);
    expect(scan.done).toBe(false);
    expect(ids(scan.matches)).toEqual(ids(all.slice(0, scan.matches.length)));
    finish(scan.steps);
    expect(scan.done).toBe(true);
    expect(ids(scan.matches)).toEqual(ids(all));
  });

  it('a query that extends the previous one looks only at what that one matched', () => {
    const { index, looked } = countingIndex(list(1000));
    const first = startScan(index, { query: 'diffusion', status: 'all' });
    finish(first.steps);
    const before = looked();
    const next = startScan(index, { query: 'diffusion policy', status: 'all' }, first);
    finish(next.steps);
    // 400 earlier matches each read once by the filter and once for the match list, at most.
    expect(looked() - before).toBeLessThanOrEqual(400 + 200);
    expect(ids(next.matches)).toEqual(
      ids(filterPapers(buildIndex(list(1000)), { query: 'diffusion policy', status: 'all' })),
    );
  });

  it('narrows from a scan still under way: its matches so far and what it had not reached', () => {
    const papers = list(1000);
    const index = buildIndex(papers);
    const first = startScan(index, { query: 'model', status: 'all' });
    first.steps.next();
    const next = startScan(index, { query: 'diffusion model', status: 'all' }, first);
    finish(next.steps);
    expect(ids(next.matches)).toEqual(ids(filterPapers(index, { query: 'diffusion model', status: 'all' })));
    // The first one was superseded: it stops at its next step and finds nothing more.
    const found = first.matches.length;
    expect(first.steps.next().done).toBe(true);
    expect(first.matches.length).toBe(found);
  });

  it('a query that does not narrow searches the whole index again', () => {
    const index = buildIndex(list(1000));
    const first = startScan(index, { query: 'diffusion policy', status: 'all' });
    finish(first.steps);
    const wider = startScan(index, { query: 'diffusion', status: 'all' }, first);
    finish(wider.steps);
    expect(wider.matches).toHaveLength(400);
    const other = startScan(buildIndex(list(1000)), { query: 'diffusion policy vision', status: 'all' }, wider);
    finish(other.steps);
    expect(other.matches).toHaveLength(0);
  });

  it('a status-only filter needs no haystacks and runs in one step', () => {
    const { index } = countingIndex(list(1000));
    const scan = startScan(index, { query: '-status:dismissed', status: 'all' });
    expect(scan.steps.next().done).toBe(true);
    expect(scan.matches).toHaveLength(750);
    expect(index.entries.filter(Boolean)).toHaveLength(0);
  });
});

describe('narrows', () => {
  const f = (query: string, status: 'all' | 'read' = 'all', tag?: string) => parseFilter({ query, status, tag });
  it.each([
    ['', 'diffusion', true],
    ['d', 'di', true],
    ['diff', 'diffusion model', true],
    ['diffusion model', 'diffusion models', true],
    ['diffusion model', 'model diffusion', true],
    ['"diffusion model"', 'diffusion', false],
    ['-survey', '-survey -review', true],
    ['-surveys', '-survey', true],
    ['-survey', '-surveys', false],
    ['-survey', 'survey', false],
    ['tag:r', 'tag:rl', false],
    ['tag:rl', 'tag:rl x', true],
    ['year:202', 'year:2024', false],
    ['year:2024', 'year:2024 x', true],
    ['year:<2015', 'year:<=2015', false],
    ['status:read', 'status:read diffusion', true],
    ['zotero:yes', 'zotero:no', false],
    ['diffusion', 'diffusio', false],
  ])('%j → %j: %s', (a, b, want) => {
    expect(narrows(f(a), f(b))).toBe(want);
  });

  it('only under the same status view and tag', () => {
    expect(narrows(f('a'), f('ab', 'read'))).toBe(false);
    expect(narrows(f('a', 'all', 'rl'), f('ab', 'all', 'vision'))).toBe(false);
    expect(narrows(f('a', 'all', 'rl'), f('ab', 'all', 'RL'))).toBe(true);
  });
});
