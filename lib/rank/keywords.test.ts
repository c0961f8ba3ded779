import { describe, expect, it } from 'vitest';
import { parsePatternLine } from '../pattern-line';
import type { TagRule } from '../model';
import { createRanker, type LabelledPaper } from './ranker';
import { KEYWORD_PRIOR, keywordFeatures, keywordLabel, keywordScore, matchedLabels } from './keywords';
import { auc } from './metrics';
import { rng } from './eval/random';

const said = (lines: string[], tagRules: TagRule[] = []) => ({ keywords: lines.map(parsePatternLine), tagRules });
const paper = (id: string, title: string, abstract = '') => ({ id, title, abstract, authors: ['Ada Lovelace'] });

describe('keywordFeatures', () => {
  it('gives one feature per keyword and per matching rule, growing with the match count', () => {
    const rule: TagRule = {
      name: 'RL',
      color: '#112233',
      patterns: [parsePatternLine('policy')],
      fields: ['title', 'abstract'],
    };
    const f = keywordFeatures(said(['reward model', 'diffusion', '/vid(eo)?s?/i'], [rule]));
    const v = f(paper('1', 'Reward model for policy learning', 'A reward model and another reward model.'));
    expect(v.get('kw:reward model')).toBeCloseTo(3 / 4);
    expect(v.has('kw:diffusion')).toBe(false);
    expect(v.get('rule:RL')).toBe(1);
    expect([...f.prior]).toEqual([
      ['kw:reward model', KEYWORD_PRIOR],
      ['kw:diffusion', KEYWORD_PRIOR],
      ['kw:/vid(eo)?s?/i', KEYWORD_PRIOR],
      ['rule:RL', KEYWORD_PRIOR],
    ]);
    expect(f(paper('2', 'Nothing here')).size).toBe(0);
  });

  it('is empty without keywords or rules, and caches per settings object', () => {
    const none = keywordFeatures(said([]));
    expect(none.prior.size).toBe(0);
    expect(none(paper('1', 'reward model')).size).toBe(0);
    const s = said(['x']);
    expect(keywordFeatures(s)).toBe(keywordFeatures(s));
  });

  it('survives hostile titles and keywords named like object internals', () => {
    const f = keywordFeatures(said(['__proto__', 'constructor']));
    const v = f(paper('1', '__proto__ constructor '.repeat(5000)));
    expect(v.get('kw:__proto__')).toBeGreaterThan(0.99);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    expect(f({ id: '2', title: '', abstract: undefined, authors: [null as unknown as string] }).size).toBe(0);
  });
});

describe('keywordScore and labels', () => {
  it('is 0 without matches and rises with them, below 1', () => {
    expect(keywordScore(new Map())).toBe(0);
    const one = keywordScore(new Map([['kw:a', 0.5]]));
    const two = keywordScore(
      new Map([
        ['kw:a', 0.5],
        ['kw:b', 0.5],
      ]),
    );
    expect(one).toBeGreaterThan(0);
    expect(two).toBeGreaterThan(one);
    expect(keywordScore(new Map([['kw:a', 1e9]]))).toBeLessThan(1);
  });

  it('names keywords and rules the way the user wrote them', () => {
    expect(keywordLabel('kw:reward model')).toBe('“reward model”');
    expect(keywordLabel('rule:RL')).toBe('tag RL');
    expect(keywordLabel('reward')).toBeNull();
    expect(
      matchedLabels(
        new Map([
          ['kw:a', 0.5],
          ['rule:B', 1],
          ['kw:c', 0.75],
        ]),
        2,
      ),
    ).toEqual(['tag B', '“c”']);
  });
});

describe('keywords inside the model', () => {
  const r = rng(11);
  const words = ['reward', 'model', 'video', 'diffusion', 'agent', 'policy', 'safety', 'graph', 'proof', 'speech'];
  const corpus = Array.from({ length: 60 }, (_, i) =>
    paper(`p${i}`, Array.from({ length: 6 }, () => words[Math.floor(r() * words.length)]).join(' ')),
  );
  const settings = said(['reward', 'video']);
  const features = keywordFeatures(settings);
  const keywordOrder = corpus.map((p) => keywordScore(features(p)));

  const sameRanking = (a: number[], b: number[]) => {
    for (let i = 0; i < a.length; i++)
      for (let j = 0; j < a.length; j++) expect(Math.sign(a[i]! - a[j]!)).toBe(Math.sign(b[i]! - b[j]!));
  };

  it('with zero labels, or labels of one kind only, ranks exactly as the keywords do', () => {
    for (const labels of [[], corpus.slice(0, 5).map((p) => ({ ...p, status: 'saved' as const }))]) {
      const ranker = createRanker(null, { keywords: features });
      ranker.observe(corpus);
      expect(ranker.train(labels)).not.toBeNull();
      sameRanking(
        corpus.map((p) => ranker.score(p)!),
        keywordOrder,
      );
    }
  });

  it('moves away from the keywords as labels contradict them', () => {
    // The reader dismisses everything about rewards and saves what is about agents.
    const label = (p: { title: string }): LabelledPaper['status'] =>
      /agent/.test(p.title) && !/reward/.test(p.title) ? 'saved' : 'dismissed';
    const truth = corpus.map((p) => label(p) === 'saved');
    const aucWith = (n: number) => {
      const ranker = createRanker(null, { keywords: features });
      ranker.observe(corpus);
      ranker.train(corpus.slice(0, n).map((p) => ({ ...p, status: label(p) })));
      return auc(
        corpus.map((p) => ranker.score(p)!),
        truth,
      );
    };
    const keywordsAuc = auc(keywordOrder, truth);
    expect(keywordsAuc).toBeLessThan(0.5);
    expect(aucWith(4)).toBeLessThan(aucWith(40));
    expect(aucWith(40)).toBeGreaterThan(0.8);
  });
});
