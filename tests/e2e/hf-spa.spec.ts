// Client-side navigation and re-rendering on Hugging Face, emulated by tests/fixtures/hf/spa-daily.html:
// 300 ms after load every card cell is replaced by an identical fresh node; "Weekly" pushState's to the
// week and swaps island and cards; "Daily" and the back button return.
import type { Page } from '@playwright/test';
import { test, expect, launchWithExtension, openListing, card, type Launched } from './fixtures';

const DAILY = 'https://huggingface.co/papers/date/2026-10-27';
const WEEK = 'https://huggingface.co/papers/week/2026-W44';
const FIRST_DAY = '2610.22092';
const FIRST_WEEK = '2610.19243';

type Probe = { removedCards: number; maxExcess: number; maxPerCard: number };

/**
 * Runs in the page before its scripts: counts card cells the page replaces, and after every DOM
 * change checks that there are never more overlays than cards, nor two overlays in one card.
 */
function installProbe() {
  const w = window as unknown as { __probe: Probe };
  w.__probe = { removedCards: 0, maxExcess: 0, maxPerCard: 0 };
  const check = (records: MutationRecord[]) => {
    for (const r of records)
      for (const n of r.removedNodes)
        if (n instanceof Element && (n.localName === 'article' || n.querySelector('article'))) w.__probe.removedCards++;
    const cards = document.querySelectorAll('article');
    w.__probe.maxExcess = Math.max(w.__probe.maxExcess, document.querySelectorAll('dogear-card').length - cards.length);
    for (const c of cards)
      w.__probe.maxPerCard = Math.max(w.__probe.maxPerCard, c.querySelectorAll('dogear-card').length);
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
}

const probe = (page: Page) => page.evaluate(() => (window as unknown as { __probe: Probe }).__probe);

/** Every card annotated exactly once, and the first one as expected. */
async function expectAnnotated(page: Page, count: number, firstId: string) {
  await expect(page.locator('html')).toHaveAttribute('data-dogear-count', String(count));
  await expect(page.locator('article[data-dogear-id]')).toHaveCount(count);
  await expect(page.locator('article')).toHaveCount(count);
  await expect(page.locator('dogear-card')).toHaveCount(count);
  await expect(page.locator('article').first()).toHaveAttribute('data-dogear-id', firstId);
}

let ext: Launched;
test.beforeEach(async () => {
  ext = await launchWithExtension({ overrides: { [DAILY]: 'hf/spa-daily.html' } });
});
test.afterEach(async () => {
  await ext.close();
});

/** Opens the SPA daily page and waits until the hydration re-render has replaced every card and was annotated. */
async function openRerendered(): Promise<Page> {
  const page = await ext.context.newPage();
  await page.addInitScript(installProbe);
  await page.goto(DAILY);
  await expect.poll(async () => (await probe(page)).removedCards).toBeGreaterThanOrEqual(30);
  await expectAnnotated(page, 30, FIRST_DAY);
  return page;
}

test('the hydration re-render: one overlay per fresh card, saved state kept', async () => {
  // Saved on another page first, so the state is there before the re-render.
  const week = await openListing(ext.context, WEEK);
  await card(week, FIRST_DAY).locator('[data-dogear-action="save"]').click();
  await expect(week.locator(`[data-dogear-id="${FIRST_DAY}"]`)).toHaveAttribute('data-dogear-status', 'saved');
  await week.close();

  const page = await openRerendered();
  await expect(page.locator(`[data-dogear-id="${FIRST_DAY}"]`)).toHaveAttribute('data-dogear-status', 'saved');
  await expect(card(page, FIRST_DAY).locator('[data-dogear-action="save"]')).toHaveAttribute('aria-pressed', 'true');
  const p = await probe(page);
  expect(p.maxExcess).toBeLessThanOrEqual(0);
  expect(p.maxPerCard).toBe(1);
});

test('Weekly swaps to 105 annotated cards, Daily and Back return to 30; state survives; never a duplicate', async () => {
  const page = await openRerendered();
  const second = page.locator('article').nth(1);
  const secondId = (await second.getAttribute('data-dogear-id'))!;
  await card(page, secondId).locator('[data-dogear-action="read"]').click();
  await expect(second).toHaveAttribute('data-dogear-status', 'read');

  await page.locator('[data-target="DailyPapers"] button', { hasText: 'Weekly' }).click();
  await expect(page).toHaveURL(WEEK);
  await expectAnnotated(page, 105, FIRST_WEEK);
  await expect(page.locator('article').last()).toHaveAttribute('data-dogear-id', '2610.22173');
  // The paper marked read on the day is in the week too, and shows it.
  await expect(page.locator(`article[data-dogear-id="${secondId}"]`)).toHaveAttribute('data-dogear-status', 'read');

  await page.goBack();
  await expect(page).toHaveURL(DAILY);
  await expectAnnotated(page, 30, FIRST_DAY);
  await expect(page.locator(`article[data-dogear-id="${secondId}"]`)).toHaveAttribute('data-dogear-status', 'read');

  await page.locator('[data-target="DailyPapers"] button', { hasText: 'Weekly' }).click();
  await expectAnnotated(page, 105, FIRST_WEEK);
  await page.locator('[data-target="DailyPapers"] button', { hasText: 'Daily' }).click();
  await expect(page).toHaveURL(DAILY);
  await expectAnnotated(page, 30, FIRST_DAY);

  const p = await probe(page);
  expect(p.maxExcess).toBeLessThanOrEqual(0);
  expect(p.maxPerCard).toBe(1);
});

/** How many annotation passes ran on the page so far. */
const passes = (page: Page) => page.evaluate(() => performance.getEntriesByName('dogear:annotate').length);

/** Waits long enough for the pass a mutation schedules (a microtask, then a state read) to have run. */
const settle = (page: Page) => page.evaluate(() => new Promise((r) => setTimeout(r, 250)));

test('no work when nothing relevant changed; a real change costs exactly one pass', async () => {
  const page = await openRerendered();
  // Let the passes triggered by the re-render finish.
  await settle(page);
  const before = await passes(page);

  // Unrelated changes: a class toggle on a card, the upvote count's text, a node outside the cards.
  await page.evaluate(() => {
    const first = document.querySelector('article')!;
    first.classList.toggle('ring-2');
    const count = first.querySelector('a[href^="/login?next="] .leading-none, a[href^="/login?next="] div');
    if (!count) throw new Error('no upvote count on the card');
    count.textContent = '107';
    document.body.append(document.createElement('div'));
  });
  await settle(page);
  expect(await passes(page)).toBe(before);

  // Control: removing a card is a real change, and is seen.
  await page.evaluate(() => document.querySelector('article')!.parentElement!.remove());
  await expect(page.locator('html')).toHaveAttribute('data-dogear-count', '29');
  await settle(page);
  expect(await passes(page)).toBe(before + 1);
});
