// Driving the built Firefox add-on in headless Firefox ESR over WebDriver BiDi (puppeteer-core), offline.
import { resolve } from 'node:path';
import { readFile } from 'node:fs/promises';
import puppeteer from 'puppeteer-core';
import { fixtureFor, isSiteStyleSheet, isSiteUrl, STYLE_CSS } from '../support/fixture-routes.mjs';

const EXT = resolve('.output/firefox-mv2');
const GECKO_ID = 'dogear@dogear.dev';
const UUID = '5d0c6f4e-2b1a-4c3d-9e8f-0a1b2c3d4e5f';
/** Starts Firefox with the add-on installed as a temporary add-on. */
export async function launchFirefox() {
  const browser = await puppeteer.launch({
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
  return browser;
}

async function answer(req, overrides) {
  const url = req.url();
  if (url.startsWith('moz-extension://') || url.startsWith('data:')) return req.continue();
  if (isSiteStyleSheet(url))
    return req.respond({ status: 200, contentType: 'text/css', body: await readFile(STYLE_CSS) });
  const file = isSiteUrl(url) ? fixtureFor(url, overrides) : null;
  if (file) return req.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: await readFile(file) });
  return req.abort();
}

// A request the page dropped (closed, navigated away) before our answer arrived has nobody left to answer;
// Firefox reports it as "no such request", which must not surface as an unhandled rejection in a later test.
const GONE = /no such request|closed|detached/i;

async function serveFixtures(page, overrides = {}) {
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    answer(req, overrides).catch((e) => {
      if (!GONE.test(String(e?.message))) console.error(`fixture route for ${req.url()} failed:`, e);
    });
  });
}

export async function openAnnotated(browser, url, overrides = {}) {
  const page = await browser.newPage();
  await serveFixtures(page, overrides);
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.waitForSelector('html[data-dogear="ready"]', { timeout: 30_000 });
  return page;
}

export async function clickInCard(page, id, action) {
  await page.waitForFunction(
    (id, action) =>
      document
        .querySelector(`[data-dogear-id="${id}"] dogear-card`)
        ?.shadowRoot?.querySelector(`[data-dogear-action="${action}"]`),
    {},
    id,
    action,
  );
  await page.evaluate(
    (id, action) =>
      document
        .querySelector(`[data-dogear-id="${id}"] dogear-card`)
        .shadowRoot.querySelector(`[data-dogear-action="${action}"]`)
        .click(),
    id,
    action,
  );
}

/**
 * Opens an extension page (popup.html, options.html); a moz-extension:// goto never resolves, so wait for `selector`.
 * Once in a clean-clone CI run (1 of 7 Firefox tests, not seen in the runs after it) the wait failed within
 * seconds rather than timing out: the page's context went away under it, which nothing in the page does. Such a
 * failure is logged with its cause and the page opened once more; a page that never shows `selector` still fails.
 */
export async function openExtensionPage(browser, file, selector) {
  for (let attempt = 1; ; attempt++) {
    const page = await browser.newPage();
    page.goto(`moz-extension://${UUID}/${file}`).catch(() => {});
    const started = Date.now();
    try {
      await page.waitForSelector(selector, { timeout: 20_000 });
      return page;
    } catch (e) {
      if (attempt > 1 || Date.now() - started >= 20_000) throw e;
      console.log(`${file}: the wait for ${selector} failed early (${e.cause ?? e.message}); opening it again`);
      await page.close().catch(() => {});
    }
  }
}
