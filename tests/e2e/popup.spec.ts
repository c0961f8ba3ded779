import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, openListing, card, openPopup, launchWithExtension } from './fixtures';
import { DAILY, populate, saveFirst } from './populate';

const entry = (page: Page, id: string) => page.locator(`article[data-dogear-id="${id}"]`);

test('popup actions show on the listing at once; export JSON and merge it back after removals', async ({
  context,
  extensionId,
}, info) => {
  const listing = await openListing(context, DAILY);
  const [a, b, c] = (await saveFirst(listing, 3)) as [string, string, string];

  const popup = await openPopup(context, extensionId);
  await expect(popup.locator('[data-dogear-item]')).toHaveCount(3);
  const row = (id: string) => popup.locator(`[data-dogear-item="${id}"]`);

  // Mark read: the listing tab follows without a reload.
  await row(a).locator('[data-dogear-action="read"]').click();
  await expect(row(a).locator('[data-dogear-action="read"]')).toHaveAttribute('aria-pressed', 'true');
  await expect(entry(listing, a)).toHaveAttribute('data-dogear-status', 'read');

  // Tag one through the editor.
  await row(b).locator('[data-dogear-action="edit"]').click();
  await popup.getByRole('dialog').getByLabel('Tags, comma separated').fill('e2e-tag');
  await popup.getByRole('dialog').getByLabel('Note').fill('a note');
  await popup.getByRole('button', { name: 'Save' }).click();
  await expect(row(b).locator('[data-dogear-tag="e2e-tag"]')).toBeVisible();
  await expect(card(listing, b).locator('[data-dogear-tag="e2e-tag"]')).toHaveCount(1);

  // Remove with undo.
  await row(c).locator('[data-dogear-action="remove"]').click();
  await expect(row(c)).toHaveCount(0);
  await expect(entry(listing, c)).not.toHaveAttribute('data-dogear-status', /./);
  await popup.locator('[data-dogear-action="undo"]').click();
  await expect(row(c)).toBeVisible();
  await expect(entry(listing, c)).toHaveAttribute('data-dogear-status', 'saved');

  // Search narrows the list; the JSON export holds the filtered view only.
  await popup.locator('input[type="search"]').fill('tag:e2e-tag');
  await expect(popup.locator('[data-dogear-item]')).toHaveCount(1);
  const filtered = await download(popup, info.outputPath('filtered.json'));
  expect(JSON.parse(filtered).papers.map((p: { id: string }) => p.id)).toEqual([b]);
  await popup.locator('input[type="search"]').press('Escape');
  await expect(popup.locator('[data-dogear-item]')).toHaveCount(3);

  const file = info.outputPath('all.json');
  const all = JSON.parse(await download(popup, file));
  expect(all.format).toBe('dogear');
  expect(all.papers.map((p: { id: string }) => p.id).sort()).toEqual([a, b, c].sort());

  // Remove two with the keyboard (x on the focused row), then import the export back in merge mode.
  await row(a).click({ position: { x: 200, y: 60 } });
  await popup.keyboard.press('x');
  await expect(row(a)).toHaveCount(0);
  await row(b).click({ position: { x: 200, y: 60 } });
  await popup.keyboard.press('x');
  await expect(popup.locator('[data-dogear-item]')).toHaveCount(1);
  await expect(entry(listing, a)).not.toHaveAttribute('data-dogear-status', /./);

  await popup.locator('[data-dogear-action="data"]').click();
  // Bad input first: the parser's message, and nothing changes.
  await popup.getByLabel('Paste arXiv ids or URLs to import').fill('not an id');
  await popup.getByRole('button', { name: 'Preview' }).click();
  await expect(popup.getByRole('alert')).toContainText('is not an arXiv id or URL');

  await popup.locator('input[type="file"][name="import"]').setInputFiles(file);
  await expect(popup.locator('[data-dogear-import-preview]')).toContainText('2 new, 0 updated, 0 removed');
  await popup.locator('[data-dogear-action="import-apply"]').click();
  // Back in the list, with a summary.
  await expect(popup.getByRole('status').filter({ hasText: 'Imported: 2 new papers' })).toBeVisible();
  await expect(popup.locator('[data-dogear-item]')).toHaveCount(3);
  await expect(row(b).locator('[data-dogear-tag="e2e-tag"]')).toBeVisible();
  await expect(entry(listing, a)).toHaveAttribute('data-dogear-status', 'read');
  await expect(entry(listing, b)).toHaveAttribute('data-dogear-status', 'saved');
  await expect(card(listing, b).locator('[data-dogear-tag="e2e-tag"]')).toHaveCount(1);
});

test('keyboard: j/k move, r marks read, / focuses search', async ({ context, extensionId }) => {
  const listing = await openListing(context, DAILY);
  const ids = await saveFirst(listing, 3);
  const popup = await openPopup(context, extensionId);
  await expect(popup.locator('[data-dogear-item]')).toHaveCount(3);
  // Newest saved first: the last saved paper leads.
  const order = await popup
    .locator('[data-dogear-item]')
    .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.dogearItem!));
  expect(order).toEqual([...ids].reverse());
  await popup.locator('[data-dogear-item]').first().focus();
  await popup.keyboard.press('j');
  await expect(popup.locator(':focus')).toHaveAttribute('data-dogear-item', order[1]!);
  await popup.keyboard.press('r');
  await expect(entry(listing, order[1]!)).toHaveAttribute('data-dogear-status', 'read');
  await popup.keyboard.press('k');
  await expect(popup.locator(':focus')).toHaveAttribute('data-dogear-item', order[0]!);
  await popup.keyboard.press('/');
  await expect(popup.locator('input[type="search"]')).toBeFocused();
});

async function download(popup: Page, to: string): Promise<string> {
  const [dl] = await Promise.all([
    popup.waitForEvent('download'),
    popup.locator('[data-dogear-action="export"][data-format="json"]').click(),
  ]);
  expect(dl.suggestedFilename()).toMatch(/^dogear-\d{4}-\d{2}-\d{2}\.json$/);
  await dl.saveAs(to);
  return readFileSync(to, 'utf8');
}

// Screenshots for the docs: `DOGEAR_SCREENSHOTS=1 npx playwright test tests/e2e/popup.spec.ts -g screenshots`.
for (const scheme of ['light', 'dark'] as const) {
  test(`screenshots: popup (${scheme})`, async () => {
    test.skip(!process.env.DOGEAR_SCREENSHOTS, 'set DOGEAR_SCREENSHOTS=1 to refresh docs/screenshots');
    const ext = await launchWithExtension({ colorScheme: scheme });
    try {
      await populate(ext.context, ext.extensionId);
      const popup = await openPopup(ext.context, ext.extensionId);
      await popup.setViewportSize({ width: 460, height: 580 });
      await expect(popup.locator('[data-dogear-item]').first()).toBeVisible();
      await popup
        .locator('[data-dogear-item]')
        .nth(1)
        .click({ position: { x: 300, y: 66 } });
      const dir = path.resolve('docs/screenshots');
      mkdirSync(dir, { recursive: true });
      await popup.screenshot({ path: path.join(dir, `popup-${scheme}.png`) });
    } finally {
      await ext.close();
    }
  });
}
