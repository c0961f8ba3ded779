import type { BrowserContext, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { readAll } from './store-reader';

/** Issue 12 §7: two options tabs; a stale tab's autosave must not undo the other's change. */

const STALE = 'Settings changed in another tab — reload';

async function openOptions(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(page.locator('textarea[name="keywords"]')).toBeVisible();
  return page;
}

const saved = (page: Page) => expect(page.locator('.save-state[role="status"]')).toHaveText(/^Saved/);
const keywords = (page: Page) => page.locator('textarea[name="keywords"]');
const hide = (page: Page) => page.locator('input[name="hideDismissed"]');

async function stored(page: Page): Promise<{ hideDismissed: boolean; keywords: Array<{ pattern: string }> }> {
  const [settings] = await readAll<{ hideDismissed: boolean; keywords: Array<{ pattern: string }> }>(page, 'settings');
  return settings!;
}

test('a tab with nothing unsaved follows the other; its next edit keeps the other tab’s change', async ({
  context,
  extensionId,
}) => {
  const a = await openOptions(context, extensionId);
  const b = await openOptions(context, extensionId);
  await hide(b).check();
  await saved(b);
  await expect(hide(a)).toBeChecked();
  await keywords(a).fill('agents');
  await saved(a);
  expect(await stored(a)).toMatchObject({ hideDismissed: true, keywords: [{ pattern: 'agents' }] });
  await expect(keywords(b)).toHaveValue('agents');
});

test('an edit still unsaved when the other tab saves: other fields merge, the same field is refused', async ({
  context,
  extensionId,
}) => {
  const a = await openOptions(context, extensionId);
  const b = await openOptions(context, extensionId);
  // The context's clock, paused: each tab's autosave (250 ms after an edit) runs only when the test says.
  await a.clock.install();
  await a.clock.pauseAt((await a.evaluate(() => Date.now())) + 100);

  // B switches a display setting; A types a keyword, and is still unsaved when B's autosave lands.
  await hide(b).check();
  await a.clock.runFor(100);
  await keywords(a).fill('agents');
  await a.clock.runFor(200);
  await saved(b);
  await expect(a.locator('.save-state[role="status"]')).toHaveText('Saving…');
  await a.clock.runFor(200);
  await saved(a);
  expect(await stored(b)).toMatchObject({ hideDismissed: true, keywords: [{ pattern: 'agents' }] });
  // A now shows what was stored, B's switch included.
  await expect(hide(a)).toBeChecked();

  // Both edit the keywords, B first: A's edit started from what B replaced, so it is refused and writes nothing.
  // B edits what it shows once A's saved keyword has reached it (its timers run on the paused clock), as a person would.
  await expect
    .poll(async () => {
      await a.clock.runFor(50);
      return keywords(b).inputValue();
    })
    .toBe('agents');
  await keywords(b).fill('agents\ndiffusion');
  await a.clock.runFor(100);
  await keywords(a).fill('agents\nrewards');
  await a.clock.runFor(200);
  await saved(b);
  await a.clock.runFor(200);
  await expect(a.locator('.save-state[role="status"]')).toHaveText(STALE);
  expect((await stored(b)).keywords.map((k) => k.pattern)).toEqual(['agents', 'diffusion']);
  // Loading waits on timers: let the clock run again before the reload the message asks for.
  await a.clock.resume();
  await a.reload();
  await expect(keywords(a)).toHaveValue('agents\ndiffusion');
});
