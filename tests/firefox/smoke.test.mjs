// Firefox smoke test: the built Firefox add-on in real headless Firefox ESR, driven over WebDriver BiDi.
// Saves a paper on a listing and finds it in the popup.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { readFile } from 'node:fs/promises';
import puppeteer from 'puppeteer-core';
import { fixtureFor, isSiteStyleSheet, STYLE_CSS } from '../support/fixture-routes.mjs';

const EXT = resolve('.output/firefox-mv2');
const GECKO_ID = 'dogear@dogear.dev';
const UUID = '5d0c6f4e-2b1a-4c3d-9e8f-0a1b2c3d4e5f';
let browser;

before(async () => {
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    headless: true,
    args: ['--remote-allow-system-access'],
    env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }),
      'services.settings.server': 'data:,#remote-settings-dummy/v1',
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': 9,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': 9,
      'network.proxy.no_proxies_on': '',
    },
  });
  await browser.installExtension(EXT);
});

after(async () => {
  await browser?.close();
});

async function serveFixtures(page) {
  await page.setRequestInterception(true);
  page.on('request', async (req) => {
    const url = req.url();
    if (url.startsWith('moz-extension://') || url.startsWith('data:')) return req.continue();
    if (isSiteStyleSheet(url)) return req.respond({ status: 200, contentType: 'text/css', body: await readFile(STYLE_CSS) });
    const file = /^https:\/\/(huggingface\.co|arxiv\.org)\//.test(url) && req.resourceType() === 'document' ? fixtureFor(url) : null;
    if (file) return req.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: await readFile(file) });
    return req.abort();
  });
}

async function openAnnotated(url) {
  const page = await browser.newPage();
  await serveFixtures(page);
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.waitForSelector('html[data-dogear="ready"]', { timeout: 30_000 });
  return page;
}

async function clickInCard(page, id, action) {
  await page.waitForFunction(
    (id, action) => document.querySelector(`[data-dogear-id="${id}"] dogear-card`)?.shadowRoot?.querySelector(`[data-dogear-action="${action}"]`),
    {},
    id,
    action,
  );
  await page.evaluate(
    (id, action) => document.querySelector(`[data-dogear-id="${id}"] dogear-card`).shadowRoot.querySelector(`[data-dogear-action="${action}"]`).click(),
    id,
    action,
  );
}

async function popupHas(id) {
  const popup = await browser.newPage();
  // A moz-extension:// navigation never resolves goto(); wait for the content instead.
  popup.goto(`moz-extension://${UUID}/popup.html`).catch(() => {});
  await popup.waitForSelector(`[data-dogear-item="${id}"]`, { timeout: 20_000 });
  await popup.close();
}

test('Firefox: save on the daily listing, see it in the popup', async () => {
  const id = '2610.22092';
  const page = await openAnnotated('https://huggingface.co/papers/date/2026-10-27');
  const count = await page.$eval('html', (h) => h.dataset.dogearCount);
  assert.equal(count, '30');
  await clickInCard(page, id, 'save');
  await page.waitForSelector(`[data-dogear-id="${id}"][data-dogear-status="saved"]`);
  await popupHas(id);
  await page.close();
});

test('Firefox: the week page is annotated', async () => {
  const page = await openAnnotated('https://huggingface.co/papers/week/2026-W44');
  assert.equal(await page.$eval('html', (h) => h.dataset.dogearCount), '105');
  await page.close();
});
