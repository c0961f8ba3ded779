import { test, expect, openListing, openPopup } from './fixtures';
import type { Page } from '@playwright/test';

const MONTH = 'https://huggingface.co/papers/month/2026-10';
const TOPIC = /image|video|scene|segmentation|visual|vision/i;

async function titles(page: Page): Promise<Array<{ id: string; title: string }>> {
  return page.$$eval('article[data-dogear-id]', (els) =>
    els.map((e) => ({
      id: e.getAttribute('data-dogear-id')!,
      title: e.querySelector('h3')?.textContent?.trim() ?? '',
    })),
  );
}

async function scores(page: Page): Promise<Map<string, number>> {
  const pairs = await page.$$eval('article[data-dogear-score]', (els) =>
    els.map((e) => [e.getAttribute('data-dogear-id')!, Number(e.getAttribute('data-dogear-score'))] as const),
  );
  return new Map(pairs);
}

test('learns from saves and dismissals on the device, then ranks, explains, sorts and suggests', async ({
  context,
  extensionId,
}) => {
  test.setTimeout(120_000);
  const page = await openListing(context, MONTH);
  const all = await titles(page);
  const pos = all.filter((e) => TOPIC.test(e.title));
  const neg = all.filter((e) => !TOPIC.test(e.title));
  expect(pos.length).toBeGreaterThan(40);

  // Cold start: no keywords and no labels, so no indicator yet.
  await page.waitForSelector('html[data-dogear-rank="cold"]');
  await expect(page.locator('article[data-dogear-score]')).toHaveCount(0);

  const click = (id: string, action: string) =>
    page.locator(`[data-dogear-id="${id}"] dogear-card [data-dogear-action="${action}"]`).click();
  for (const e of pos.slice(0, 10)) await click(e.id, 'save');
  for (const e of neg.slice(0, 10)) await click(e.id, 'dismiss');
  await expect(page.locator('article[data-dogear-status="dismissed"]')).toHaveCount(10);

  // The background refits after labels settle; a fresh view of the listing is scored.
  await expect
    .poll(
      async () => {
        await page.reload();
        await page.waitForSelector('html[data-dogear="ready"]');
        return (await scores(page)).size;
      },
      { timeout: 30_000, intervals: [1500, 2000, 3000] },
    )
    .toBe(all.length);

  const s = await scores(page);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const heldPos = mean(pos.slice(10).map((e) => s.get(e.id)!));
  const heldNeg = mean(neg.slice(10).map((e) => s.get(e.id)!));
  expect(heldPos).toBeGreaterThan(heldNeg + 0.1);

  // Hovering the indicator explains it with the words that contributed.
  const top = pos.slice(10).sort((a, b) => s.get(b.id)! - s.get(a.id)!)[0]!;
  const indicator = page.locator(`[data-dogear-id="${top.id}"] dogear-card .score`);
  await indicator.hover();
  await expect(page.locator(`[data-dogear-id="${top.id}"] dogear-card [role="tooltip"]`)).toContainText(
    'Relevant because of',
  );

  // Sort by relevance from the options page; switching it off restores the site's order exactly.
  // Ids and scores as laid out on screen: top to bottom, then left to right.
  const visual = () =>
    page.$$eval('article[data-dogear-id]', (els) =>
      els
        .map((e) => ({
          id: e.getAttribute('data-dogear-id')!,
          score: Number(e.getAttribute('data-dogear-score')),
          r: e.getBoundingClientRect(),
        }))
        .sort((a, b) => a.r.top - b.r.top || a.r.left - b.r.left)
        .map((e) => ({ id: e.id, score: e.score })),
    );
  const cellOrder = async () => (await visual()).map((e) => e.id);
  const siteOrder = all.map((e) => e.id);
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.locator('input[name="sortByRelevance"]').check();
  await expect
    .poll(
      async () => {
        const v = (await visual()).slice(0, 30).map((e) => e.score);
        return v.every((x, i) => i === 0 || x <= v[i - 1]!) && v[0]! > v[29]!;
      },
      { timeout: 5_000 },
    )
    .toBe(true);
  await options.locator('input[name="sortByRelevance"]').uncheck();
  await expect.poll(async () => (await cellOrder()).join(), { timeout: 5_000 }).toBe(siteOrder.join());

  // The popup suggests the best unsaved papers from the pages just seen.
  const popup = await openPopup(context, extensionId);
  await popup.locator('[data-dogear-action="suggested"]').click();
  const first = popup.locator('[data-dogear-suggestion]').first();
  await expect(first).toBeVisible();
  const firstId = await first.getAttribute('data-dogear-suggestion');
  expect(pos.some((e) => e.id === firstId)).toBe(true);

  // Resetting forgets the model: the listing falls back to no indicator (no keywords set), the list stays.
  await options.bringToFront();
  await options.getByRole('button', { name: /Reset what Dogear learned/ }).click();
  await options.locator('[data-dogear-action="reset-learning"]').click();
  await expect(options.getByText(/Forgotten/)).toBeVisible();
  await page.reload();
  await page.waitForSelector('html[data-dogear="ready"]');
  await expect(page.locator('article[data-dogear-status="saved"]')).toHaveCount(10);
  await page.waitForSelector('html[data-dogear-rank="cold"]');
  await expect(page.locator('article[data-dogear-score]')).toHaveCount(0);
});
