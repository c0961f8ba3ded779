// Section 4b: a Save click on a listing with an empty library and with 10,000 papers and 7 full backups.
// Nothing on that path may grow with the library or the backups. Two fresh profiles, runs interleaved.
import { makePapers } from '../lib/papers.mjs';
import { median } from '../lib/stats.mjs';

const PAGE = 'https://huggingface.co/papers/date/2026-10-27';
const BACKUPS = 7;

async function extensionPage(browser) {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await page.evaluate(() => {
    window.send = async (id, action) => {
      const meta = { id, title: 'Bench paper', authors: ['A. Author'] };
      const r = await chrome.runtime.sendMessage({
        type: 'paper.act',
        payload: { meta, action, source: 'huggingface' },
      });
      if (!r?.ok) throw new Error(`paper.act failed: ${r?.error}`);
    };
  });
  // Epoch times of each mirror change, so a click in the listing can be matched with the background's write.
  await page.evaluate(() => {
    window.__changes = [];
    chrome.storage.onChanged.addListener((changes) => {
      const t = performance.timeOrigin + performance.now();
      for (const k of Object.keys(changes)) window.__changes.push({ key: k, t });
    });
  });
  return page;
}

async function fill(sender) {
  await sender.evaluate(
    async (put) => {
      const r = await chrome.runtime.sendMessage({ type: 'papers.apply', payload: { put, remove: [] } });
      if (!r?.ok) throw new Error(`papers.apply failed: ${r?.error}`);
    },
    makePapers(0, 10_000),
  );
  for (let i = 0; i < BACKUPS; i++)
    await sender.evaluate(async () => {
      const r = await chrome.runtime.sendMessage({ type: 'backup.take', payload: {} });
      if (!r?.ok) throw new Error(`backup.take failed: ${r?.error}`);
    });
}

/** Clicks Save on the k-th card: click → `data-dogear-status` (in the page), → the mirror change (the background's write). */
async function clickOnce(listing, sender, k) {
  const { id, t0, attr } = await listing.evaluate(
    (k) =>
      new Promise((resolve) => {
        const card = document.querySelectorAll('[data-dogear-id]')[k];
        const id = card.dataset.dogearId;
        const button = card.querySelector('dogear-card').shadowRoot.querySelector('[data-dogear-action="save"]');
        const t0 = performance.now();
        new MutationObserver((_, mo) => {
          if (card.dataset.dogearStatus !== 'saved') return;
          mo.disconnect();
          resolve({ id, t0: performance.timeOrigin + t0, attr: performance.now() - t0 });
        }).observe(card, { attributes: true, attributeFilter: ['data-dogear-status'] });
        button.click();
      }),
    k,
  );
  const key = `p:${id}`;
  await sender.waitForFunction((key) => window.__changes.some((c) => c.key === key), key, { timeout: 30_000 });
  const mirrored = await sender.evaluate(({ key, t0 }) => window.__changes.find((c) => c.key === key).t - t0, {
    key,
    t0,
  });
  await sender.evaluate((id) => send(id, 'unsave'), id);
  // The same message the click sends, timed from an extension page: the background's whole handling, reply included.
  const roundTrip = await sender.evaluate(async () => {
    const t0 = performance.now();
    await send('2609.00001', 'save');
    const t = performance.now() - t0;
    await send('2609.00001', 'unsave');
    return t;
  });
  await sender.evaluate(() => (window.__changes.length = 0));
  // Lets the overlay hear of the removal before the next click.
  await listing.waitForFunction((k) => !document.querySelectorAll('[data-dogear-id]')[k].dataset.dogearStatus, k);
  return { attr, mirrored, roundTrip };
}

export async function measureClick({ start, snapDir, runs, log }) {
  const sides = {};
  for (const name of ['empty', 'full']) {
    const browser = await start(snapDir);
    const sender = await extensionPage(browser);
    if (name === 'full') await fill(sender);
    const listing = await browser.context.newPage();
    await listing.goto(PAGE, { waitUntil: 'load' });
    // The first screen's overlays are drawn (the cards clicked are at the top of the page).
    await listing.waitForFunction(() => document.querySelectorAll('dogear-card:not([data-pending])').length >= 10);
    sides[name] = { browser, sender, listing, runs: [] };
  }
  for (let i = 0; i < runs; i++)
    for (const s of Object.values(sides)) s.runs.push(await clickOnce(s.listing, s.sender, i % 10));
  const out = { papers: 10_000, backups: BACKUPS, runs };
  for (const [name, s] of Object.entries(sides)) {
    out[name] = {
      attr: median(s.runs.map((r) => r.attr)),
      mirrored: median(s.runs.map((r) => r.mirrored)),
      roundTrip: median(s.runs.map((r) => r.roundTrip)),
    };
    await s.browser.close();
  }
  for (const k of ['attr', 'mirrored', 'roundTrip']) out[`${k}Ratio`] = out.full[k] / out.empty[k];
  log(
    `  click → status ${out.empty.attr.toFixed(1)} / ${out.full.attr.toFixed(1)} ms, → mirror ${out.empty.mirrored.toFixed(0)} / ${out.full.mirrored.toFixed(0)} ms, paper.act round trip ${out.empty.roundTrip.toFixed(0)} / ${out.full.roundTrip.toFixed(0)} ms (empty / full)`,
  );
  return out;
}
