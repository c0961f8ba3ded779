// Firefox: keywords and tag rules set in the options page reach an already open listing, live.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchFirefox, openAnnotated, openExtensionPage } from './firefox.mjs';

const DAILY = 'https://huggingface.co/papers/date/2026-10-27';
const ARXIV_NEW = 'https://arxiv.org/list/cs.LG/new';
// Autosave (250 ms) + background + storage mirror + content script; generous only for the later steps.
const LIVE_MS = 1_000;
const SETTLE_MS = 15_000;

let browser;
before(async () => {
  browser = await launchFirefox();
});
after(async () => {
  await browser?.close();
});

/** The text under each range of the keyword highlight, read in the page's own world. */
const highlighted = (page) =>
  page.evaluate(() =>
    [...(CSS.highlights.get('dogear-keyword') ?? [])].map((r) => {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      return range.toString();
    }),
  );

async function typeKeywords(options, text) {
  await options.$eval('textarea[name="keywords"]', (t) => {
    t.focus();
    t.select();
  });
  await options.keyboard.press('Backspace');
  await options.type('textarea[name="keywords"]', text);
}

/**
 * Waits until `fn` is true in the page, asking from here: the listings sit in background tabs, where
 * Firefox runs no animation frames and throttles timers to 1 s, so waitForFunction's in-page polling
 * would measure the throttling instead of Dogear.
 */
async function until(page, fn, timeout, ...args) {
  const end = Date.now() + timeout;
  for (;;) {
    if (await page.evaluate(fn, ...args)) return;
    if (Date.now() > end) throw new Error(`not true within ${timeout} ms: ${fn}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const chipCount = (page, tag) =>
  page.evaluate(
    (tag) =>
      [...document.querySelectorAll('dogear-card')].filter((c) =>
        c.shadowRoot?.querySelector(`[data-dogear-tag="${tag}"]`),
      ).length,
    tag,
  );

test('Firefox: keywords and a tag rule from the options page show on open HF and arXiv listings', async () => {
  const hf = await openAnnotated(browser, DAILY);
  const arxiv = await openAnnotated(browser, ARXIV_NEW);
  assert.deepEqual(await highlighted(hf), []);
  const options = await openExtensionPage(browser, 'options.html', 'textarea[name="keywords"]');

  await typeKeywords(options, 'sparse attention');
  const t0 = Date.now();
  await until(hf, () => CSS.highlights.get('dogear-keyword')?.size === 2, LIVE_MS);
  console.log(`Firefox HF: highlighted ${Date.now() - t0} ms after the last key`);
  assert.deepEqual(await highlighted(hf), ['Sparse Attention', 'Sparse Attention']);
  await until(arxiv, () => (CSS.highlights.get('dogear-keyword')?.size ?? 0) > 0, SETTLE_MS);
  for (const text of await highlighted(arxiv)) assert.match(text, /^sparse\s+attention$/i);

  await options.click('[data-dogear-action="add-rule"]');
  await options.waitForSelector('li.rule textarea[name="rule-patterns"]');
  await options.type('li.rule textarea[name="rule-patterns"]', 'agent*');
  await until(
    hf,
    () =>
      [...document.querySelectorAll('dogear-card')].some((c) =>
        c.shadowRoot?.querySelector('[data-dogear-tag="tag 1"]'),
      ),
    SETTLE_MS,
  );
  assert.ok((await chipCount(hf, 'tag 1')) >= 4);

  // An invalid pattern is reported in the options page; the valid one still paints.
  await typeKeywords(options, '/(unclosed/\nsparse attention');
  await options.waitForSelector('[data-dogear-keyword="/(unclosed/"] [data-dogear-error]', { timeout: SETTLE_MS });
  await until(hf, () => CSS.highlights.get('dogear-keyword')?.size === 2, SETTLE_MS);
  // Clearing everything takes the highlights and chips away again.
  await typeKeywords(options, '');
  await options.click('[data-dogear-action="delete-rule"]');
  // The cleared keywords and the deleted rule are two saves: wait for both to reach the listing.
  await until(
    hf,
    () =>
      !CSS.highlights.get('dogear-keyword')?.size &&
      !document.querySelector('[data-dogear-matches]') &&
      ![...document.querySelectorAll('dogear-card')].some((c) =>
        c.shadowRoot?.querySelector('[data-dogear-tag="tag 1"]'),
      ),
    SETTLE_MS,
  );
  assert.equal(await chipCount(hf, 'tag 1'), 0);
  await Promise.all([options.close(), hf.close(), arxiv.close()]);
});
