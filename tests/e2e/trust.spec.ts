// Nothing the user made is lost: status changes on a listing and in the popup keep notes, tags and dates.
import type { Page } from '@playwright/test';
import type { Paper } from '../../lib/model';
import { test, expect, openListing, card, openPopup } from './fixtures';
import { readAll } from './store-reader';

const DAILY = 'https://huggingface.co/papers/date/2026-10-27';
const ID = '2610.22092';

const entry = (page: Page, id: string) => page.locator(`article[data-dogear-id="${id}"]`);

async function paperIn(extPage: Page, id: string): Promise<Paper | undefined> {
  return (await readAll<Paper>(extPage, 'papers')).find((p) => p.id === id);
}

test('a saved, tagged, noted paper dismissed and un-dismissed on a listing, then in the popup, keeps note and tags', async ({
  context,
  extensionId,
}) => {
  const listing = await openListing(context, DAILY);
  const overlay = card(listing, ID);
  await overlay.locator('[data-dogear-action="read"]').click();
  await expect(entry(listing, ID)).toHaveAttribute('data-dogear-status', 'read');
  await overlay.locator('[data-dogear-action="tag"]').click();
  await overlay.locator('input').fill('keep-me');
  await overlay.locator('input').press('Enter');
  await expect(overlay.locator('[data-dogear-tag="keep-me"]')).toBeVisible();

  const popup = await openPopup(context, extensionId);
  const row = popup.locator(`[data-dogear-item="${ID}"]`);
  await row.locator('[data-dogear-action="edit"]').click();
  await popup.getByRole('dialog').getByLabel('Note').fill('my careful note');
  await popup.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await expect.poll(async () => (await paperIn(popup, ID))?.note).toBe('my careful note');
  const before = (await paperIn(popup, ID))!;

  // ✕ then ✕ again on the listing: dismissed, then back to read — never deleted.
  const dismiss = overlay.locator('[data-dogear-action="dismiss"]');
  await dismiss.click();
  await expect(entry(listing, ID)).toHaveAttribute('data-dogear-status', 'dismissed');
  await dismiss.click();
  await expect(entry(listing, ID)).toHaveAttribute('data-dogear-status', 'read');
  await expect(overlay.locator('[data-dogear-tag="keep-me"]')).toBeVisible();
  const afterListing = (await paperIn(popup, ID))!;
  expect(afterListing).toEqual({ ...before, updatedAt: afterListing.updatedAt });

  // The same in the popup, with the keyboard: d dismisses, d on the dismissed paper puts it back to read.
  await popup.reload();
  await row.focus();
  await popup.keyboard.press('d');
  await expect(entry(listing, ID)).toHaveAttribute('data-dogear-status', 'dismissed');
  await popup.locator('[data-dogear-filter="status"]').selectOption('dismissed');
  await popup.locator(`[data-dogear-item="${ID}"]`).focus();
  await popup.keyboard.press('d');
  await expect(entry(listing, ID)).toHaveAttribute('data-dogear-status', 'read');
  const afterPopup = (await paperIn(popup, ID))!;
  expect(afterPopup).toEqual({ ...before, updatedAt: afterPopup.updatedAt });
});
