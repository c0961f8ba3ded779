// Firefox smoke test on arXiv: the /new listing and an abs page with the built Firefox add-on.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchFirefox, openAnnotated, clickInCard, openExtensionPage } from './firefox.mjs';

let browser;
before(async () => {
  browser = await launchFirefox();
});
after(async () => {
  await browser?.close();
});

test('Firefox: the MV2 manifest asks for huggingface.co and arxiv.org only', () => {
  const manifest = JSON.parse(readFileSync(resolve('.output/firefox-mv2/manifest.json'), 'utf8'));
  const hosts = manifest.permissions.filter((p) => p.includes('/') || p.includes('<'));
  assert.deepEqual(hosts.sort(), ['https://arxiv.org/*', 'https://huggingface.co/*']);
  for (const m of manifest.content_scripts.flatMap((c) => c.matches))
    assert.match(m, /^https:\/\/(arxiv\.org|huggingface\.co)\//);
});

test('Firefox: save on the arXiv /new listing, see it in the popup and on the abs page', async () => {
  const id = '2610.22702';
  const page = await openAnnotated(browser, 'https://arxiv.org/list/cs.LG/new');
  const shape = await page.evaluate(() => ({
    count: document.documentElement.dataset.dogearCount,
    cards: document.querySelectorAll('dt > dogear-card').length,
  }));
  assert.deepEqual(shape, { count: '100', cards: 100 });
  await clickInCard(page, id, 'save');
  await page.waitForSelector(`dt[data-dogear-id="${id}"][data-dogear-status="saved"]`);
  const popup = await openExtensionPage(browser, 'popup.html', `[data-dogear-item="${id}"]`);
  assert.match(await popup.$eval(`[data-dogear-item="${id}"]`, (el) => el.textContent), /Secretly Agents/);
  await popup.close();
  const abs = await openAnnotated(browser, `https://arxiv.org/abs/${id}`);
  await abs.waitForSelector(`[data-dogear-id="${id}"][data-dogear-status="saved"]`);
  assert.equal(await abs.evaluate(() => document.querySelectorAll('dogear-card').length), 1);
  await abs.close();
  await page.close();
});
