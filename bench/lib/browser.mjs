// Launching the benchmark's browsers and reading Chromium's own counters over the DevTools protocol.
import { chromium } from '@playwright/test';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromiumArgs, EXTENSION_DIR, routeFixtures } from '../../tests/support/chromium.mjs';

/**
 * A private copy of the built extension: other engineers rebuild `.output/` while
 * the benchmark runs, and Chromium must not see the build change under it.
 */
export async function snapshotExtension() {
  for (let attempt = 0; attempt < 60; attempt++) {
    const before = newestMtime(EXTENSION_DIR);
    // A build in progress empties the folder first and writes the manifest among the last files.
    if (before && Date.now() - before > 2000 && COMPLETE.every((f) => existsSync(path.join(EXTENSION_DIR, f)))) {
      const dir = mkdtempSync(path.join(tmpdir(), 'dogear-bench-ext-'));
      cpSync(EXTENSION_DIR, dir, { recursive: true });
      if (newestMtime(EXTENSION_DIR) === before && COMPLETE.every((f) => existsSync(path.join(dir, f))))
        return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
      rmSync(dir, { recursive: true, force: true });
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`no complete build in ${EXTENSION_DIR}: run npm run build`);
}

const COMPLETE = ['manifest.json', 'background.js', 'content-scripts/content.js', 'popup.html', 'options.html'];

function newestMtime(dir) {
  if (!existsSync(dir)) return 0;
  let newest = statSync(dir).mtimeMs;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true }))
    newest = Math.max(newest, statSync(path.join(e.parentPath ?? e.path, e.name)).mtimeMs);
  return newest;
}

/** A persistent context with the extension copy at `extDir`, or without any extension (`extDir` null). */
export async function launch(extDir, overrides = {}) {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'dogear-bench-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: chromiumArgs(extDir),
  });
  await routeFixtures(context, overrides);
  let extensionId = null;
  if (extDir) {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    extensionId = new URL(worker.url()).host;
  }
  return {
    context,
    extensionId,
    version: context.browser()?.version() ?? '',
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Same origin as the listings, so navigating from it keeps the renderer and the DevTools session; no content script runs on it. */
export const BLANK = 'https://huggingface.co/bench-blank';

/** `Performance.getMetrics` as an object, durations in milliseconds. */
export async function metrics(cdp) {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  const out = {};
  for (const { name, value } of list) out[name] = /Duration$/.test(name) ? value * 1000 : value;
  return out;
}

/**
 * Waits until the main thread has been quiet for `quietMs` (TaskDuration grows by less than 1 ms):
 * the extension's follow-up work (seen marks, scores) lands after its first pass.
 */
export async function settle(cdp, { quietMs = 600, maxMs = 20_000 } = {}) {
  const start = Date.now();
  let last = (await metrics(cdp)).TaskDuration;
  let quietSince = Date.now();
  while (Date.now() - start < maxMs) {
    await new Promise((r) => setTimeout(r, 100));
    const now = (await metrics(cdp)).TaskDuration;
    if (now - last > 1) quietSince = Date.now();
    last = now;
    if (Date.now() - quietSince >= quietMs) break;
  }
  return metrics(cdp);
}

/**
 * Waits until the whole browser is quiet: the CPU time of all its processes (the extension's worker
 * and pages, IndexedDB's storage service; `SystemInfo.getProcessInfo`) grows by less than `share` of
 * one core over `quietMs`. Work the benchmark itself set off (the refit an import starts) then no
 * longer competes with what is timed next. Returns the milliseconds waited.
 */
export async function settleBrowser(browser, { quietMs = 1000, share = 0.1, maxMs = 300_000 } = {}) {
  const session = await browser.context.browser().newBrowserCDPSession();
  const cpu = async () =>
    (await session.send('SystemInfo.getProcessInfo')).processInfo.reduce((sum, p) => sum + p.cpuTime * 1000, 0);
  const start = Date.now();
  try {
    let last = await cpu();
    for (;;) {
      await new Promise((r) => setTimeout(r, quietMs));
      const now = await cpu();
      if (now - last < share * quietMs || Date.now() - start > maxMs) return Date.now() - start;
      last = now;
    }
  } finally {
    await session.detach();
  }
}

/**
 * Waits until `selector` matches in the page (no selector: at once), the same way with and without the
 * extension, so the heaps compared hold the same harness. Not `page.waitForSelector`: it runs Playwright's
 * injected script in a world of its own (two copies of 323 KiB of source, compiled: over 1 MiB of JS heap),
 * and its selector engine walks the whole document, shadow roots included, leaving a wrapper in that world for
 * every element it passed — all of it counted against whichever side waited, and more the later the
 * selector matched.
 */
export async function waitAttached(page, selector, timeout = 120_000) {
  await page.waitForFunction((sel) => !sel || document.querySelector(sel) !== null, selector ?? null, {
    timeout,
    polling: 100,
  });
}

/** Opens `url` in a fresh tab with the Performance domain counting main-thread CPU time from before the navigation. */
export async function openMeasured(context, url, { ready } = {}) {
  const page = await context.newPage();
  await page.goto(BLANK);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const before = await metrics(cdp);
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  await waitAttached(page, ready);
  const after = await settle(cdp);
  const delta = {};
  for (const k of Object.keys(after)) delta[k] = after[k] - (before[k] ?? 0);
  return { page, cdp, delta, after };
}
