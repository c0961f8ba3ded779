// size: the model, its objective and the L-BFGS solver that fits it share one sparse layout and are checked
// together against a reference solver in logreg.test.ts.
import { finish, type Steps } from './steps';
import type { SparseVector } from './tfidf';

/**
 * Per-user L2-regularised logistic regression over sparse TF-IDF vectors,
 * fitted with L-BFGS. Full-batch L-BFGS is deterministic (no shuffling seed
 * to carry around), needs no learning-rate tuning, and on a few thousand
 * short documents converges in tens of passes.
 */

export const MODEL_VERSION = 1;

export interface LinearModel {
  version: typeof MODEL_VERSION;
  /** Null-prototype record, so `__proto__`/`constructor` are plain keys. */
  weights: Record<string, number>;
  bias: number;
  trainedAt: number;
  nPos: number;
  nNeg: number;
}

export interface Example {
  vector: SparseVector;
  /** true = saved or read, false = dismissed. */
  label: boolean;
}

export interface TrainOptions {
  /** L2 strength on the weights (not the bias), per example: it grows with the number of labels. */
  l2?: number;
  /**
   * Prior means: these weights are pulled towards the given values instead of
   * zero (the user's keywords start with the weight the user gave them).
   */
  prior?: ReadonlyMap<string, number>;
  /**
   * A fixed-strength Gaussian prior on the `prior` weights, as if that many
   * pseudo-labels backed them: with a handful of labels they barely move, and
   * the pull fades as labels accumulate.
   */
  priorStrength?: number;
  /** Fewer labels than this give no model (null). */
  minLabels?: number;
  maxIter?: number;
  /** Start from these weights: a retrain after a few new labels then takes a handful of iterations. */
  warmStart?: LinearModel | null;
  /** Weights smaller than this in magnitude are dropped from the stored model. */
  minWeight?: number;
  /** Keep at most this many weights (largest magnitude first). */
  maxWeights?: number;
  now?: number;
}

/** Below this many labels, or without both classes, a model would mostly learn noise. */
export const MIN_LABELS = 10;

const DEFAULTS = { l2: 1e-3, maxIter: 100, minWeight: 1e-4, maxWeights: 20_000 } as const;
const HISTORY = 7;

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

// Models are never mutated after training, and a Map lookup is several times
// faster than a membership check on a large dictionary-mode object.
const lookup = new WeakMap<LinearModel, Map<string, number>>();

export function weightOf(model: LinearModel, term: string): number {
  let m = lookup.get(model);
  if (!m) {
    m = new Map(Object.entries(model.weights));
    lookup.set(model, m);
  }
  return m.get(term) ?? 0;
}

/** Probability-like relevance in 0..1. */
export function score(model: LinearModel, vector: SparseVector): number {
  let z = model.bias;
  vector.forEach((x, t) => (z += weightOf(model, t) * x));
  return sigmoid(z);
}

/** Cold start: returns null (the caller falls back to keyword matches). */
export function train(examples: readonly Example[], opts: TrainOptions = {}): LinearModel | null {
  return finish(trainSteps(examples, opts));
}

/** Rows between pauses in the passes over the examples (steps.ts). */
const ROWS_PER_STEP = 256;

/** `train` as steps: it pauses within its passes over the examples, so a fit on thousands can run in slices. */
export function* trainSteps(examples: readonly Example[], opts: TrainOptions = {}): Steps<LinearModel | null> {
  const nPos = examples.reduce((k, e) => k + (e.label ? 1 : 0), 0);
  const nNeg = examples.length - nPos;
  if (examples.length < (opts.minLabels ?? MIN_LABELS) || nPos === 0 || nNeg === 0) return null;
  const prior = opts.prior ?? new Map<string, number>();
  const l2 = opts.l2 ?? DEFAULTS.l2;

  const data = yield* toCsr(examples, prior.keys());
  const dim = data.terms.length;
  const mean = Float64Array.from(data.terms, (t) => prior.get(t) ?? 0);
  // Per-example form, like the loss: a fixed pseudo-count weighs less as labels accumulate.
  const onPrior = l2 + (opts.priorStrength ?? 0) / examples.length;
  const penalty = Float64Array.from(data.terms, (t) => (prior.has(t) ? onPrior : l2));
  // Balanced class weights: a reader who dismisses ten papers for every one
  // they save should not get a model that simply predicts "dismiss".
  const wPos = examples.length / (2 * nPos);
  const wNeg = examples.length / (2 * nNeg);

  const x0 = Float64Array.from({ length: dim + 1 }, (_, j) => mean[j] ?? 0);
  const warm = opts.warmStart;
  if (warm) {
    data.terms.forEach((t, j) => (x0[j] = weightOf(warm, t) || (mean[j] ?? 0)));
    x0[dim] = Number.isFinite(warm.bias) ? warm.bias : 0;
  }

  const fg = function* (w: Float64Array, grad: Float64Array): Steps<number> {
    grad.fill(0);
    let loss = 0;
    const bias = w[dim] ?? 0;
    for (let i = 0; i < data.labels.length; i++) {
      if (i % ROWS_PER_STEP === ROWS_PER_STEP - 1) yield;
      let z = bias;
      const end = data.rowPtr[i + 1] ?? 0;
      for (let p = data.rowPtr[i] ?? 0; p < end; p++) z += (w[data.cols[p] ?? 0] ?? 0) * (data.vals[p] ?? 0);
      const y = data.labels[i] ?? 0;
      const c = y ? wPos : wNeg;
      // log(1 + e^-m) computed without overflow for large |m|.
      const m = y ? z : -z;
      loss += c * (m > 0 ? Math.log1p(Math.exp(-m)) : -m + Math.log1p(Math.exp(m)));
      const r = c * (sigmoid(z) - y);
      for (let p = data.rowPtr[i] ?? 0; p < end; p++) {
        const j = data.cols[p] ?? 0;
        grad[j] = (grad[j] ?? 0) + r * (data.vals[p] ?? 0);
      }
      grad[dim] = (grad[dim] ?? 0) + r;
    }
    const n = data.labels.length;
    let reg = 0;
    for (let j = 0; j <= dim; j++) grad[j] = (grad[j] ?? 0) / n;
    for (let j = 0; j < dim; j++) {
      const wj = (w[j] ?? 0) - (mean[j] ?? 0);
      const lj = penalty[j] ?? l2;
      reg += lj * wj * wj;
      grad[j] = (grad[j] ?? 0) + lj * wj;
    }
    return loss / n + 0.5 * reg;
  };

  const w = yield* lbfgs(fg, x0, opts.maxIter ?? DEFAULTS.maxIter);
  return {
    version: MODEL_VERSION,
    weights: pruneWeights(data.terms, w, opts.minWeight ?? DEFAULTS.minWeight, opts.maxWeights ?? DEFAULTS.maxWeights),
    bias: w[dim] ?? 0,
    trainedAt: opts.now ?? Date.now(),
    nPos,
    nNeg,
  };
}

/** Mean weighted log-loss plus penalty: what `train` minimises. Exposed for tests and evaluation. */
export function objective(model: LinearModel, examples: readonly Example[], l2 = DEFAULTS.l2): number {
  const nPos = examples.filter((e) => e.label).length;
  const nNeg = examples.length - nPos;
  if (!nPos || !nNeg) return NaN;
  let loss = 0;
  for (const e of examples) {
    const p = Math.min(Math.max(score(model, e.vector), 1e-15), 1 - 1e-15);
    loss += e.label ? (-Math.log(p) * examples.length) / (2 * nPos) : (-Math.log(1 - p) * examples.length) / (2 * nNeg);
  }
  let reg = 0;
  for (const v of Object.values(model.weights)) reg += v * v;
  return loss / examples.length + 0.5 * l2 * reg;
}

interface Csr {
  terms: string[];
  rowPtr: Int32Array;
  cols: Int32Array;
  vals: Float64Array;
  labels: Uint8Array;
}

/** Rows of the examples; `always` terms get a column even when no example has them, so their prior weight is kept. */
function* toCsr(examples: readonly Example[], always: Iterable<string>): Steps<Csr> {
  const terms = [...always];
  const index = new Map(terms.map((t, j) => [t, j]));
  let nnz = 0;
  for (const e of examples) nnz += e.vector.size;
  const rowPtr = new Int32Array(examples.length + 1);
  const cols = new Int32Array(nnz);
  const vals = new Float64Array(nnz);
  const labels = new Uint8Array(examples.length);
  let p = 0;
  for (let i = 0; i < examples.length; i++) {
    if (i % ROWS_PER_STEP === ROWS_PER_STEP - 1) yield;
    const e = examples[i]!;
    labels[i] = e.label ? 1 : 0;
    e.vector.forEach((x, t) => {
      if (!Number.isFinite(x) || x === 0) return;
      let j = index.get(t);
      if (j === undefined) {
        j = terms.length;
        index.set(t, j);
        terms.push(t);
      }
      cols[p] = j;
      vals[p++] = x;
    });
    rowPtr[i + 1] = p;
  }
  return { terms, rowPtr, cols, vals, labels };
}

function pruneWeights(terms: readonly string[], w: Float64Array, minWeight: number, maxWeights: number) {
  const kept: [string, number][] = [];
  terms.forEach((t, j) => {
    const v = w[j] ?? 0;
    if (Math.abs(v) >= minWeight) kept.push([t, v]);
  });
  if (kept.length > maxWeights) kept.sort((a, b) => Math.abs(b[1]) - Math.abs(a[1])).length = maxWeights;
  const out: Record<string, number> = Object.create(null);
  for (const [t, v] of kept) out[t] = v;
  return out;
}

type ObjectiveFn = (x: Float64Array, grad: Float64Array) => Steps<number>;

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] ?? 0) * (b[i] ?? 0);
  return s;
}

/** Limited-memory BFGS with a backtracking Armijo line search; enough for a smooth, strictly convex objective. */
function* lbfgs(fg: ObjectiveFn, x0: Float64Array, maxIter: number): Steps<Float64Array> {
  const n = x0.length;
  let x = Float64Array.from(x0);
  let g = new Float64Array(n);
  let f = yield* fg(x, g);
  const ss: Float64Array[] = [];
  const ys: Float64Array[] = [];
  const rhos: number[] = [];
  const d = new Float64Array(n);
  const alpha = new Float64Array(HISTORY);
  let xNew = new Float64Array(n);
  let gNew = new Float64Array(n);

  for (let iter = 0; iter < maxIter; iter++) {
    if (maxAbs(g) < 1e-6) break;
    // Two-loop recursion: d = -H·g.
    for (let i = 0; i < n; i++) d[i] = -(g[i] ?? 0);
    for (let k = ss.length - 1; k >= 0; k--) {
      const a = (rhos[k] ?? 0) * dot(ss[k]!, d);
      alpha[k] = a;
      const y = ys[k]!;
      for (let i = 0; i < n; i++) d[i] = (d[i] ?? 0) - a * (y[i] ?? 0);
    }
    if (ss.length) {
      const s = ss.at(-1)!;
      const y = ys.at(-1)!;
      const gamma = dot(s, y) / dot(y, y);
      for (let i = 0; i < n; i++) d[i] = (d[i] ?? 0) * gamma;
    }
    for (let k = 0; k < ss.length; k++) {
      const b = (rhos[k] ?? 0) * dot(ys[k]!, d);
      const s = ss[k]!;
      const a = alpha[k] ?? 0;
      for (let i = 0; i < n; i++) d[i] = (d[i] ?? 0) + (a - b) * (s[i] ?? 0);
    }
    let gd = dot(g, d);
    if (!(gd < 0)) {
      // Curvature memory went bad (should not happen on a convex loss): restart from steepest descent.
      ss.length = ys.length = rhos.length = 0;
      for (let i = 0; i < n; i++) d[i] = -(g[i] ?? 0);
      gd = dot(g, d);
    }
    let step = ss.length ? 1 : Math.min(1, 1 / Math.sqrt(-gd));
    let fNew = Infinity;
    for (let tries = 0; tries < 30; tries++) {
      for (let i = 0; i < n; i++) xNew[i] = (x[i] ?? 0) + step * (d[i] ?? 0);
      fNew = yield* fg(xNew, gNew);
      if (fNew <= f + 1e-4 * step * gd) break;
      step *= 0.5;
    }
    if (!(fNew < f)) break;
    const s = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = (xNew[i] ?? 0) - (x[i] ?? 0);
      y[i] = (gNew[i] ?? 0) - (g[i] ?? 0);
    }
    const sy = dot(s, y);
    if (sy > 1e-12) {
      if (ss.length === HISTORY) {
        ss.shift();
        ys.shift();
        rhos.shift();
      }
      ss.push(s);
      ys.push(y);
      rhos.push(1 / sy);
    }
    const converged = f - fNew < 1e-9 * Math.max(1, Math.abs(f));
    [x, xNew] = [xNew, x];
    [g, gNew] = [gNew, g];
    f = fNew;
    if (converged) break;
  }
  return x;
}

function maxAbs(a: Float64Array): number {
  let m = 0;
  for (const v of a) m = Math.max(m, Math.abs(v));
  return m;
}
