import type { Page } from '@playwright/test';
import { test, expect, openListing } from './fixtures';

/**
 * A keyword can never freeze a tab: a settings file carrying an exponential regex is refused as a
 * whole, and the same regex typed by hand is refused on its own line while the listing and the options
 * page keep answering. Unguarded, `(?:.|.)` twenty times before `#` takes seconds on one title.
 */

const DAILY = 'https://huggingface.co/papers/date/2026-10-27';
const EXPLOSIVE = `/${'(?:.|.)'.repeat(20)}#/`;

/** Resolves when the page's main thread runs a task; a frozen page never does. */
async function answers(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => new Promise((done) => setTimeout(() => done('alive'), 0))), { timeout: 5_000 })
    .toBe('alive');
}

test('an imported settings file with a regex that could freeze the page is refused, and tabs stay responsive', async ({
  context,
  extensionId,
}) => {
  const listing = await openListing(context, DAILY);
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const file = JSON.stringify({
    format: 'dogear',
    version: 1,
    papers: [],
    settings: { keywords: [{ pattern: 'agent' }, { pattern: EXPLOSIVE }] },
  });
  const data = options.locator('#data');
  await data
    .locator('input[type="file"][name="import"]')
    .setInputFiles({ name: 'settings.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await expect(data.locator('[data-dogear-import-error]')).toContainText(
    'Nothing was imported. settings.keywords[1] /(?:.|.)',
  );
  await expect(data.locator('[data-dogear-import-error]')).toContainText('could freeze the page');
  await expect(data.locator('[data-dogear-action="import-apply"]')).toHaveCount(0);
  await expect(options.locator('[data-dogear-keyword]')).toHaveCount(0);

  // Typed by hand, the same regex is refused on its own line; the harmless one beside it works everywhere.
  await options.locator('textarea[name="keywords"]').fill(`agent\n${EXPLOSIVE}`);
  await expect(options.locator(`[data-dogear-keyword="${EXPLOSIVE}"] [data-dogear-error]`)).toContainText(
    'too many ways to match',
  );
  await expect(options.locator('[data-dogear-keyword="agent"] [data-dogear-error]')).toHaveCount(0);
  await expect.poll(() => listing.evaluate(() => CSS.highlights.get('dogear-keyword')?.size ?? 0)).toBeGreaterThan(0);
  await answers(listing);
  await answers(options);

  // A reload runs the stored settings on load: still no freeze, and the refusal is still shown.
  await options.reload();
  await expect(options.locator(`[data-dogear-keyword="${EXPLOSIVE}"] [data-dogear-error]`)).toBeVisible();
  await listing.reload();
  await expect(listing.locator('html')).toHaveAttribute('data-dogear', 'ready');
  await answers(listing);
  await answers(options);
});
