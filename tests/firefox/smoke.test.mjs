// Firefox smoke test: the built Firefox add-on in real headless Firefox ESR, driven over WebDriver BiDi.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchFirefox, openAnnotated, clickInCard, openExtensionPage } from './firefox.mjs';

let browser;
before(async () => {
  browser = await launchFirefox();
});
after(async () => {
  await browser?.close();
});

test('Firefox: save on the daily listing, see it in the popup', async () => {
  const id = '2610.22092';
  const page = await openAnnotated(browser, 'https://huggingface.co/papers/date/2026-10-27');
  const count = await page.$eval('html', (h) => h.dataset.dogearCount);
  assert.equal(count, '30');
  await clickInCard(page, id, 'save');
  await page.waitForSelector(`[data-dogear-id="${id}"][data-dogear-status="saved"]`);
  const popup = await openExtensionPage(browser, 'popup.html', `[data-dogear-item="${id}"]`);
  await popup.close();
  await page.close();
});

test('Firefox: the week page is annotated', async () => {
  const page = await openAnnotated(browser, 'https://huggingface.co/papers/week/2026-W44');
  assert.equal(await page.$eval('html', (h) => h.dataset.dogearCount), '105');
  await page.close();
});
