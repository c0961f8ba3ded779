// Reading-list states to look at: papers saved on the daily listing, then read, tagged or annotated through
// the background like the UI does; or the three states set from a listing's overlays.
import type { BrowserContext, Page } from '@playwright/test';
import { expect, openListing, card, openPopup } from './fixtures';

export const DAILY = 'https://huggingface.co/papers/date/2026-10-27';

/** Saves the first `n` entries of the listing from their overlays; returns their ids in page order. */
export async function saveFirst(page: Page, n: number): Promise<string[]> {
  const ids = await page
    .locator('article[data-dogear-id]')
    .evaluateAll((els, k) => els.slice(0, k).map((e) => (e as HTMLElement).dataset.dogearId!), n);
  for (const id of ids) {
    await card(page, id).locator('[data-dogear-action="save"]').click();
    await expect(page.locator(`[data-dogear-id="${id}"]`)).toHaveAttribute('data-dogear-status', 'saved');
  }
  return ids;
}

type Runtime = { chrome: { runtime: { sendMessage: (m: unknown) => Promise<unknown> } } };
type Change = { action?: 'read' | 'dismiss' | 'unsave'; tags?: string[]; note?: string };

/** Ten saved papers, some read, tagged or annotated; returns their ids, oldest saved first. */
export async function populate(
  context: BrowserContext,
  extensionId: string,
  more: [index: number, Change][] = [],
): Promise<string[]> {
  const listing = await openListing(context, DAILY);
  const ids = await saveFirst(listing, 10);
  const page = await openPopup(context, extensionId);
  const changes: [number, Change][] = [
    // The list shows newest saved first, so these land in view.
    [9, { tags: ['agents'], note: 'Compare with last week' }],
    [8, { action: 'read', tags: ['rl', 'reasoning'] }],
    [6, { action: 'read' }],
    [5, { tags: ['vision'] }],
    [3, { tags: ['to cite'], note: 'Section 4' }],
    ...more,
  ];
  for (const [i, { action, ...patch }] of changes) {
    await page.evaluate(
      async ([pid, p, act]) => {
        const { runtime } = (globalThis as unknown as Runtime).chrome;
        // Status changes go through the status table; the title already stored is kept.
        if (act)
          await runtime.sendMessage({
            type: 'paper.act',
            payload: { meta: { id: pid, title: '', authors: [] }, action: act },
          });
        if (p.tags || p.note !== undefined)
          await runtime.sendMessage({ type: 'paper.update', payload: { id: pid, ...p } });
      },
      [ids[i]!, patch, action ?? null] as const,
    );
  }
  await page.close();
  await listing.close();
  return ids;
}

/**
 * Saved with a tag, read, dismissed: the first three of `entries` show the three states, set from their
 * overlays. No hover or focus is left on an entry, so the dismissed one shows as at a glance. Returns the
 * ids of the first five entries.
 */
export async function setStates(page: Page, entries: string): Promise<string[]> {
  const ids = await page
    .locator(entries)
    .evaluateAll((els) => els.slice(0, 5).map((e) => (e as HTMLElement).dataset.dogearId!));
  const [a, b, c] = ids;
  if (a) {
    await card(page, a).locator('[data-dogear-action="save"]').click();
    await card(page, a).locator('[data-dogear-action="tag"]').click();
    await card(page, a).locator('input').fill('agents');
    await card(page, a).locator('input').press('Enter');
    await expect(card(page, a).locator('[data-dogear-tag="agents"]')).toBeVisible();
  }
  if (b) {
    await card(page, b).locator('[data-dogear-action="read"]').click();
    await expect(page.locator(`[data-dogear-id="${b}"]`)).toHaveAttribute('data-dogear-status', 'read');
  }
  if (c) {
    await card(page, c).locator('[data-dogear-action="dismiss"]').click();
    await expect(page.locator(`[data-dogear-id="${c}"]`)).toHaveAttribute('data-dogear-status', 'dismissed');
  }
  await page.mouse.move(1, 1);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  return ids;
}
