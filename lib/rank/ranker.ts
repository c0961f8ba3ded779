import type { PaperStatus } from '../model';
import { explain, type Contribution } from './explain';
import { paperTerms, type RankPaper } from './features';
import { prequential } from './gate';
import { keywordFeatures, type KeywordFeatures } from './keywords';
import {
  MIN_LABELS,
  MODEL_VERSION,
  score,
  trainSteps,
  type Example,
  type LinearModel,
  type TrainOptions,
} from './logreg';
import { finish, type Steps } from './steps';
import { DEFAULT_MAX_TERMS, DocFreq, tfidf, type DocFreqJSON, type SparseVector } from './tfidf';

/**
 * One object per user that owns the seen-paper statistics and the model.
 * Pure: the extension runs it in the background worker and stores `toJSON()`
 * in IndexedDB. Training on a whole library takes seconds there, so it is also
 * offered as steps (steps.ts) that the worker runs in slices between messages.
 */

export const RANKER_VERSION = 1;

export interface RankerState {
  version: typeof RANKER_VERSION;
  docFreq: DocFreqJSON;
  /** Ids already counted in docFreq, oldest first, so a revisited listing is not counted twice. */
  seen: string[];
  model: LinearModel | null;
}

export interface LabelledPaper extends RankPaper {
  status: PaperStatus;
}

export interface RankerOptions {
  keywords?: KeywordFeatures;
  maxTerms?: number;
  /** How many seen ids to remember; older ones may be counted again if seen again, which barely moves IDF. */
  maxSeen?: number;
}

export interface Ranker {
  /** Counts papers the user was shown; ids already counted are skipped. Returns how many were new. */
  observe(papers: Iterable<RankPaper>): number;
  /**
   * Refits the model on the user's labelled papers (saved/read = relevant,
   * dismissed = not), warm-starting from the current model. Null on cold
   * start, and the previous model is dropped with it.
   */
  train(papers: Iterable<LabelledPaper>, opts?: TrainOptions): LinearModel | null;
  /** `train` as steps. */
  trainSteps(papers: Iterable<LabelledPaper>, opts?: TrainOptions): Steps<LinearModel | null>;
  /**
   * Trains on `papers` (unique ids, oldest decision first) like `train`, and
   * first predicts each paper from index `from` on with a model fitted only on
   * the papers before it (prequential), using at most `maxFits` extra fits:
   * consecutive papers then share a model. Papers without a model get 0.5. As steps.
   */
  trainInOrder(papers: readonly LabelledPaper[], from: number, maxFits: number, opts?: TrainOptions): Steps<number[]>;
  /**
   * The user's keywords and tag rules, as features with a prior weight. With
   * them a model exists from the first label (and with none: it is the
   * keyword ranking); without them it takes MIN_LABELS.
   */
  keywords: KeywordFeatures;
  /** 0..1, or null on cold start (no keywords and too few labels). */
  score(paper: RankPaper): number | null;
  explain(paper: RankPaper, k?: number): Contribution[];
  readonly model: LinearModel | null;
  readonly docFreq: DocFreq;
  toJSON(): RankerState;
}

const DEFAULT_MAX_SEEN = 20_000;
/** Papers tokenised between pauses when training runs as steps. */
const PAPERS_PER_STEP = 32;
/**
 * Pseudo-labels behind the keywords' prior weight: a few labels move the
 * ranking a little, dozens move it far. Words keep the plain per-label L2, so
 * labels that contradict the keywords win once there are enough of them
 * (tuned on the real-text evaluation, docs/ranking-quality.md).
 */
export const PRIOR_STRENGTH = 1;

/** Saved and read papers are what the user wants; dismissed ones what they do not. */
export function isRelevant(status: PaperStatus): boolean {
  return status !== 'dismissed';
}

export function createRanker(state?: RankerState | null, opts: RankerOptions = {}): Ranker {
  const maxSeen = opts.maxSeen ?? DEFAULT_MAX_SEEN;
  const maxTerms = opts.maxTerms ?? DEFAULT_MAX_TERMS;
  const docFreq = (state && DocFreq.fromJSON(state.docFreq, maxTerms)) || new DocFreq(maxTerms);
  const seen = new Set<string>(state?.seen.slice(-maxSeen));
  let model: LinearModel | null = state?.model ?? null;
  let keywords = opts.keywords ?? keywordFeatures({ keywords: [], tagRules: [] });

  const observeOne = (p: RankPaper, terms?: Map<string, number>): boolean => {
    if (seen.has(p.id)) return false;
    seen.add(p.id);
    if (seen.size > maxSeen) seen.delete(seen.values().next().value as string);
    docFreq.add(terms ?? paperTerms(p));
    return true;
  };
  /** Text terms (TF-IDF, unit length) plus the keyword features, which keep their own scale. */
  const withKeywords = (p: RankPaper, text: Map<string, number>): SparseVector => {
    keywords(p).forEach((x, f) => text.set(f, x));
    return text;
  };
  const vector = (p: RankPaper) => withKeywords(p, tfidf(paperTerms(p), docFreq));

  /** Counts the papers, then vectorises them, so every example sees the same IDF. */
  function* examplesOf(papers: readonly LabelledPaper[]): Steps<Example[]> {
    const counted: Map<string, number>[] = [];
    for (const p of papers) {
      const terms = paperTerms(p);
      observeOne(p, terms);
      counted.push(terms);
      if (counted.length % PAPERS_PER_STEP === 0) yield;
    }
    // Terms seen in only one paper are left out of the fit: they cannot
    // generalise, and they are most of the distinct bigrams, so keeping them
    // would multiply training time and memory for nothing.
    const out: Example[] = [];
    for (const [i, terms] of counted.entries()) {
      out.push({ vector: withKeywords(papers[i]!, tfidf(terms, docFreq, 2)), label: isRelevant(papers[i]!.status) });
      if (out.length % PAPERS_PER_STEP === 0) yield;
    }
    return out;
  }
  function* fit(examples: readonly Example[], warm: LinearModel | null, trainOpts: TrainOptions) {
    const prior = keywords.prior;
    const fitted = yield* trainSteps(examples, {
      warmStart: warm,
      prior,
      priorStrength: PRIOR_STRENGTH,
      minLabels: prior.size ? 2 : MIN_LABELS,
      ...trainOpts,
    });
    // One class only (or no labels): nothing to learn words from, so the keywords as given.
    return fitted ?? (prior.size ? priorModel(prior, examples, trainOpts.now) : null);
  }
  const dedupe = (papers: Iterable<LabelledPaper>) => {
    // Last label wins when the same paper appears twice.
    const byId = new Map<string, LabelledPaper>();
    for (const p of papers) byId.set(p.id, p);
    return [...byId.values()];
  };

  return {
    observe(papers) {
      let added = 0;
      for (const p of papers) if (observeOne(p)) added++;
      return added;
    },
    train(papers, trainOpts = {}) {
      return finish(this.trainSteps(papers, trainOpts));
    },
    *trainSteps(papers, trainOpts = {}) {
      model = yield* fit(yield* examplesOf(dedupe(papers)), model, trainOpts);
      return model;
    },
    *trainInOrder(papers, from, maxFits, trainOpts = {}) {
      const examples = yield* examplesOf(papers);
      let warm = model;
      const predictions = yield* prequential(examples.length, from, maxFits, function* (n) {
        // Warm starts only speed the fit up (the optimum is the same); predictions use this fit alone.
        const before = yield* fit(examples.slice(0, n), warm, trainOpts);
        warm = before ?? warm;
        return (i: number) => (before ? score(before, examples[i]!.vector) : 0.5);
      });
      model = yield* fit(examples, warm, trainOpts);
      return predictions;
    },
    get keywords() {
      return keywords;
    },
    set keywords(k) {
      keywords = k;
    },
    score(paper) {
      return model ? score(model, vector(paper)) : null;
    },
    explain(paper, k = 5) {
      return model ? explain(model, vector(paper), k) : [];
    },
    get model() {
      return model;
    },
    docFreq,
    toJSON() {
      return { version: RANKER_VERSION, docFreq: docFreq.toJSON(), seen: [...seen], model };
    },
  };
}

/**
 * Validates stored state. Null for an unknown version or anything malformed:
 * the caller then starts a fresh ranker and rebuilds it from stored papers.
 */
export function parseRankerState(json: unknown): RankerState | null {
  if (!isObject(json) || json.version !== RANKER_VERSION) return null;
  const docFreq = DocFreq.fromJSON(json.docFreq);
  if (!docFreq || !Array.isArray(json.seen) || !json.seen.every((s) => typeof s === 'string')) return null;
  const model = json.model === null ? null : parseModel(json.model);
  if (model === undefined) return null;
  return { version: RANKER_VERSION, docFreq: docFreq.toJSON(), seen: json.seen as string[], model };
}

/** The model, or undefined when malformed (null is a valid "no model yet"). */
function parseModel(json: unknown): LinearModel | undefined {
  if (!isObject(json) || json.version !== MODEL_VERSION || !isObject(json.weights)) return undefined;
  const { bias, trainedAt, nPos, nNeg } = json;
  if (!Number.isFinite(bias) || !Number.isFinite(trainedAt)) return undefined;
  if (!Number.isSafeInteger(nPos) || !Number.isSafeInteger(nNeg)) return undefined;
  // Copied into a null-prototype record: JSON.parse makes `__proto__` an own key,
  // and a plain `{}` would turn assigning it into a prototype change.
  const weights: Record<string, number> = Object.create(null);
  for (const [t, w] of Object.entries(json.weights)) {
    if (typeof w !== 'number' || !Number.isFinite(w)) return undefined;
    weights[t] = w;
  }
  return {
    version: MODEL_VERSION,
    weights,
    bias: bias as number,
    trainedAt: trainedAt as number,
    nPos: nPos as number,
    nNeg: nNeg as number,
  };
}

/** The keyword ranking as a model: every keyword at its prior weight, no words. */
function priorModel(prior: ReadonlyMap<string, number>, examples: readonly Example[], now = Date.now()): LinearModel {
  const nPos = examples.filter((e) => e.label).length;
  return {
    version: MODEL_VERSION,
    weights: Object.assign(Object.create(null) as Record<string, number>, Object.fromEntries(prior)),
    bias: 0,
    trainedAt: now,
    nPos,
    nNeg: examples.length - nPos,
  };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
