import { describe, expect, it } from 'vitest';
import { foldKey } from './case-fold';

describe('foldKey', () => {
  it('joins the letters a case-insensitive regex joins', () => {
    expect(foldKey('ſ')).toBe(foldKey('s'));
    expect(foldKey('S')).toBe(foldKey('s'));
    expect(foldKey('\u212a')).toBe(foldKey('k'));
    expect(foldKey('ς')).toBe(foldKey('Σ'));
    expect(foldKey('ẞ')).toBe(foldKey('ß'));
    expect(foldKey('\u1fd3')).toBe(foldKey('\u0390'));
    expect(foldKey('a')).not.toBe(foldKey('b'));
    expect(foldKey('😀')).toBe('😀');
  });

  it('never separates two characters the engine matches case-insensitively', () => {
    // Every character that takes part in case folding: matching each one, as a
    // case-insensitive regex, over all of them finds every partner it has.
    const cased = /[\p{Cased}\p{Changes_When_Casefolded}\p{Changes_When_Casemapped}]/u;
    const all: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCodePoint(cp);
      if (cased.test(ch)) all.push(ch);
    }
    expect(all.length).toBeGreaterThan(4_000);
    const text = all.join('\n');
    const split: string[] = [];
    for (const ch of all) {
      const re = new RegExp(`\\u{${ch.codePointAt(0)!.toString(16)}}`, 'giu');
      for (const m of text.matchAll(re)) if (foldKey(m[0]) !== foldKey(ch)) split.push(`${ch}/${m[0]}`);
      // Keys folded under `i` are folded again when patterns of other flags are budgeted together.
      if (foldKey(foldKey(ch)) !== foldKey(ch)) split.push(`${ch} twice`);
    }
    expect(split).toEqual([]);
  });
});
