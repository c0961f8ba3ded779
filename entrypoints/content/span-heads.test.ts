import { describe, expect, it } from 'vitest';
import { itemsToUnwatch, STEP, type Spot } from './span-heads';

const at = (top: number, height = 100): Spot => ({ top, width: 300, height });

describe('itemsToUnwatch', () => {
  it('keeps a head every STEP pixels and the last entry, and lets the rest go', () => {
    const order = ['a', 'b', 'c', 'd', 'e', 'f'];
    const tops = [0, 0, 300, STEP, STEP + 10, STEP + 20];
    const reported = new Map(order.map((k, i) => [k, at(tops[i]!)]));
    expect(itemsToUnwatch(order, reported)).toEqual(['b', 'c', 'e']);
  });

  it('keeps entries with no box, entries above their head, and the one after a head of unknown place', () => {
    const order = ['a', 'hidden', 'b', 'c', 'up', 'old', 'd', 'e'];
    const reported = new Map<string, Spot>([
      ['a', at(1000)],
      ['hidden', { top: 0, width: 0, height: 0 }],
      ['b', at(1010)],
      ['c', at(1020)],
      ['up', at(200)],
      ['d', at(210)],
      ['e', at(220)],
    ]);
    // 'old' was placed by an earlier report: the item after it starts a span of its own.
    expect(itemsToUnwatch(order, reported)).toEqual(['c']);
  });

  it('lets nothing go with no reports or a single entry', () => {
    expect(itemsToUnwatch(['a', 'b'], new Map())).toEqual([]);
    expect(itemsToUnwatch(['a'], new Map([['a', at(0)]]))).toEqual([]);
  });
});
