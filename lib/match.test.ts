import { describe, expect, it } from 'vitest';
import { compileMatcher, MAX_MATCHES, MAX_TEXT, testPattern, type Matcher } from './match';
import { formatPattern, parsePatternLine } from './pattern-line';
import { LIMITS, type Pattern, type TagRule } from './model';

const kw = (...lines: string[]): Matcher => compileMatcher({ keywords: lines.map(parsePatternLine), tagRules: [] });
const found = (m: Matcher, text: string): string[] => m.keywordRanges(text).map(([s, e]) => text.slice(s, e));
const rule = (
  name: string,
  lines: string[],
  fields: TagRule['fields'] = ['title', 'abstract', 'authors'],
): TagRule => ({
  name,
  color: '#123456',
  patterns: lines.map(parsePatternLine),
  fields,
});

describe('whole words', () => {
  const m = kw('LLM');

  it('matches at the start, the end and next to punctuation', () => {
    expect(m.keywordRanges('LLM')).toEqual([[0, 3]]);
    expect(found(m, 'LLM, then (LLM). "LLM"? end LLM')).toEqual(['LLM', 'LLM', 'LLM', 'LLM']);
    expect(m.keywordRanges('An LLM.')).toEqual([[3, 6]]);
  });

  it('does not match inside longer words, plurals, digits or underscores', () => {
    expect(found(m, 'LLMs vLLM LLM2 LLM_x x_LLM 2LLM')).toEqual([]);
  });

  it('matches the parts of hyphenated words', () => {
    expect(found(m, 'LLM-based agents')).toEqual(['LLM']);
    expect(found(kw('attention'), 'self-attention and attention-free')).toEqual(['attention', 'attention']);
    expect(found(kw('self-attention'), 'Self-Attention, selfattention')).toEqual(['Self-Attention']);
  });

  it('puts no boundary on an edge that is not a word character', () => {
    expect(found(kw('C++'), 'C++, C++17 and xC++')).toEqual(['C++', 'C++']);
  });

  it('a trailing * matches word beginnings up to the end of the word', () => {
    expect(found(kw('transform*'), 'Transformers transform pretransform')).toEqual(['Transformers', 'transform']);
    expect(found(kw('LLM*'), 'LLMs and vLLM')).toEqual(['LLMs']);
  });
});

describe('Unicode', () => {
  it('treats accents as significant and folds case of accented letters', () => {
    expect(found(kw('café'), 'Café, CAFÉ, cafe, cafés')).toEqual(['Café', 'CAFÉ']);
  });

  it('counts combining marks as part of a word', () => {
    // "cafe" followed by U+0301 is the decomposed spelling of café, not the word "cafe".
    expect(found(kw('cafe'), 'cafe\u0301 cafe')).toEqual(['cafe']);
  });

  it('folds Greek case including final sigma', () => {
    expect(found(kw('ΛΌΓΟΣ'), 'ο λόγος, Λόγοι')).toEqual(['λόγος']);
    expect(found(kw('λόγος'), 'ΛΌΓΟΣ')).toEqual(['ΛΌΓΟΣ']);
  });

  it('matches inside text of scripts written without spaces', () => {
    expect(found(kw('模型'), '大语言模型是一种模型')).toEqual(['模型', '模型']);
    expect(found(kw('LLM'), '使用LLM的方法')).toEqual(['LLM']);
    expect(found(kw('トランスフォーマー'), '新しいトランスフォーマーモデル')).toEqual(['トランスフォーマー']);
  });

  it('returns UTF-16 offsets past astral characters', () => {
    const text = '😀 LLM';
    expect(kw('LLM').keywordRanges(text)).toEqual([[3, 6]]);
  });
});

describe('case', () => {
  it('is insensitive by default and sensitive in quotes', () => {
    expect(found(kw('bert'), 'BERT Bert bert')).toHaveLength(3);
    expect(found(kw('"BERT"'), 'BERT Bert bert')).toEqual(['BERT']);
  });

  it('follows only the i flag for regexes', () => {
    expect(found(kw('/bert/'), 'BERT bert')).toEqual(['bert']);
    expect(found(kw('/bert/i'), 'BERT bert')).toEqual(['BERT', 'bert']);
    const loose: Pattern = { pattern: '/bert/', caseSensitive: false, wholeWord: true };
    expect(found(compileMatcher({ keywords: [loose], tagRules: [] }), 'BERT bert')).toEqual(['bert']);
  });

  it('keeps case-sensitive and insensitive keywords apart when combined', () => {
    expect(found(kw('"RL"', 'reward'), 'RL rl Reward REWARD')).toEqual(['RL', 'Reward', 'REWARD']);
  });
});

describe('phrases', () => {
  it('match across any whitespace run, including line breaks and no-break spaces', () => {
    const m = kw('large language model');
    expect(found(m, 'Large\n   language\tmodel')).toEqual(['Large\n   language\tmodel']);
    expect(found(m, 'large\u00a0language model')).toHaveLength(1);
    expect(found(m, 'large-language model')).toEqual([]);
  });

  it('escape regex specials in plain words', () => {
    expect(found(kw('a.b (c)'), 'axb (c) a.b (c)')).toEqual(['a.b (c)']);
    expect(found(kw('$100?'), 'costs $100? or $1000')).toEqual(['$100?']);
  });

  it('treat markup in a keyword or text as plain text', () => {
    const text = 'see <img src=x onerror=alert(1)> here';
    expect(found(kw('<img src=x onerror=alert(1)>'), text)).toEqual(['<img src=x onerror=alert(1)>']);
  });
});

describe('regex patterns', () => {
  it('honour the s and m flags and ignore g and y', () => {
    expect(found(kw('/a.b/s'), 'a\nb')).toEqual(['a\nb']);
    expect(found(kw('/a.b/'), 'a\nb')).toEqual([]);
    expect(found(kw('/^deep/im'), 'Deep one\ndeep two, deep')).toEqual(['Deep', 'deep']);
    expect(found(kw('/deep/gy'), 'x deep deep')).toEqual(['deep', 'deep']);
  });

  it('do not loop on empty matches', () => {
    expect(found(kw('/x*/'), 'a xx b 😀 x')).toEqual(['xx', 'x']);
  });

  it('report invalid regexes and unsupported flags with their source, and keep the rest', () => {
    const m = compileMatcher({
      keywords: ['/(unclosed/', 'fine', '/x/d'].map(parsePatternLine),
      tagRules: [rule('broken', ['/[z-a]/'])],
    });
    expect(m.errors.map((e) => [e.pattern, e.source])).toEqual([
      ['/(unclosed/', 'keyword'],
      ['/x/d', 'keyword'],
      ['/[z-a]/', 'broken'],
    ]);
    expect(m.errors[0]!.message).toMatch(/group/i);
    expect(m.errors[1]!.message).toMatch(/flag “d”/);
    expect(found(m, 'fine')).toEqual(['fine']);
    expect(m.tagsFor({ title: 'z a', authors: [] })).toEqual([]);
  });

  it('reject catastrophic patterns with a clear message', () => {
    const m = kw('/(a+)+$/', '/(a|a)*b/', '/(.*)*x/', '/(\\w+)\\s\\1/', '/.*.*=/', `/${'a'.repeat(600)}/`);
    expect(m.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/nested repetition/),
      expect.stringMatching(/alternatives inside a repetition/),
      expect.stringMatching(/nested repetition/),
      expect.stringMatching(/backreferences/),
      expect.stringMatching(/too many ways to match/),
      expect.stringMatching(/longer than 500/),
    ]);
    expect(m.hasKeywords).toBe(false);
    expect(m.isEmpty).toBe(true);
  });

  it('finish fast on 50k hostile characters with the worst patterns still allowed', () => {
    const m = kw('/.*x/', '/\\s+x/', '/(foo|bar)+x/', '/\\w+-\\s*based/', '/(a+)+$/', 'a a a a a a');
    expect(m.errors.map((e) => e.pattern)).toEqual(['/(a+)+$/']);
    const texts = ['a'.repeat(50_000), ' '.repeat(50_000), 'foo'.repeat(17_000), 'ab '.repeat(17_000)];
    const t0 = performance.now();
    for (const t of texts) m.keywordRanges(t);
    // Exponential backtracking would take minutes; the bound is loose so a busy machine cannot fail it.
    expect(performance.now() - t0).toBeLessThan(5_000);
  });
});

describe('size limits', () => {
  it('skip patterns past the total size budget with one error, and stay quick at the maximum', () => {
    const long = (i: number) => {
      const words = Array.from({ length: 60 }, (_, j) => `w${i}x${j}`).join(' ');
      return `${words.slice(0, 490)} end${i}`;
    };
    const lines = Array.from({ length: LIMITS.keywords }, (_, i) => long(i));
    const m = compileMatcher({ keywords: lines.map(parsePatternLine), tagRules: [rule('big', lines.slice(0, 100))] });
    expect(m.errors.map((e) => e.source)).toEqual(['keyword', 'big']);
    expect(m.errors[0]!.message).toMatch(/too long together/);
    const t0 = performance.now();
    expect(m.keywordRanges(`see ${long(2)}.`)).toEqual([[4, 4 + long(2).length]]);
    expect(m.keywordRanges(`see ${long(400)}.`)).toEqual([]);
    expect(m.tagsFor({ title: long(7), authors: [] })).toEqual(['big']);
    expect(performance.now() - t0).toBeLessThan(10_000);
  });
});

describe('ranges', () => {
  it('merge overlapping keywords and prefer the longest at one position', () => {
    const m = kw('language model', 'large language', 'LLM', 'LLM agents');
    const text = 'a large language model; LLM agents';
    expect(found(m, text)).toEqual(['large language model', 'LLM agents']);
    expect(m.countKeywords(text)).toBe(2);
  });

  it('merge across flag groups and stay sorted', () => {
    const m = kw('/agent\\w*/i', 'multi-agent', '"RL"');
    expect(found(m, 'RL for multi-agent systems and agents')).toEqual(['RL', 'multi-agent', 'agents']);
  });

  it('stop after MAX_MATCHES and at MAX_TEXT', () => {
    const m = kw('x');
    expect(m.keywordRanges('x '.repeat(MAX_MATCHES * 2))).toHaveLength(MAX_MATCHES);
    expect(m.keywordRanges(`${' '.repeat(MAX_TEXT)}x`)).toEqual([]);
    // The cap never cuts a real abstract (arXiv allows 1,920 characters).
    expect(m.keywordRanges(`${' '.repeat(1_920)}x`)).toHaveLength(1);
  });

  it('are empty for an empty matcher or text', () => {
    expect(kw().keywordRanges('anything')).toEqual([]);
    expect(kw().isEmpty).toBe(true);
    expect(kw('x').keywordRanges('')).toEqual([]);
  });
});

describe('tagsFor', () => {
  const m = compileMatcher({
    keywords: [],
    tagRules: [
      rule('rl', ['reinforcement learning', '"RL"']),
      rule('agents', ['agent*'], ['title']),
      rule('rlhf', ['reinforcement learning from human feedback', 'RLHF']),
      rule('smith', ['Smith'], ['authors']),
      rule('pair', ['/Smith.*Jones/'], ['authors']),
      rule('rl', ['/\\bPPO\\b/']),
    ],
  });

  it('honours the fields of each rule and returns names in rule order, once each', () => {
    expect(m.tagsFor({ title: 'Agents with RL', abstract: 'PPO', authors: ['Ann Smith'] })).toEqual([
      'rl',
      'agents',
      'smith',
    ]);
    expect(m.tagsFor({ title: 'Nothing', abstract: 'agents and Smith', authors: ['Smithson'] })).toEqual([]);
    expect(m.isEmpty).toBe(false);
    expect(m.hasKeywords).toBe(false);
  });

  it('finds rules whose match the combined regex shadowed at the same place', () => {
    // "reinforcement learning" wins at position 0 for rule rl; rlhf matches the longer span starting there.
    expect(m.tagsFor({ title: 'Reinforcement learning from human feedback', authors: [] })).toEqual(['rl', 'rlhf']);
  });

  it('keeps authors apart for phrases, but lets a regex span them', () => {
    expect(m.tagsFor({ title: '', authors: ['A Smith', 'B Jones'] })).toEqual(['smith', 'pair']);
    const phrase = compileMatcher({ keywords: [], tagRules: [rule('x', ['Smith B'], ['authors'])] });
    expect(phrase.tagsFor({ title: '', authors: ['A Smith', 'B Jones'] })).toEqual([]);
  });

  it('ignores rules without usable patterns or fields', () => {
    const n = compileMatcher({ keywords: [], tagRules: [rule('none', ['x'], []), rule('bad', ['/(/'])] });
    expect(n.isEmpty).toBe(true);
    expect(n.tagsFor({ title: 'x', authors: [] })).toEqual([]);
  });

  it('tags 3000 entries with 30 rules quickly', () => {
    const rules = Array.from({ length: 30 }, (_, i) =>
      rule(`t${i}`, [`topic${i}`, `/\\bmethod${i}s?\\b/i`, `phrase number ${i}`]),
    );
    const big = compileMatcher({ keywords: [], tagRules: rules });
    const abstract = 'We study large models and topic3 with method12s across many settings. '.repeat(25);
    const t0 = performance.now();
    let tags: string[] = [];
    for (let i = 0; i < 3000; i++)
      tags = big.tagsFor({ title: `Paper ${i} on phrase number 7`, abstract, authors: ['A B', 'C D'] });
    expect(tags).toEqual(['t3', 't7', 't12']);
    expect(performance.now() - t0).toBeLessThan(10_000);
  });
});

describe('testPattern', () => {
  it('returns ranges or the error', () => {
    expect(testPattern(parsePatternLine('RL'), 'RL and rl')).toEqual({
      ranges: [
        [0, 2],
        [7, 9],
      ],
    });
    expect(testPattern(parsePatternLine('/(a+)+/'), 'aaa')).toMatchObject({ error: expect.stringMatching(/nested/) });
  });
});

describe('parsePatternLine / formatPattern', () => {
  it('reads the line conventions', () => {
    expect(parsePatternLine('  diffusion models ')).toEqual({
      pattern: 'diffusion models',
      caseSensitive: false,
      wholeWord: true,
    });
    expect(parsePatternLine('"BERT"')).toEqual({ pattern: 'BERT', caseSensitive: true, wholeWord: true });
    expect(parsePatternLine('LLM*')).toEqual({ pattern: 'LLM', caseSensitive: false, wholeWord: false });
    expect(parsePatternLine('"GPT"*')).toEqual({ pattern: 'GPT', caseSensitive: true, wholeWord: false });
    expect(parsePatternLine('/multi-?modal/i')).toEqual({
      pattern: '/multi-?modal/i',
      caseSensitive: false,
      wholeWord: false,
    });
    expect(parsePatternLine('/Exact/')).toEqual({ pattern: '/Exact/', caseSensitive: true, wholeWord: false });
    expect(parsePatternLine('*')).toEqual({ pattern: '*', caseSensitive: false, wholeWord: true });
    expect(parsePatternLine('""')).toEqual({ pattern: '""', caseSensitive: false, wholeWord: true });
    expect(parsePatternLine('/not closed')).toEqual({ pattern: '/not closed', caseSensitive: false, wholeWord: true });
  });

  it('round-trips', () => {
    const lines = [
      'diffusion',
      'large language model',
      '"BERT"',
      'LLM*',
      '"GPT"*',
      '/multi-?modal/i',
      '/a|b/ms',
      '*',
      '""',
      '**',
      '"x*"',
      'C++',
      '/',
    ];
    for (const line of lines) {
      const p = parsePatternLine(line);
      expect(formatPattern(p)).toBe(line);
      expect(parsePatternLine(formatPattern(p))).toEqual(p);
    }
  });
});
