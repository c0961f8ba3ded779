import type { PaperStatus } from '../model';
import { explain, type Contribution } from './explain';
import { paperTerms, type RankPaper } from './features';
import { MODEL_VERSION, score, train, type LinearModel, type TrainOptions } from './logreg';
import { DEFAULT_MAX_TERMS, DocFreq, tfidf, type DocFreqJSON } from './tfidf';

/**
 * One object per user that owns the seen-paper statistics and the model.
 * Pure and synchronous: the extension runs it in the background worker and
 * stores `toJSON()` in IndexedDB.
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
  /** 0..1, or null on cold start: then use `coldStartScore`. */
  score(paper: RankPaper): number | null;
  explain(paper: RankPaper, k?: number): Contribution[];
  readonly model: LinearModel | null;
  readonly docFreq: DocFreq;
  toJSON(): RankerState;
}

const DEFAULT_MAX_SEEN = 20_000;

/** Saved and read papers are what the user wants; dismissed ones what they do not. */
export function isRelevant(status: PaperStatus): boolean {
  return status !== 'dismissed';
}

/**
 * Fallback score from keyword/tag-rule matches while there is no model:
 * 0 → 0, 1 → 0.5, 2 → 0.67, 3 → 0.75 … monotone and below 1, so more
 * matches rank higher without any of them claiming certainty.
 */
export function coldStartScore(matchCount: number): number {
  if (!(matchCount > 0)) return 0;
  return matchCount === Infinity ? 1 : matchCount / (matchCount + 1);
}

export function createRanker(state?: RankerState | null, opts: RankerOptions = {}): Ranker {
  const maxSeen = opts.maxSeen ?? DEFAULT_MAX_SEEN;
  const maxTerms = opts.maxTerms ?? DEFAULT_MAX_TERMS;
  const docFreq = (state && DocFreq.fromJSON(state.docFreq, maxTerms)) || new DocFreq(maxTerms);
  const seen = new Set<string>(state?.seen.slice(-maxSeen));
  let model: LinearModel | null = state?.model ?? null;

  const observeOne = (p: RankPaper, terms?: Map<string, number>): boolean => {
    if (seen.has(p.id)) return false;
    seen.add(p.id);
    if (seen.size > maxSeen) seen.delete(seen.values().next().value as string);
    docFreq.add(terms ?? paperTerms(p));
    return true;
  };
  const vector = (p: RankPaper) => tfidf(paperTerms(p), docFreq);

  return {
    observe(papers) {
      let added = 0;
      for (const p of papers) if (observeOne(p)) added++;
      return added;
    },
    train(papers, trainOpts = {}) {
      // Last label wins when the same paper appears twice.
      const byId = new Map<string, LabelledPaper>();
      for (const p of papers) byId.set(p.id, p);
      const counted = [...byId.values()].map((p) => {
        const terms = paperTerms(p);
        observeOne(p, terms);
        return { terms, label: isRelevant(p.status) };
      });
      // Vectorised after all are counted, so every example sees the same IDF.
      // Terms seen in only one paper are left out of the fit: they cannot
      // generalise, and they are most of the distinct bigrams, so keeping them
      // would multiply training time and memory for nothing.
      const examples = counted.map(({ terms, label }) => ({ vector: tfidf(terms, docFreq, 2), label }));
      model = train(examples, { warmStart: model, ...trainOpts });
      return model;
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
export function parseModel(json: unknown): LinearModel | undefined {
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

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
