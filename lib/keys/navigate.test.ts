import { describe, expect, it } from 'vitest';
import { readingOrder, scrollDelta, startIndex, step } from './navigate';

const all = () => true;

describe('step', () => {
  it('moves one entry down and up', () => {
    expect(step(5, 0, 1, all)).toBe(1);
    expect(step(5, 3, -1, all)).toBe(2);
  });

  it('skips hidden entries both ways', () => {
    const hidden = new Set([1, 2, 4]);
    const shown = (i: number) => !hidden.has(i);
    expect(step(6, 0, 1, shown)).toBe(3);
    expect(step(6, 3, 1, shown)).toBe(5);
    expect(step(6, 5, -1, shown)).toBe(3);
    expect(step(6, 3, -1, shown)).toBe(0);
  });

  it('stays at the ends, also when everything beyond is hidden', () => {
    expect(step(3, 2, 1, all)).toBe(2);
    expect(step(3, 0, -1, all)).toBe(0);
    expect(step(4, 1, 1, (i) => i < 2)).toBe(1);
    expect(step(0, -1, 1, all)).toBe(-1);
  });
});

describe('startIndex', () => {
  // Rows of a three-column grid 300px tall, the viewport scrolled 650px down.
  const tops = [0, 0, 0, 300, 300, 300, 600, 600, 600, 900].map((t) => t - 650);

  it('starts at the first entry at or below the top of the viewport', () => {
    expect(startIndex(tops.length, all, (i) => tops[i]!)).toBe(9);
    const atTop = [0, 0, 0, 300, 300, 300].map((t) => t - 300);
    expect(startIndex(atTop.length, all, (i) => atTop[i]!)).toBe(3);
  });

  it('skips hidden entries', () => {
    const t = [-100, 10, 20, 30];
    expect(
      startIndex(
        4,
        (i) => i !== 1,
        (i) => t[i]!,
      ),
    ).toBe(2);
  });

  it('takes the last shown entry when the user scrolled past them all', () => {
    const t = [-900, -600, -300];
    expect(startIndex(3, all, (i) => t[i]!)).toBe(2);
    expect(
      startIndex(
        3,
        (i) => i === 0,
        (i) => t[i]!,
      ),
    ).toBe(0);
  });

  it('is -1 when nothing is shown', () => {
    expect(
      startIndex(
        3,
        () => false,
        () => 0,
      ),
    ).toBe(-1);
    expect(startIndex(0, all, () => 0)).toBe(-1);
  });

  it('tolerates a sub-pixel offset of a card scrolled to the top', () => {
    const t = [-300.2, -0.4, 300];
    expect(startIndex(3, all, (i) => t[i]!)).toBe(1);
  });
});

describe('scrollDelta', () => {
  const vh = 800;
  const margin = 80;

  it('does not scroll an entry already in view', () => {
    expect(scrollDelta({ top: 100, bottom: 400 }, vh, margin)).toBe(0);
    expect(scrollDelta({ top: 80, bottom: 720 }, vh, margin)).toBe(0);
  });

  it('brings an entry below the view up just enough', () => {
    expect(scrollDelta({ top: 700, bottom: 1000 }, vh, margin)).toBe(280);
  });

  it('brings an entry above the view down to the margin', () => {
    expect(scrollDelta({ top: -500, bottom: -200 }, vh, margin)).toBe(-580);
    expect(scrollDelta({ top: 20, bottom: 300 }, vh, margin)).toBe(-60);
  });

  it('shows the top of an entry taller than the view', () => {
    expect(scrollDelta({ top: 500, bottom: 2000 }, vh, margin)).toBe(420);
  });
});

describe('readingOrder', () => {
  it('orders by row, then column', () => {
    const pos = { a: [300, 0], b: [0, 400], c: [0, 0], d: [300, 400], e: [1.5, 800] } as const;
    const order = readingOrder(Object.keys(pos) as Array<keyof typeof pos>, (k) => ({
      top: pos[k][0],
      left: pos[k][1],
    }));
    expect(order).toEqual(['c', 'b', 'e', 'a', 'd']);
  });

  it('keeps the given order for entries at the same place (hidden ones at 0,0)', () => {
    expect(readingOrder(['x', 'y', 'z'], () => ({ top: 0, left: 0 }))).toEqual(['x', 'y', 'z']);
  });
});
