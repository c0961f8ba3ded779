import { describe, expect, it } from 'vitest';
import { buildIndex } from '@/lib/search';
import { filterPapers } from '@/lib/search-scan';
import {
  chunks,
  parseTagInput,
  primaryUrl,
  scrollToRow,
  shortAuthors,
  shortDate,
  type ViewFilter,
  viewFilter,
  visibleRange,
} from './reading-list';
import { paper } from './test-papers';

describe('reading-list helpers', () => {
  it('shortAuthors', () => {
    expect(shortAuthors([])).toBe('');
    expect(shortAuthors(['Ada'])).toBe('Ada');
    expect(shortAuthors(['Ada', 'Alan'])).toBe('Ada & Alan');
    expect(shortAuthors(['Ada', 'Alan', 'Grace'])).toBe('Ada et al.');
  });

  it('shortDate', () => {
    expect(shortDate('2026-10-07')).toBe('7 Oct 2026');
    expect(shortDate('2026-10-07T12:00:00Z')).toBe('7 Oct 2026');
    expect(shortDate('2026-10')).toBe('Oct 2026');
    expect(shortDate('2026-13-01')).toBe('2026-13-01');
    expect(shortDate(undefined)).toBe('');
  });

  it('primaryUrl prefers Hugging Face, which has no old-style ids', () => {
    expect(primaryUrl({ id: '2610.10001' })).toBe('https://huggingface.co/papers/2610.10001');
    expect(primaryUrl({ id: 'hep-th/9901001' })).toBe('https://arxiv.org/abs/hep-th/9901001');
  });

  it('parseTagInput trims, de-duplicates and rejects bad tags', () => {
    expect(parseTagInput(' a, b ,,a ')).toEqual({ tags: ['a', 'b'] });
    expect(parseTagInput('')).toEqual({ tags: [] });
    expect(parseTagInput(`ok, ${'x'.repeat(61)}`).error).toContain('not a valid tag');
    expect(parseTagInput('bad\u0001tag').error).toBeDefined();
    expect(parseTagInput(Array.from({ length: 51 }, (_, i) => `t${i}`).join(',')).error).toBe('At most 50 tags.');
  });

  it('viewFilter: the reading list hides dismissed papers; explicit statuses and tags filter', () => {
    const idx = buildIndex([
      paper(1),
      paper(2, { status: 'read', tags: ['x'] }),
      paper(3, { status: 'dismissed', tags: ['x'] }),
    ]);
    const ids = (ps: { id: string }[]) => ps.map((p) => p.id);
    const view = (f: ViewFilter) => filterPapers(idx, viewFilter(f));
    expect(ids(view({ query: '', status: 'list', tag: '' }))).toEqual(['2610.10001', '2610.10002']);
    expect(ids(view({ query: '', status: 'list', tag: 'x' }))).toEqual(['2610.10002']);
    expect(ids(view({ query: 'status:dismissed', status: 'list', tag: '' }))).toEqual([]);
    expect(ids(view({ query: '', status: 'dismissed', tag: '' }))).toEqual(['2610.10003']);
    expect(ids(view({ query: '', status: 'all', tag: 'x' }))).toEqual(['2610.10002', '2610.10003']);
  });

  it('visibleRange renders the window plus overscan, clamped', () => {
    expect(visibleRange(10_000, 76, 0, 440, 6)).toEqual({ start: 0, end: 12 });
    expect(visibleRange(10_000, 76, 76 * 5000, 440, 6)).toEqual({ start: 4994, end: 5012 });
    expect(visibleRange(3, 76, 0, 440, 6)).toEqual({ start: 0, end: 3 });
    expect(visibleRange(0, 76, 0, 440, 6)).toEqual({ start: 0, end: 0 });
    expect(visibleRange(100, 76, -50, 440, 0)).toEqual({ start: 0, end: 6 });
  });

  it('scrollToRow scrolls only as far as needed', () => {
    expect(scrollToRow(0, 76, 0, 440)).toBe(0);
    expect(scrollToRow(10, 76, 0, 440)).toBe(11 * 76 - 440);
    expect(scrollToRow(2, 76, 500, 440)).toBe(152);
    expect(scrollToRow(8, 76, 400, 440)).toBe(400);
  });

  it('chunks', () => {
    expect(chunks([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunks([], 2)).toEqual([]);
  });
});
