// Section 3: how soon a card gets its overlay, after a client-side navigation and on a cold load.
import { BLANK } from '../lib/browser.mjs';
import { cardLatencies, installObserver } from '../lib/observe.mjs';
import { median } from '../lib/stats.mjs';

export const SPA_URL = 'https://huggingface.co/papers/date/2026-10-27';

const summarize = (lat) => ({
  cards: lat.length,
  overlay: median(lat.map((l) => l.overlay ?? NaN)),
  overlayMax: Math.max(...lat.map((l) => l.overlay ?? Infinity)),
  // The first screenful (12 cards) is drawn at once; the rest when scrolled near or in idle time.
  drawn: median(lat.slice(0, 12).map((l) => l.drawn ?? NaN)),
  drawnMax: Math.max(...lat.slice(0, 12).map((l) => l.drawn ?? Infinity)),
  frame: median(lat.map((l) => l.frame ?? NaN)),
  missing: lat.filter((l) => l.overlay === null).length,
});

const allOverlaid = (n) => {
  const arts = document.querySelectorAll('article');
  return arts.length >= n && [...arts].every((a) => a.querySelector('dogear-card'));
};

/** One load of the SPA fixture: its hydration re-render (30 fresh cards), then a click on Weekly (105 cards). */
async function spaOnce(browser) {
  const page = await browser.context.newPage();
  await page.addInitScript(installObserver);
  await page.goto(SPA_URL, { waitUntil: 'load' });
  const loaded = await page.evaluate(() => performance.getEntriesByType('navigation')[0].loadEventEnd);
  // The fixture replaces every card 300 ms after load; wait for those cards and their overlays.
  await page.waitForFunction(
    (t) =>
      [...window.__bench.cards.values()].filter((r) => r.added > t && r.overlay !== null && r.frame !== null).length >=
      30,
    loaded,
    { timeout: 20_000 },
  );
  const hydration = await page.evaluate(cardLatencies, loaded);
  const clickedAt = await page.evaluate(() => performance.now());
  await page.getByRole('button', { name: 'Weekly' }).click();
  await page.waitForFunction(allOverlaid, 105, { timeout: 20_000 });
  // Overlays scrolled far away are drawn in idle time; the ones in view are what the user waits for.
  await page.waitForFunction(
    (t) =>
      [...window.__bench.cards.values()]
        .filter((r) => r.added >= t)
        .slice(0, 12)
        .every((r) => r.drawn !== null),
    clickedAt,
    { timeout: 20_000 },
  );
  await page.waitForFunction(
    (t) => [...window.__bench.cards.values()].every((r) => r.added < t || r.frame !== null),
    clickedAt,
  );
  const weekly = await page.evaluate(cardLatencies, clickedAt);
  // The pass that mounted the weekly overlays: when it started after the cards, and its synchronous work.
  const pass = await page.evaluate((t) => {
    const cardsAt = Math.min(...[...window.__bench.cards.values()].filter((r) => r.added >= t).map((r) => r.added));
    const m = performance
      .getEntriesByName('dogear:annotate')
      .filter((e) => e.startTime >= cardsAt)
      .at(-1);
    return m ? { wait: m.startTime - cardsAt, work: m.duration } : { wait: NaN, work: NaN };
  }, clickedAt);
  await page.close();
  return { hydration: summarize(hydration), weekly: { ...summarize(weekly), ...pass } };
}

async function workerStatus(cdp) {
  let status = 'unknown';
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const v of versions) if (v.scriptURL.startsWith('chrome-extension://')) status = v.runningStatus;
  });
  await cdp.send('ServiceWorker.enable');
  return () => status;
}

/** Navigation start → first overlay on the daily page, with the service worker running or stopped first. */
async function firstOverlay(browser, cold) {
  const page = await browser.context.newPage();
  await page.goto(BLANK);
  const cdp = await browser.context.newCDPSession(page);
  const status = await workerStatus(cdp);
  if (cold) {
    await cdp.send('ServiceWorker.stopAllWorkers');
    const until = Date.now() + 5000;
    while (status() !== 'stopped' && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
  } else {
    // Wakes the worker (a message from an extension page) so the warm run really is warm.
    const ext = await browser.context.newPage();
    await ext.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await ext.close();
  }
  const before = status();
  await page.addInitScript(installObserver);
  await page.goto(SPA_URL.replace('/date/2026-10-27', '/week/2026-W44'), { waitUntil: 'load' });
  await page.waitForFunction(() => window.__bench.firstOverlay !== null, null, { timeout: 20_000 });
  const r = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    return { overlay: window.__bench.firstOverlay, dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd };
  });
  await page.close();
  return { ...r, workerBefore: before };
}

export async function measureLatency({ spa, ext, runs, log }) {
  const spaRuns = [];
  for (let i = 0; i < runs; i++) spaRuns.push(await spaOnce(spa));
  const pick = (phase, k) => median(spaRuns.map((r) => r[phase][k]));
  const out = { runs };
  for (const phase of ['hydration', 'weekly'])
    out[phase] = {
      cards: pick(phase, 'cards'),
      overlay: pick(phase, 'overlay'),
      overlayMax: pick(phase, 'overlayMax'),
      drawn: pick(phase, 'drawn'),
      drawnMax: pick(phase, 'drawnMax'),
      frame: pick(phase, 'frame'),
      missing: Math.max(...spaRuns.map((r) => r[phase].missing)),
    };
  out.weekly.passWait = pick('weekly', 'wait');
  out.weekly.passWork = pick('weekly', 'work');
  const cold = [];
  const warm = [];
  for (let i = 0; i < runs; i++) {
    warm.push(await firstOverlay(ext, false));
    cold.push(await firstOverlay(ext, true));
  }
  const agg = (rs) => ({
    overlay: median(rs.map((r) => r.overlay)),
    dcl: median(rs.map((r) => r.dcl)),
    load: median(rs.map((r) => r.load)),
    worker: [...new Set(rs.map((r) => r.workerBefore))].join('/'),
  });
  out.cold = agg(cold);
  out.warm = agg(warm);
  log(
    `  weekly click: overlay ${out.weekly.overlay.toFixed(1)} ms after card, next frame ${out.weekly.frame.toFixed(1)} ms; first overlay cold ${out.cold.overlay.toFixed(0)} / warm ${out.warm.overlay.toFixed(0)} ms`,
  );
  return out;
}
