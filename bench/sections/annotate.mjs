// Sections 1 and 6: what a pass costs against the page's own load work, what the extension adds
// to the page's main thread and heap, and where the time goes (CPU profile of the stress page).
import { BLANK, metrics, openMeasured } from '../lib/browser.mjs';
import { startProfile, stopProfile } from '../lib/profile.mjs';
import { median } from '../lib/stats.mjs';

export const PAGES = [
  { name: 'daily', url: 'https://huggingface.co/papers/date/2026-10-27', entries: 30 },
  { name: 'week', url: 'https://huggingface.co/papers/week/2026-W44', entries: 105 },
  { name: 'month', url: 'https://huggingface.co/papers/month/2026-10', entries: 500 },
  { name: 'stress', url: 'https://huggingface.co/papers/month/2026-08', entries: 3000 },
];

const READY = 'html[data-dogear="ready"]';
const KEYS = [
  'TaskDuration',
  'ScriptDuration',
  'LayoutDuration',
  'RecalcStyleDuration',
  'LayoutCount',
  'RecalcStyleCount',
  'Nodes',
];

/** JS heap after a full collection: the isolate holds the page's world and the content script's isolated world. */
async function heapAfterGc(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return { used: usedSize, metric: (await metrics(cdp)).JSHeapUsedSize };
}

async function one(browser, url, withExt) {
  const { page, cdp, delta } = await openMeasured(browser.context, url, { ready: withExt ? READY : undefined });
  const passes = await page.evaluate(() => performance.getEntriesByName('dogear:annotate').map((e) => e.duration));
  const count = withExt ? Number(await page.evaluate(() => document.documentElement.dataset.dogearCount)) : 0;
  const heap = await heapAfterGc(cdp);
  await page.close();
  const out = { passes, count, heap };
  for (const k of KEYS) out[k] = delta[k];
  return out;
}

/** Runs each page `runs` times in both browsers, interleaved so that drift hits both sides alike. */
export async function measureAnnotation({ ext, base, runs, stressRuns, log }) {
  const results = [];
  for (const p of PAGES) {
    const n = p.name === 'stress' ? stressRuns : runs;
    const withRuns = [];
    const withoutRuns = [];
    for (let i = 0; i < n; i++) {
      withoutRuns.push(await one(base, p.url, false));
      withRuns.push(await one(ext, p.url, true));
    }
    const pick = (rs, f) => median(rs.map(f));
    const r = {
      ...p,
      runs: n,
      count: pick(withRuns, (x) => x.count),
      firstPass: pick(withRuns, (x) => x.passes[0]),
      allPasses: pick(withRuns, (x) => x.passes.reduce((a, b) => a + b, 0)),
      passCount: pick(withRuns, (x) => x.passes.length),
      heapAdded: pick(withRuns, (x) => x.heap.used) - pick(withoutRuns, (x) => x.heap.used),
      heapMetricAdded: pick(withRuns, (x) => x.heap.metric) - pick(withoutRuns, (x) => x.heap.metric),
      with: {},
      without: {},
    };
    for (const k of KEYS) {
      r.with[k] = pick(withRuns, (x) => x[k]);
      r.without[k] = pick(withoutRuns, (x) => x[k]);
    }
    r.ratio = r.firstPass / r.without.TaskDuration;
    r.perEntry = r.firstPass / r.count;
    results.push(r);
    log(
      `  ${p.name}: pass ${r.firstPass.toFixed(1)} ms, page load work ${r.without.TaskDuration.toFixed(0)} ms, added ${(r.with.TaskDuration - r.without.TaskDuration).toFixed(0)} ms`,
    );
  }
  return results;
}

/** A CPU profile of loading the stress page with the extension: the top functions by self time. */
export async function profileStress({ ext, extDir }) {
  const page = await ext.context.newPage();
  await page.goto(BLANK);
  const cdp = await ext.context.newCDPSession(page);
  await startProfile(cdp);
  await page.goto(PAGES[3].url, { waitUntil: 'load', timeout: 120_000 });
  await page.waitForSelector(READY, { state: 'attached', timeout: 120_000 });
  const pass = await page.evaluate(() => performance.getEntriesByName('dogear:annotate')[0]?.duration ?? NaN);
  const profile = await stopProfile(cdp, extDir, 12);
  await page.close();
  return { pass, ...profile };
}
