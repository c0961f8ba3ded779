/**
 * Document frequencies over every paper the user has been shown, kept
 * incrementally so IDF reflects the user's own feeds rather than a fixed corpus.
 */

/** Term → value. A Map, so tokens such as `__proto__` or `constructor` are ordinary keys. */
export type SparseVector = ReadonlyMap<string, number>;

export interface DocFreqJSON {
  /** Documents counted. */
  n: number;
  /** Terms and their document frequencies, as parallel arrays (no object keys to abuse). */
  terms: string[];
  df: number[];
}

export const DEFAULT_MAX_TERMS = 50_000;

export class DocFreq {
  private readonly counts: Map<string, number>;
  private docs: number;

  constructor(
    readonly maxTerms = DEFAULT_MAX_TERMS,
    init?: { n: number; entries: Iterable<readonly [string, number]> },
  ) {
    this.docs = init?.n ?? 0;
    this.counts = new Map(init?.entries ?? []);
  }

  get n(): number {
    return this.docs;
  }

  get size(): number {
    return this.counts.size;
  }

  df(term: string): number {
    return this.counts.get(term) ?? 0;
  }

  /**
   * Counts one document; each distinct term once, however often it occurs.
   * Map and Set keys are distinct already, so only arrays pay for a dedupe.
   */
  add(terms: ReadonlyMap<string, unknown> | ReadonlySet<string> | readonly string[]): void {
    this.docs++;
    const distinct = Array.isArray(terms)
      ? new Set(terms)
      : (terms as ReadonlyMap<string, unknown> | ReadonlySet<string>);
    distinct.forEach((_: unknown, t: string) => this.counts.set(t, (this.counts.get(t) ?? 0) + 1));
    if (this.counts.size > this.maxTerms) this.prune();
  }

  /**
   * Smoothed IDF: a term never seen scores like the rarest term rather than
   * dividing by zero, and a term in every document keeps a small positive weight.
   */
  idf(term: string): number {
    return this.idfFor(this.df(term));
  }

  /** IDF for a known document frequency, for callers that already looked it up. */
  idfFor(df: number): number {
    return Math.log(1 + this.docs) - Math.log(1 + df) + 1;
  }

  /**
   * Drops the rarest terms until the vocabulary is back to 90 % of the cap, so
   * pruning runs once per many additions rather than on every document. Terms
   * seen once are mostly names, typos and one-off acronyms that no model weight
   * would generalise from.
   */
  private prune(): void {
    const target = Math.floor(this.maxTerms * 0.9);
    for (let limit = 1; this.counts.size > target; limit++) {
      for (const [t, d] of this.counts) if (d <= limit) this.counts.delete(t);
    }
  }

  toJSON(): DocFreqJSON {
    return { n: this.docs, terms: [...this.counts.keys()], df: [...this.counts.values()] };
  }

  /** Null for anything that is not a well-formed DocFreqJSON. */
  static fromJSON(json: unknown, maxTerms = DEFAULT_MAX_TERMS): DocFreq | null {
    if (typeof json !== 'object' || json === null) return null;
    const { n, terms, df } = json as Record<string, unknown>;
    if (!Number.isSafeInteger(n) || (n as number) < 0 || !Array.isArray(terms) || !Array.isArray(df)) return null;
    if (terms.length !== df.length) return null;
    const entries: [string, number][] = [];
    for (let i = 0; i < terms.length; i++) {
      const t = terms[i];
      const d = df[i];
      if (typeof t !== 'string' || !Number.isSafeInteger(d) || d < 1 || d > (n as number)) return null;
      entries.push([t, d]);
    }
    const out = new DocFreq(maxTerms, { n: n as number, entries });
    if (out.size > maxTerms) out.prune();
    return out;
  }
}

/**
 * Sublinear TF × IDF, L2-normalised so long abstracts do not outscore short
 * ones by length alone. Terms with document frequency below `minDf` still
 * count towards the norm (the vector describes the same paper either way)
 * but are left out of the result.
 */
export function tfidf(counts: ReadonlyMap<string, number>, df: DocFreq, minDf = 0): Map<string, number> {
  const terms: string[] = [];
  const xs: number[] = [];
  let norm = 0;
  // forEach rather than for…of: no [key, value] array per entry in this hot loop.
  counts.forEach((c, t) => {
    if (!(c > 0)) return;
    const d = df.df(t);
    const x = (c === 1 ? 1 : 1 + Math.log(c)) * df.idfFor(d);
    norm += x * x;
    if (d < minDf) return;
    terms.push(t);
    xs.push(x);
  });
  const inv = norm > 0 && Number.isFinite(norm) ? 1 / Math.sqrt(norm) : 0;
  const v = new Map<string, number>();
  terms.forEach((t, i) => v.set(t, (xs[i] ?? 0) * inv));
  return v;
}
