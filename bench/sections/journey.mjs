// Section 0 (the headline): what a reader's whole visit costs the page's main thread — load, settle,
// scroll through every screen, settle — with Dogear, with the "full overlay floor" script (bench/floor.mjs:
// every overlay drawn eagerly by a plain script) and in a plain browser, interleaved in one run.
import { BLANK, metrics, settle, waitAttached } from '../lib/browser.mjs';
import { KEYWORDS } from '../lib/papers.mjs';
import { median } from '../lib/stats.mjs';
import { floorScript } from '../floor.mjs';
import { loadLib } from './export.mjs';

const JOURNEY_PAGES = [
  // On the month page a fourth world, the floor without keyword highlights, shows what the highlights alone add.
  { name: 'month', url: 'https://huggingface.co/papers/month/2026-10', entries: 500, bareFloor: true },
  { name: 'stress', url: 'https://huggingface.co/papers/month/2026-08', entries: 3000 },
];

const READY = {
  dogear: 'html[data-dogear="ready"]',
  floor: 'html[data-bench-floor]',
  bare: 'html[data-bench-floor]',
  plain: null,
};

/** Records long tasks (> 50 ms) of the page's main thread from the first moment; both worlds run on it. */
function installLongTasks() {
  const tasks = [];
  Object.defineProperty(window, '__longTasks', { value: tasks });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
}

/** One screen at a time, letting two frames and a short pause pass on each, as a reader's scroll would. */
export function scrollThrough() {
  return new Promise((resolve) => {
    const start = performance.now();
    let y = 0;
    let screens = 0;
    const step = () => {
      window.scrollTo(0, y);
      screens++;
      requestAnimationFrame(() =>
        requestAnimationFrame(() =>
          setTimeout(() => {
            y += window.innerHeight;
            if (y < document.documentElement.scrollHeight) step();
            else resolve({ start, end: performance.now(), screens });
          }, 20),
        ),
      );
    };
    step();
  });
}

async function heapAfterGc(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  return (await cdp.send('Runtime.getHeapUsage')).usedSize;
}

async function one(browser, url, mode, css) {
  const page = await browser.context.newPage();
  await page.addInitScript(installLongTasks);
  if (mode === 'floor' || mode === 'bare')
    await page.addInitScript(floorScript, { css, keywords: mode === 'bare' ? [] : KEYWORDS });
  await page.goto(BLANK);
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const before = (await metrics(cdp)).TaskDuration;
  await page.goto(url, { waitUntil: 'load', timeout: 180_000 });
  await waitAttached(page, READY[mode], 180_000);
  const atLoad = (await settle(cdp)).TaskDuration - before;
  const scroll = await page.evaluate(scrollThrough);
  const whole = (await settle(cdp)).TaskDuration - before;
  const r = await page.evaluate(
    ({ from, to }) => ({
      long: window.__longTasks.filter((t) => t.start >= from && t.start <= to).map((t) => t.duration),
      drawn: document.querySelectorAll('dogear-card:not([data-pending])').length,
      hosts: document.querySelectorAll('dogear-card').length,
    }),
    { from: scroll.start, to: scroll.end },
  );
  const heap = await heapAfterGc(cdp);
  await page.close();
  return { atLoad, whole, heap, screens: scroll.screens, ...r };
}

export async function measureJourney({ ext, base, runs, stressRuns, log, pages = JOURNEY_PAGES }) {
  const { OVERLAY_CSS: css } = await loadLib('components/overlay-css.ts');
  const out = [];
  for (const p of pages) {
    const n = p.name === 'stress' ? stressRuns : runs;
    const modes = ['plain', 'floor', 'dogear', ...(p.bareFloor ? ['bare'] : [])];
    const rs = Object.fromEntries(modes.map((mode) => [mode, []]));
    for (let i = 0; i < n; i++)
      for (const mode of modes) rs[mode].push(await one(mode === 'dogear' ? ext : base, p.url, mode, css));
    const pick = (mode, f) => median(rs[mode].map(f));
    const r = { ...p, runs: n };
    for (const mode of modes)
      r[mode] = {
        atLoad: pick(mode, (x) => x.atLoad),
        whole: pick(mode, (x) => x.whole),
        heap: pick(mode, (x) => x.heap),
        longCount: pick(mode, (x) => x.long.length),
        longMax: pick(mode, (x) => Math.max(0, ...x.long)),
        screens: pick(mode, (x) => x.screens),
      };
    r.dogear.hosts = pick('dogear', (x) => x.hosts);
    r.dogear.drawn = pick('dogear', (x) => x.drawn);
    // Each run's ratio from its own interleaved triple, then the median: drift between runs cancels.
    const ratio = (key) =>
      median(rs.dogear.map((d, i) => (d[key] - rs.plain[i][key]) / (rs.floor[i][key] - rs.plain[i][key])));
    r.wholeRatio = ratio('whole');
    r.atLoadRatio = ratio('atLoad');
    r.added = {
      floor: { atLoad: r.floor.atLoad - r.plain.atLoad, whole: r.floor.whole - r.plain.whole },
      dogear: { atLoad: r.dogear.atLoad - r.plain.atLoad, whole: r.dogear.whole - r.plain.whole },
    };
    if (r.bare) r.added.bare = { atLoad: r.bare.atLoad - r.plain.atLoad, whole: r.bare.whole - r.plain.whole };
    r.heapPerEntry = (r.dogear.heap - r.plain.heap) / p.entries;
    r.floorHeapPerEntry = (r.floor.heap - r.plain.heap) / p.entries;
    r.raw = rs;
    out.push(r);
    if (r.bare)
      log(
        `  ${p.name}: floor without highlights added ${r.added.bare.whole.toFixed(0)} ms; long tasks in scroll ${r.bare.longCount} (max ${r.bare.longMax.toFixed(0)})`,
      );
    log(
      `  ${p.name}: journey added dogear ${r.added.dogear.whole.toFixed(0)} / floor ${r.added.floor.whole.toFixed(0)} ms = ${r.wholeRatio.toFixed(2)}x; at load ${r.added.dogear.atLoad.toFixed(0)} / ${r.added.floor.atLoad.toFixed(0)} ms = ${r.atLoadRatio.toFixed(2)}x; long tasks in scroll plain ${r.plain.longCount} (max ${r.plain.longMax.toFixed(0)}) floor ${r.floor.longCount} (max ${r.floor.longMax.toFixed(0)}) dogear ${r.dogear.longCount} (max ${r.dogear.longMax.toFixed(0)}); heap ${(r.heapPerEntry / 1024).toFixed(2)} KiB/entry (floor ${(r.floorHeapPerEntry / 1024).toFixed(2)})`,
    );
  }
  return out;
}
