import { authorToken, bigrams, tokenize } from './tokenize';

/** The parts of a paper the ranker reads; `PaperMeta` and `Paper` fit. */
export interface RankPaper {
  id: string;
  title: string;
  abstract?: string | undefined;
  authors?: readonly string[] | undefined;
}

// A title states the topic in a handful of words; the abstract repeats it among
// boilerplate. Counting title terms twice reflects that.
const TITLE_WEIGHT = 2;
const MAX_AUTHORS = 100;

/** Term → raw count: unigrams and bigrams of title and abstract, plus `au:` author tokens. */
export function paperTerms(p: Omit<RankPaper, 'id'>): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (terms: readonly string[], w: number) => {
    for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + w);
  };
  const field = (text: string | undefined, w: number) => {
    // Per field, so no bigram spans the end of the title and the start of the abstract.
    const tokens = tokenize(text ?? '');
    add(tokens, w);
    add(bigrams(tokens), w);
  };
  field(p.title, TITLE_WEIGHT);
  field(p.abstract, 1);
  const authors: string[] = [];
  for (const name of (p.authors ?? []).slice(0, MAX_AUTHORS)) {
    const t = typeof name === 'string' ? authorToken(name) : null;
    if (t) authors.push(t);
  }
  add(authors, 1);
  return counts;
}
