import { describe, expect, it } from 'vitest';
import { OPEN_MAX, sanitizeRegex } from './regex-safety';

const ok = (body: string, flags = '') => {
  const r = sanitizeRegex(body, flags);
  if ('error' in r) throw new Error(`rejected ${body}: ${r.error}`);
  return r;
};
const rejected = (body: string, flags = '') => {
  const r = sanitizeRegex(body, flags);
  if (!('error' in r)) throw new Error(`accepted ${body} as ${r.source}`);
  return r.error;
};

describe('sanitizeRegex', () => {
  it('always adds the u flag and sorts flags', () => {
    expect(ok('a', 'si')).toEqual({ source: 'a', flags: 'isu' });
  });

  it('reports syntax errors from the engine', () => {
    expect(rejected('(')).toMatch(/Unterminated group/);
    expect(rejected('\\-')).toMatch(/escape/i); // invalid in Unicode mode
  });

  it('rejects backreferences', () => {
    expect(rejected('(a)\\1')).toMatch(/backreferences/);
    expect(rejected('(?<x>a)\\k<x>')).toMatch(/backreferences/);
  });

  it('rejects nested repetition', () => {
    for (const b of ['(a+)+', '(.*)*', '(a?b)*', '(?:x\\d{2,3})+', '(?:a|b(c+))*'])
      expect(rejected(b), b).toMatch(/nested repetition/);
  });

  it('rejects overlapping alternatives under a repetition, at any depth', () => {
    for (const b of ['(a|a)*', '(a|ab)+', '(\\w|x)+', '(?:(?:a|a)b)+', '(x|)+', '(A|a){2,5}'])
      expect(rejected(b, 'i'), b).toMatch(/alternatives inside a repetition/);
    expect(ok('(foo|bar)+x').source).toBe(`(?:foo|bar){1,${1 + OPEN_MAX}}x`);
    expect(ok('(A|a){2,5}').source).toBe('(?:A|a){2,5}');
  });

  it('rejects runs of repetitions whose choices multiply', () => {
    for (const b of ['.*.*x', '\\s*\\s*-', 'a.*a.*c', 'x{0,5000}', '\\w+\\s*y', '(?=.*a)(?=.*b)'])
      expect(rejected(b), b).toMatch(/too much repetition/);
  });

  it('accepts repetitions separated by a literal they cannot match', () => {
    expect(ok('foo\\s*-\\s*bar').source).toBe(`foo\\s{0,${OPEN_MAX}}-\\s{0,${OPEN_MAX}}bar`);
    expect(ok('\\w+, \\w+').source).toBe(`\\w{1,${1 + OPEN_MAX}}, \\w{1,${1 + OPEN_MAX}}`);
  });

  it('bounds open-ended repetitions and keeps laziness and small bounds', () => {
    expect(ok('a*?-b+-c{2,}-d{3}e?f??').source).toBe(
      `a{0,${OPEN_MAX}}?-b{1,${1 + OPEN_MAX}}-c{2,${2 + OPEN_MAX}}-d{3}e?f??`,
    );
    const r = ok('x.*y');
    expect(new RegExp(r.source, r.flags).exec(`x${'-'.repeat(OPEN_MAX)}y x${'-'.repeat(OPEN_MAX + 1)}y`)?.index).toBe(
      0,
    );
    expect(new RegExp(r.source, r.flags).test(`x${'-'.repeat(OPEN_MAX + 1)}y`)).toBe(false);
  });

  it('makes groups non-capturing and keeps lookarounds', () => {
    expect(ok('(a)(?<name>b)(?:c)(?=d)(?!e)(?<=f)(?<!g)').source).toBe('(?:a)(?:b)(?:c)(?=d)(?!e)(?<=f)(?<!g)');
  });

  it('keeps classes, escapes and alternation intact', () => {
    const body = '[\\w\\-\\]]x|\\p{Lu}\\u{1F600}\\x41\\cJ\\0\\/|^\\.$';
    expect(ok(body).source).toBe(body);
  });

  it('turns a leading \\b before a literal into the equivalent lookbehind', () => {
    expect(ok('\\bfoo\\b', 'i').source).toBe('(?<!\\w)foo\\b');
    expect(ok('\\b-x').source).toBe('(?<=\\w)-x');
    expect(ok('\\b\\w').source).toBe('\\b\\w');
    for (const [text, hit] of [
      ['a foo', true],
      ['afoo', false],
      ['FOO', true],
      ['_foo', false],
    ] as const) {
      const r = ok('\\bfoo', 'i');
      expect(new RegExp(r.source, r.flags).test(text), text).toBe(hit);
      expect(/\bfoo/iu.test(text), text).toBe(hit);
    }
  });

  it('rejects group kinds it does not know', () => {
    // Node 20 rejects modifiers itself; newer engines accept them, and then we must.
    expect(rejected('(?i:a)b')).toMatch(/Invalid|unsupported group/);
  });

  it('caps the length', () => {
    expect(rejected('a'.repeat(501))).toMatch(/longer than 500/);
  });
});
