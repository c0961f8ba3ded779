// Sections 4 and 5 (import): seeding the reading list through the background, then opening the popup
// and searching it, at growing list sizes.
import { settleBrowser } from '../lib/browser.mjs';
import { installObserver } from '../lib/observe.mjs';
import { makePapers } from '../lib/papers.mjs';
import { median } from '../lib/stats.mjs';
import { loadLib } from './export.mjs';

const QUERY = 'diffusion';

/** An extension page to send messages from: only our own pages may send `papers.apply`. */
async function extensionPage(browser) {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  return page;
}

/** Sends `papers.apply` and times the round trip; also JSON.stringify of the same papers, as the baseline. */
async function apply(page, papers) {
  return page.evaluate(async (put) => {
    const t0 = performance.now();
    const json = JSON.stringify(put).length;
    const t1 = performance.now();
    const reply = await chrome.runtime.sendMessage({ type: 'papers.apply', payload: { put, remove: [] } });
    const t2 = performance.now();
    if (!reply?.ok) throw new Error(`papers.apply failed: ${reply?.error}`);
    return { stringify: t1 - t0, apply: t2 - t1, bytes: json };
  }, papers);
}

/** Opens the popup (as a tab) and times navigation start → first row, or → the empty state. */
async function openPopup(browser, expectRows) {
  const page = await browser.context.newPage();
  await page.addInitScript(installObserver);
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await page.waitForFunction((rows) => (rows ? window.__bench.firstItem : window.__bench.empty) !== null, expectRows, {
    timeout: 60_000,
  });
  const render = await page.evaluate((rows) => (rows ? window.__bench.firstItem : window.__bench.empty), expectRows);
  return { page, render };
}

/** One search input event (the query pasted or its last keystroke) → DOM updated → next frame. */
async function search(page, query) {
  return page.evaluate(
    (q) =>
      new Promise((resolve) => {
        const input = document.querySelector('input[type="search"]');
        let dom = null;
        const t0 = performance.now();
        const mo = new MutationObserver(() => {
          if (dom !== null) return;
          dom = performance.now() - t0;
          requestAnimationFrame(() =>
            setTimeout(() => {
              mo.disconnect();
              resolve({
                dom,
                frame: performance.now() - t0,
                rows: document.querySelectorAll('[data-dogear-item]').length,
              });
            }, 0),
          );
        });
        mo.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
        input.value = q;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }),
    query,
  );
}

export async function measurePopup({ ext, sizes, runs, log }) {
  const sender = await extensionPage(ext);
  const out = { sizes: [] };
  // The baseline: the popup's own fixed cost (bundle, IndexedDB open, first render) with an empty list.
  await settleBrowser(ext);
  const empty = [];
  for (let i = 0; i < runs; i++) {
    const { page, render } = await openPopup(ext, false);
    empty.push(render);
    await page.close();
  }
  out.empty = median(empty);

  let have = 0;
  for (const size of sizes) {
    await apply(sender, makePapers(have, size - have));
    have = size;
    // Once right after the import, while the background takes it in (its refit reads the whole list);
    // the timed runs wait until the browser is quiet, as the empty popup's did.
    const { page: busy, render: afterImport } = await openPopup(ext, true);
    await busy.close();
    const settled = await settleBrowser(ext);
    const render = [];
    const typed = [];
    for (let i = 0; i < runs; i++) {
      const { page, render: r } = await openPopup(ext, true);
      render.push(r);
      await page.waitForLoadState('load');
      // The popup opens on its first screen and reads the whole list after it: search that.
      await page.waitForSelector('[data-dogear-action="data"]', { timeout: 60_000 });
      const s = await search(page, QUERY);
      typed.push(s);
      await page.close();
    }
    const row = {
      size,
      render: median(render),
      searchDom: median(typed.map((t) => t.dom)),
      searchFrame: median(typed.map((t) => t.frame)),
      rows: typed[0]?.rows,
      afterImport,
      settled,
    };
    out.sizes.push(row);
    log(
      `  ${size} papers: first row ${row.render.toFixed(0)} ms (empty popup ${out.empty.toFixed(0)} ms; ${afterImport.toFixed(0)} ms right after the import, quiet ${(settled / 1000).toFixed(0)} s later), search → frame ${row.searchFrame.toFixed(1)} ms`,
    );
  }
  await sender.close();
  return out;
}

/**
 * Before each run: what the run before it set off in the browser must not run inside this one. Sync sends
 * the change on 2 s after it and the ranker refits 1.5 s after it, on the whole library: wait until both have
 * started, then until the browser is quiet.
 */
async function quietAfterImport(browser) {
  await new Promise((r) => setTimeout(r, 2500));
  return settleBrowser(browser);
}

/**
 * Section 5: importing 10,000 papers in one `papers.apply` (validation, the before-import backup, one
 * IndexedDB transaction, the \`storage.local\` mirror), against JSON.stringify of the same papers in the same
 * page. Each run adds 10,000 new papers, so later runs write into a fuller store (and back up a longer list);
 * each starts 3 s after the one before (its sync push and the start of the ranker's refit).
 */
export async function measureImport({ browser, runs, log }) {
  const sender = await extensionPage(browser);
  const steps = [];
  for (let i = 0; i < runs; i++) {
    await quietAfterImport(browser);
    steps.push(await apply(sender, makePapers(i * 10_000, 10_000)));
  }
  await sender.close();
  const r = {
    papers: 10_000,
    runs,
    apply: median(steps.map((s) => s.apply)),
    applies: steps.map((s) => s.apply),
    stringify: median(steps.map((s) => s.stringify)),
    bytes: steps[0].bytes,
  };
  r.ratio = r.apply / r.stringify;
  log(
    `  import 10,000: ${r.apply.toFixed(0)} ms (runs ${r.applies.map((x) => x.toFixed(0)).join(', ')}), JSON.stringify ${r.stringify.toFixed(1)} ms`,
  );
  return r;
}

/**
 * The import a user makes: the options page, a JSON export of 10,000 papers picked as a file (read, checked
 * and planned in the page: the preview), then Import clicked until the page says it is done (\`papers.apply\`
 * and the page's own follow-up). Into an empty library, timed in the page.
 */
export async function measureOptionsImport({ using, runs, log }) {
  const { toJson } = await loadLib('lib/export.ts');
  const fileText = toJson(makePapers(0, 10_000), { keywords: [], tagRules: [] }, new Date());
  const out = [];
  // A fresh browser each: an empty library, and nothing left running from the run before.
  for (let i = 0; i < runs; i++) out.push(await using({}, (browser) => importFile(browser, fileText, log)));
  return { runs, preview: median(out.map((o) => o.preview)), apply: median(out.map((o) => o.apply)) };
}

async function importFile(browser, fileText, log) {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await settleBrowser(browser);
  const input = page.locator('#data input[name="import"]');
  await input.waitFor({ state: 'attached', timeout: 60_000 });
  await page.evaluate(() => {
    const s = (window.__import = {});
    document
      .querySelector('#data input[name="import"]')
      .addEventListener('change', () => (s.picked = performance.now()), { capture: true });
    new MutationObserver(() => {
      s.preview ??= document.querySelector('[data-dogear-import-preview]') ? performance.now() : undefined;
      s.done ??= document.querySelector('#data .import-done') ? performance.now() : undefined;
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  await input.setInputFiles({ name: 'dogear.json', mimeType: 'application/json', buffer: Buffer.from(fileText) });
  await page.waitForFunction(() => window.__import.preview, null, { timeout: 120_000 });
  await page.evaluate(() => {
    window.__import.clicked = performance.now();
    document.querySelector('[data-dogear-action="import-apply"]').click();
  });
  await page.waitForFunction(() => window.__import.done, null, { timeout: 120_000 });
  const s = await page.evaluate(() => window.__import);
  await page.close();
  const r = { preview: s.preview - s.picked, apply: s.done - s.clicked };
  log(`  options page, 10,000 from a file: preview ${r.preview.toFixed(0)} ms, Import → done ${r.apply.toFixed(0)} ms`);
  return r;
}
