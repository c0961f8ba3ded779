import { describe, expect, it } from 'vitest';
import { MIN_LABELS, objective, score, sigmoid, train, weightOf, type Example } from './logreg';

const v = (...pairs: [string, number][]) => new Map(pairs);

/** Positives mention "reward", negatives "video"; both share "model". */
function toyData(nPos: number, nNeg: number): Example[] {
  const out: Example[] = [];
  for (let i = 0; i < nPos; i++) out.push({ vector: v(['reward', 0.8], ['model', 0.6]), label: true });
  for (let i = 0; i < nNeg; i++) out.push({ vector: v(['video', 0.8], ['model', 0.6]), label: false });
  return out;
}

const norm = (w: Record<string, number>) => Math.sqrt(Object.values(w).reduce((s, x) => s + x * x, 0));

describe('train', () => {
  it('learns separable toy data', () => {
    const m = train(toyData(10, 10), { now: 123 })!;
    expect(m).not.toBeNull();
    expect(m.version).toBe(1);
    expect(m.trainedAt).toBe(123);
    expect([m.nPos, m.nNeg]).toEqual([10, 10]);
    expect(score(m, v(['reward', 0.8], ['model', 0.6]))).toBeGreaterThan(0.9);
    expect(score(m, v(['video', 0.8], ['model', 0.6]))).toBeLessThan(0.1);
    expect(weightOf(m, 'reward')).toBeGreaterThan(0);
    expect(weightOf(m, 'video')).toBeLessThan(0);
    expect(Math.abs(weightOf(m, 'model'))).toBeLessThan(weightOf(m, 'reward'));
  });

  it('keeps weights bounded on separable data, and smaller with stronger regularisation', () => {
    const weak = train(toyData(10, 10), { l2: 1e-4 })!;
    const strong = train(toyData(10, 10), { l2: 1e-1 })!;
    for (const m of [weak, strong]) for (const w of Object.values(m.weights)) expect(Number.isFinite(w)).toBe(true);
    // Without a penalty the separable optimum is at infinity; with one it is finite and shrinks as l2 grows.
    expect(norm(weak.weights)).toBeLessThan(200);
    expect(norm(strong.weights)).toBeLessThan(norm(weak.weights) / 5);
  });

  it('weights classes so a rare positive class is still found', () => {
    const m = train(toyData(3, 60))!;
    expect(score(m, v(['reward', 0.8], ['model', 0.6]))).toBeGreaterThan(0.5);
    expect(score(m, v(['video', 0.8], ['model', 0.6]))).toBeLessThan(0.5);
  });

  it('learns through label noise', () => {
    const data = toyData(40, 40);
    for (let i = 0; i < 80; i += 10) data[i] = { ...data[i]!, label: !data[i]!.label };
    const m = train(data)!;
    expect(score(m, v(['reward', 0.8], ['model', 0.6]))).toBeGreaterThan(0.6);
    expect(score(m, v(['video', 0.8], ['model', 0.6]))).toBeLessThan(0.4);
  });

  it('warm-starts: one iteration from the previous model beats one iteration from scratch', () => {
    const data = toyData(15, 15);
    const full = train(data, { maxIter: 200 })!;
    const cold1 = train(data, { maxIter: 1 })!;
    const warm1 = train(data, { maxIter: 1, warmStart: full })!;
    const best = objective(full, data);
    expect(objective(cold1, data) - best).toBeGreaterThan(0.05);
    expect(objective(warm1, data) - best).toBeLessThan(1e-4);
    // A warm start ignores weights of terms no longer in the data (their optimum is 0).
    const stale = {
      ...full,
      weights: Object.assign(Object.create(null) as Record<string, number>, full.weights, { gone: 5 }),
    };
    expect(weightOf(train(data, { warmStart: stale })!, 'gone')).toBe(0);
  });

  it('returns null on cold start', () => {
    expect(train([])).toBeNull();
    expect(train(toyData(5, MIN_LABELS - 6))).toBeNull();
    expect(train(toyData(20, 0))).toBeNull();
    expect(train(toyData(0, 20))).toBeNull();
    expect(train(toyData(MIN_LABELS - 1, 1))).not.toBeNull();
  });

  it('prunes near-zero weights and caps the model size', () => {
    const data = toyData(10, 10).map((e, i) => ({ ...e, vector: new Map([...e.vector, [`noise${i}`, 1e-9]]) }));
    const m = train(data)!;
    expect(Object.keys(m.weights).some((k) => k.startsWith('noise'))).toBe(false);
    const capped = train(toyData(10, 10), { maxWeights: 2 })!;
    expect(Object.keys(capped.weights).sort()).toEqual(['reward', 'video']);
  });

  it('treats __proto__ and constructor as ordinary features', () => {
    const data: Example[] = [];
    for (let i = 0; i < 10; i++)
      data.push({ vector: v(['__proto__', 1]), label: true }, { vector: v(['constructor', 1]), label: false });
    const m = train(data)!;
    expect(Object.getPrototypeOf(m.weights)).toBeNull();
    expect(weightOf(m, '__proto__')).toBeGreaterThan(0);
    expect(weightOf(m, 'constructor')).toBeLessThan(0);
    expect(weightOf(m, 'toString')).toBe(0);
    expect(score(m, v(['__proto__', 1]))).toBeGreaterThan(0.8);
    expect(JSON.parse(JSON.stringify(m.weights))).toHaveProperty('__proto__');
  });

  it('ignores non-finite feature values', () => {
    const data = toyData(10, 10).map((e) => ({
      ...e,
      vector: new Map([...e.vector, ['bad', NaN], ['inf', Infinity]]),
    }));
    const m = train(data)!;
    expect(Object.values(m.weights).every(Number.isFinite)).toBe(true);
    expect(Number.isFinite(m.bias)).toBe(true);
  });
});

describe('score and sigmoid', () => {
  it('stay in 0..1 and do not overflow', () => {
    expect(sigmoid(0)).toBe(0.5);
    expect(sigmoid(1000)).toBe(1);
    expect(sigmoid(-1000)).toBe(0);
    expect(Number.isNaN(sigmoid(-1000))).toBe(false);
    const m = train(toyData(10, 10))!;
    expect(score(m, new Map())).toBeCloseTo(sigmoid(m.bias), 12);
  });
});
