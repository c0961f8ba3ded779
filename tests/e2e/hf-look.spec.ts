// Screenshots of every Hugging Face page kind, light and dark, with the stand-in site stylesheet:
// docs/screenshots/hf-<kind>-<light|dark>.png, cropped to the first cards, with a saved (and tagged),
// a read and a dismissed card, so the overlays can be judged against the cards around them.
import { statSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, launchWithExtension, openListing, SCREENSHOT_DIR } from './fixtures';
import { setStates } from './populate';

const OUT = path.resolve(SCREENSHOT_DIR);
const DAILY = 'https://huggingface.co/papers/date/2026-10-27';

interface Kind {
  name: string;
  url: string;
  /** Fixture served for the URL instead of the default one. */
  file?: (scheme: Scheme) => string;
  /** The page has no guest theme script: the test sets `html.dark` itself. */
  noThemeScript?: boolean;
  /** What to do before the screenshot (after the first pass). */
  prepare?: (page: Page) => Promise<void>;
  paper?: boolean;
}
type Scheme = 'light' | 'dark';

const KINDS: Kind[] = [
  { name: '2024', url: 'https://huggingface.co/papers?date=2024-08-01', noThemeScript: true },
  {
    name: 'daily',
    url: DAILY,
    file: (s) => (s === 'dark' ? 'hf/date-2026-10-27.dark.html' : 'hf/date-2026-10-27.html'),
  },
  { name: 'loggedin', url: DAILY, file: () => 'hf/date-2026-10-27.loggedin.html', noThemeScript: true },
  { name: 'week', url: 'https://huggingface.co/papers/week/2026-W44' },
  { name: 'month', url: 'https://huggingface.co/papers/month/2026-10' },
  { name: 'trending', url: 'https://huggingface.co/papers/trending' },
  { name: 'search', url: 'https://huggingface.co/papers?q=rewarding' },
  { name: 'paper', url: 'https://huggingface.co/papers/2510.12345', paper: true },
  {
    name: 'spa',
    url: DAILY,
    file: () => 'hf/spa-daily.html',
    // After a client-side move to the week: the cards the page swapped in are annotated.
    prepare: async (page) => {
      await page.locator('[data-target="DailyPapers"] button', { hasText: 'Weekly' }).click();
      await expect(page).toHaveURL('https://huggingface.co/papers/week/2026-W44');
      await expect(page.locator('html')).toHaveAttribute('data-dogear-count', '105');
    },
  },
];

for (const kind of KINDS) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`looks native: ${kind.name} ${scheme}`, async () => {
      const ext = await launchWithExtension({
        colorScheme: scheme,
        overrides: kind.file ? { [kind.url]: kind.file(scheme) } : {},
      });
      try {
        const page = await openListing(ext.context, kind.url);
        if (scheme === 'dark' && kind.noThemeScript)
          await page.evaluate(() => document.documentElement.classList.add('dark'));
        await expect(page.locator('html')).toHaveClass(scheme === 'dark' ? /\bdark\b/ : /^(?!.*\bdark\b)/);
        await kind.prepare?.(page);
        await setStates(page, kind.paper ? '[data-dogear-id]' : 'article[data-dogear-id]');
        // Fonts and the transitions of the dismissed card settle before the picture.
        await page.evaluate(() => document.fonts.ready);
        await expect
          .poll(() =>
            page.evaluate(() => [...document.getAnimations()].filter((a) => a.playState === 'running').length),
          )
          .toBe(0);

        const text = await page.evaluate(() => {
          const b = document.querySelector('dogear-card')!.shadowRoot!.querySelector('[data-dogear-action="read"]')!;
          return getComputedStyle(b).color;
        });
        const lum = luminance(text);
        if (scheme === 'dark') expect(lum).toBeGreaterThan(0.6);
        else expect(lum).toBeLessThan(0.3);

        const first = page.locator(kind.paper ? 'h1' : 'article[data-dogear-id]').first();
        await first.scrollIntoViewIfNeeded();
        const box = (await first.boundingBox())!;
        const top = Math.max(0, box.y - (kind.paper ? 72 : 24));
        const file = path.join(OUT, `hf-${kind.name}-${scheme}.png`);
        await page.screenshot({ path: file, clip: { x: 0, y: top, width: 1280, height: Math.min(620, 900 - top) } });
        expect(statSync(file).size).toBeLessThan(250_000);
      } finally {
        await ext.close();
      }
    });
  }
}

/** Relative luminance (0 black … 1 white) of an `rgb()` colour. */
function luminance(css: string): number {
  const [r = 0, g = 0, b = 0] = (css.match(/[\d.]+/g) ?? []).map(Number);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}
