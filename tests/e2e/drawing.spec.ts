// When overlays are drawn (issue 13): the first screenful at once, every other one when its card comes within
// 1500 px of the viewport, by scrolling or by the keys; until then its host keeps the overlay's room, and a drawn
// overlay's host stays exactly one row high (a relayout boundary), so drawing moves nothing on the page.
import type { Page } from '@playwright/test';
import { test, expect, openListing, card, setKeywords, drawAll } from './fixtures';

const MONTH = 'https://huggingface.co/papers/month/2026-10';

/** Every card's top and every overlay host's height and state, in page order. */
function layout(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('article[data-dogear-id]')].map((c) => {
      const host = c.querySelector<HTMLElement>('dogear-card')!;
      return {
        top: Math.round(c.getBoundingClientRect().top + window.scrollY),
        host: host.getBoundingClientRect().height,
        pending: host.dataset.pending !== undefined,
        tall: host.dataset.tall !== undefined,
      };
    }),
  );
}

/** Loads the month page, scrolls through it, and checks that 500 overlays were drawn on the way and nothing moved. */
async function drawnOnTheWay(page: Page): Promise<number> {
  const before = await layout(page);
  expect(before).toHaveLength(500);
  // Only what is on or near the first screen is drawn; the rest wait for the scroll.
  expect(before.filter((c) => c.pending).length).toBeGreaterThan(400);
  await expect(page.locator('html')).not.toHaveAttribute('data-dogear-drawn', /.*/);
  await drawAll(page);
  const after = await layout(page);
  expect(after.filter((c) => c.pending)).toHaveLength(0);
  expect(after.filter((c) => c.tall)).toHaveLength(0);
  // Drawn or waiting, every overlay keeps the same room; no card moved while 500 were drawn.
  const heights = new Set([...before, ...after].map((c) => c.host));
  expect(heights.size).toBe(1);
  expect(after.map((c) => c.top)).toEqual(before.map((c) => c.top));
  return before[0]!.host;
}

test('far overlays are drawn as the reader scrolls near, into the room their hosts kept: nothing moves', async ({
  context,
}) => {
  const page = await openListing(context, MONTH);
  expect(await drawnOnTheWay(page)).toBeCloseTo(16 * 2.0125, 1);
});

test('where every overlay wraps (keyword scores on narrow month cards), all hosts keep two rows from the first screen', async ({
  context,
  extensionId,
}) => {
  await setKeywords(context, extensionId, ['reasoning', 'diffusion', 'agents', 'benchmark']);
  const page = await openListing(context, MONTH);
  await expect(page.locator('article[data-dogear-score]').first()).toBeVisible();
  // The first screen's plain overlays (NEW, buttons, score) need a second row: the page's reserved height follows.
  await expect.poll(async () => (await layout(page))[0]!.host).toBeGreaterThan(16 * 2.0125 * 1.2);
  expect(await drawnOnTheWay(page)).toBeGreaterThan(16 * 2.0125 * 1.2);
});

test('an overlay whose row wraps grows its host, and shrinks back when it fits one line again', async ({ context }) => {
  const page = await openListing(context, MONTH);
  const id = await page.locator('article[data-dogear-id]').first().getAttribute('data-dogear-id');
  const overlay = card(page, id!);
  const host = page.locator(`article[data-dogear-id="${id}"] dogear-card`);
  const height = () => host.evaluate((h) => h.getBoundingClientRect().height);
  const oneRow = await height();
  const tags = ['representation learning', 'reinforcement learning', 'benchmarks', 'to read with the team'];
  for (const t of tags) {
    await overlay.locator('[data-dogear-action="tag"]').click();
    await overlay.locator('input').fill(t);
    await overlay.locator('input').press('Enter');
    await expect(overlay.locator(`[data-dogear-tag="${t}"]`)).toBeVisible();
  }
  await expect(host).toHaveAttribute('data-tall', '');
  // The host holds the whole wrapped row: nothing of it hangs over the card's text below.
  const fit = await host.evaluate((h) => ({
    host: h.getBoundingClientRect().height,
    row: h.shadowRoot!.querySelector('.row')!.getBoundingClientRect().height,
  }));
  expect(fit.host).toBeGreaterThan(1.5 * oneRow);
  expect(fit.host).toBeCloseTo(fit.row, 0);

  for (const t of tags) await overlay.locator(`[data-dogear-tag="${t}"] button`).click();
  await expect(overlay.locator('[data-dogear-tag]')).toHaveCount(0);
  await expect(host).not.toHaveAttribute('data-tall', /.*/);
  expect(await height()).toBe(oneRow);
});

test('an entry far down the page reached by the keys has its buttons: `s` saves it', async ({ context }) => {
  const page = await openListing(context, MONTH);
  const fortieth = page.locator('article[data-dogear-id]').nth(39);
  await expect(fortieth.locator('dogear-card')).toHaveAttribute('data-pending', '');
  for (let i = 0; i < 40; i++) await page.keyboard.press('j');
  await expect(fortieth).toHaveAttribute('data-dogear-focus', '');
  await page.keyboard.press('s');
  await expect(fortieth).toHaveAttribute('data-dogear-status', 'saved');
  await expect(fortieth.locator('dogear-card [data-dogear-action="save"]')).toHaveAttribute('aria-pressed', 'true');
});
