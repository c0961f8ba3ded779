import { describe, expect, it } from 'vitest';
import { paperTerms } from './features';
import { MAX_FIELD_CHARS, STOP_WORDS, authorToken, bigrams, singular, tokenize } from './tokenize';

describe('tokenize', () => {
  it('lower-cases, splits on anything but letters and digits, drops stop words and short tokens', () => {
    expect(tokenize('The Vision-Language-Action model, and a KV-cache (of 3D scenes)!')).toEqual([
      'vision',
      'language',
      'action',
      'model',
      'kv',
      'cache',
      '3d',
      'scene',
    ]);
  });

  it('keeps Unicode letters of any script and folds compatibility forms', () => {
    expect(tokenize('Über große Modelle')).toEqual(['über', 'große', 'modelle']);
    expect(tokenize('Языковые модели')).toEqual(['языковые', 'модели']);
    expect(tokenize('大規模言語モデル の 評価')).toEqual(['大規模言語モデル', '評価']);
    // "ﬁ" ligature and full-width letters fold to plain ones (NFKC).
    expect(tokenize('ﬁne-tuning ＧＰＴ')).toEqual(['fine', 'tuning', 'gpt']);
  });

  it('drops pure numbers but keeps mixed tokens', () => {
    expect(tokenize('17.1% on GSM8K in 2025 with 7B models')).toEqual(['gsm8k', '7b', 'model']);
  });

  it('folds simple plurals without mangling -ss/-us/-is words', () => {
    expect(['models', 'policies', 'process', 'focus', 'analysis', 'agents', 'bias'].map(singular)).toEqual([
      'model',
      'policy',
      'process',
      'focus',
      'analysis',
      'agent',
      'bias',
    ]);
  });

  it('has a small stop-word list that keeps content words', () => {
    expect(STOP_WORDS.has('the')).toBe(true);
    expect(STOP_WORDS.has('learning')).toBe(false);
    expect(STOP_WORDS.size).toBeLessThan(200);
  });

  it('survives empty, hostile and huge input', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize('  ...  ')).toEqual([]);
    expect(tokenize('<img src=x onerror=alert(1)>')).toEqual(['img', 'src', 'onerror', 'alert']);
    expect(tokenize('__proto__ constructor toString')).toEqual(['proto', 'constructor', 'tostring']);
    const huge = 'reward '.repeat(20_000) + 'a'.repeat(100_000);
    const t = tokenize(huge);
    expect(t.length).toBe(Math.ceil(MAX_FIELD_CHARS / 7));
    expect(t.every((w) => w === 'reward')).toBe(true);
  });
});

describe('bigrams', () => {
  it('joins consecutive kept tokens with a space', () => {
    expect(bigrams(tokenize('Group Relative Policy Optimization'))).toEqual([
      'group relative',
      'relative policy',
      'policy optimization',
    ]);
    expect(bigrams(['one'])).toEqual([]);
    expect(bigrams([])).toEqual([]);
  });

  it('bridges removed stop words, as specified', () => {
    expect(bigrams(tokenize('policy of the optimization'))).toEqual(['policy optimization']);
  });
});

describe('authorToken', () => {
  it('is surname plus first initial, accent-free', () => {
    expect(authorToken('Shreya Sato')).toBe('au:sato_s');
    expect(authorToken('José María Álvarez')).toBe('au:alvarez_j');
    expect(authorToken('AK')).toBe('au:ak');
    expect(authorToken('  ')).toBeNull();
    expect(authorToken('__proto__')).toBe('au:proto');
  });
});

describe('paperTerms', () => {
  it('counts title terms twice, abstract once, bigrams per field, authors as au: tokens', () => {
    const t = paperTerms({
      title: 'Reward Models',
      abstract: 'Models of reward. Scaling laws.',
      authors: ['Ann Lee', 'Bo Li'],
    });
    expect(t.get('reward')).toBe(3);
    expect(t.get('model')).toBe(3);
    expect(t.get('reward model')).toBe(2);
    expect(t.get('model reward')).toBe(1);
    // No bigram across the title/abstract boundary.
    expect(t.has('model model')).toBe(false);
    expect(t.get('au:lee_a')).toBe(1);
    expect(t.get('au:li_b')).toBe(1);
  });

  it('tolerates missing fields and non-string authors', () => {
    expect(paperTerms({ title: '' }).size).toBe(0);
    const t = paperTerms({ title: 'x', authors: [42 as unknown as string, 'Ann Lee'] });
    expect([...t.keys()]).toEqual(['au:lee_a']);
  });

  it('treats constructor and __proto__ as ordinary terms', () => {
    const t = paperTerms({ title: 'constructor hasOwnProperty' });
    expect(t.get('constructor')).toBe(2);
    expect(t.get('hasownproperty')).toBe(2);
    expect(t.get('__proto__')).toBeUndefined();
  });
});
