import { describe, expect, it } from 'vitest';
import type { PaperStatus } from '../model';
import { MIN_LABELS } from './logreg';
import { RANKER_VERSION, createRanker, parseRankerState, type LabelledPaper } from './ranker';

let seq = 0;
const RL = ['reward model', 'policy optimization', 'reinforcement learning', 'preference optimization'];
const OTHER = ['video diffusion', 'speech recognition', 'protein folding', 'image segmentation'];
const FILLER = 'we propose a simple method and report strong results on standard benchmarks';

function paper(topic: string, status: PaperStatus, extra = ''): LabelledPaper {
  seq++;
  return {
    id: `p${seq}`,
    title: `Scaling ${topic} ${extra}`,
    abstract: `Recent work on ${topic} is promising. ${FILLER}. Variant ${seq}.`,
    authors: [`Author ${seq % 7}`],
    status,
  };
}

function labelled(n: number): LabelledPaper[] {
  return Array.from({ length: n }, (_, i) =>
    i % 2
      ? paper(RL[(i >> 1) % RL.length]!, i % 4 === 1 ? 'saved' : 'read')
      : paper(OTHER[(i >> 1) % OTHER.length]!, 'dismissed'),
  );
}

describe('createRanker', () => {
  it('has no model and scores null until it has enough labels of both kinds', () => {
    const r = createRanker();
    expect(r.score(paper('reward model', 'saved'))).toBeNull();
    expect(r.explain(paper('reward model', 'saved'))).toEqual([]);
    expect(r.train(labelled(MIN_LABELS - 1))).toBeNull();
    expect(r.train(Array.from({ length: 20 }, () => paper('reward model', 'saved')))).toBeNull();
    expect(r.model).toBeNull();
  });

  it('learns the reader topic and explains its scores in words', () => {
    const r = createRanker();
    const m = r.train(labelled(40), { now: 5 });
    expect(m?.nPos).toBe(20);
    expect(m?.nNeg).toBe(20);
    const liked = paper('policy optimization', 'saved', 'for agents');
    const other = paper('speech recognition', 'saved', 'for agents');
    expect(r.score(liked)!).toBeGreaterThan(0.7);
    expect(r.score(other)!).toBeLessThan(0.3);
    const why = r.explain(liked, 3).map((c) => c.term);
    expect(why).toContain('policy optimization');
    expect(why.every((t) => !t.includes('speech'))).toBe(true);
  });

  it('counts a paper once however often it is observed', () => {
    const r = createRanker();
    const p = paper('reward model', 'saved');
    expect(r.observe([p, p])).toBe(1);
    expect(r.observe([p])).toBe(0);
    expect(r.docFreq.n).toBe(1);
    expect(r.docFreq.df('reward')).toBe(1);
  });

  it('remembers only the newest ids when capped', () => {
    const r = createRanker(null, { maxSeen: 3 });
    const ps = labelled(5);
    r.observe(ps);
    expect(r.toJSON().seen).toEqual(ps.slice(2).map((p) => p.id));
  });

  it('uses the last label when a paper appears twice in the training set', () => {
    const data = labelled(20);
    const p = data[0]!;
    const m = createRanker().train([...data, { ...p, status: 'saved' }]);
    expect(m?.nPos).toBe(11);
    expect(m?.nNeg).toBe(9);
  });

  it('warm-starts retraining from the previous model', () => {
    const r = createRanker();
    const data = labelled(40);
    r.train(data);
    const before = r.score(data[1]!)!;
    // One iteration is enough when starting from the previous optimum.
    r.train(data, { maxIter: 1 });
    expect(r.score(data[1]!)!).toBeCloseTo(before, 2);
    const cold = createRanker();
    cold.train(data, { maxIter: 1 });
    expect(Math.abs(cold.score(data[1]!)! - before)).toBeGreaterThan(0.05);
  });

  it('round-trips through JSON with identical scores', () => {
    const r = createRanker();
    r.observe(labelled(30));
    r.train(labelled(40));
    const probe = paper('reward model', 'saved', 'and video');
    const json = JSON.parse(JSON.stringify(r.toJSON())) as unknown;
    const state = parseRankerState(json);
    expect(state).not.toBeNull();
    const back = createRanker(state);
    expect(back.score(probe)).toBe(r.score(probe));
    expect(back.explain(probe)).toEqual(r.explain(probe));
    expect(back.toJSON()).toEqual(r.toJSON());
  });

  it('rejects unknown versions and malformed state, so the caller rebuilds', () => {
    const good = JSON.parse(JSON.stringify(createRanker().toJSON())) as Record<string, unknown>;
    expect(parseRankerState(good)).not.toBeNull();
    expect(good.version).toBe(RANKER_VERSION);
    for (const bad of [
      null,
      'x',
      [],
      { ...good, version: 2 },
      { ...good, version: undefined },
      { ...good, docFreq: { n: 1 } },
      { ...good, seen: [1] },
      { ...good, seen: 'a' },
      { ...good, model: { version: 99, weights: {}, bias: 0, trainedAt: 0, nPos: 1, nNeg: 1 } },
      { ...good, model: { version: 1, weights: { a: 'x' }, bias: 0, trainedAt: 0, nPos: 1, nNeg: 1 } },
      { ...good, model: { version: 1, weights: { a: 1 }, bias: NaN, trainedAt: 0, nPos: 1, nNeg: 1 } },
      { ...good, model: { version: 1, weights: [], bias: 0, trainedAt: 0, nPos: 1, nNeg: 1 } },
      { ...good, model: { version: 1, weights: {}, bias: 0, trainedAt: 0, nPos: 0.5, nNeg: 1 } },
    ]) {
      expect(parseRankerState(bad)).toBeNull();
    }
  });

  it('loads hostile weight keys from JSON without touching prototypes', () => {
    const json = JSON.parse(
      `{"version":1,"docFreq":{"n":0,"terms":[],"df":[]},"seen":[],"model":{"version":1,"weights":{"__proto__":5,"constructor":-1,"reward":2},"bias":0,"trainedAt":0,"nPos":5,"nNeg":5}}`,
    ) as unknown;
    const state = parseRankerState(json)!;
    // biome-ignore lint/complexity/useLiteralKeys: the own key `__proto__`, not the prototype accessor.
    // biome-ignore lint/suspicious/noProto: same
    expect(state.model!.weights['__proto__']).toBe(5);
    expect(Object.getPrototypeOf(state.model!.weights)).toBeNull();
    expect(({} as Record<string, unknown>).reward).toBeUndefined();
    const r = createRanker(state);
    const s = r.score({ id: 'x', title: 'constructor toString valueOf' });
    expect(s).toBeGreaterThan(0);
    expect(s).toBeLessThan(0.5);
  });

  it('handles empty, huge and hostile papers', () => {
    const r = createRanker();
    r.train(labelled(40));
    const odd = [
      { id: 'e', title: '' },
      { id: 'h', title: 'x'.repeat(100_000), abstract: 'reward model '.repeat(10_000) },
      {
        id: 'x',
        title: '<img src=x onerror=alert(1)>',
        abstract: '__proto__ constructor prototype',
        authors: ['__proto__', ''],
      },
    ];
    r.observe(odd);
    for (const p of odd) {
      const s = r.score(p)!;
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(1);
      expect(Array.isArray(r.explain(p))).toBe(true);
    }
    expect(r.score(odd[1]!)!).toBeGreaterThan(0.5);
    expect(JSON.stringify(r.toJSON()).length).toBeLessThan(1_000_000);
  });

  it('trains on 5,000 labelled papers', { timeout: 60_000 }, () => {
    const words = Array.from({ length: 4000 }, (_, i) => `w${i.toString(36)}`);
    let s = 12345;
    const rnd = () => (s = (s * 16807) % 2147483647) / 2147483647;
    const text = (n: number) => Array.from({ length: n }, () => words[Math.floor(rnd() ** 2 * words.length)]).join(' ');
    const papers: LabelledPaper[] = Array.from({ length: 5000 }, (_, i) => {
      const relevant = i % 4 === 0;
      return {
        id: `t${i}`,
        title: `${relevant ? 'reward model' : 'video diffusion'} ${text(8)}`,
        abstract: text(150),
        authors: [`A ${i % 300}`, `B ${i % 17}`],
        status: relevant ? 'saved' : 'dismissed',
      };
    });
    const r = createRanker();
    const t0 = performance.now();
    const m = r.train(papers);
    const cold = performance.now() - t0;
    const t1 = performance.now();
    r.train(papers);
    const warm = performance.now() - t1;
    console.log(
      `5,000-paper training: ${Math.round(cold)} ms cold, ${Math.round(warm)} ms warm (wall time, machine-dependent)`,
    );
    expect(m?.nPos).toBe(1250);
    expect(Object.keys(m!.weights).length).toBeLessThanOrEqual(20_000);
    expect(r.score({ id: 'q1', title: 'reward model' })!).toBeGreaterThan(0.9);
    expect(r.score({ id: 'q2', title: 'video diffusion' })!).toBeLessThan(0.1);
    expect(r.docFreq.size).toBeLessThanOrEqual(50_000);
  });
});
