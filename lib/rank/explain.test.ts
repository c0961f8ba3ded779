import { describe, expect, it } from 'vitest';
import { explain, termLabel } from './explain';
import { MODEL_VERSION, type LinearModel } from './logreg';

function model(weights: Record<string, number>): LinearModel {
  return {
    version: MODEL_VERSION,
    weights: Object.assign(Object.create(null), weights),
    bias: 0,
    trainedAt: 0,
    nPos: 1,
    nNeg: 1,
  };
}

describe('explain', () => {
  const m = model({ reward: 2, 'policy optimization': 3, policy: 1, video: -4, 'au:sato_s': 1.5, optimization: 0.5 });

  it('lists the top positive contributions, largest first, with readable labels', () => {
    const v = new Map([
      ['reward', 0.5],
      ['policy optimization', 0.5],
      ['video', 0.9],
      ['au:sato_s', 0.4],
      ['unknown', 1],
    ]);
    expect(explain(m, v)).toEqual([
      { term: 'policy optimization', weight: 1.5 },
      { term: 'reward', weight: 1 },
      { term: 'author sato s', weight: 0.6000000000000001 },
    ]);
  });

  it('skips words already shown inside a higher-ranked bigram', () => {
    const v = new Map([
      ['policy', 1],
      ['policy optimization', 1],
      ['optimization', 1],
      ['reward', 0.1],
    ]);
    expect(explain(m, v).map((c) => c.term)).toEqual(['policy optimization', 'reward']);
  });

  it('honours k and never returns negative contributions', () => {
    const v = new Map([
      ['reward', 1],
      ['policy', 1],
      ['video', 1],
    ]);
    expect(explain(m, v, 1)).toEqual([{ term: 'reward', weight: 2 }]);
    expect(explain(m, v, 0)).toEqual([]);
    expect(explain(m, v, -3)).toEqual([]);
    expect(explain(m, new Map([['video', 1]]))).toEqual([]);
  });

  it('is safe for prototype-like terms', () => {
    const v = new Map([
      ['__proto__', 1],
      ['constructor', 1],
      ['toString', 1],
    ]);
    expect(explain(m, v)).toEqual([]);
    expect(explain(model({ __proto__: 1 } as unknown as Record<string, number>), v)).toEqual([]);
    const own = model({});
    // biome-ignore lint/complexity/useLiteralKeys: the own key `__proto__`, not the prototype accessor.
    // biome-ignore lint/suspicious/noProto: same
    own.weights['__proto__'] = 2;
    expect(explain(own, v)).toEqual([{ term: '__proto__', weight: 2 }]);
  });
});

describe('termLabel', () => {
  it('spells out author keys and leaves words and bigrams alone', () => {
    expect(termLabel('au:sato_s')).toBe('author sato s');
    expect(termLabel('au:ak')).toBe('author ak');
    expect(termLabel('reward model')).toBe('reward model');
  });
});
