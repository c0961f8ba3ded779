import { test, expect, openListing, openPopup, clickAction } from './fixtures';
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
  test.setTimeout(240_000);
  const page = await openListing(context, MONTH);
  const all = await titles(page);
  const pos = all.filter((e) => TOPIC.test(e.title));
  const neg = all.filter((e) => !TOPIC.test(e.title));
  expect(pos.length).toBeGreaterThan(40);

  // Cold start: no keywords and no labels, so no indicator yet.
  await page.waitForSelector('html[data-dogear-rank="cold"]');
  await expect(page.locator('article[data-dogear-score]')).toHaveCount(0);

  const click = (id: string, action: string) => clickAction(page, id, action);
  // Twenty of each: with fewer, a model's predictions of this reader are not yet clearly better than chance
  // (the empty keyword list), and the gate rightly keeps it back.
  for (let i = 0; i < 20; i++) {
    await click(pos[i]!.id, 'save');
    await click(neg[i]!.id, 'dismiss');
  }
  await expect(page.locator('article[data-dogear-status="dismissed"]')).toHaveCount(20);

  // The background refits after labels settle, and the model has beaten the (empty) keywords on those
  // decisions; a fresh view of the listing is scored by it.
  await expect
    .poll(
      async () => {
        await page.reload();
        await page.waitForSelector('html[data-dogear="ready"]');
        await page.waitForSelector('html[data-dogear-rank]');
        return (await scores(page)).size;
      },
      { timeout: 60_000, intervals: [1500, 2000, 3000] },
    )
    .toBe(all.length);

  const s = await scores(page);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const heldPos = mean(pos.slice(20).map((e) => s.get(e.id)!));
  const heldNeg = mean(neg.slice(20).map((e) => s.get(e.id)!));
  expect(heldPos).toBeGreaterThan(heldNeg + 0.1);

  // Hovering the indicator explains it with the words that contributed.
  const top = pos.slice(20).sort((a, b) => s.get(b.id)! - s.get(a.id)!)[0]!;
  const indicator = page.locator(`[data-dogear-id="${top.id}"] dogear-card .score`);
  // Its overlay is drawn once the entry comes near the viewport.
  await page.locator(`[data-dogear-id="${top.id}"]`).scrollIntoViewIfNeeded();
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
  await expect(page.locator('article[data-dogear-status="saved"]')).toHaveCount(20);
  await page.waitForSelector('html[data-dogear-rank="cold"]');
  await expect(page.locator('article[data-dogear-score]')).toHaveCount(0);
});

test('a reader whose saves contradict their keywords sees the ranking switch from keywords to the model', async ({
  context,
  extensionId,
}) => {
  test.setTimeout(180_000);
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  // Keywords from an old interest: vision. The reader now saves everything else and dismisses vision.
  await options.locator('textarea[name="keywords"]').fill('image\nvideo');
  const page = await openListing(context, MONTH);
  const all = await titles(page);
  const top = async (n: number) => {
    const s = await scores(page);
    return [...s]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([id]) => id);
  };
  const share = (ids: string[], group: { id: string }[]) => ids.filter((id) => group.some((e) => e.id === id)).length;

  // Before any decision: ranked by the keywords, so vision on top, and the tooltip says so.
  await page.waitForSelector('html[data-dogear-rank="cold"]');
  await expect.poll(async () => (await scores(page)).size).toBe(all.length);
  const cold = await scores(page);
  // The reader's new taste: they dismiss what their keywords match and save what they do not.
  const vision = all.filter((e) => cold.get(e.id)! > 0);
  const other = all.filter((e) => cold.get(e.id) === 0);
  expect(vision.length).toBeGreaterThan(40);
  expect(other.length).toBeGreaterThan(40);
  const first = (await top(1))[0]!;
  await page.locator(`[data-dogear-id="${first}"]`).scrollIntoViewIfNeeded();
  await page.locator(`[data-dogear-id="${first}"] dogear-card .score`).hover();
  await expect(page.locator(`[data-dogear-id="${first}"] dogear-card [role="tooltip"]`)).toContainText(
    'Ranked by your keywords',
  );

  const click = (id: string, action: string) => clickAction(page, id, action);
  for (let i = 0; i < 20; i++) {
    await click(other[i]!.id, 'save');
    await click(vision[i]!.id, 'dismiss');
  }

  // Once the model predicts these decisions clearly better than the keywords, the listing shows it.
  await expect
    .poll(
      async () => {
        await page.reload();
        await page.waitForSelector('html[data-dogear-rank]');
        return page.evaluate(() => document.documentElement.dataset.dogearRank);
      },
      { timeout: 60_000, intervals: [2000, 3000, 5000] },
    )
    .toBe('model');
  await expect.poll(async () => (await scores(page)).size).toBe(all.length);
  const unlabelled = new Set([...vision.slice(20), ...other.slice(20)].map((e) => e.id));
  const topUnlabelled = (await top(all.length)).filter((id) => unlabelled.has(id)).slice(0, 20);
  // Under the keywords none of these were papers the reader wants; under the model most are.
  expect(share(topUnlabelled, other)).toBeGreaterThan(10);

  // The options page says why, with both figures.
  await options.reload();
  const status = options.locator('[data-dogear-rank-status="model"]');
  await expect(status).toContainText('predicts your choices better than your keywords');
  const [, model, keywords] = /(\d\.\d\d) vs (\d\.\d\d)/.exec((await status.textContent()) ?? '') ?? [];
  expect(Number(model)).toBeGreaterThan(Number(keywords) + 0.05);
});
