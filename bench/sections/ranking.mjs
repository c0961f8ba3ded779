// Section 7: the on-device relevance model's cost, against the annotation pass of the same run.
// Training and scoring run in the extension's background, never on the page: these figures say how
// long the background is busy, and that scoring cannot delay an overlay (it starts after the pass).
import { makePapers } from '../lib/papers.mjs';
import { median } from '../lib/stats.mjs';
import { loadLib } from './export.mjs';

export async function measureRanking({ runs, log }) {
  const { createRanker } = await loadLib('lib/rank/ranker.ts');
  const labelled = makePapers(0, 5_000);
  // A listing's 500 entries, never seen before.
  const page = makePapers(5_000, 500);
  const train = [];
  const score = [];
  let ranker = null;
  for (let i = 0; i < runs + 1; i++) {
    ranker = createRanker(null);
    const t0 = performance.now();
    ranker.train(labelled);
    train.push(performance.now() - t0);
    const t1 = performance.now();
    ranker.observe(page);
    for (const p of page) {
      ranker.score(p);
      ranker.explain(p, 4);
    }
    score.push(performance.now() - t1);
  }
  // The first round also compiles the code: dropped.
  const r = {
    runs,
    labelled: labelled.length,
    entries: page.length,
    trainMs: median(train.slice(1)),
    scoreMs: median(score.slice(1)),
    weights: Object.keys(ranker.model?.weights ?? {}).length,
  };
  log(`  train on 5,000: ${r.trainMs.toFixed(0)} ms; score 500: ${r.scoreMs.toFixed(1)} ms`);
  return r;
}
