// Dogear must never break a Hugging Face page: unreadable cards are skipped and logged once, the
// site's own links and upvote widget keep working, our clicks stay ours, and nothing is thrown.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ConsoleMessage, Page } from '@playwright/test';
import { test, expect, launchWithExtension, openListing, card } from './fixtures';
import { FIXTURES } from '../support/fixture-routes.mjs';

const DAILY = 'https://huggingface.co/papers/date/2026-10-27';
// The fixture pages' own error with the site's bundle unreachable, as on the real site offline.
const PAGE_OWN_ERROR = 'Failed to fetch dynamically imported module';
// Chromium logs every aborted or 404 request (assets, fonts, analytics) as a console error.
const NETWORK_LOG = /^Failed to load resource: /;

/** Collects what reaches the page console: uncaught errors, console errors, Dogear's warnings. */
function watchConsole(page: Page) {
  const thrown: string[] = [];
  const errors: string[] = [];
  const warnings: string[] = [];
  page.on('pageerror', (e) => {
    if (!e.message.includes(PAGE_OWN_ERROR)) thrown.push(e.message);
  });
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'error' && !NETWORK_LOG.test(m.text())) errors.push(m.text());
    if (m.type() === 'warning' && m.text().startsWith('[dogear]')) warnings.push(m.text());
  });
  return { thrown, errors, warnings };
}

/** The daily page with the title links of two cards pointing nowhere Dogear can read an id from. */
function brokenDaily(): string {
  const html = readFileSync(path.join(FIXTURES, 'hf/date-2026-10-27.html'), 'utf8');
  let broken = 0;
  const out = html.replace(/(<h3[^>]*><a href=")\/papers\/(2610\.22173|2610\.22092)"/g, (_m, head: string) => {
    broken++;
    return `${head}/papers/not-a-paper"`;
  });
  if (broken !== 2) throw new Error(`expected to break 2 title links, broke ${broken}`);
  return out;
}

test('a card the adapter cannot read is skipped and logged once; the rest is annotated; the page is degraded; nothing thrown', async () => {
  const ext = await launchWithExtension();
  try {
    await ext.context.route(DAILY, (r) =>
      r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: brokenDaily() }),
    );
    const page = await ext.context.newPage();
    const seen = watchConsole(page);
    await page.goto(DAILY);
    // Their cards still link the two papers (thumbnails, comments): the page shows more than was read.
    await page.waitForSelector('html[data-dogear="degraded"]');
    await expect(page.locator('html')).toHaveAttribute('data-dogear-count', '28');
    await expect(page.locator('article')).toHaveCount(30);
    await expect(page.locator('dogear-card')).toHaveCount(28);
    const skipped = page.locator('article:has(h3 a[href="/papers/not-a-paper"])');
    await expect(skipped).toHaveCount(2);
    await expect(skipped.first()).not.toHaveAttribute('data-dogear-id', /.*/);

    // More passes over the same broken cards do not log again.
    await page.evaluate(() => document.querySelector('article[data-dogear-id]')!.parentElement!.remove());
    await expect(page.locator('html')).toHaveAttribute('data-dogear-count', '27');
    await expect.poll(() => seen.warnings.length).toBe(2);
    expect(seen.warnings[0]).toContain('skipped an entry');
    expect(seen.warnings[0]).toContain('not-a-paper');
    expect(seen.warnings[1]).toContain('read 28 of the 30 papers this page links');
    expect(seen.thrown).toEqual([]);
    expect(seen.errors).toEqual([]);
  } finally {
    await ext.close();
  }
});

for (const [kind, url] of [
  ['daily', DAILY],
  ['2024 real', 'https://huggingface.co/papers?date=2024-08-01'],
  ['search', 'https://huggingface.co/papers?q=rewarding'],
  ['trending', 'https://huggingface.co/papers/trending'],
] as const) {
  test(`${kind}: our buttons never reach the card's links or handlers; nothing thrown`, async ({ context }) => {
    const page = await context.newPage();
    const seen = watchConsole(page);
    await page.goto(url);
    await page.waitForSelector('html[data-dogear="ready"]');
    const first = page.locator('article[data-dogear-id]').first();
    const id = (await first.getAttribute('data-dogear-id'))!;
    // The site's own listeners (React delegates to the root) would see any click that escaped.
    await page.evaluate(() => {
      const w = window as unknown as { __clicks: { captured: number; bubbled: number } };
      w.__clicks = { captured: 0, bubbled: 0 };
      document.addEventListener('click', () => w.__clicks.captured++, true);
      document.body.addEventListener('click', () => w.__clicks.bubbled++);
    });
    const clicks = () =>
      page.evaluate(() => (window as unknown as { __clicks: { captured: number; bubbled: number } }).__clicks);
    const overlay = card(page, id);
    for (const action of ['save', 'read', 'dismiss']) {
      await overlay.locator(`[data-dogear-action="${action}"]`).click();
      await expect(first).toHaveAttribute(
        'data-dogear-status',
        action === 'save' ? 'saved' : action === 'read' ? 'read' : 'dismissed',
      );
    }
    await overlay.locator('[data-dogear-action="tag"]').click();
    await overlay.locator('input').press('Escape');
    expect(page.url()).toBe(url);
    // The clicks went by on their way in (so they were real clicks), and none bubbled out of the overlay.
    expect(await clicks()).toEqual({ captured: 4, bubbled: 0 });
    expect(seen.thrown).toEqual([]);
    expect(seen.errors).toEqual([]);
  });
}

test("the site's links, upvote (guest login link) and navigation keep working on an annotated page", async ({
  context,
}) => {
  const page = await openListing(context, DAILY);
  const seen = watchConsole(page);
  const id = '2610.22092';
  const entry = page.locator(`article[data-dogear-id="${id}"]`);

  // Upvote as a guest: the widget is a login link carrying the way back.
  await entry.locator('a[href^="/login?next="]').click();
  await expect(page).toHaveURL(`https://huggingface.co/login?next=%2Fpapers%2F${id}`);
  await page.goBack();
  await expect(page).toHaveURL(DAILY);
  await expect(page.locator('html')).toHaveAttribute('data-dogear-count', '30');
  await expect(page.locator('dogear-card')).toHaveCount(30);

  // The title link opens the paper page, which gets its own overlay.
  await page.locator(`article[data-dogear-id="2610.22092"] h3 a`).click();
  await expect(page).toHaveURL(`https://huggingface.co/papers/${id}`);

  // The page's navigation (period tabs are links or buttons; the date navigator's "previous" link).
  await page.goto(DAILY);
  await page.waitForSelector('html[data-dogear="ready"]');
  const trending = page.locator('a[href="/papers/trending"]').first();
  await trending.click();
  await expect(page).toHaveURL('https://huggingface.co/papers/trending');
  await expect(page.locator('html')).toHaveAttribute('data-dogear-count', '49');

  expect(seen.thrown).toEqual([]);
  expect(seen.errors).toEqual([]);
});
