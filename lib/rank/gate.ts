import { auc } from './metrics';
import type { Steps } from './steps';

/**
 * Does the model earn its place? It is measured on the user's own decisions,
 * in the order they were made, each predicted before it was learned from
 * (prequential evaluation), and compared with the user's keywords on the same
 * decisions. Only a model that beats the keywords by a margin is shown.
 */

/** One labelled paper as it was predicted just before the user labelled it. */
export interface Decision {
  id: string;
  /** Saved or read (true), dismissed (false). */
  label: boolean;
  /** The model's score, from a model trained only on earlier decisions. */
  model: number;
  /** The keyword score at the same moment. */
  keywords: number;
}

export type Basis = 'model' | 'keywords' | 'cold';

export interface Verdict {
  /** `cold`: too few decisions to measure; `keywords`: measured, the model is not better. */
  basis: Basis;
  /** Decisions measured (the most recent ones, up to `window`). */
  decisions: number;
  /** AUC of the model's and the keywords' predictions on them; NaN while cold. */
  modelAuc: number;
  keywordAuc: number;
}

export const GATE = {
  /** The most recent decisions measured: recent taste matters, and it bounds the cost. */
  window: 40,
  minDecisions: 10,
  /** Fewer of either kind and an AUC means little. */
  minPerClass: 3,
  /**
   * How much better the model must predict. An AUC over 40 decisions has a
   * standard error near 0.07; a margin keeps a model that is only as good as
   * the keywords (give or take luck) from flickering in and out.
   */
  margin: 0.05,
} as const;

export function gate(decisions: readonly Decision[], opts: Partial<typeof GATE> = {}): Verdict {
  const o = { ...GATE, ...opts };
  const recent = decisions.slice(-o.window);
  const labels = recent.map((d) => d.label);
  const pos = labels.filter(Boolean).length;
  if (recent.length < o.minDecisions || Math.min(pos, recent.length - pos) < o.minPerClass)
    return { basis: 'cold', decisions: recent.length, modelAuc: NaN, keywordAuc: NaN };
  const modelAuc = auc(
    recent.map((d) => d.model),
    labels,
  );
  const keywordAuc = auc(
    recent.map((d) => d.keywords),
    labels,
  );
  const basis = modelAuc >= keywordAuc + o.margin ? 'model' : 'keywords';
  return { basis, decisions: recent.length, modelAuc, keywordAuc };
}

/**
 * Predictions for items `from`…`n-1`, each made by a predictor fitted on the
 * items before it: `fitBefore(k)` fits on items 0…k-1. At most `maxFits` fits:
 * beyond that, consecutive items share the predictor fitted before the first
 * of them — still only earlier items, just fewer of them. Fits are steps (steps.ts).
 */
export function* prequential(
  n: number,
  from: number,
  maxFits: number,
  fitBefore: (k: number) => Steps<(i: number) => number>,
): Steps<number[]> {
  const start = Math.max(0, Math.min(Math.floor(from), n));
  const todo = n - start;
  const fits = Math.max(1, Math.min(Math.floor(maxFits), todo));
  const out: number[] = [];
  for (let f = 0; f < fits && todo > 0; f++) {
    const lo = start + Math.floor((f * todo) / fits);
    const hi = start + Math.floor(((f + 1) * todo) / fits);
    const predict = yield* fitBefore(lo);
    for (let i = lo; i < hi; i++) out.push(predict(i));
  }
  return out;
}
