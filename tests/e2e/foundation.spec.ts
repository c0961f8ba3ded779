import { test, expect, openListing, card, openPopup } from './fixtures';

const DAILY = 'https://huggingface.co/papers/date/2026-10-27';
const FIRST = '2610.22092';

test('saves a paper on the daily listing; a second tab and the popup follow', async ({ context, extensionId }) => {
  const page = await openListing(context, DAILY);
  await expect(page.locator('html')).toHaveAttribute('data-dogear-count', '30');
  await expect(page.locator('article[data-dogear-id]')).toHaveCount(30);
  const save = card(page, FIRST).locator('[data-dogear-action="save"]');
  await expect(save).toHaveAttribute('aria-pressed', 'false');

  const other = await openListing(context, DAILY);
  await save.click();
  await expect(save).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator(`[data-dogear-id="${FIRST}"]`)).toHaveAttribute('data-dogear-status', 'saved');
  // The other tab was open before the save and updates without a reload.
  await expect(card(other, FIRST).locator('[data-dogear-action="save"]')).toHaveAttribute('aria-pressed', 'true');
  await expect(other.locator(`[data-dogear-id="${FIRST}"]`)).toHaveAttribute('data-dogear-status', 'saved');

  const popup = await openPopup(context, extensionId);
  const row = popup.locator(`[data-dogear-item="${FIRST}"]`);
  await expect(row).toBeVisible();
  await expect(row).toContainText('NeoAct++ Technical Report');
});

test('the popup shows an empty state before anything is saved', async ({ context, extensionId }) => {
  const popup = await openPopup(context, extensionId);
  await expect(popup.locator('[data-dogear-item]')).toHaveCount(0);
  await expect(popup.getByText('Your reading list is empty')).toBeVisible();
});

test('the real 2024 page is annotated too', async ({ context }) => {
  const page = await openListing(context, 'https://huggingface.co/papers?date=2024-08-01');
  await expect(page.locator('article[data-dogear-id]')).toHaveCount(13);
  await expect(page.locator('article[data-dogear-id]').first()).toHaveAttribute('data-dogear-id', '2407.21783');
});
