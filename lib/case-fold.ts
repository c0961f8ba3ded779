/**
 * One representative per set of characters that a `/x/iu` regex treats as
 * the same letter (Unicode simple case folding): `s`, `S` and `ſ` share one,
 * as do `k`, `K` and the Kelvin sign. Two characters with different keys
 * never match each other case-insensitively; case-fold.test.ts checks this
 * against the engine for every cased character.
 */
export function foldKey(ch: string): string {
  const special = FOLD_EXTRA[ch];
  if (special) return special;
  // Upper then lower joins what lowercasing alone keeps apart (ſ → S → s, ς → Σ → σ).
  const upper = ch.toUpperCase();
  return isOneCodePoint(upper) ? upper.toLowerCase() : ch.toLowerCase();
}

/** Pairs whose uppercase is several characters, so the rule above cannot join them. */
const FOLD_EXTRA: Record<string, string> = {
  '\u1fd3': '\u0390',
  '\u1fe3': '\u03b0',
  '\ufb05': '\ufb06',
};

const isOneCodePoint = (s: string) => s.length === 1 || (s.length === 2 && s.codePointAt(0)! > 0xffff);
