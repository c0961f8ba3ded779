// Every Hugging Face page kind in real Chromium: what is detected, what is annotated (counts and
// order from the fixture manifest), the single-paper overlay, and the overlay's geometry on the page.
import { writeFileSync, rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, launchWithExtension, openListing, card, type Launched } from './fixtures';
import { makeStressPage, stressId } from '../support/stress-page.mjs';
import { FIXTURE_MANIFEST, type FixturePage } from '../support/fixture-manifest';

const MANIFEST = FIXTURE_MANIFEST;
// The stress page is generated at test time (below); the SPA page has its own spec.
const LISTINGS = MANIFEST.filter(
  (p) => p.file.startsWith('hf/') && p.kind === 'listing' && !/stress|spa-/.test(p.file),
);
const DAILY = 'https://huggingface.co/papers/date/2026-10-27';

/** A browser that serves `page.file` for `page.url`, in dark mode for the dark fixture. */
function launchFor(p: FixturePage): Promise<Launched> {
  const dark = p.file.includes('.dark.');
  return launchWithExtension({ colorScheme: dark ? 'dark' : 'light', overrides: { [p.url]: p.file } });
}

/** Ids of the annotated cards, in page order, and how many overlays each card holds. */
async function annotated(page: Page) {
  return page.evaluate(() => {
    const cards = [...document.querySelectorAll<HTMLElement>('article[data-dogear-id]')];
    return {
      count: document.documentElement.dataset.dogearCount,
      ids: cards.map((c) => c.dataset.dogearId ?? ''),
      overlaysPerCard: [...new Set(cards.map((c) => c.querySelectorAll('dogear-card').length))],
      overlays: document.querySelectorAll('dogear-card').length,
    };
  });
}

/**
 * For the first `n` annotated cards: how much the overlay grows its card, against the overlay's
 * own height (measured by hiding every overlay and reading the card again), and which of the
 * card's own controls (links, buttons, the vote widget) the overlay overlaps.
 */
async function geometry(page: Page, n: number) {
  return page.evaluate((n) => {
    const cards = [...document.querySelectorAll<HTMLElement>('article[data-dogear-id]')].slice(0, n);
    const rect = (el: Element) => el.getBoundingClientRect();
    const withOverlay = cards.map((c) => {
      const host = c.querySelector('dogear-card')!;
      const h = rect(host);
      const overlaps = [...c.querySelectorAll('a, button, [role="checkbox"], h3')]
        .filter((el) => !el.contains(host))
        .filter((el) => {
          const r = rect(el);
          return (
            r.width > 0 &&
            r.height > 0 &&
            r.left < h.right - 1 &&
            h.left < r.right - 1 &&
            r.top < h.bottom - 1 &&
            h.top < r.bottom - 1
          );
        })
        .map((el) => el.outerHTML.slice(0, 80));
      // A flex or grid parent puts its gap above the overlay: that space is the overlay's too.
      const parent = getComputedStyle(host.parentElement!);
      const gap = /flex|grid/.test(parent.display) ? parseFloat(parent.rowGap) || 0 : 0;
      const button = rect(host.shadowRoot!.querySelector('[data-dogear-action="save"]')!);
      return {
        id: c.dataset.dogearId,
        height: rect(c).height,
        overlay: h.height + gap,
        oneRow: h.height < 2 * button.height,
        inside: h.left >= rect(c).left - 1 && h.right <= rect(c).right + 1,
        overlaps,
      };
    });
    const style = document.createElement('style');
    style.textContent = 'dogear-card { display: none !important; }';
    document.head.append(style);
    const without = cards.map((c) => rect(c).height);
    style.remove();
    return withOverlay.map((w, i) => ({ ...w, growth: w.height - (without[i] ?? 0) }));
  }, n);
}

for (const p of LISTINGS) {
  test(`listing ${p.file}: ${p.entries} cards annotated in order, one overlay each, nothing overlapped`, async () => {
    const ext = await launchFor(p);
    try {
      const page = await openListing(ext.context, p.url);
      if (p.file.includes('.dark.')) await expect(page.locator('html')).toHaveClass(/\bdark\b/);
      const a = await annotated(page);
      expect(a.count).toBe(String(p.entries));
      expect(a.ids).toHaveLength(p.entries);
      expect(a.ids[0]).toBe(p.firstId);
      expect(a.ids.at(-1)).toBe(p.lastId);
      expect(new Set(a.ids).size).toBe(p.entries);
      expect(a.overlaysPerCard).toEqual([1]);
      expect(a.overlays).toBe(p.entries);

      for (const g of await geometry(page, 12)) {
        expect(g.overlaps, `overlay of ${g.id} overlaps the card's controls`).toEqual([]);
        expect(g.inside, `overlay of ${g.id} sticks out of its card`).toBe(true);
        expect(g.overlay).toBeGreaterThan(10);
        // Even the narrow cells of the daily grid hold the whole overlay on one line.
        expect(g.oneRow, `overlay of ${g.id} wraps`).toBe(true);
        // The card grows by the overlay and nothing more: no reflow of the site's own content.
        expect(g.growth, `card ${g.id} grew more than its overlay`).toBeLessThanOrEqual(g.overlay + 0.5);
      }
    } finally {
      await ext.close();
    }
  });
}

test('every listing URL form is detected: /papers, ?date=, /date/, /week/, /month/, /trending, ?q=', async () => {
  const urls = [
    'https://huggingface.co/papers',
    'https://huggingface.co/papers?date=2026-10-27',
    'https://huggingface.co/papers/date/2026-10-27',
    'https://huggingface.co/papers/week/2026-W44',
    'https://huggingface.co/papers/month/2026-10',
    'https://huggingface.co/papers/trending',
    'https://huggingface.co/papers?q=rewarding',
  ];
  // The same daily page behind every URL: only the URL decides.
  const ext = await launchWithExtension({
    overrides: Object.fromEntries(urls.map((u) => [u, 'hf/date-2026-10-27.html'])),
  });
  try {
    for (const url of urls) {
      const page = await openListing(ext.context, url);
      await expect(page.locator('html'), url).toHaveAttribute('data-dogear-count', '30');
      await page.close();
    }
  } finally {
    await ext.close();
  }
});

test('other URLs under /papers are left alone, even with listing markup; leaving a listing removes everything', async () => {
  const others = [
    'https://huggingface.co/papers/submit',
    'https://huggingface.co/papers/week/2026-44',
    'https://huggingface.co/papers/date/2026-10-27/extra',
    'https://huggingface.co/papersearch',
  ];
  const ext = await launchWithExtension({
    overrides: Object.fromEntries(others.map((u) => [u, 'hf/date-2026-10-27.html'])),
  });
  try {
    for (const url of others) {
      const page = await ext.context.newPage();
      await page.goto(url, { waitUntil: 'load' });
      // Control: the same DOM under a listing URL is annotated, so the content script is running here.
      await page.evaluate(() => history.pushState({}, '', '/papers/date/2026-10-27'));
      await expect(page.locator('html'), url).toHaveAttribute('data-dogear-count', '30');
      await page.evaluate((u) => history.pushState({}, '', u), url);
      await expect(page.locator('html'), url).not.toHaveAttribute('data-dogear', /.*/);
      await expect(page.locator('dogear-card')).toHaveCount(0);
      await expect(page.locator('[data-dogear-id]')).toHaveCount(0);
      await expect(page.locator('style[data-dogear]')).toHaveCount(0);
      await page.close();
    }
  } finally {
    await ext.close();
  }
});

test('paper page: one overlay for the paper, none on its comment and collection articles', async ({ context }) => {
  const page = await openListing(context, 'https://huggingface.co/papers/2510.12345');
  await expect(page.locator('html')).toHaveAttribute('data-dogear-count', '1');
  await expect(page.locator('dogear-card')).toHaveCount(1);
  expect(await page.locator('article').count()).toBeGreaterThan(0);
  await expect(page.locator('article[data-dogear-id], article dogear-card')).toHaveCount(0);
  const paper = page.locator('[data-dogear-id="2510.12345"]');
  await expect(paper).toHaveCount(1);
  await paper.locator('dogear-card [data-dogear-action="save"]').click();
  await expect(paper).toHaveAttribute('data-dogear-status', 'saved');
  const [g] = await page.evaluate(() => {
    const host = document.querySelector('dogear-card')!.getBoundingClientRect();
    const controls = [...document.querySelectorAll('a, button, [role="checkbox"]')].filter((el) => {
      const r = el.getBoundingClientRect();
      return (
        r.width > 0 &&
        r.left < host.right - 1 &&
        host.left < r.right - 1 &&
        r.top < host.bottom - 1 &&
        host.top < r.bottom - 1
      );
    });
    return [controls.map((el) => el.outerHTML.slice(0, 80))];
  });
  expect(g).toEqual([]);
});

test('generated stress page: 3000 cards annotated, first and last in order', async () => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(path.join(tmpdir(), 'dogear-stress-'));
  const file = path.join(dir, 'stress-3000.html');
  writeFileSync(file, makeStressPage(3000));
  const url = 'https://huggingface.co/papers/month/2026-08';
  const ext = await launchWithExtension({ overrides: { [url]: file } });
  try {
    const page = await ext.context.newPage();
    await page.goto(url, { timeout: 120_000 });
    await page.waitForSelector('html[data-dogear="ready"]', { timeout: 120_000 });
    const a = await annotated(page);
    expect(a.count).toBe('3000');
    expect(a.ids[0]).toBe(stressId(0));
    expect(a.ids.at(-1)).toBe(stressId(2999));
    expect(a.overlaysPerCard).toEqual([1]);
    const ms = await page.evaluate(() =>
      performance.getEntriesByName('dogear:annotate').map((e) => Math.round(e.duration)),
    );
    test.info().annotations.push({ type: 'annotate-ms', description: ms.join(', ') });
  } finally {
    await ext.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the overlay: save, mark read, dismiss with undo, tag chips; state visible on the card', async ({ context }) => {
  const page = await openListing(context, DAILY);
  const id = '2610.22092';
  const entry = page.locator(`article[data-dogear-id="${id}"]`);
  const overlay = card(page, id);
  const save = overlay.locator('[data-dogear-action="save"]');
  const read = overlay.locator('[data-dogear-action="read"]');
  const dismiss = overlay.locator('[data-dogear-action="dismiss"]');

  await expect(entry).not.toHaveAttribute('data-dogear-status', /.*/);
  await save.click();
  await expect(entry).toHaveAttribute('data-dogear-status', 'saved');
  await expect(save).toHaveAttribute('aria-pressed', 'true');
  await expect(save).toHaveText('Saved');

  await read.click();
  await expect(entry).toHaveAttribute('data-dogear-status', 'read');
  await expect(read).toHaveAttribute('aria-pressed', 'true');
  await expect(save).toHaveAttribute('aria-pressed', 'true');

  await dismiss.click();
  await expect(entry).toHaveAttribute('data-dogear-status', 'dismissed');
  await expect(dismiss).toHaveAttribute('aria-pressed', 'true');
  // Dismissed cards are dimmed under a veil, not removed; still visibly so under the pointer and focus that
  // dismissed them. The veil's strength: 0 when there is none.
  const veil = () =>
    entry.evaluate((el) => {
      const after = getComputedStyle(el, '::after');
      return after.content === 'none' ? 0 : Number(after.opacity);
    });
  await expect.poll(veil).toBeGreaterThan(0.1);
  await expect.poll(veil).toBeLessThan(0.9);
  await page.mouse.move(1, 1);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await expect.poll(veil).toBe(1);
  // The whole card is left opaque: the overlay inside it reads at full contrast.
  expect(await entry.evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
  await overlay.locator('[data-dogear-action="undo"]').click();
  // Undo brings back what was there before: read.
  await expect(entry).toHaveAttribute('data-dogear-status', 'read');
  await expect.poll(veil).toBe(0);

  await overlay.locator('[data-dogear-action="tag"]').click();
  await overlay.locator('input').fill('agents');
  await overlay.locator('input').press('Enter');
  await expect(overlay.locator('[data-dogear-tag="agents"]')).toBeVisible();
  await overlay.locator('[data-dogear-tag="agents"] button').click();
  await expect(overlay.locator('[data-dogear-tag="agents"]')).toHaveCount(0);

  // Another card is untouched by all of this.
  await expect(page.locator('article[data-dogear-id="2610.22173"]')).not.toHaveAttribute('data-dogear-status', /.*/);
});

test('hide dismissed: the option (set in the options page) hides dismissed cards live and brings them back', async ({
  context,
  extensionId,
}) => {
  const page = await openListing(context, DAILY);
  const id = '2610.22092';
  const entry = page.locator(`article[data-dogear-id="${id}"]`);
  await card(page, id).locator('[data-dogear-action="dismiss"]').click();
  await expect(entry).toHaveAttribute('data-dogear-status', 'dismissed');
  await expect(entry).toBeVisible();

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const box = options.locator('input[name="hideDismissed"]');
  await box.check();
  await expect(entry).toBeHidden();
  // The grid closes up: the cell around the card is hidden, not just the card.
  await expect(page.locator('[data-dogear-hidden]')).toHaveCount(1);
  await expect(page.locator('article[data-dogear-id="2610.22173"]')).toBeVisible();

  await box.uncheck();
  await expect(entry).toBeVisible();
  await expect(page.locator('[data-dogear-hidden]')).toHaveCount(0);
});

/** Colours of the first overlay's Save button and its text, as the page paints them. */
function overlayColours(page: Page) {
  return page.evaluate(() => {
    const button = document.querySelector('dogear-card')!.shadowRoot!.querySelector('[data-dogear-action="save"]')!;
    const s = getComputedStyle(button);
    return { color: s.color, background: s.backgroundImage, border: s.borderTopColor };
  });
}

test('dark theme: overlays use dark colours, and follow a live theme switch both ways', async () => {
  const ext = await launchWithExtension({
    colorScheme: 'dark',
    overrides: { [DAILY]: 'hf/date-2026-10-27.dark.html' },
  });
  try {
    const page = await openListing(ext.context, DAILY);
    await expect(page.locator('html')).toHaveClass(/\bdark\b/);
    const dark = await overlayColours(page);
    // Light text on a dark button.
    expect(luminance(dark.color)).toBeGreaterThan(0.6);
    await page.evaluate(() => document.documentElement.classList.remove('dark'));
    await expect.poll(() => overlayColours(page)).not.toEqual(dark);
    const light = await overlayColours(page);
    expect(luminance(light.color)).toBeLessThan(0.3);
    await page.evaluate(() => document.documentElement.classList.add('dark'));
    await expect.poll(() => overlayColours(page)).toEqual(dark);
  } finally {
    await ext.close();
  }
});

test('annotating moves nothing on screen by more than an overlay height (layout-shift entries)', async ({
  context,
}) => {
  const page = await context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { __shifts: Array<{ t: number; dy: number }> };
    w.__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as unknown as Array<{
        startTime: number;
        sources: Array<{ previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }>;
      }>) {
        for (const s of e.sources)
          w.__shifts.push({ t: e.startTime, dy: Math.abs(s.currentRect.top - s.previousRect.top) });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(DAILY);
  await page.waitForSelector('html[data-dogear="ready"]');
  // Two frames so that the shift caused by the overlays is reported.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const { shifts, start, overlay } = await page.evaluate(() => ({
    shifts: (window as unknown as { __shifts: Array<{ t: number; dy: number }> }).__shifts,
    start: performance.getEntriesByName('dogear:annotate')[0]?.startTime ?? 0,
    overlay: Math.max(...[...document.querySelectorAll('dogear-card')].map((h) => h.getBoundingClientRect().height)),
  }));
  const ours = shifts.filter((s) => s.t >= start);
  test.info().annotations.push({
    type: 'shifts',
    description: JSON.stringify({ overlay, ours: ours.map((s) => Math.round(s.dy)) }),
  });
  for (const s of ours) expect(s.dy).toBeLessThanOrEqual(overlay + 0.5);
});

/** Relative luminance (0 black … 1 white) of an `rgb()`/`rgba()` colour. */
function luminance(css: string): number {
  const [r = 0, g = 0, b = 0] = (css.match(/[\d.]+/g) ?? []).map(Number);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}
