// Removal is recoverable (a Trash), and backups hold: slots by kind, restoring the oldest one.
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect, openListing, card, openPopup, launchWithExtension, SCREENSHOT_DIR } from './fixtures';

const DAILY = 'https://huggingface.co/papers/date/2026-10-27';
const ID = '2610.22092';

const entry = (page: Page, id: string) => page.locator(`article[data-dogear-id="${id}"]`);

async function saveAndRemove(context: BrowserContext, ids: string[]): Promise<Page> {
  const listing = await openListing(context, DAILY);
  for (const id of ids) {
    const save = card(listing, id).locator('[data-dogear-action="save"]');
    await save.click();
    await expect(entry(listing, id)).toHaveAttribute('data-dogear-status', 'saved');
    await save.click();
    await expect(entry(listing, id)).not.toHaveAttribute('data-dogear-status', /./);
  }
  return listing;
}

test('remove on a listing → Trash in the popup → restore → saved again on the listing', async ({
  context,
  extensionId,
}) => {
  const listing = await saveAndRemove(context, [ID]);
  const popup = await openPopup(context, extensionId);
  const open = popup.locator('[data-dogear-action="trash"]');
  await expect(open).toHaveAttribute('aria-label', 'Recently removed: 1');
  await open.click();
  const row = popup.locator(`[data-dogear-item="${ID}"]`);
  await expect(row).toBeVisible();
  await row.locator('[data-dogear-action="restore"]').click();
  await expect(entry(listing, ID)).toHaveAttribute('data-dogear-status', 'saved');
  await expect(row).toHaveCount(0);
  await expect(popup.locator('[data-dogear-trash-empty]')).toBeVisible();
});

test('an import does not evict the daily backup, and the oldest backup restores', async ({ context, extensionId }) => {
  const listing = await openListing(context, DAILY);
  await card(listing, ID).locator('[data-dogear-action="save"]').click();
  await expect(entry(listing, ID)).toHaveAttribute('data-dogear-status', 'saved');
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const data = options.locator('#data');
  // The first change of a fresh install took the daily backup; fill every other slot.
  await expect(data.locator('[data-dogear-backup]').filter({ hasText: 'Daily' })).toHaveCount(1);
  for (let i = 0; i < 5; i++) {
    await data.locator('[data-dogear-action="backup-now"]').click();
    await expect(data.locator('[data-dogear-backup]').filter({ hasText: 'Taken by you' })).toHaveCount(i + 1);
  }
  await data.locator('textarea[name="import-text"]').fill('2401.00001\n2401.00002');
  await data.locator('[data-dogear-action="import-check"]').click();
  await data.locator('[data-dogear-action="import-apply"]').click();
  await expect(data.locator('[data-dogear-backup]').filter({ hasText: 'Before an import' })).toHaveCount(1);
  await expect(data.locator('[data-dogear-backup]').filter({ hasText: 'Daily' })).toHaveCount(1);
  await expect(data.locator('[data-dogear-backup]')).toHaveCount(6);

  // The oldest kept backup (the daily one, one paper) restores.
  const oldest = data.locator('[data-dogear-backup]').last();
  await expect(oldest).toContainText('Daily');
  await oldest.locator('[data-dogear-action="backup-restore"]').click();
  await oldest.locator('[data-dogear-action="backup-restore-confirm"]').click();
  await expect(options.locator('[data-dogear-data-notice]')).toContainText('Restored the backup');
  await expect(data.locator('[data-dogear-backup]').filter({ hasText: 'Daily' })).toHaveCount(1);
  await expect(data.locator('[data-dogear-backup]').filter({ hasText: 'Before a restore' })).toHaveCount(1);
  const popup = await openPopup(context, extensionId);
  await expect(popup.locator('[data-dogear-item]')).toHaveCount(1);
  await expect(popup.locator(`[data-dogear-item="${ID}"]`)).toBeVisible();
});

for (const scheme of ['light', 'dark'] as const) {
  test(`screenshots: popup Trash (${scheme})`, async () => {
    const ext = await launchWithExtension({ colorScheme: scheme });
    try {
      const listing = await openListing(ext.context, DAILY);
      const ids = await listing
        .locator('article[data-dogear-id]')
        .evaluateAll((els) => els.slice(0, 4).map((e) => (e as HTMLElement).dataset.dogearId!));
      await listing.close();
      await saveAndRemove(ext.context, ids);
      const popup = await openPopup(ext.context, ext.extensionId);
      await popup.setViewportSize({ width: 460, height: 420 });
      await popup.locator('[data-dogear-action="trash"]').click();
      await expect(popup.locator('[data-dogear-item]')).toHaveCount(4);
      await popup.screenshot({ path: path.join(SCREENSHOT_DIR, `popup-trash-${scheme}.png`) });
    } finally {
      await ext.close();
    }
  });
}
