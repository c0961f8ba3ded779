import { describe, expect, it } from 'vitest';
import { check } from 'recheck';
import { compileMatcher } from './match';
import { sanitizeRegex } from './regex-safety';
import { generateCorpus, rng, type CorpusPattern } from './testing/regex-corpus';

/**
 * The guard against an established ReDoS checker (recheck, test-only): every
 * pattern the guard accepts must be judged safe by recheck, or run in under
 * 50 ms, as Dogear runs it, on the attack string recheck builds for it.
 *
 * recheck takes ~0.2 s a pattern (its pure-JS build), so a seeded sample of
 * the accepted patterns that repeat something is checked; the rest of the
 * corpus only has to be judged. DOGEAR_RECHECK_SAMPLE and DOGEAR_RECHECK_SEED
 * widen or move the sample for a longer run.
 */

process.env.RECHECK_BACKEND ??= 'pure';
const SEED = Number(process.env.DOGEAR_RECHECK_SEED ?? 1);
const SAMPLE = Number(process.env.DOGEAR_RECHECK_SAMPLE ?? 120);
const LIMIT_MS = 50;

/** Milliseconds Dogear's matcher takes on `text`: the best of three, so a busy machine does not fail it. */
function timeOn(p: CorpusPattern, text: string): number {
  const m = compileMatcher({
    keywords: [{ pattern: `/${p.body}/${p.flags}`, caseSensitive: false, wholeWord: false }],
    tagRules: [],
  });
  expect(m.errors).toEqual([]);
  let best = Infinity;
  for (let i = 0; i < 3 && best >= LIMIT_MS; i++) {
    const t0 = performance.now();
    m.keywordRanges(text);
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

/** Where recheck gives no verdict in time: long runs of each character the pattern names, with a breaking end. */
function fallbackTexts(p: CorpusPattern): string[] {
  const chars = [...new Set(p.body.replace(/\\[a-zA-Z]\{?[^}]*\}?|\\./g, '').replace(/[()[\]{}|?*+^$]/g, ''))];
  return [...chars, 'a', ' ', '0'].map((ch) => `${ch.repeat(20_000)}!`);
}

describe('the regex guard against recheck', () => {
  const corpus = generateCorpus(4_000, SEED);
  const verdicts = corpus.map((p) => ({ p, r: sanitizeRegex(p.body, p.flags) }));
  const accepted = verdicts.filter((v) => !('error' in v.r)).map((v) => v.p);

  it('judges a corpus with plenty both ways', () => {
    expect(accepted.length).toBeGreaterThan(1_000);
    expect(verdicts.filter((v) => 'error' in v.r && v.r.unsafe).length).toBeGreaterThan(1_000);
  });

  it('accepts only patterns recheck finds safe, or that stay fast on its attack', async () => {
    const random = rng(SEED);
    const repeating = accepted.filter((p) => /[*+?}]/.test(p.body));
    const sample = repeating
      .map((p) => ({ p, k: random() }))
      .sort((a, b) => a.k - b.k)
      .slice(0, SAMPLE)
      .map((x) => x.p);
    const slow: string[] = [];
    const tally = { safe: 0, attacked: 0, undecided: 0 };
    for (const p of sample) {
      const d = await check(p.body, `${p.flags}u`, { timeout: 800, maxIteration: 5 });
      const texts = d.status === 'safe' ? [] : d.status === 'vulnerable' ? [d.attack.string] : fallbackTexts(p);
      tally[d.status === 'safe' ? 'safe' : d.status === 'vulnerable' ? 'attacked' : 'undecided']++;
      for (const text of texts) {
        const ms = timeOn(p, text);
        if (ms >= LIMIT_MS) slow.push(`/${p.body}/${p.flags}: ${ms.toFixed(0)} ms on ${text.length} characters`);
      }
    }
    expect(slow).toEqual([]);
    // The sample must exercise the timing path, not only recheck's "safe".
    expect(tally.attacked).toBeGreaterThan(SAMPLE / 10);
  }, 120_000);
});
