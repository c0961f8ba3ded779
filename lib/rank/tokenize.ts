/**
 * Word tokens for relevance ranking. Deliberately simple: titles and abstracts
 * are short, and a per-user linear model over these tokens needs stable,
 * cheap keys more than linguistic finesse.
 */

// Small on purpose: IDF already discounts words every abstract uses, so the
// list only needs the glue words that would otherwise crowd the bigrams.
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below between both but by ' +
    'can could did do does doing down during each either few for from further had has have having he her here hers him his how ' +
    'however if in into is it its itself just may me might more most much must my no nor not of off on once only or other our ' +
    'ours out over own same she should so some such than that the their theirs them then there these they this those through ' +
    'thus to too under until up upon us very via was we were what when where whether which while who whom why will with within ' +
    'without would yet you your ' +
    // URL debris from "Code is available at https://…" sentences.
    'http https www com org io html'
  ).split(' '),
);

// Hostile or pasted text must not make tokenizing or the vocabulary explode.
export const MAX_FIELD_CHARS = 50_000;
const MAX_TOKEN_CHARS = 40;

const SPLIT = /[^\p{L}\p{N}]+/u;
const ALL_DIGITS = /^\p{N}+$/u;
const NON_ASCII = /[^\x00-\x7f]/;

/** "models" → "model", "policies" → "policy"; leaves "process", "focus", "analysis" alone. */
export function singular(w: string): string {
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 3 && w.endsWith('s') && !/(?:ss|us|is|ys|as|os)$/.test(w)) return w.slice(0, -1);
  return w;
}

/**
 * Lower-cased Unicode letter/digit runs, stop words and 1-character tokens
 * dropped, plurals folded. Pure numbers are dropped too: in abstracts they
 * are scores, sizes and years, which say nothing about the topic.
 */
export function tokenize(text: string): string[] {
  if (!text) return [];
  const out: string[] = [];
  const capped = text.slice(0, MAX_FIELD_CHARS);
  // NFKC folds ligatures and full-width forms; pure ASCII (most abstracts) has nothing to fold.
  const folded = NON_ASCII.test(capped) ? capped.normalize('NFKC') : capped;
  for (const raw of folded.toLowerCase().split(SPLIT)) {
    if (raw.length < 2 || raw.length > MAX_TOKEN_CHARS || STOP_WORDS.has(raw) || ALL_DIGITS.test(raw)) continue;
    out.push(singular(raw));
  }
  return out;
}

/** Bigram keys join two tokens with a space, which no token contains, so keys stay unambiguous and readable. */
export function bigrams(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 1; i < tokens.length; i++) out.push(`${tokens[i - 1]} ${tokens[i]}`);
  return out;
}

export const AUTHOR_PREFIX = 'au:';

/** "Shreya Sato" → "au:sato_s": surname plus first initial, robust to middle names and accents. */
export function authorToken(name: string): string | null {
  const parts = name
    .slice(0, 300)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(SPLIT)
    .filter(Boolean);
  const last = parts.at(-1);
  if (!last) return null;
  const first = parts.length > 1 ? parts[0] : undefined;
  return `${AUTHOR_PREFIX}${last}${first ? `_${first[0]}` : ''}`;
}
