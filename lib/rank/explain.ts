import { weightOf, type LinearModel } from './logreg';
import type { SparseVector } from './tfidf';
import { keywordLabel } from './keywords';
import { AUTHOR_PREFIX } from './tokenize';

export interface Contribution {
  /** Readable: "reward", "policy optimization", "author sato s". */
  term: string;
  /** weight × feature value: how much this term pushed the score up. */
  weight: number;
}

/**
 * Bigram keys are already "word word"; author keys get spelled out so a chip
 * does not show "au:sato_s", and keyword features read as the user's keyword.
 */
export function termLabel(key: string): string {
  if (key.startsWith(AUTHOR_PREFIX)) return `author ${key.slice(AUTHOR_PREFIX.length).replace('_', ' ')}`;
  return keywordLabel(key) ?? key;
}

/**
 * The k terms that raised this paper's score most; only positive contributions
 * ("why is this here?"). A word already shown inside a higher-ranked bigram is
 * skipped, so the list reads "policy optimization" rather than also "policy".
 */
export function explain(model: LinearModel, vector: SparseVector, k = 5): Contribution[] {
  const limit = Math.max(0, Math.floor(k));
  const ranked: [string, number][] = [];
  for (const [t, x] of vector) {
    const c = weightOf(model, t) * x;
    if (c > 0) ranked.push([t, c]);
  }
  ranked.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const shown = new Set<string>();
  const out: Contribution[] = [];
  for (const [t, c] of ranked) {
    if (out.length >= limit) break;
    if (shown.has(t)) continue;
    for (const w of t.split(' ')) shown.add(w);
    out.push({ term: termLabel(t), weight: c });
  }
  return out;
}
