import { describe, expect, it } from 'vitest';
import type { PaperStatus } from '../model';
import type { RankPaper } from './features';
import { auc, precisionAtK } from './metrics';
import type { TrainOptions } from './logreg';
import { createRanker, type LabelledPaper } from './ranker';
import { islandPapers, type FixturePaper } from './eval/corpus';
import { mean, rng, sd } from './eval/random';
import { f2, writeSection } from './eval/report';

/**
 * Offline quality check: simulated readers label the October fixture papers,
 * the ranker learns from the early days and ranks the later ones; compared
 * with the user's own keyword list and with random order.
 * `DOGEAR_WRITE_REPORT=1 npx vitest run lib/rank/quality.test.ts` rewrites docs/ranking-quality.md.
 */

const month = islandPapers('month-2026-10.html', 'dailyPapers');
const monthIds = new Set(month.map((p) => p.id));
// Real abstracts; the seven also featured in October are already in `month`.
const search = islandPapers('search-rewarding.html', 'searchResults').filter((p) => !monthIds.has(p.id));

const HOLD_OUT_FROM = '2026-10-18';
const trainPool = month.filter((p) => p.day < HOLD_OUT_FROM);
const heldOut = month.filter((p) => p.day >= HOLD_OUT_FROM);

interface Reader {
  name: string;
  /** What the reader actually cares about; the ranker never sees this. */
  interest: string[];
  /** What the reader typed into the keyword list: the baseline. */
  keywords: string[];
}

const READERS: Reader[] = [
  {
    name: 'RL & rewards',
    interest: [
      'reinforcement learning',
      'reward model',
      'reward shaping',
      'policy optimization',
      'preference optimization',
      'self-play',
    ],
    keywords: ['reinforcement learning', 'RLHF'],
  },
  {
    name: 'visual generation',
    interest: [
      'video diffusion',
      'text-to-video',
      'text-to-image',
      'image generation',
      '3d scene generation',
      'rectified flow',
      'world model',
    ],
    keywords: ['video', 'diffusion'],
  },
  {
    name: 'agents',
    interest: [
      'code agent',
      'gui agent',
      'embodied agent',
      'agentic search',
      'tool-augmented',
      'web navigation',
      'software engineering',
    ],
    keywords: ['agents', 'tool use'],
  },
  {
    name: 'efficient inference',
    interest: [
      'kv cache',
      'sparse attention',
      'speculative decoding',
      'token pruning',
      'mixture-of-experts',
      'small language model',
      'expert merging',
    ],
    keywords: ['efficient', 'KV cache'],
  },
  {
    name: 'math & proofs',
    interest: [
      'mathematical reasoning',
      'mathematical problem solving',
      'theorem proving',
      'process reward model',
      'verifier-guided search',
      'monte carlo tree search',
    ],
    keywords: ['math', 'theorem proving'],
  },
];

const SAVE_RATE = 0.6;
const DISMISS_RATE = 0.35;
const NOISE = 0.1;
const SEEDS = [1, 2, 3];

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const fullText = (p: RankPaper) => `${p.title}\n${p.abstract ?? ''}`;

/**
 * A reader judges a paper by what it is about: its title and the first
 * sentence of the abstract. Later sentences of the synthetic abstracts name
 * random methods and benchmarks, which would make nearly every paper "match".
 */
function interested(reader: Reader, p: RankPaper): boolean {
  const firstSentence = (p.abstract ?? '').split(/(?<=[.!?])\s/)[0] ?? '';
  const t = `${p.title}\n${firstSentence}`.toLowerCase();
  return reader.interest.some((phrase) => t.includes(phrase));
}

/** What the extension's keyword highlighter would count: whole-word, case-insensitive, plural allowed. */
function keywordMatches(keywords: readonly string[], p: RankPaper): number {
  const t = fullText(p);
  return keywords.reduce((n, k) => n + (t.match(new RegExp(`\\b${escapeRe(k)}s?\\b`, 'gi'))?.length ?? 0), 0);
}

function simulateLabels(reader: Reader, seed: number): LabelledPaper[] {
  const r = rng(seed);
  const out: LabelledPaper[] = [];
  for (const p of trainPool) {
    const likes = interested(reader, p);
    if (r() >= (likes ? SAVE_RATE : DISMISS_RATE)) continue;
    const flip = r() < NOISE;
    const status: PaperStatus = likes !== flip ? (r() < 0.5 ? 'saved' : 'read') : 'dismissed';
    out.push({ ...p, status });
  }
  return out;
}

interface Scores {
  p10: number;
  auc: number;
}
interface Row {
  reader: string;
  base: number;
  pos: number;
  labels: string;
  model: Scores;
  keywords: Scores;
  random: Scores;
  /** Standard deviation over seeds, when this row averages several. */
  spread?: Record<Method, Scores>;
}

const metrics = (scores: number[], truth: boolean[]): Scores => ({
  p10: precisionAtK(scores, truth, 10),
  auc: auc(scores, truth),
});

function evaluate(reader: Reader, seed: number, pool: readonly FixturePaper[], opts: TrainOptions): Row {
  const ranker = createRanker();
  // The extension observes every listing it annotates, including the one it is about to rank.
  ranker.observe(trainPool);
  ranker.observe(pool);
  const model = ranker.train(simulateLabels(reader, seed), { now: 0, ...opts });
  if (!model) throw new Error(`no model for ${reader.name}`);
  const truth = pool.map((p) => interested(reader, p));
  return {
    reader: reader.name,
    base: truth.filter(Boolean).length / truth.length,
    pos: truth.filter(Boolean).length,
    labels: `${model.nPos}/${model.nNeg}`,
    model: metrics(
      pool.map((p) => ranker.score(p) ?? 0),
      truth,
    ),
    keywords: metrics(
      pool.map((p) => keywordMatches(reader.keywords, p)),
      truth,
    ),
    // A constant score: with expected tie-breaking this is exactly random order.
    random: metrics(
      pool.map(() => 0),
      truth,
    ),
  };
}

type Method = 'model' | 'keywords' | 'random';
const METHODS: Method[] = ['model', 'keywords', 'random'];

function averageSeeds(reader: Reader, pool: readonly FixturePaper[], opts: TrainOptions = {}): Row {
  const rows = SEEDS.map((s) => evaluate(reader, s, pool, opts));
  const avg = (k: Method): Scores => ({ p10: mean(rows.map((r) => r[k].p10)), auc: mean(rows.map((r) => r[k].auc)) });
  const dev = (k: Method): Scores => ({ p10: sd(rows.map((r) => r[k].p10)), auc: sd(rows.map((r) => r[k].auc)) });
  return {
    spread: { model: dev('model'), keywords: dev('keywords'), random: dev('random') },
    ...rows[0]!,
    labels: rows.map((r) => r.labels).join(', '),
    model: avg('model'),
    keywords: avg('keywords'),
    random: avg('random'),
  };
}

const meanOf = (rows: readonly Row[], m: Method): Scores => ({
  p10: mean(rows.map((r) => r[m].p10)),
  auc: mean(rows.map((r) => r[m].auc)),
});

describe('ranking quality on the October fixtures', () => {
  it('has the data the evaluation needs', () => {
    expect(month).toHaveLength(500);
    expect(search.length).toBeGreaterThan(30);
    expect(heldOut.length).toBeGreaterThan(100);
    expect(trainPool.length).toBeGreaterThan(300);
    for (const p of [...month, ...search]) expect(p.abstract?.length).toBeGreaterThan(100);
    // Every reader is a real minority topic, neither empty nor everything.
    for (const r of READERS) {
      const base = heldOut.filter((p) => interested(r, p)).length / heldOut.length;
      expect(base).toBeGreaterThan(0.1);
      expect(base).toBeLessThan(0.5);
    }
  });

  it('beats the keyword baseline clearly on held-out days', { timeout: 120_000 }, () => {
    const rows = READERS.map((r) => averageSeeds(r, heldOut));
    const model = meanOf(rows, 'model');
    const keywords = meanOf(rows, 'keywords');
    const random = meanOf(rows, 'random');

    expect(model.auc).toBeGreaterThan(keywords.auc + 0.1);
    expect(model.p10).toBeGreaterThan(keywords.p10 + 0.1);
    for (const r of rows) {
      expect(r.model.auc).toBeGreaterThan(0.65);
      expect(r.model.auc).toBeGreaterThan(r.keywords.auc);
      // Sanity of the metric: a constant scorer gets the base rate and 0.5.
      expect(r.random.auc).toBeCloseTo(0.5, 9);
      expect(r.random.p10).toBeCloseTo(r.base, 9);
    }
    expect(random.auc).toBeCloseTo(0.5, 9);

    if (process.env.DOGEAR_WRITE_REPORT === '1') {
      const real = READERS.map((r) => averageSeeds(r, search));
      const l2 = [1e-4, 1e-3, 1e-2, 1e-1].map((v) => ({
        l2: v,
        ...meanOf(
          READERS.map((r) => averageSeeds(r, heldOut, { l2: v })),
          'model',
        ),
      }));
      writeSection('templated', report(rows, real, l2, trainingTime()));
    }
  });
});

interface Timing {
  coldWall: number;
  coldCpu: number;
  warmWall: number;
  warmCpu: number;
  /** A plain 10⁸-iteration float loop, to calibrate the numbers above against other machines. */
  reference: number;
}

/** Wall and CPU time of one 5,000-paper training on fixture text reshuffled into new papers. */
function trainingTime(): Timing {
  const r = rng(99);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const sentences = month.flatMap((p) => (p.abstract ?? '').split(/(?<=\.)\s/));
  const papers: LabelledPaper[] = Array.from({ length: 5000 }, (_, i) => ({
    id: `synthetic-${i}`,
    title: pick(month).title,
    abstract: Array.from({ length: 6 }, () => pick(sentences)).join(' '),
    authors: pick(month).authors ?? [],
    status: r() < 0.3 ? 'saved' : 'dismissed',
  }));
  const ranker = createRanker();
  const cpu = () => process.cpuUsage().user / 1000;
  const time = (fn: () => void) => {
    const [w, c] = [performance.now(), cpu()];
    fn();
    return [performance.now() - w, cpu() - c] as const;
  };
  const [coldWall, coldCpu] = time(() => ranker.train(papers));
  const [warmWall, warmCpu] = time(() => ranker.train(papers));
  let sink = 0;
  const [reference] = time(() => {
    let acc = 0;
    for (let i = 0; i < 1e8; i++) acc += i * 0.5;
    sink = acc;
  });
  expect(sink).toBeGreaterThan(0);
  return { coldWall, coldCpu, warmWall, warmCpu, reference };
}

function table(rows: readonly Row[], withMean: boolean): string {
  const lines = [
    '| Reader | Relevant / held out | Labels (+/−) per seed | Model P@10 | Model AUC | Keywords P@10 | Keywords AUC | Random P@10 | Random AUC |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  const n = (r: Row) => Math.round(r.pos);
  // Mean ± standard deviation over seeds.
  const cell = (r: Row, m: Method, k: keyof Scores) =>
    r.spread && Number.isFinite(r[m][k]) ? `${f2(r[m][k])} ± ${f2(r.spread[m][k])}` : f2(r[m][k]);
  for (const r of rows) {
    const cells = METHODS.flatMap((m) => [cell(r, m, 'p10'), cell(r, m, 'auc')]).join(' | ');
    lines.push(`| ${r.reader} | ${n(r)} (${Math.round(r.base * 100)} %) | ${r.labels} | ${cells} |`);
  }
  if (withMean) {
    const [m, k, x] = METHODS.map((method) => meanOf(rows, method)) as [Scores, Scores, Scores];
    lines.push(
      `| **Mean** | | | **${f2(m.p10)}** | **${f2(m.auc)}** | ${f2(k.p10)} | ${f2(k.auc)} | ${f2(x.p10)} | ${f2(x.auc)} |`,
    );
  }
  return lines.join('\n');
}

function report(
  rows: readonly Row[],
  real: readonly Row[],
  l2: readonly ({ l2: number } & Scores)[],
  time: Timing,
): string {
  const readers = READERS.map(
    (r) =>
      `| ${r.name} | ${r.interest.map((w) => `\`${w}\``).join(', ')} | ${r.keywords.map((w) => `\`${w}\``).join(', ')} |`,
  ).join('\n');
  return `## Templated abstracts (the earlier evaluation)

Generated by \`lib/rank/quality.test.ts\`; regenerate both sections with \`npm run report:ranking\`.
Do not edit by hand. The test itself (without the variable) asserts the headline claims below on every run.

### Set-up

- **Papers.** The 500 papers in the \`DailyPapers\` island of \`tests/fixtures/hf/month-2026-10.html\` (title, abstract,
  author names as stored), plus the ${search.length} papers of \`search-rewarding.html\`'s \`searchResults\` not already in October.
- **Split by listing day.** Labels come only from papers listed before ${HOLD_OUT_FROM} (${trainPool.length} papers);
  the ${heldOut.length} papers listed ${HOLD_OUT_FROM} to 10-26 are ranked and scored. The ranker *observes* (counts
  document frequencies of) both, as the extension does for every listing it annotates; it never sees held-out labels.
- **Simulated readers.** Each has a hidden interest: a paper is relevant when one of the interest phrases occurs in its
  title or the first sentence of its abstract. On training days the reader saves or reads ${SAVE_RATE * 100} % of the
  relevant papers and dismisses ${DISMISS_RATE * 100} % of the others; the rest stay unlabelled. Then ${NOISE * 100} % of
  the labels are flipped (label noise). Results are averaged over ${SEEDS.length} seeds of this sampling;
  "± x" is the spread (standard deviation) over those seeds.
- **Methods.** *Model*: \`createRanker().train(labelled)\` then \`score()\` (TF-IDF unigrams + bigrams + author tokens,
  class-weighted L2 logistic regression, default options). *Keywords*: the reader's own keyword list (2 entries), score =
  number of whole-word, case-insensitive matches in title + abstract (plural allowed), i.e. what keyword highlighting
  gives today. *Random*: a constant score.
- **Metrics.** Precision@10 and ROC AUC against the hidden (noise-free) interest. Ties are scored by their expectation
  under random tie-breaking, which matters for the keyword counts (most papers score 0).

| Reader | Hidden interest (title or first sentence) | Keyword list (baseline) |
|---|---|---|
${readers}

### Results: held-out October days (${heldOut.length} papers)

${table(rows, true)}

### Transfer: the real abstracts of the search page (${search.length} papers)

Same models (trained on October labels), ranking the real, non-templated abstracts. Small sample, and most readers have
almost no relevant paper here (the page is a search for "rewarding"), so AUC is noisy or undefined (n/a).

${table(real, false)}

### Regularisation strength (mean over readers, held-out days)

| l2 | Model P@10 | Model AUC |
|---|---|---|
${l2.map((x) => `| ${x.l2}${x.l2 === 1e-3 ? ' (default)' : ''} | ${f2(x.p10)} | ${f2(x.auc)} |`).join('\n')}

### Training time

5,000 labelled papers (fixture sentences reshuffled into new papers), in the vitest process, covering tokenising,
document-frequency updates, TF-IDF and the fit:

| | Wall | CPU |
|---|---|---|
| First training (cold) | ${Math.round(time.coldWall)} ms | ${Math.round(time.coldCpu)} ms |
| Retrain, warm start | ${Math.round(time.warmWall)} ms | ${Math.round(time.warmCpu)} ms |

For scale, a bare 10⁸-iteration float loop took ${Math.round(time.reference)} ms in the same process. The container
running this is a shared 2-core VM, usually busy with other test runs, so both figures vary from run to run. Most of the
cost is tokenising and building the term maps (string and \`Map\` work, hence also garbage collection); the L-BFGS fit itself is
roughly a quarter of it, and a warm start cuts it to a few iterations. At about 0.6–0.8 s of CPU here, "well under a second"
is not demonstrated; caching term maps per paper would be the next step if it matters.

### Caveats (read before quoting the numbers)

- **The synthetic abstracts are formulaic.** Every October abstract is one template ("Recent advances in X have led to
  remarkable progress on Y, yet existing systems …") with slots filled from short phrase lists (about 30 topics,
  20 methods, 20 tasks, 28 benchmarks). Apart from the slots, all abstracts share the same words, so the topic signal is
  concentrated in a few bigrams and is cleaner than in real papers. Real-world precision will be lower.
- **The readers are defined by phrases**, and the features are words and bigrams, so the model's hypothesis class fits
  the simulated taste well. A real reader's taste is fuzzier (authors, quality, novelty), and labels are far sparser
  at first; below ${10} labels or without both classes the ranker deliberately returns no model (cold start).
- **The keyword baseline is as strong as its list.** Its lists here are plausible, not adversarial, but two words
  cannot cover a topic named in many ways. The model wins because it learns the rest of the reader's vocabulary from
  their saves and dismissals, and because keyword counts cannot order the many papers that match nothing.
- **Transfer to real text is weak.** On the real search-page abstracts, the RL reader's model (trained on October's
  templated text) ranks worse than the two-keyword list; its vocabulary is the template's, not real papers'. Expect the
  model to need labels from real listings before it beats a good keyword list there.
- The default \`l2\` was fixed before this evaluation; the sensitivity table above is reported, not used to pick it.
- Held-out truth is noise-free; the training labels are not.
`;
}
