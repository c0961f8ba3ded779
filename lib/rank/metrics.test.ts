import { describe, expect, it } from 'vitest';
import { auc, precisionAtK } from './metrics';

describe('precisionAtK', () => {
  it('counts relevant items among the top k', () => {
    expect(precisionAtK([0.9, 0.8, 0.1, 0.7], [true, false, true, true], 2)).toBe(0.5);
    expect(precisionAtK([0.9, 0.8, 0.1, 0.7], [true, false, true, true], 3)).toBeCloseTo(2 / 3, 12);
  });

  it('credits ties at the cut-off with their expected share', () => {
    // Top 2 out of four tied items of which one is relevant: expected 0.5 relevant → 0.25.
    expect(precisionAtK([1, 1, 1, 1], [true, false, false, false], 2)).toBe(0.25);
    // One clear winner, then a tie of 3 (2 relevant) for the last slot.
    expect(precisionAtK([5, 1, 1, 1], [false, true, true, false], 2)).toBeCloseTo((0 + 2 / 3) / 2, 12);
  });

  it('uses the list length when shorter than k, NaN when empty', () => {
    expect(precisionAtK([1, 0], [true, false], 10)).toBe(0.5);
    expect(precisionAtK([], [], 10)).toBeNaN();
  });
});

describe('auc', () => {
  it('is 1 for a perfect ranking, 0 for an inverted one, 0.5 for all ties', () => {
    expect(auc([0.9, 0.8, 0.2, 0.1], [true, true, false, false])).toBe(1);
    expect(auc([0.1, 0.2, 0.8, 0.9], [true, true, false, false])).toBe(0);
    expect(auc([1, 1, 1, 1], [true, false, true, false])).toBe(0.5);
  });

  it('matches the pairwise definition', () => {
    const s = [0.3, 0.7, 0.5, 0.5, 0.1, 0.9];
    const y = [true, false, true, false, false, true];
    let wins = 0;
    let pairs = 0;
    s.forEach((a, i) =>
      s.forEach((b, j) => {
        if (y[i] && !y[j]) {
          pairs++;
          wins += a > b ? 1 : a === b ? 0.5 : 0;
        }
      }),
    );
    expect(auc(s, y)).toBeCloseTo(wins / pairs, 12);
  });

  it('is NaN without both classes', () => {
    expect(auc([1, 2], [true, true])).toBeNaN();
    expect(auc([], [])).toBeNaN();
  });
});
