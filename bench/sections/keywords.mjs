// Section 2: keyword highlighting against mark.js, same page, same keywords, same title elements.
import { createRequire } from 'node:module';
import { openMeasured } from '../lib/browser.mjs';
import { KEYWORDS } from '../lib/papers.mjs';
import { median } from '../lib/stats.mjs';

const MARK_JS = createRequire(import.meta.url).resolve('mark.js/dist/mark.min.js');
// The same elements our adapter paints on these pages: the card titles (month-style cards show no abstract).
const TITLES = 'article h3 a[href^="/papers/"]';

/** Saves the keywords the way a user does: typed into the options page, which saves as you type. */
export async function setKeywords(browser, keywords = KEYWORDS) {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await page.locator('textarea[name="keywords"]').fill(keywords.join('\n'));
  await page.waitForFunction(
    async (n) => ((await chrome.storage.local.get('dogear:settings'))['dogear:settings']?.keywords?.length ?? 0) === n,
    keywords.length,
    { timeout: 15_000 },
  );
  await page.close();
}

async function ours(browser, url) {
  const { page } = await openMeasured(browser.context, url, { ready: 'html[data-dogear="ready"]' });
  const r = await page.evaluate(() => ({
    pass: performance.getEntriesByName('dogear:annotate')[0]?.duration ?? NaN,
    highlight: performance.getEntriesByName('dogear:highlight')[0]?.duration ?? NaN,
    ranges: CSS.highlights.get('dogear-keyword')?.size ?? 0,
  }));
  await page.close();
  return r;
}

/** mark.js over the same titles, on a fresh page load (its unmark() on 3,000 cards takes minutes). */
async function markJs(browser, url) {
  const page = await browser.context.newPage();
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  await page.addScriptTag({ path: MARK_JS });
  const out = await page.evaluate(
    ({ sel, keywords }) => {
      const els = [...document.querySelectorAll(sel)];
      let count = 0;
      const t0 = performance.now();
      // mark.js works synchronously here: no iframes, so `done` runs before mark() returns.
      new Mark(els).mark(keywords, { separateWordSearch: false, accuracy: 'exactly', done: (n) => (count = n) });
      return { ms: performance.now() - t0, count, elements: els.length };
    },
    { sel: TITLES, keywords: KEYWORDS },
  );
  await page.close();
  return out;
}

export async function measureKeywords({ extKw, base, pages, runs, stressRuns, log }) {
  const results = [];
  for (const p of pages) {
    const n = p.name === 'stress' ? stressRuns : runs;
    const o = [];
    const mk = [];
    for (let i = 0; i < n; i++) {
      mk.push(await markJs(base, p.url));
      o.push(await ours(extKw, p.url));
    }
    const r = {
      name: p.name,
      runs: n,
      pass: median(o.map((x) => x.pass)),
      highlight: median(o.map((x) => x.highlight)),
      ranges: median(o.map((x) => x.ranges)),
      mark: median(mk.map((x) => x.ms)),
      markCount: mk[0]?.count ?? 0,
      elements: mk[0]?.elements ?? 0,
    };
    r.passSpeedup = r.mark / r.pass;
    r.highlightSpeedup = r.mark / r.highlight;
    results.push(r);
    log(
      `  ${p.name}: our pass ${r.pass.toFixed(1)} ms (highlight ${r.highlight.toFixed(1)} ms), mark.js ${r.mark.toFixed(1)} ms`,
    );
  }
  return results;
}
