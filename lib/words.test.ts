import { describe, expect, it } from 'vitest';
import { oneLine, plural } from './words';

describe('plural', () => {
  it('adds s to every count but one', () => {
    expect(plural(0, 'paper')).toBe('0 papers');
    expect(plural(1, 'paper')).toBe('1 paper');
    expect(plural(2, 'tag')).toBe('2 tags');
  });
});

describe('oneLine', () => {
  it('makes each run of line breaks, controls and odd spaces one space, and trims', () => {
    expect(oneLine('a\n\nb\tc\u00a0d\u2028e\u0001f')).toBe('a b c d e f');
    expect(oneLine('a \n b')).toBe('a b');
    expect(oneLine('a  b')).toBe('a b');
    expect(oneLine(' a b ')).toBe('a b');
    expect(oneLine('\u0001a\ufeff')).toBe('a');
    expect(oneLine('\u0085a')).toBe('\u0085a');
  });

  it('returns text already on one line as it is, on random text as the rule says', () => {
    // The rule, in one pattern: text with none of these characters is returned without a replace.
    const rule = (s: string) =>
      s
        .replace(
          /[\u0000-\u001f\u007f\s]{2,}|[\u0000-\u001f\u007f\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/g,
          ' ',
        )
        .trim();
    const alphabet = ['a', 'b', ' ', ' ', '\n', '\t', '\u00a0', '\u0001', '\u2028', '\ufeff', 'é', '\u007f'];
    let seed = 3;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 5_000; i++) {
      const s = Array.from(
        { length: Math.floor(rand() * 8) },
        () => alphabet[Math.floor(rand() * alphabet.length)],
      ).join('');
      expect(oneLine(s), JSON.stringify(s)).toBe(rule(s));
    }
  });
});
