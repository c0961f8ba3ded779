import { describe, expect, it } from 'vitest';
import { GATE, gate, prequential as prequentialSteps, type Decision } from './gate';
import { finish } from './steps';

/** The steps run at once, with predictors fitted at once. */
const prequential = (n: number, from: number, maxFits: number, fitBefore: (k: number) => (i: number) => number) =>
  finish(
    prequentialSteps(n, from, maxFits, function* (k) {
      yield;
      return fitBefore(k);
    }),
  );
import { rng } from './eval/random';

/** Decisions whose model and keyword predictions are the truth blurred by the given noise. */
function decisions(n: number, modelNoise: number, keywordNoise: number, seed = 1): Decision[] {
  const r = rng(seed);
  return Array.from({ length: n }, (_, i) => {
    const label = i % 3 !== 0;
    const truth = label ? 1 : 0;
    return { id: `p${i}`, label, model: truth + modelNoise * r(), keywords: truth + keywordNoise * r() };
  });
}

describe('gate', () => {
  it('shows a model that predicts the user better than their keywords by the margin', () => {
    const v = gate(decisions(40, 0.5, 3));
    expect(v.basis).toBe('model');
    expect(v.modelAuc).toBeGreaterThanOrEqual(v.keywordAuc + GATE.margin);
    expect(v.decisions).toBe(40);
  });

  it('never shows a model that is worse than the keywords, or only as good', () => {
    for (let seed = 1; seed <= 20; seed++) {
      expect(gate(decisions(40, 3, 0.5, seed)).basis).toBe('keywords');
      const same = decisions(40, 1, 1, seed).map((d) => ({ ...d, model: d.keywords }));
      expect(gate(same).basis).toBe('keywords');
    }
  });

  it('holds back a model that is better by less than the margin, and shows it at the margin', () => {
    // 20 saves, 20 dismissals; every dismissal scored like a save costs 20 × ½ of 400 pairs = 0.025 AUC.
    const tiedWithSaves = (k: number) => (i: number) => (i < 20 || i - 20 < k ? 1 : 0);
    const make = (model: (i: number) => number, keywords: (i: number) => number) =>
      Array.from({ length: 40 }, (_, i) => ({ id: `${i}`, label: i < 20, model: model(i), keywords: keywords(i) }));
    const near = gate(make(tiedWithSaves(1), tiedWithSaves(2)));
    expect(near.modelAuc - near.keywordAuc).toBeCloseTo(0.025, 9);
    expect(near.basis).toBe('keywords');
    const enough = gate(make(tiedWithSaves(0), tiedWithSaves(2)));
    expect(enough.modelAuc - enough.keywordAuc).toBeCloseTo(GATE.margin, 9);
    expect(enough.basis).toBe('model');
  });

  it('is cold until there are enough decisions of both kinds', () => {
    expect(gate([]).basis).toBe('cold');
    expect(gate(decisions(GATE.minDecisions - 1, 0, 5)).basis).toBe('cold');
    const onlyPositives = decisions(40, 0, 5).map((d) => ({ ...d, label: true }));
    expect(gate(onlyPositives)).toMatchObject({ basis: 'cold', decisions: 40 });
    expect(Number.isNaN(gate(onlyPositives).modelAuc)).toBe(true);
    expect(gate(decisions(GATE.minDecisions, 0, 5)).basis).toBe('model');
  });

  it('measures only the most recent window of decisions', () => {
    // Long ago the model was useless; in the last 40 decisions it is right.
    const old = decisions(100, 5, 0.5, 3);
    const recent = decisions(40, 0.2, 3, 4);
    expect(gate([...old, ...recent])).toMatchObject({ basis: 'model', decisions: 40 });
    expect(gate([...recent, ...old]).basis).toBe('keywords');
  });
});

describe('prequential', () => {
  it('predicts every item with a predictor fitted only on the items before it', () => {
    const fitted: number[] = [];
    const out = prequential(10, 3, 100, (k) => {
      fitted.push(k);
      return (i) => {
        // The predictor may only be asked about items at or after its training prefix.
        expect(i).toBeGreaterThanOrEqual(k);
        return k * 100 + i;
      };
    });
    expect(fitted).toEqual([3, 4, 5, 6, 7, 8, 9]);
    expect(out).toEqual([303, 404, 505, 606, 707, 808, 909]);
  });

  it('shares predictors between consecutive items when fits are capped, never using later items', () => {
    const fitted: number[] = [];
    const out = prequential(10, 0, 3, (k) => {
      fitted.push(k);
      return () => k;
    });
    expect(fitted).toEqual([0, 3, 6]);
    expect(out).toEqual([0, 0, 0, 3, 3, 3, 6, 6, 6, 6]);
  });

  it('handles nothing to predict and out-of-range starts', () => {
    const never = () => {
      throw new Error('no fit expected');
    };
    expect(prequential(0, 0, 5, never)).toEqual([]);
    expect(prequential(5, 5, 5, never)).toEqual([]);
    expect(prequential(5, 99, 5, never)).toEqual([]);
    expect(prequential(3, -4, 0, () => () => 1)).toEqual([1, 1, 1]);
  });

  it('measures a learner on data it has not seen: a memoriser scores chance, a real learner scores well', () => {
    // Items alternate by a rule the learner can pick up from earlier items.
    const labels = Array.from({ length: 60 }, (_, i) => i % 2 === 0);
    const r = rng(7);
    const noise = labels.map(() => r());
    // A "model" that memorises its training items and guesses at random otherwise.
    const memoriser = prequential(60, 20, 60, (k) => (i) => (i < k ? (labels[i] ? 1 : 0) : noise[i]!));
    // A model that learned the parity rule from what it saw.
    const learner = prequential(60, 20, 60, (k) => (i) => (k > 1 ? (i % 2 === 0 ? 1 : 0) : 0.5));
    const decided = labels.slice(20);
    const asDecisions = (model: number[]) =>
      decided.map((label, i) => ({ id: `${i}`, label, model: model[i]!, keywords: 0.5 }));
    expect(gate(asDecisions(memoriser)).basis).toBe('keywords');
    expect(gate(asDecisions(learner))).toMatchObject({ basis: 'model', modelAuc: 1, keywordAuc: 0.5 });
  });
});
