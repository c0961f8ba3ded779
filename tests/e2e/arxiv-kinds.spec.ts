import type { Page } from '@playwright/test';
import {
  test,
  expect,
  openListing,
  card,
  openPopup,
  launchWithExtension,
  setKeywords,
  SCREENSHOT_DIR,
  drawAll,
} from './fixtures';
import { FIXTURE_MANIFEST } from '../support/fixture-manifest';

// arXiv's search results and catchup pages, added as adapter work only (lib/sites/arxiv*.ts).
const SEARCH = 'https://arxiv.org/search/?query=diffusion&searchtype=all&source=header';
const ADVANCED = FIXTURE_MANIFEST.find((r) => r.file === 'arxiv/search-advanced-reward.html')!.url;
const CATCHUP = 'https://arxiv.org/catchup/cs.LG/2026-10-26?abs=True';

const row = (file: string) => FIXTURE_MANIFEST.find((r) => r.file === file)!;

/** Every entry element holds exactly one overlay, in the place the adapter chose, and nothing else does. */
function shape(page: Page, entry: string, mount: string) {
  return page.evaluate(
    ({ entry, mount }) => {
      const els = [...document.querySelectorAll<HTMLElement>(entry)];
      return {
        entries: els.length,
        annotated: els.filter((e) => e.dataset.dogearId).length,
        cards: document.querySelectorAll('dogear-card').length,
        placed: els.filter((e) => e.querySelectorAll(`${mount} > dogear-card`).length === 1).length,
        first: els[0]?.dataset.dogearId,
        last: els.at(-1)?.dataset.dogearId,
      };
    },
    { entry, mount },
  );
}

test('search results: one overlay per li.arxiv-result under its author line; save, dismiss, popup', async ({
  context,
  extensionId,
}) => {
  const page = await openListing(context, SEARCH);
  const r = row('arxiv/search-diffusion.html');
  await expect(page.locator('html')).toHaveAttribute('data-dogear-count', String(r.entries));
  expect(await shape(page, 'li.arxiv-result', 'p.authors')).toEqual({
    entries: 50,
    annotated: 50,
    cards: 50,
    placed: 50,
    first: r.firstId,
    last: r.lastId,
  });
  // A block overlay, below the authors and above the abstract.
  const li = page.locator(`li[data-dogear-id="${r.firstId}"]`);
  await expect(li.locator('dogear-card')).not.toHaveAttribute('data-layout', 'inline');
  const authors = await li.locator('p.authors > a').first().boundingBox();
  const overlay = await li.locator('dogear-card').boundingBox();
  const abstract = await li.locator('p.abstract').boundingBox();
  expect(overlay!.y).toBeGreaterThanOrEqual(authors!.y + authors!.height - 1);
  expect(overlay!.y + overlay!.height).toBeLessThanOrEqual(abstract!.y + 1);

  await card(page, r.firstId!).locator('[data-dogear-action="save"]').click();
  await expect(li).toHaveAttribute('data-dogear-status', 'saved');
  await card(page, 'cond-mat/0503123').locator('[data-dogear-action="save"]').click();
  await expect(page.locator('li[data-dogear-id="cond-mat/0503123"]')).toHaveAttribute('data-dogear-status', 'saved');
  await card(page, '2610.21002').locator('[data-dogear-action="dismiss"]').click();
  await expect(page.locator('li[data-dogear-id="2610.21002"]')).toHaveAttribute('data-dogear-status', 'dismissed');

  const popup = await openPopup(context, extensionId);
  await expect(popup.locator('[data-dogear-item]')).toHaveCount(2);
  await expect(popup.locator(`[data-dogear-item="${r.firstId}"]`)).toContainText(
    'Causal Graph Transformers on a Single GPU',
  );
  await expect(popup.locator('[data-dogear-item="cond-mat/0503123"]')).toBeVisible();

  // The same record on the advanced search page (abstracts hidden): annotated with its state.
  const advanced = await openListing(context, ADVANCED);
  await expect(advanced.locator('html')).toHaveAttribute('data-dogear-count', '25');
  expect((await shape(advanced, 'li.arxiv-result', 'p.authors')).placed).toBe(25);
});

test('catchup: one inline overlay per dt of the three sections; save, read, popup', async ({
  context,
  extensionId,
}) => {
  const page = await openListing(context, CATCHUP);
  await drawAll(page);
  const r = row('arxiv/catchup-cs.LG-2026-10-26.html');
  await expect(page.locator('html')).toHaveAttribute('data-dogear-count', '60');
  expect(await shape(page, 'dt', ':scope')).toEqual({
    entries: 60,
    annotated: 60,
    cards: 60,
    placed: 60,
    first: r.firstId,
    last: r.lastId,
  });
  await expect(page.locator('dt > dogear-card[data-layout="inline"]')).toHaveCount(60);
  await expect(page.locator('dd dogear-card')).toHaveCount(0);

  const cross = '2610.20340';
  await card(page, cross).locator('[data-dogear-action="save"]').click();
  await expect(page.locator(`dt[data-dogear-id="${cross}"]`)).toHaveAttribute('data-dogear-status', 'saved');
  await card(page, r.lastId!).locator('[data-dogear-action="read"]').click();
  await expect(page.locator(`dt[data-dogear-id="${r.lastId}"]`)).toHaveAttribute('data-dogear-status', 'read');
  const popup = await openPopup(context, extensionId);
  await expect(popup.locator('[data-dogear-item]')).toHaveCount(2);
  await expect(popup.locator(`[data-dogear-item="${cross}"]`)).toBeVisible();
});

test('keyword highlights in search titles (through the search-hit spans) and abstracts, and on catchup', async ({
  context,
  extensionId,
}) => {
  await setKeywords(context, extensionId, ['diffusion', 'score matching']);
  const search = await openListing(context, SEARCH);
  const painted = (page: Page, sel: string) =>
    page.evaluate((sel) => {
      const ranges = [...(CSS.highlights.get('dogear-keyword') ?? [])];
      return [...document.querySelectorAll(sel)].filter((el) => ranges.some((r) => el.contains(r.startContainer)))
        .length;
    }, sel);
  const titled = await search.evaluate(
    () =>
      [...document.querySelectorAll('li.arxiv-result p.title')].filter((p) => /diffusion/i.test(p.textContent!)).length,
  );
  expect(titled).toBeGreaterThan(2);
  await expect.poll(() => painted(search, 'li.arxiv-result p.title')).toBeGreaterThanOrEqual(titled);
  await expect(search.locator('li[data-dogear-id="2610.21005"]')).toHaveAttribute('data-dogear-matches', /^[2-9]/);

  const catchup = await openListing(context, CATCHUP);
  const listed = await catchup.evaluate(
    () =>
      [...document.querySelectorAll('dd .list-title')].filter((t) => /diffusion|score matching/i.test(t.textContent!))
        .length,
  );
  expect(listed).toBeGreaterThan(0);
  await expect.poll(() => painted(catchup, 'dd .list-title')).toBe(listed);
});

test('search abstracts: highlights follow the cut preview shown first and the full abstract after "More"', async ({
  context,
  extensionId,
}) => {
  await setKeywords(context, extensionId, ['single GPU']);
  const search = await openListing(context, SEARCH);
  const result = search.locator('li[data-dogear-id="2610.21000"]');
  /** Highlighted matches inside the result's element that the page shows right now. */
  const shown = () =>
    search.evaluate(() => {
      const li = document.querySelector('li[data-dogear-id="2610.21000"]')!;
      const ranges = [...(CSS.highlights.get('dogear-keyword') ?? [])];
      return [...li.querySelectorAll<HTMLElement>('span.abstract-short, span.abstract-full')]
        .filter((el) => el.offsetParent !== null)
        .map((el) => ({
          cls: el.className.split(' ')[0],
          hits: ranges.filter((r) => el.contains(r.startContainer)).length,
        }));
    });
  // Once in the title, twice in the abstract; the preview's two (its beginning, repeated) are not counted again.
  await expect(result).toHaveAttribute('data-dogear-matches', '3');
  await expect.poll(shown).toEqual([{ cls: 'abstract-short', hits: 2 }]);
  await result.locator('span.abstract-short a').click();
  await expect.poll(shown).toEqual([{ cls: 'abstract-full', hits: 2 }]);
  await expect(result).toHaveAttribute('data-dogear-matches', '3');
});

test('hostile text on search and catchup pages stays text, in the page and in the popup', async () => {
  const ext = await launchWithExtension({
    overrides: {
      'https://arxiv.org/search?query=diffusion&searchtype=all&source=header': 'hostile/arxiv-search-payloads.html',
      'https://arxiv.org/catchup/cs.LG/2026-10-26?abs=True': 'hostile/arxiv-catchup-payloads.html',
    },
  });
  try {
    for (const [url, file] of [
      [SEARCH, 'hostile/arxiv-search-payloads.html'],
      [CATCHUP, 'hostile/arxiv-catchup-payloads.html'],
    ] as const) {
      const page = await openListing(ext.context, url);
      const r = row(file);
      await expect(page.locator('html')).toHaveAttribute('data-dogear-count', String(r.entries));
      await card(page, r.firstId!).locator('[data-dogear-action="save"]').click();
      await expect(page.locator(`[data-dogear-id="${r.firstId}"]`)).toHaveAttribute('data-dogear-status', 'saved');
      expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    }
    const popup = await openPopup(ext.context, ext.extensionId);
    await expect(popup.locator('[data-dogear-item]')).toHaveCount(2);
    await expect(popup.locator('[data-dogear-item]').first()).toContainText('<img src=x onerror="window.__pwned=1">');
    expect(await popup.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(
      await popup
        .locator('[data-dogear-item] img[onerror], [data-dogear-item] svg[onload], [data-dogear-item] script')
        .count(),
    ).toBe(0);
  } finally {
    await ext.close();
  }
});

for (const scheme of ['light', 'dark'] as const) {
  test(`screenshot: annotated search results and catchup (${scheme})`, async () => {
    const ext = await launchWithExtension({ colorScheme: scheme });
    try {
      for (const [name, url, saved] of [
        ['search', SEARCH, '2610.21001'],
        ['catchup', CATCHUP, '2610.20301'],
      ] as const) {
        const page = await openListing(ext.context, url);
        await card(page, saved).locator('[data-dogear-action="save"]').click();
        await expect(page.locator(`[data-dogear-id="${saved}"]`)).toHaveAttribute('data-dogear-status', 'saved');
        await page.screenshot({ path: `${SCREENSHOT_DIR}/arxiv-${name}-${scheme}.png` });
      }
    } finally {
      await ext.close();
    }
  });
}
