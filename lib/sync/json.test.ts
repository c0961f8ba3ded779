import { describe, expect, it } from 'vitest';
import { canonicalJson } from './json';

describe('canonicalJson', () => {
  it('gives the same text whatever order the keys come in, at any depth', () => {
    const written = [{ pattern: 'LLM', caseSensitive: false, wholeWord: true, nested: { b: 1, a: [{ y: 2, x: 1 }] } }];
    const readBack = [{ caseSensitive: false, nested: { a: [{ x: 1, y: 2 }], b: 1 }, pattern: 'LLM', wholeWord: true }];
    expect(JSON.stringify(readBack)).not.toBe(JSON.stringify(written));
    expect(canonicalJson(readBack)).toBe(canonicalJson(written));
  });

  it('keeps array order and tells different values apart', () => {
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: '1' }));
    expect(canonicalJson(null)).toBe('null');
    expect(canonicalJson('x')).toBe('"x"');
    expect(canonicalJson(undefined)).toBeUndefined();
  });
});
