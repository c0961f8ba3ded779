import { parsePatternLine } from '../../pattern-line';
import type { RankPaper } from '../features';
import { GATE, gate, type Basis } from '../gate';
import { keywordFeatures, keywordScore } from '../keywords';
import { auc } from '../metrics';
import type { TrainOptions } from '../logreg';
import { createRanker, type LabelledPaper } from '../ranker';
import { finish } from '../steps';
import { mean, rng, sd, shuffled } from './random';
import { topicsOf, type Reader } from './readers';

/**
 * One simulated reader meeting the real papers in a random order: they label
 * the first `labels` of them (a share of those labels flipped: misclicks,
 * changes of mind), and everything ranks the rest, scored against what the
 * reader actually wants. Seeded, so every run gives the same figures.
 */

export const NOISE = 0.1;
export const LABEL_COUNTS = [5, 10, 20, 40] as const;

interface Trial {
  /** Held-out AUC of each ranking. */
  model: number;
  keywords: number;
  textOnly: number;
  /** What Dogear shows: the model when the gate lets it through, else the keywords. */
  shown: number;
  basis: Basis;
}

export interface Variant extends TrainOptions {
  /** Fits per prequential pass (the extension fits once per new label, up to the gate's window). */
  maxFits?: number;
  /** Keyword weight before any label. */
  priorWeight?: number;
}

function runTrial(
  reader: Reader,
  papers: readonly RankPaper[],
  labels: number,
  seed: number,
  variant: Variant = {},
): Trial | null {
  const { maxFits = GATE.window, priorWeight, ...trainOpts } = variant;
  const r = rng(seed);
  // The same order and the same misclicks for every reader and label count of a seed, so rows compare like for like.
  const order = shuffled(papers, r);
  const flips = order.map(() => r() < NOISE);
  const wants = (p: RankPaper) => topicsOf(p).includes(reader.interest);
  const labelled: LabelledPaper[] = order
    .slice(0, labels)
    .map((p, i) => ({ ...p, status: wants(p) !== flips[i] ? 'saved' : 'dismissed' }));
  const heldOut = order.slice(labels);
  const truth = heldOut.map(wants);
  if (!truth.some(Boolean) || truth.every(Boolean)) return null;

  const said = keywordFeatures({ keywords: reader.keywords.map(parsePatternLine), tagRules: [] });
  const features =
    priorWeight === undefined
      ? said
      : Object.assign((p: RankPaper) => said(p), {
          prior: new Map([...said.prior.keys()].map((k) => [k, priorWeight])),
        });
  const keywordOf = (p: RankPaper) => keywordScore(features(p));
  const ranker = createRanker(null, { keywords: features });
  // The extension counts the words of every listing it annotates, labelled or not.
  ranker.observe(papers);
  const predicted = finish(ranker.trainInOrder(labelled, 0, maxFits, { now: 0, ...trainOpts }));
  const verdict = gate(
    labelled.map((p, i) => ({
      id: p.id,
      label: p.status !== 'dismissed',
      model: predicted[i] ?? 0.5,
      keywords: keywordOf(p),
    })),
  );

  const textRanker = createRanker(null);
  textRanker.observe(papers);
  textRanker.train(labelled, { now: 0 });

  const model = auc(
    heldOut.map((p) => ranker.score(p) ?? 0),
    truth,
  );
  const keywords = auc(heldOut.map(keywordOf), truth);
  return {
    model,
    keywords,
    // Below MIN_LABELS (or with one kind of label) the text-only ranker has no model: random order.
    textOnly: auc(
      heldOut.map((p) => textRanker.score(p) ?? 0),
      truth,
    ),
    shown: verdict.basis === 'model' ? model : keywords,
    basis: verdict.basis,
  };
}

export interface Cell {
  reader: string;
  labels: number;
  trials: number;
  mean: Record<'model' | 'keywords' | 'textOnly' | 'shown', number>;
  sd: Record<'model' | 'keywords' | 'textOnly' | 'shown', number>;
  /** Share of trials in which the gate showed the model. */
  modelShown: number;
  /** Mean paired difference and its 95 % confidence half-width over seeds. */
  modelMinusKeywords: { mean: number; ci: number };
  shownMinusKeywords: { mean: number; ci: number };
}

const paired = (a: readonly number[], b: readonly number[]) => {
  const d = a.map((x, i) => x - (b[i] ?? NaN));
  return { mean: mean(d), ci: (1.96 * sd(d)) / Math.sqrt(d.length) };
};

export function evaluate(
  reader: Reader,
  papers: readonly RankPaper[],
  labels: number,
  seeds: number,
  variant: Variant = {},
): Cell {
  const trials: Trial[] = [];
  for (let s = 1; trials.length < seeds && s < seeds * 3; s++) {
    const t = runTrial(reader, papers, labels, s, variant);
    if (t) trials.push(t);
  }
  const col = (k: keyof Omit<Trial, 'basis'>) => trials.map((t) => t[k]);
  const keys = ['model', 'keywords', 'textOnly', 'shown'] as const;
  return {
    reader: reader.name,
    labels,
    trials: trials.length,
    mean: Object.fromEntries(keys.map((k) => [k, mean(col(k))])) as Cell['mean'],
    sd: Object.fromEntries(keys.map((k) => [k, sd(col(k))])) as Cell['sd'],
    modelShown: trials.filter((t) => t.basis === 'model').length / trials.length,
    modelMinusKeywords: paired(col('model'), col('keywords')),
    shownMinusKeywords: paired(col('shown'), col('keywords')),
  };
}
