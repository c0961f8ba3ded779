// Firefox: keyboard triage on a Hugging Face listing, with real key presses (WebDriver BiDi input, trusted).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchFirefox, openAnnotated, openExtensionPage } from './firefox.mjs';

const DAILY = 'https://huggingface.co/papers/date/2026-10-27';
const WAIT = { timeout: 10_000 };

let browser;
before(async () => {
  browser = await launchFirefox();
});
after(async () => {
  await browser?.close();
});

const ids = (page) => page.$$eval('[data-dogear-id]', (els) => els.map((el) => el.dataset.dogearId));
const focusedId = (page) => page.evaluate(() => document.querySelector('[data-dogear-focus]')?.dataset.dogearId);
const statusOf = (page, id) => page.$eval(`[data-dogear-id="${id}"]`, (el) => el.dataset.dogearStatus ?? null);
const overlayPressed = (page, id, action) =>
  page.$eval(
    `[data-dogear-id="${id}"] dogear-card`,
    (card, action) => card.shadowRoot.querySelector(`[data-dogear-action="${action}"]`)?.getAttribute('aria-pressed'),
    action,
  );

async function press(page, ...keys) {
  for (const k of keys) await page.keyboard.press(k);
}

test('Firefox: j/k move the focus ring, s saves (popup agrees), x + d dismisses a selection, u undoes it', async () => {
  const page = await openAnnotated(browser, DAILY);
  const all = await ids(page);
  assert.equal(all.length, 30);
  assert.equal(await focusedId(page), undefined);

  await press(page, 'j');
  await page.waitForSelector(`[data-dogear-focus][data-dogear-id="${all[0]}"]`, WAIT);
  await press(page, 'j', 'j', 'k');
  await page.waitForSelector(`[data-dogear-focus][data-dogear-id="${all[1]}"]`, WAIT);
  assert.equal(await page.$$eval('[data-dogear-focus]', (els) => els.length), 1);
  const live = await page.$eval('dogear-keys', (h) => h.shadowRoot.querySelector('[role="status"]').textContent);
  assert.match(live, /2 of 30/);

  // s on the focused entry: its state and its overlay's button change, as a click would change them.
  await press(page, 's');
  await page.waitForSelector(`[data-dogear-id="${all[1]}"][data-dogear-status="saved"]`, WAIT);
  assert.equal(await overlayPressed(page, all[1], 'save'), 'true');
  assert.equal(await statusOf(page, all[0]), null);
  const popup = await openExtensionPage(browser, 'popup.html', `[data-dogear-item="${all[1]}"]`);
  assert.equal(await popup.$$eval('[data-dogear-item]', (els) => els.length), 1);
  await popup.close();
  await page.bringToFront();

  // x on two more entries, then d: both dismissed, the saved one untouched; one u brings both back.
  await press(page, 'j', 'x', 'j', 'x', 'd');
  for (const id of [all[2], all[3]])
    await page.waitForSelector(`[data-dogear-id="${id}"][data-dogear-status="dismissed"]`, WAIT);
  assert.equal(await statusOf(page, all[1]), 'saved');
  assert.equal(await page.$$eval('[data-dogear-selected]', (els) => els.length), 0);
  await press(page, 'u');
  await page.waitForFunction(
    (a, b) =>
      !document.querySelector(
        `[data-dogear-id="${a}"][data-dogear-status], [data-dogear-id="${b}"][data-dogear-status]`,
      ),
    WAIT,
    all[2],
    all[3],
  );
  assert.equal(await statusOf(page, all[1]), 'saved');
  await page.close();
});

test('Firefox: keys typed into the page’s search box are the page’s, and ? opens the help, Esc closes it', async () => {
  const page = await openAnnotated(browser, DAILY);
  // The first test saved a paper in this profile: what counts is that typing changes nothing.
  const statuses = () =>
    page.$$eval('[data-dogear-status]', (els) => els.map((el) => `${el.dataset.dogearId}=${el.dataset.dogearStatus}`));
  const before = await statuses();
  await page.click('input[name="q"]');
  await page.keyboard.type('jsxd?');
  assert.equal(await page.$eval('input[name="q"]', (i) => i.value), 'jsxd?');
  assert.equal(await page.$$eval('[data-dogear-focus], [data-dogear-selected], dogear-help', (els) => els.length), 0);
  assert.deepEqual(await statuses(), before);
  await page.$eval('input[name="q"]', (i) => i.blur());
  await press(page, '?');
  await page.waitForSelector('dogear-help', WAIT);
  await press(page, 'Escape');
  await page.waitForFunction(() => !document.querySelector('dogear-help'), WAIT);
  await page.close();
});
