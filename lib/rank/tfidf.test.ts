import { describe, expect, it } from 'vitest';
import { DocFreq, tfidf } from './tfidf';

const norm = (v: ReadonlyMap<string, number>) => Math.sqrt([...v.values()].reduce((s, x) => s + x * x, 0));

describe('DocFreq', () => {
  it('counts each term once per document', () => {
    const d = new DocFreq();
    d.add(['a', 'b', 'a']);
    d.add(['a']);
    expect(d.n).toBe(2);
    expect(d.df('a')).toBe(2);
    expect(d.df('b')).toBe(1);
    expect(d.df('zzz')).toBe(0);
  });

  it('gives rare terms a higher IDF, unseen terms the highest, and every term a positive one', () => {
    const d = new DocFreq();
    for (let i = 0; i < 10; i++) d.add(i < 2 ? ['common', 'rare'] : ['common']);
    expect(d.idf('common')).toBeCloseTo(Math.log(11 / 11) + 1, 12);
    expect(d.idf('rare')).toBeCloseTo(Math.log(11 / 3) + 1, 12);
    expect(d.idf('never')).toBeGreaterThan(d.idf('rare'));
    expect(d.idf('common')).toBeGreaterThan(0);
  });

  it('prunes the rarest terms once the vocabulary exceeds its cap', () => {
    const d = new DocFreq(100);
    for (let i = 0; i < 50; i++) d.add(['shared', `once${i}`]);
    d.add(['shared', 'once0']);
    expect(d.size).toBe(51);
    for (let i = 50; i < 120; i++) d.add(['shared', `new${i}`]);
    expect(d.size).toBeLessThanOrEqual(100);
    expect(d.df('shared')).toBe(121);
    // Seen twice, so it outlived the df=1 terms.
    expect(d.df('once0')).toBe(2);
    expect(d.df('once1')).toBe(0);
  });

  it('raises the pruning threshold when df=1 terms alone do not get under the cap', () => {
    const d = new DocFreq(10);
    for (let i = 0; i < 11; i++) {
      d.add([`t${i}`]);
      d.add([`t${i}`]);
    }
    expect(d.size).toBeLessThanOrEqual(10);
  });

  it('round-trips through JSON, including hostile terms', () => {
    const d = new DocFreq();
    d.add(['__proto__', 'constructor', 'policy optimization']);
    d.add(['constructor']);
    const back = DocFreq.fromJSON(JSON.parse(JSON.stringify(d)));
    expect(back).not.toBeNull();
    expect(back!.toJSON()).toEqual(d.toJSON());
    expect(back!.df('__proto__')).toBe(1);
    expect(back!.df('constructor')).toBe(2);
    expect(back!.df('toString')).toBe(0);
  });

  it('rejects malformed JSON', () => {
    for (const bad of [
      null,
      42,
      'x',
      [],
      {},
      { n: -1, terms: [], df: [] },
      { n: 1.5, terms: [], df: [] },
      { n: 2, terms: ['a'], df: [] },
      { n: 2, terms: ['a'], df: [3] },
      { n: 2, terms: ['a'], df: [0] },
      { n: 2, terms: [7], df: [1] },
      { n: 2, terms: ['a'], df: ['1'] },
    ]) {
      expect(DocFreq.fromJSON(bad)).toBeNull();
    }
  });

  it('applies the cap to loaded JSON too', () => {
    const terms = Array.from({ length: 200 }, (_, i) => `t${i}`);
    const d = DocFreq.fromJSON({ n: 5, terms, df: terms.map((_, i) => (i < 20 ? 3 : 1)) }, 50);
    expect(d!.size).toBe(20);
  });
});

describe('tfidf', () => {
  const d = new DocFreq();
  for (let i = 0; i < 10; i++) d.add(i === 0 ? ['common', 'rare'] : ['common']);

  it('is L2-normalised and weights rare terms above common ones', () => {
    const v = tfidf(
      new Map([
        ['common', 1],
        ['rare', 1],
      ]),
      d,
    );
    expect(norm(v)).toBeCloseTo(1, 12);
    expect(v.get('rare')!).toBeGreaterThan(v.get('common')!);
  });

  it('is sublinear in term frequency', () => {
    const v = tfidf(
      new Map([
        ['common', 100],
        ['other', 1],
      ]),
      d,
    );
    const ratio = v.get('common')! / v.get('other')!;
    expect(ratio).toBeCloseTo(((1 + Math.log(100)) * d.idf('common')) / d.idf('other'), 12);
  });

  it('can leave out rare terms while keeping the same norm', () => {
    const all = tfidf(
      new Map([
        ['common', 1],
        ['rare', 1],
        ['unseen', 1],
      ]),
      d,
    );
    const some = tfidf(
      new Map([
        ['common', 1],
        ['rare', 1],
        ['unseen', 1],
      ]),
      d,
      2,
    );
    expect([...some.keys()]).toEqual(['common']);
    expect(some.get('common')).toBe(all.get('common'));
  });

  it('returns an empty vector for empty or non-positive counts', () => {
    expect(tfidf(new Map(), d).size).toBe(0);
    expect([
      ...tfidf(
        new Map([
          ['a', 0],
          ['b', -1],
          ['c', NaN],
        ]),
        d,
      ).values(),
    ]).toEqual([]);
  });
});
