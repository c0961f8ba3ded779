// Keyboard triage on listings, driven with real key presses (CDP input events, trusted like a user's).
import type { Page } from '@playwright/test';
import { test, expect, openListing, card, openPopup, launchWithExtension, SCREENSHOT_DIR } from './fixtures';

// Several pages and a popup per test, on a busy two-core machine.
test.describe.configure({ timeout: 120_000 });

const DAILY = 'https://huggingface.co/papers/date/2026-10-27';
const WEEK = 'https://huggingface.co/papers/week/2026-W44';
const ARXIV_NEW = 'https://arxiv.org/list/cs.LG/new';
const FIRST_WEEK = '2610.19243';

const focused = (page: Page) => page.locator('[data-dogear-focus]');
const entryAt = (page: Page, i: number) => page.locator('[data-dogear-id]').nth(i);
const idAt = async (page: Page, i: number) => (await entryAt(page, i).getAttribute('data-dogear-id'))!;
const entry = (page: Page, id: string) => page.locator(`[data-dogear-id="${id}"]`);
/** What the screen reader hears: the live region in our own shadow DOM. */
const live = (page: Page) => page.locator('dogear-keys [role="status"]');

async function press(page: Page, ...keys: string[]) {
  for (const k of keys) await page.keyboard.press(k);
}

test('j/k move the focus ring in page order and scroll it into view; the live region says where', async ({
  context,
}) => {
  const page = await openListing(context, DAILY);
  await expect(focused(page)).toHaveCount(0);
  await press(page, 'j');
  await expect(focused(page)).toHaveCount(1);
  await expect(focused(page)).toHaveAttribute('data-dogear-id', await idAt(page, 0));
  await expect(live(page)).toContainText('NeoAct++ Technical Report');
  await expect(live(page)).toContainText('1 of 30');

  // Down the grid, one entry at a time, scrolling as the ring leaves the screen.
  await press(page, 'j', 'j', 'j', 'j', 'j', 'j');
  await expect(focused(page)).toHaveAttribute('data-dogear-id', await idAt(page, 6));
  await expect(focused(page)).toBeInViewport({ ratio: 0.9 });
  await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(300);
  await press(page, 'k', 'k');
  await expect(focused(page)).toHaveAttribute('data-dogear-id', await idAt(page, 4));
  await expect(focused(page)).toHaveCount(1);

  // The arrows move it too once triage has started and nothing of the page has focus.
  await press(page, 'ArrowDown');
  await expect(focused(page)).toHaveAttribute('data-dogear-id', await idAt(page, 5));
  await press(page, 'ArrowUp');
  await expect(focused(page)).toHaveAttribute('data-dogear-id', await idAt(page, 4));

  // Esc takes the ring away; then the arrows scroll the page again.
  await press(page, 'Escape');
  await expect(focused(page)).toHaveCount(0);
  const y = await page.evaluate(() => scrollY);
  await press(page, 'ArrowDown');
  await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(y);
  await expect(focused(page)).toHaveCount(0);
});

test('the first j starts at the first entry at or below the top of the viewport', async ({ context }) => {
  const page = await openListing(context, DAILY);
  // Scroll so that the first row is cut off at the top.
  const top = await entryAt(page, 3).evaluate((el) => el.getBoundingClientRect().top + scrollY);
  await page.evaluate((y) => scrollTo(0, y - 40), top);
  await press(page, 'j');
  const got = await focused(page).getAttribute('data-dogear-id');
  const expected = await page.evaluate(() => {
    const first = [...document.querySelectorAll<HTMLElement>('[data-dogear-id]')].find(
      (el) => el.getBoundingClientRect().top >= 0,
    );
    return first?.dataset.dogearId;
  });
  expect(got).toBe(expected);
  expect(got).not.toBe(await idAt(page, 0));
});

test('s, r and d do exactly what the buttons do, u undoes, and the popup agrees', async ({ context, extensionId }) => {
  const page = await openListing(context, DAILY);
  const byKey = await idAt(page, 0);
  const byClick = await idAt(page, 1);
  const state = async (id: string) => ({
    status: await entry(page, id).getAttribute('data-dogear-status'),
    save: await card(page, id).locator('[data-dogear-action="save"]').getAttribute('aria-pressed'),
    read: await card(page, id).locator('[data-dogear-action="read"]').getAttribute('aria-pressed'),
    dismiss: await card(page, id).locator('[data-dogear-action="dismiss"]').getAttribute('aria-pressed'),
    undo: await card(page, id).locator('[data-dogear-action="undo"]').count(),
  });
  // Both sides are read on every poll: an un-dismiss waits for the stored record, so either may still be on its way.
  const same = (when: string) =>
    expect
      .poll(async () => {
        const [a, b] = [JSON.stringify(await state(byKey)), JSON.stringify(await state(byClick))];
        return a === b ? 'same' : `${a} vs ${b}`;
      }, when)
      .toBe('same');

  await press(page, 'j');
  await expect(focused(page)).toHaveAttribute('data-dogear-id', byKey);
  // The same sequence on two entries: by key on the first, by clicking its buttons on the second. Where the
  // outcome is the status rules' to decide (un-dismissing, saving a read paper), only sameness is checked.
  for (const [key, action, status] of [
    ['s', 'save', 'saved'],
    ['r', 'read', 'read'],
    ['d', 'dismiss', 'dismissed'],
    ['d', 'dismiss', undefined],
    ['s', 'save', undefined],
  ] as const) {
    await press(page, key);
    await card(page, byClick).locator(`[data-dogear-action="${action}"]`).click();
    if (status) {
      await expect(entry(page, byKey)).toHaveAttribute('data-dogear-status', status);
      await expect(entry(page, byClick)).toHaveAttribute('data-dogear-status', status);
    }
    await same(`after ${key}`);
  }
  // Dismiss, then undo by key and by the overlay's Undo button (quickly: the undo is offered for 8 seconds).
  // `u` undoes the last action, whether a key or a click did it: the key's dismiss comes last here.
  await card(page, byClick).locator('[data-dogear-action="dismiss"]').click();
  await press(page, 'd', 'u');
  await card(page, byClick).locator('[data-dogear-action="undo"]').click();
  await expect(entry(page, byKey)).not.toHaveAttribute('data-dogear-status', 'dismissed');
  await expect(entry(page, byClick)).not.toHaveAttribute('data-dogear-status', 'dismissed');
  await same('after undo');

  // Read by key (saving first if the undo left it off the list): the popup shows it read.
  if ((await entry(page, byKey).getAttribute('data-dogear-status')) === null) await press(page, 's');
  await press(page, 'r');
  await expect(entry(page, byKey)).toHaveAttribute('data-dogear-status', 'read');
  await expect(live(page)).toContainText('Marked read');
  const popup = await openPopup(context, extensionId);
  const row = popup.locator(`[data-dogear-item="${byKey}"]`);
  await expect(row).toBeVisible();
  await expect(row.locator('[data-dogear-action="read"]')).toHaveAttribute('aria-pressed', 'true');

  // Dismiss by key, then u: back to read, everywhere.
  await page.bringToFront();
  await press(page, 'd');
  await expect(entry(page, byKey)).toHaveAttribute('data-dogear-status', 'dismissed');
  await expect(card(page, byKey).locator('[data-dogear-action="undo"]')).toBeVisible();
  await press(page, 'u');
  await expect(entry(page, byKey)).toHaveAttribute('data-dogear-status', 'read');
  await expect(card(page, byKey).locator('[data-dogear-action="undo"]')).toHaveCount(0);
  await popup.reload();
  await expect(row.locator('[data-dogear-action="read"]')).toHaveAttribute('aria-pressed', 'true');
});

test('x selects entries; d dismisses them all and one u brings them all back', async ({ context, extensionId }) => {
  const page = await openListing(context, DAILY);
  const ids = [await idAt(page, 0), await idAt(page, 2), await idAt(page, 3)];
  await press(page, 'j', 'x', 'j', 'j', 'x', 'j', 'x');
  await expect(page.locator('[data-dogear-selected]')).toHaveCount(3);
  for (const id of ids) await expect(entry(page, id)).toHaveAttribute('data-dogear-selected', '');
  await expect(live(page)).toContainText('3 selected');

  await press(page, 'd');
  for (const id of ids) await expect(entry(page, id)).toHaveAttribute('data-dogear-status', 'dismissed');
  await expect(entry(page, await idAt(page, 1))).not.toHaveAttribute('data-dogear-status', /./);
  await expect(page.locator('[data-dogear-selected]')).toHaveCount(0);
  await expect(page.locator('dogear-keys .toast')).toContainText('Dismissed: 3 papers');

  const popup = await openPopup(context, extensionId);
  await popup.locator('[data-dogear-filter="status"]').selectOption('dismissed');
  await expect(popup.locator('[data-dogear-item]')).toHaveCount(3);

  await page.bringToFront();
  await press(page, 'u');
  for (const id of ids) await expect(entry(page, id)).not.toHaveAttribute('data-dogear-status', /./);
  await expect(page.locator('dogear-keys .toast')).toHaveCount(0);
  // The three were on no list before: undone, the popup has no dismissed paper (maybe no paper at all).
  await popup.reload();
  const filter = popup.locator('[data-dogear-filter="status"]');
  await expect(popup.getByText('Your reading list is empty').or(filter)).toBeVisible();
  if (await filter.count()) await filter.selectOption('dismissed');
  await expect(popup.locator('[data-dogear-item]')).toHaveCount(0);
});

test('keys typed into the site’s search box, with Ctrl or while a page dialog is open do nothing of ours', async ({
  context,
}) => {
  const page = await openListing(context, DAILY);
  // The page's own listener sees every key we leave to it.
  await page.evaluate(() => {
    const w = window as unknown as { __keys: string[] };
    w.__keys = [];
    document.addEventListener('keydown', (e) => {
      w.__keys.push(`${e.ctrlKey ? 'Ctrl+' : ''}${e.key}${e.defaultPrevented ? '!' : ''}`);
    });
  });
  const seen = () => page.evaluate(() => (window as unknown as { __keys: string[] }).__keys.splice(0));

  const search = page.locator('input[name="q"]');
  await search.click();
  await search.pressSequentially('jjsdx?tu');
  await expect(search).toHaveValue('jjsdx?tu');
  await search.press('Escape');
  await expect(focused(page)).toHaveCount(0);
  await expect(page.locator('[data-dogear-status], [data-dogear-selected]')).toHaveCount(0);
  await expect(page.locator('dogear-help')).toHaveCount(0);
  expect((await seen()).join(' ')).toBe('j j s d x ? t u Escape');
  await search.blur();

  // Ctrl+S belongs to the browser: not a save of ours, and the page sees it unhandled.
  await press(page, 'j');
  await expect(focused(page)).toHaveCount(1);
  expect(await seen()).toEqual([]);
  await press(page, 'Control+s');
  expect(await seen()).toEqual(['Ctrl+Control', 'Ctrl+s']);
  await expect(focused(page)).not.toHaveAttribute('data-dogear-status', /./);

  // While the page shows a modal dialog, its keys are its own.
  await page.evaluate(() => {
    const d = document.createElement('dialog');
    d.append(document.createElement('p'));
    document.body.append(d);
    d.showModal();
  });
  await press(page, 'j', 's');
  await expect(focused(page)).toHaveAttribute('data-dogear-id', await idAt(page, 0));
  await expect(focused(page)).not.toHaveAttribute('data-dogear-status', /./);
  expect(await seen()).toEqual(['j', 's']);

  // A key the page makes up is never taken for the user's.
  await page.evaluate(() => {
    document.querySelector('dialog')?.close();
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 's', bubbles: true }));
  });
  await expect(focused(page)).not.toHaveAttribute('data-dogear-status', /./);
});

test('? opens the key help and Esc closes it', async ({ context }) => {
  const page = await openListing(context, DAILY);
  await press(page, '?');
  const help = page.locator('dogear-help');
  await expect(help).toHaveCount(1);
  await expect(help.getByRole('complementary')).toContainText('Next entry');
  await expect(help.locator('kbd', { hasText: 'j' })).toBeVisible();
  await press(page, 'Escape');
  await expect(help).toHaveCount(0);
  await press(page, '?');
  await expect(help).toHaveCount(1);
  await press(page, '?');
  await expect(help).toHaveCount(0);
});

test('t opens the tag input of the focused entry; o and p open its page and PDF in new tabs', async ({ context }) => {
  const page = await openListing(context, DAILY);
  const id = await idAt(page, 0);
  await press(page, 'j', 't');
  const input = card(page, id).locator('input');
  await expect(input).toBeFocused();
  await input.pressSequentially('kbd');
  await input.press('Enter');
  await expect(card(page, id).locator('[data-dogear-tag="kbd"]')).toHaveCount(1);
  // Tagging kept the paper: it is saved, and typing the tag did nothing else of ours.
  await expect(entry(page, id)).toHaveAttribute('data-dogear-status', 'saved');

  const [paper] = await Promise.all([context.waitForEvent('page'), press(page, 'o')]);
  await expect.poll(() => paper.url()).toContain(`/papers/${id}`);
  await paper.close();
  const [pdf] = await Promise.all([context.waitForEvent('page'), press(page, 'p')]);
  await expect.poll(() => pdf.url()).toBe(`https://arxiv.org/pdf/${id}`);
  await pdf.close();
});

test('shortcuts switched off in the options take no keys', async ({ context, extensionId }) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const box = options.locator('input[name="shortcuts"]');
  await expect(box).toBeChecked();
  await expect(options.locator('#keyboard kbd', { hasText: 'j' })).toBeVisible();
  await box.uncheck();
  await expect(options.getByText('Saved · open listings updated')).toBeVisible();
  const page = await openListing(context, DAILY);
  await press(page, 'j', '?');
  await expect(focused(page)).toHaveCount(0);
  await expect(page.locator('dogear-help')).toHaveCount(0);
});

test('a card the site renders again (hydration) keeps its focus and selection', async ({ context }) => {
  const page = await openListing(context, DAILY);
  await press(page, 'j', 'x', 'j');
  const [first, second] = [await idAt(page, 0), await idAt(page, 1)];
  await expect(focused(page)).toHaveAttribute('data-dogear-id', second);
  // As the site's hydration does: each card replaced by a new node of the same markup, without Dogear's marks.
  await page.evaluate(() => {
    for (const card of [...document.querySelectorAll('article[data-dogear-id]')].slice(0, 2)) {
      const fresh = card.cloneNode(true) as HTMLElement;
      for (const a of [...fresh.attributes]) if (a.name.startsWith('data-dogear')) fresh.removeAttribute(a.name);
      for (const host of fresh.querySelectorAll('dogear-card')) host.remove();
      card.replaceWith(fresh);
    }
  });
  await expect(focused(page)).toHaveAttribute('data-dogear-id', second);
  await expect(page.locator('[data-dogear-selected]')).toHaveAttribute('data-dogear-id', first);
  await press(page, 'j');
  await expect(focused(page)).toHaveAttribute('data-dogear-id', await idAt(page, 2));
});

test('after a client-side navigation swaps the cards, the focus starts again at the top', async () => {
  const ext = await launchWithExtension({ overrides: { [DAILY]: 'hf/spa-daily.html' } });
  try {
    const page = await openListing(ext.context, DAILY);
    await expect(page.locator('html')).toHaveAttribute('data-dogear-count', '30');
    await press(page, 'j', 'j', 'x');
    await expect(focused(page)).toHaveAttribute('data-dogear-id', await idAt(page, 1));
    await page.getByRole('button', { name: 'Weekly' }).click();
    await expect(page).toHaveURL(WEEK);
    await expect(page.locator('html')).toHaveAttribute('data-dogear-count', '105');
    await expect(focused(page)).toHaveCount(0);
    await expect(page.locator('[data-dogear-selected]')).toHaveCount(0);
    await press(page, 'j');
    await expect(focused(page)).toHaveAttribute('data-dogear-id', FIRST_WEEK);
  } finally {
    await ext.close();
  }
});

test('arXiv listing: j moves over the entries, s saves, hidden dismissed entries are skipped', async ({
  context,
  extensionId,
}) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.locator('input[name="hideDismissed"]').check();
  await expect(options.getByText('Saved · open listings updated')).toBeVisible();
  await options.close();

  const page = await openListing(context, ARXIV_NEW);
  const [a, b, c] = [await idAt(page, 0), await idAt(page, 1), await idAt(page, 2)];
  await card(page, b).locator('[data-dogear-action="dismiss"]').click();
  await expect(entry(page, b)).toBeHidden();
  await press(page, 'j');
  await expect(focused(page)).toHaveAttribute('data-dogear-id', a);
  await press(page, 's');
  await expect(entry(page, a)).toHaveAttribute('data-dogear-status', 'saved');
  await press(page, 'j');
  await expect(focused(page)).toHaveAttribute('data-dogear-id', c);
  await press(page, 'k');
  await expect(focused(page)).toHaveAttribute('data-dogear-id', a);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`screenshot: focus ring, selection and help card (${scheme})`, async () => {
    const ext = await launchWithExtension({
      colorScheme: scheme,
      overrides: scheme === 'dark' ? { [DAILY]: 'hf/date-2026-10-27.dark.html' } : {},
    });
    try {
      const page = await openListing(ext.context, DAILY);
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await press(page, 'j', 'x', 'j', 'j', 'j', '?');
      await expect(page.locator('dogear-help')).toHaveCount(1);
      await expect(focused(page)).toBeInViewport();
      await page.screenshot({ path: `${SCREENSHOT_DIR}/keys-hf-${scheme}.png` });
    } finally {
      await ext.close();
    }
  });
}

test('screenshot: focus ring and selection on an arXiv listing', async ({ context }) => {
  const page = await openListing(context, ARXIV_NEW);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await press(page, 'j', 'j', 'x', 'j');
  await expect(focused(page)).toBeInViewport();
  await page.screenshot({ path: `${SCREENSHOT_DIR}/keys-arxiv.png` });
});
