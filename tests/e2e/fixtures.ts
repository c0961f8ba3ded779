import { test as base, expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { launchWithExtension as launch } from '../support/chromium.mjs';

export type Launched = {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  close: () => Promise<void>;
};

export async function launchWithExtension(opts: LaunchOptions = {}): Promise<Launched> {
  return (await launch(opts)) as Launched;
}

export interface LaunchOptions {
  colorScheme?: 'light' | 'dark';
  overrides?: Record<string, string>;
  headless?: boolean;
}

type Fixtures = {
  ext: Launched;
  context: BrowserContext;
  extensionId: string;
};

export const test = base.extend<Fixtures>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this destructuring.
  ext: async ({}, use) => {
    const ext = await launchWithExtension();
    await use(ext);
    await ext.close();
  },
  context: async ({ ext }, use) => use(ext.context),
  extensionId: async ({ ext }, use) => use(ext.extensionId),
});

export { expect };

/** Opens a fixture page and waits for Dogear's first pass. */
export async function openListing(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector('html[data-dogear="ready"]');
  return page;
}

/** The overlay of the entry for `id`, to click buttons inside its shadow root (Playwright pierces open roots). */
export function card(page: Page, id: string) {
  return page.locator(`[data-dogear-id="${id}"] dogear-card`);
}

/** Sets keywords (and one tag rule) on the options page and waits until they are saved. */
export async function setKeywords(
  context: BrowserContext,
  extensionId: string,
  keywords: string[],
  rule?: { name: string; pattern: string },
) {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.locator('textarea[name="keywords"]').fill(keywords.join('\n'));
  if (rule) {
    await options.locator('[data-dogear-action="add-rule"]').click();
    await options.locator('input[name="rule-name"]').fill(rule.name);
    await options.locator('input[name="rule-name"]').press('Tab');
    await options.locator('textarea[name="rule-patterns"]').fill(rule.pattern);
    await options.locator('textarea[name="rule-patterns"]').press('Tab');
    await expect(options.locator(`[data-dogear-rule="${rule.name}"]`)).toBeVisible();
  }
  await expect(options.locator('.save-state[role="status"]').filter({ hasText: 'Saved' })).toBeVisible();
  await options.close();
}

export async function openPopup(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  return page;
}

/**
 * Where screenshot tests write: the committed docs/screenshots only when asked
 * (`DOGEAR_SCREENSHOTS=1`), otherwise test-results/, so a test run leaves the tree clean.
 */
export const SCREENSHOT_DIR = process.env.DOGEAR_SCREENSHOTS ? 'docs/screenshots' : 'test-results/screenshots';

/**
 * Scrolls through the page a screen at a time and back to the top, as a reader would: overlays far down a
 * listing are drawn only when their entry comes near the viewport. Resolves once every overlay is drawn.
 */
export async function drawAll(page: Page): Promise<void> {
  await page.evaluate(async () => {
    for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight) {
      window.scrollTo(0, y);
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    }
    window.scrollTo(0, 0);
  });
  await page.waitForSelector('html[data-dogear-drawn]', { state: 'attached' });
}

/**
 * Clicks one of an entry's overlay buttons the way a reader does on a long listing: scrolled to first, which
 * draws its overlay if it was waiting far from the viewport.
 */
export async function clickAction(page: Page, id: string, action: string): Promise<void> {
  await page.locator(`[data-dogear-id="${id}"]`).first().scrollIntoViewIfNeeded();
  await card(page, id).locator(`[data-dogear-action="${action}"]`).click();
}
