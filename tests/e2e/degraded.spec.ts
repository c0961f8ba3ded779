// A listing whose site changed its markup must not fail silently: the page says `degraded`, what
// could be read is annotated, and the popup says how much was read, with a diagnostic to copy that
// holds no page text. The drifted pages come from tests/fixtures/drift/build.mjs.
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { DRIFTS, drifted } from '../fixtures/drift/build.mjs';
import { card, expect, type Launched, launchWithExtension, openListing, SCREENSHOT_DIR, test } from './fixtures';

type Drift = keyof typeof DRIFTS;

/** Serves the drifted page `name` at the URL it stands in for, for the next request. */
async function serve(ext: Launched, name: Drift): Promise<string> {
  const { url } = DRIFTS[name];
  const body = drifted(name);
  await ext.context.route(
    (u) => u.href === url,
    (r) => r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }),
    // Once: later tests open the same URL as the fixture page it was derived from.
    { times: 1 },
  );
  return url;
}

async function openDrifted(ext: Launched, name: Drift): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(await serve(ext, name));
  await page.waitForSelector('html[data-dogear="degraded"]');
  return page;
}

/** The popup as it opens over `tab`: the listing is the active tab while the popup asks it. */
async function popupOver(context: BrowserContext, extensionId: string, tab: Page): Promise<Page> {
  const popup = await context.newPage();
  // Stands in for the clipboard, which a headless popup page may not be given.
  await popup.addInitScript(() => {
    const w = window as unknown as { __copied: string[] };
    w.__copied = [];
    navigator.clipboard.writeText = async (text: string) => void w.__copied.push(text);
  });
  await popup.setViewportSize({ width: 460, height: 580 });
  await tab.bringToFront();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  return popup;
}

let ext: Launched;
test.beforeAll(async () => {
  ext = await launchWithExtension();
});
test.afterAll(async () => {
  await ext.close();
});

for (const name of Object.keys(DRIFTS) as Drift[]) {
  test(`${name}: degraded, with the count of what was read, each read entry annotated`, async () => {
    const d = DRIFTS[name];
    const page = await openDrifted(ext, name);
    await expect(page.locator('html')).toHaveAttribute('data-dogear-count', String(d.read));
    await expect(page.locator('[data-dogear-id]')).toHaveCount(d.read);
    await expect(page.locator('dogear-card')).toHaveCount(d.read);
    await page.close();
  });
}

test('partly read: what was read works as on a whole page', async () => {
  const page = await openDrifted(ext, 'hf-partial');
  const id = await page.locator('[data-dogear-id]').first().getAttribute('data-dogear-id');
  await card(page, id!).locator('[data-dogear-action="save"]').click();
  await expect(page.locator(`[data-dogear-id="${id}"]`)).toHaveAttribute('data-dogear-status', 'saved');
  await expect(page.locator('html')).toHaveAttribute('data-dogear', 'degraded');
  await page.close();
});

test('the popup says so over a degraded page, and copies a diagnostic without page text', async () => {
  const page = await openDrifted(ext, 'hf-daily');
  const titles = await page.locator('h3 a[href^="/papers/"]').allTextContents();
  expect(titles).toHaveLength(30);

  const popup = await popupOver(ext.context, ext.extensionId, page);
  const notice = popup.locator('[data-dogear-page-notice]');
  await expect(notice).toContainText('Dogear could read 0 of 30 papers on this page — the site may have changed');
  await popup.screenshot({ path: path.join(SCREENSHOT_DIR, 'popup-degraded.png') });
  await notice.locator('[data-dogear-action="copy-diagnostic"]').click();
  await expect(notice).toContainText('Copied');

  const copied = await popup.evaluate(() => (window as unknown as { __copied: string[] }).__copied);
  expect(copied).toHaveLength(1);
  const text = copied[0]!;
  expect(text).toContain('site: huggingface');
  expect(text).toContain('page: listing /papers/date/2026-10-27');
  expect(text).toContain('papers linked: 30');
  expect(text).toContain('papers read: 0');
  expect(text).toContain('found by each reading path: island 0, cards 0');
  expect(text).toMatch(/extension: \d+\.\d+\.\d+/);
  expect(text).toMatch(/browser: .*Chrome\/\d+/);
  for (const title of titles) expect(text).not.toContain(title.trim());
  await popup.close();
  await page.close();
});

for (const [what, url] of [
  ['a listing read whole', 'https://arxiv.org/list/cs.LG/new'],
  ['a paper page', 'https://arxiv.org/abs/2610.22702'],
] as const) {
  test(`no notice over ${what}`, async () => {
    const tab = await openListing(ext.context, url);
    const popup = await popupOver(ext.context, ext.extensionId, tab);
    await expect(popup.locator('header')).toBeVisible();
    // The tab's answer arrives after the list: give it the time a notice takes on a degraded page.
    await popup.waitForTimeout(1_000);
    await expect(popup.locator('[data-dogear-page-notice]')).toHaveCount(0);
    await popup.close();
    await tab.close();
  });
}
