import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, openListing, card, openPopup, launchWithExtension, setKeywords, drawAll } from './fixtures';
import { FIXTURE_MANIFEST } from '../support/fixture-manifest';

const NEW = 'https://arxiv.org/list/cs.LG/new';
const RECENT = 'https://arxiv.org/list/cs.CL/recent?skip=0&show=250';
const ABS = 'https://arxiv.org/abs/2610.22702';

const row = (url: string) => FIXTURE_MANIFEST.find((r) => r.url === url)!;

/** Ids of the annotated entries in page order. */
const annotatedIds = (page: Page) =>
  page.locator('dt[data-dogear-id]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.dogearId!));

/** Every `dt` holds exactly one overlay, as its own child, and nothing else on the page does. */
async function expectOneInlineCardPerDt(page: Page, n: number) {
  const shape = await page.evaluate(() => ({
    dts: document.querySelectorAll('dt').length,
    annotated: document.querySelectorAll('dt[data-dogear-id]').length,
    cards: document.querySelectorAll('dogear-card').length,
    perDt: [...document.querySelectorAll('dt')].filter((dt) => dt.querySelectorAll(':scope > dogear-card').length !== 1)
      .length,
    inline: document.querySelectorAll('dt > dogear-card[data-layout="inline"]').length,
  }));
  expect(shape).toEqual({ dts: n, annotated: n, cards: n, perDt: 0, inline: n });
}

test('/new: one inline overlay per dt in all three sections, in page order', async ({ context }) => {
  const page = await openListing(context, NEW);
  await drawAll(page);
  const { entries, firstId, lastId } = row(NEW);
  await expect(page.locator('html')).toHaveAttribute('data-dogear-count', String(entries));
  expect(entries).toBe(100);
  // Three lists share id="articles": every one of them is annotated.
  await expect(page.locator('dl[id="articles"]')).toHaveCount(3);
  for (const [i, n] of [
    [0, 60],
    [1, 20],
    [2, 20],
  ] as const)
    await expect(page.locator('dl[id="articles"]').nth(i).locator(':scope > dt[data-dogear-id]')).toHaveCount(n);
  await expectOneInlineCardPerDt(page, entries);
  const ids = await annotatedIds(page);
  expect(ids[0]).toBe(firstId);
  expect(ids.at(-1)).toBe(lastId);
  expect(new Set(ids).size).toBe(entries);
  // The overlay follows "[pdf, html, other]" on the dt's own line, and the dd is untouched.
  const dt = page.locator(`dt[data-dogear-id="${firstId}"]`);
  const links = await dt.locator('a[title="Other formats"], a[title="View HTML"]').last().boundingBox();
  const overlay = await dt.locator('dogear-card').boundingBox();
  expect(overlay!.x).toBeGreaterThan(links!.x + links!.width);
  expect(Math.abs(overlay!.y + overlay!.height / 2 - (links!.y + links!.height / 2))).toBeLessThan(6);
  await expect(page.locator('dd dogear-card')).toHaveCount(0);
  // Saving works from any section (the ids in the dt's link are not valid CSS ids: "#2610…").
  const cross = '2610.22889';
  await card(page, cross).locator('[data-dogear-action="save"]').click();
  await expect(page.locator(`dt[data-dogear-id="${cross}"]`)).toHaveAttribute('data-dogear-status', 'saved');
});

test('/recent: 250 entries over three days, without abstracts', async ({ context }) => {
  const page = await openListing(context, RECENT);
  const { entries, firstId, lastId } = row(RECENT);
  expect(entries).toBe(250);
  await expect(page.locator('html')).toHaveAttribute('data-dogear-count', '250');
  await expectOneInlineCardPerDt(page, 250);
  const ids = await annotatedIds(page);
  expect([ids[0], ids.at(-1)]).toEqual([firstId, lastId]);
  await expect(page.locator('p.mathjax')).toHaveCount(0);
});

test('/pastweek and /new with skip/show are listings too', async () => {
  const ext = await launchWithExtension({
    overrides: {
      'https://arxiv.org/list/cs.CL/pastweek?skip=25&show=25': 'arxiv/list-cs.CL-recent.html',
      'https://arxiv.org/list/cs.LG/new?skip=0&show=2000': 'arxiv/list-cs.LG-new.html',
    },
  });
  try {
    const week = await openListing(ext.context, 'https://arxiv.org/list/cs.CL/pastweek?skip=25&show=25');
    await expect(week.locator('html')).toHaveAttribute('data-dogear-count', '250');
    const all = await openListing(ext.context, 'https://arxiv.org/list/cs.LG/new?skip=0&show=2000');
    await expectOneInlineCardPerDt(all, 100);
  } finally {
    await ext.close();
  }
});

// Entries whose title and abstract match the keywords, in each of the three sections of /new;
// 2610.23444 has `$\ell_1$` in its title, which MathJax typesets.
const TYPESET = ['2610.22767', '2610.23444', '2610.23049', '2505.21407'];

test('keywords and tag chips; highlights and overlays survive MathJax re-rendering', async ({
  context,
  extensionId,
}) => {
  await setKeywords(context, extensionId, ['diffusion', 'reasoning', 'reward models'], {
    name: 'theory',
    pattern: 'geometry',
  });
  const page = await openListing(context, NEW);
  await drawAll(page);

  // Tag chips: exactly the entries whose text says "geometry".
  const geometry = await page.evaluate(() =>
    [...document.querySelectorAll('dt[data-dogear-id]')]
      .filter((dt) => /\bgeometry\b/i.test(dt.nextElementSibling?.textContent ?? ''))
      .map((dt) => (dt as HTMLElement).dataset.dogearId),
  );
  expect(geometry.length).toBeGreaterThan(1);
  for (const id of geometry) await expect(card(page, id!).locator('[data-dogear-tag="theory"]')).toHaveCount(1);
  await expect(page.locator('dogear-card [data-dogear-tag="theory"]')).toHaveCount(geometry.length);

  // Highlights in titles and abstracts of every section.
  const before = await paintedIn(page, TYPESET);
  for (const id of TYPESET) {
    expect(before[id]!.title, `title of ${id}`).toBeGreaterThan(0);
    expect(before[id]!.abstract, `abstract of ${id}`).toBeGreaterThan(0);
  }

  // MathJax (not run offline) replaces the children of typeset elements with new nodes: the same
  // text, `$…$` turned into rendered glyphs beside the TeX source, and its own output spans.
  await page.evaluate((ids) => {
    const span = (text: string) => {
      const s = document.createElement('span');
      s.className = 'MathJax';
      s.textContent = text;
      return s;
    };
    for (const id of ids) {
      const dd = document.querySelector(`dt[data-dogear-id="${id}"]`)!.nextElementSibling!;
      for (const el of dd.querySelectorAll('.list-title, p.mathjax')) {
        const fresh = [...el.childNodes].flatMap((n): Node[] => {
          if (n.nodeType !== Node.TEXT_NODE) return [n.cloneNode(true)];
          return (n as Text).data.split(/\$([^$]+)\$/).map((part, i) => {
            if (i % 2 === 0) return document.createTextNode(part);
            const tex = document.createElement('script');
            tex.type = 'math/tex';
            tex.textContent = part;
            const typeset = new DocumentFragment();
            typeset.append(span(part), tex);
            return typeset;
          });
        });
        el.replaceChildren(...fresh, span(''));
      }
    }
  }, TYPESET);
  await expect(page.locator('dt[data-dogear-id="2610.23444"] + dd .list-title script[type="math/tex"]')).toHaveCount(1);

  // Repainted on the new text nodes: the same matches, none left on the detached ones.
  await expect.poll(() => paintedIn(page, TYPESET)).toEqual(before);
  expect(
    await page.evaluate(() => [...CSS.highlights.get('dogear-keyword')!].every((r) => r.startContainer.isConnected)),
  ).toBe(true);
  await expectOneInlineCardPerDt(page, 100);
  for (const id of TYPESET)
    await expect(page.locator(`dt[data-dogear-id="${id}"]`)).toHaveAttribute('data-dogear-matches', /^[1-9]/);
});

/** Highlight ranges over connected text in each entry's title and abstract. */
function paintedIn(page: Page, ids: string[]) {
  return page.evaluate((ids) => {
    const ranges = [...(CSS.highlights.get('dogear-keyword') ?? [])].filter((r) => r.startContainer.isConnected);
    const inside = (el: Element | null) => ranges.filter((r) => el?.contains(r.startContainer)).length;
    return Object.fromEntries(
      ids.map((id) => {
        const dd = document.querySelector(`dt[data-dogear-id="${id}"]`)!.nextElementSibling!;
        return [
          id,
          { title: inside(dd.querySelector('.list-title')), abstract: inside(dd.querySelector('p.mathjax')) },
        ];
      }),
    );
  }, ids);
}

test('saved entries keep their primary class: BibTeX of a new, a cross-listed and a replaced entry', async ({
  context,
  extensionId,
}, info) => {
  const page = await openListing(context, NEW);
  await drawAll(page);
  const saved = { '2610.22702': 'cs.LG', '2610.22889': 'physics.comp-ph', '1706.03762': 'cs.CL' };
  for (const id of Object.keys(saved)) {
    await card(page, id).locator('[data-dogear-action="save"]').click();
    await expect(page.locator(`dt[data-dogear-id="${id}"]`)).toHaveAttribute('data-dogear-status', 'saved');
  }
  const popup = await openPopup(context, extensionId);
  await expect(popup.locator('[data-dogear-item]')).toHaveCount(3);
  const [dl] = await Promise.all([
    popup.waitForEvent('download'),
    popup.locator('[data-dogear-action="export"][data-format="bibtex"]').click(),
  ]);
  const file = info.outputPath('list.bib');
  await dl.saveAs(file);
  const entries = readFileSync(file, 'utf8').split(/\n(?=@misc\{)/);
  expect(entries).toHaveLength(3);
  for (const [id, primary] of Object.entries(saved)) {
    const entry = entries.find((e) => e.includes(`eprint = {${id}}`));
    expect(entry, id).toContain(`primaryClass = {${primary}}`);
  }
});

test('single paper pages: one overlay with the canonical id; the listing follows a save on the abs page', async ({
  context,
  extensionId,
}) => {
  const pages = [
    [ABS, '2610.22702'],
    ['https://arxiv.org/abs/hep-th/9901001v2', 'hep-th/9901001'],
    ['https://arxiv.org/html/2610.23241v1', '2610.23241'],
  ] as const;
  for (const [url, id] of pages) {
    const page = await openListing(context, url);
    await expect(page.locator('html')).toHaveAttribute('data-dogear-count', '1');
    await expect(page.locator('dogear-card')).toHaveCount(1);
    await expect(page.locator('[data-dogear-id]')).toHaveCount(1);
    await expect(page.locator(`[data-dogear-id="${id}"] dogear-card`)).toHaveCount(1);
    await card(page, id).locator('[data-dogear-action="save"]').click();
    await expect(card(page, id).locator('[data-dogear-action="save"]')).toHaveAttribute('aria-pressed', 'true');
    await page.close();
  }
  // Saved without versions: the listing shows both new-style papers as saved.
  const listing = await openListing(context, NEW);
  await drawAll(listing);
  for (const id of ['2610.22702', '2610.23241']) {
    await expect(listing.locator(`dt[data-dogear-id="${id}"]`)).toHaveAttribute('data-dogear-status', 'saved');
    await expect(card(listing, id).locator('[data-dogear-action="save"]')).toHaveAttribute('aria-pressed', 'true');
  }
  const popup = await openPopup(context, extensionId);
  await expect(popup.locator('[data-dogear-item]')).toHaveCount(3);
  await expect(popup.locator('[data-dogear-item="hep-th/9901001"]')).toContainText('Moduli Space');
});

// Screenshots for the docs: `DOGEAR_SCREENSHOTS=1 npx playwright test tests/e2e/arxiv.spec.ts -g screenshots`.
test('screenshots: arXiv /new and abs page', async () => {
  test.skip(!process.env.DOGEAR_SCREENSHOTS, 'set DOGEAR_SCREENSHOTS=1 to refresh docs/screenshots');
  const ext = await launchWithExtension();
  const dir = path.resolve('docs/screenshots');
  mkdirSync(dir, { recursive: true });
  try {
    await setKeywords(ext.context, ext.extensionId, ['diffusion', 'reasoning', 'reward models'], {
      name: 'theory',
      pattern: 'geometry',
    });
    const page = await openListing(ext.context, NEW);
    await card(page, '2610.22702').locator('[data-dogear-action="save"]').click();
    await card(page, '2610.22999').locator('[data-dogear-action="read"]').click();
    await expect(page.locator('dt[data-dogear-id="2610.22999"]')).toHaveAttribute('data-dogear-status', 'read');
    await expect(card(page, '2610.23444').locator('[data-dogear-tag="theory"]')).toBeVisible();
    // No stand-in stylesheet for arXiv: its unstyled header icons fill the first screens, so shoot
    // entries 12-14 (saved, read, tagged by the rule).
    await page.screenshot({
      path: path.join(dir, 'arxiv-new.png'),
      fullPage: true,
      clip: await entriesClip(page, 'dt', 11, 3),
    });
    const abs = await openListing(ext.context, ABS);
    // Saved on the listing above.
    await expect(card(abs, '2610.22702').locator('[data-dogear-action="save"]')).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await abs.screenshot({
      path: path.join(dir, 'arxiv-abs.png'),
      fullPage: true,
      clip: await entriesClip(abs, '#abs', 0, 1),
    });
  } finally {
    await ext.close();
  }
});

/** Page-coordinate box from the `from`-th match of `selector` down to the end of the `count`-th entry. */
function entriesClip(page: Page, selector: string, from: number, count: number) {
  return page.evaluate(
    ([selector, from, count]) => {
      const els = [...document.querySelectorAll(selector)];
      const top = els[from]!.getBoundingClientRect().top + scrollY;
      const last = els[from + count - 1]!;
      const end = (last.localName === 'dt' ? last.nextElementSibling! : last).getBoundingClientRect().bottom + scrollY;
      return { x: 0, y: Math.max(0, top - 4), width: innerWidth, height: Math.min(end - top + 16, 900) };
    },
    [selector, from, count] as const,
  );
}
