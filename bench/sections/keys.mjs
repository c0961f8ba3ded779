// Section 8: keyboard triage, a key press → the focus ring or the status and overlay updated, against
// the next frame after the key (the change is painted in that frame when it lands before it).
import { BLANK, settle } from '../lib/browser.mjs';
import { median } from '../lib/stats.mjs';
import { PAGES } from './annotate.mjs';

const READY = 'html[data-dogear="ready"]';
const KEY_PAGES = PAGES.filter((p) => p.name === 'daily' || p.name === 'stress');
const STEPS = 20;
const FAR_JUMPS = 5;

/**
 * Runs in the page's main world: times each key from its event's timestamp to the moment the
 * expected state is on the page (seen by a MutationObserver, which runs right after the handler
 * that changed it), and to the first animation frame after the key.
 */
function installProbe() {
  const probe = { expect: null, current: null, roots: new Set() };
  window.__keysProbe = probe;
  const matches = (exp) => {
    const el = document.querySelector(`[data-dogear-id="${exp.id}"]`);
    if (!el) return false;
    if (exp.focus && el.dataset.dogearFocus === undefined) return false;
    if ('status' in exp && (el.dataset.dogearStatus ?? null) !== exp.status) return false;
    if (exp.pressed) {
      const save = el.querySelector('dogear-card')?.shadowRoot?.querySelector('[data-dogear-action="save"]');
      if (save?.getAttribute('aria-pressed') !== exp.pressed) return false;
    }
    return true;
  };
  const check = () => {
    const rec = probe.current;
    if (rec && rec.update === null && matches(rec.expect)) rec.update = performance.now();
  };
  const observer = new MutationObserver(check);
  observer.observe(document, {
    subtree: true,
    attributes: true,
    attributeFilter: ['data-dogear-focus', 'data-dogear-status'],
  });
  probe.watch = (id) => {
    // The overlay lives in a shadow root: observed too, so a late overlay is timed when it changes.
    const root = document.querySelector(`[data-dogear-id="${id}"] dogear-card`)?.shadowRoot;
    if (root && !probe.roots.has(root)) {
      probe.roots.add(root);
      observer.observe(root, { subtree: true, attributes: true, childList: true });
    }
  };
  addEventListener(
    'keydown',
    (e) => {
      if (!probe.expect) return;
      // Installed before the content script: this listener runs before its handler.
      const rec = { expect: probe.expect, t0: e.timeStamp, start: performance.now(), update: null, frame: null };
      probe.current = rec;
      requestAnimationFrame(() => {
        check();
        rec.frame = performance.now();
        rec.inFrame = rec.update !== null;
        // A change that missed this frame is still timed, frame by frame.
        const late = () => {
          check();
          if (rec.update === null && performance.now() - rec.t0 < 5000) requestAnimationFrame(late);
        };
        if (rec.update === null) requestAnimationFrame(late);
      });
    },
    true,
  );
}

/** Presses `key` expecting `exp` on the page; returns the probe's record of it. */
async function timed(page, key, exp) {
  await page.evaluate((exp) => {
    const p = window.__keysProbe;
    p.current = null;
    p.expect = exp;
    p.watch(exp.id);
  }, exp);
  await page.keyboard.press(key);
  await page.waitForFunction(
    () => {
      const r = window.__keysProbe.current;
      return r && r.frame !== null && r.update !== null;
    },
    null,
    { timeout: 10_000 },
  );
  const rec = await page.evaluate(() => window.__keysProbe.current);
  // Lets the background confirm a status change (storage.onChanged) before the next key.
  await page.waitForTimeout(exp.status !== undefined ? 250 : 60);
  return {
    key,
    latency: rec.update - rec.t0,
    // Of that, the time the key waited for the page's main thread before any handler ran.
    queued: rec.start - rec.t0,
    frame: rec.frame - rec.t0,
    inFrame: rec.inFrame,
  };
}

async function onePage(browser, url) {
  const page = await browser.context.newPage();
  await page.goto(BLANK);
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await page.addInitScript(installProbe);
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  await page.waitForSelector(READY, { timeout: 120_000, state: 'attached' });
  // Keys are pressed once the page and the extension's follow-up work (seen marks, scores) are done.
  await settle(cdp);
  const ids = await page.$$eval('[data-dogear-id]', (els) => els.map((el) => el.dataset.dogearId));
  const out = { next: [], save: [], far: [] };
  for (let i = 0; i < Math.min(STEPS, ids.length); i++) {
    out.next.push(await timed(page, 'j', { id: ids[i], focus: true }));
    // Saved and unsaved again, so every entry is left as it was: two status changes per entry.
    out.save.push(await timed(page, 's', { id: ids[i], status: 'saved', pressed: 'true' }));
    out.save.push(await timed(page, 's', { id: ids[i], status: null, pressed: 'false' }));
  }
  // Jumps into the page: Esc, scroll far, j starts at the first entry in view (an overlay maybe not drawn yet).
  if (ids.length > 100)
    for (let k = 1; k <= FAR_JUMPS; k++) {
      await page.keyboard.press('Escape');
      const id = await page.evaluate((k) => {
        const els = [...document.querySelectorAll('[data-dogear-id]')];
        const target = els[Math.floor((els.length * k) / 6)];
        scrollTo(0, target.getBoundingClientRect().top + scrollY);
        return els.find((el) => el.getBoundingClientRect().top >= -0.5)?.dataset.dogearId;
      }, k);
      await page.waitForTimeout(100);
      out.far.push(await timed(page, 'j', { id, focus: true }));
    }
  await page.close();
  return out;
}

const summarize = (recs) => ({
  presses: recs.length,
  latency: median(recs.map((r) => r.latency)),
  latencyMax: Math.max(...recs.map((r) => r.latency)),
  queued: median(recs.map((r) => r.queued)),
  frame: median(recs.map((r) => r.frame)),
  inFrame: recs.filter((r) => r.inFrame).length,
  // One frame at 60 Hz: a handler that takes longer delays the frame it lands in.
  oneFrame: recs.filter((r) => r.latency <= 1000 / 60).length,
});

export async function measureKeys({ ext, runs, log }) {
  const pages = [];
  for (const p of KEY_PAGES) {
    const all = { next: [], save: [], far: [] };
    for (let i = 0; i < runs; i++) {
      const r = await onePage(ext, p.url);
      for (const k of Object.keys(all)) all[k].push(...r[k]);
    }
    const s = { name: p.name, entries: p.entries, next: summarize(all.next), save: summarize(all.save) };
    if (all.far.length) s.far = summarize(all.far);
    pages.push(s);
    log(
      `   ${p.name}: j ${s.next.latency.toFixed(2)} ms, s ${s.save.latency.toFixed(2)} ms after the key (queued ${s.next.queued.toFixed(2)} / ${s.save.queued.toFixed(2)} ms); next frame ${s.next.frame.toFixed(1)} ms; in frame ${s.next.inFrame + s.save.inFrame}/${s.next.presses + s.save.presses}`,
    );
  }
  return { runs, pages };
}
