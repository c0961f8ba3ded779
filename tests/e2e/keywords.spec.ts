import type { BrowserContext, Page } from '@playwright/test';
import { test, expect, openListing, card } from './fixtures';

const DAILY = 'https://huggingface.co/papers/date/2026-10-27';
const ARXIV_NEW = 'https://arxiv.org/list/cs.LG/new';
// Settings autosave after 250 ms, then travel background → storage mirror → content script: the
// first change of each test must show within a second. Later steps get slack for a busy machine.
const LIVE_MS = 1_000;
const SETTLE_MS = 3_000;

async function openOptions(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(page.locator('textarea[name="keywords"]')).toBeVisible();
  return page;
}

const highlightSize = (page: Page) => page.evaluate(() => CSS.highlights.get('dogear-keyword')?.size ?? 0);

/** Each range of the keyword highlight: its text and the tag name of the closest element matching `within` around it. */
function highlighted(page: Page, within = '*'): Promise<Array<{ text: string; inside: string | null }>> {
  return page.evaluate((within) => {
    const h = CSS.highlights.get('dogear-keyword');
    return [...(h ?? [])].map((r) => {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      const el = r.startContainer.parentElement?.closest(within);
      return { text: range.toString(), inside: el?.localName ?? null };
    });
  }, within);
}

/** Ids in the order a reader sees them: top to bottom, then left to right; hidden entries left out. */
function visualOrder(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((els) =>
    els
      .map((e) => ({ id: (e as HTMLElement).dataset.dogearId!, r: e.getBoundingClientRect() }))
      .filter(({ r }) => r.height > 0)
      .sort((a, b) => a.r.top - b.r.top || a.r.left - b.r.left)
      .map(({ id }) => id),
  );
}

async function setKeywords(options: Page, text: string) {
  await options.locator('textarea[name="keywords"]').fill(text);
}

async function addRule(
  options: Page,
  name: string,
  patterns: string,
  fields?: Array<'title' | 'abstract' | 'authors'>,
) {
  await options.locator('[data-dogear-action="add-rule"]').click();
  await options.locator('li.rule').last().locator('input[name="rule-name"]').fill(name);
  const named = options.locator(`li.rule[data-dogear-rule="${name}"]`);
  await named.locator('textarea[name="rule-patterns"]').fill(patterns);
  if (fields)
    for (const f of ['title', 'abstract', 'authors'] as const)
      await named.locator(`input[name="rule-field-${f}"]`).setChecked(fields.includes(f));
  return named;
}

test('keywords and tag rules set in the options page reach an already open HF listing within a second', async ({
  context,
  extensionId,
}) => {
  const listing = await openListing(context, DAILY);
  expect(await highlightSize(listing)).toBe(0);
  await expect(listing.locator('[data-dogear-matches]')).toHaveCount(0);
  const options = await openOptions(context, extensionId);

  const t0 = Date.now();
  await setKeywords(options, 'sparse attention\nTransformer*');
  await expect.poll(() => highlightSize(listing), { timeout: LIVE_MS }).toBe(4);
  console.log(`HF: keywords highlighted ${Date.now() - t0} ms after typing`);
  const ranges = await highlighted(listing, 'h3');
  // Titles: "Mixture-of-Experts Transformers …", "Sparse Attention Is …", "Towards Faithful Sparse Attention …", "Learning … Transformers with …".
  expect(ranges.map((r) => r.text).sort()).toEqual([
    'Sparse Attention',
    'Sparse Attention',
    'Transformers',
    'Transformers',
  ]);
  expect(ranges.every((r) => r.inside === 'h3')).toBe(true);
  // Abstracts count too, shown or not: 4 titles and 4 more abstracts from the page's data.
  for (const h3 of await listing
    .locator('article h3')
    .filter({ hasText: /sparse attention|transformers/i })
    .all())
    expect(
      Number(await h3.locator('xpath=ancestor::article').getAttribute('data-dogear-matches')),
    ).toBeGreaterThanOrEqual(1);
  await expect(listing.locator('article[data-dogear-matches="0"]')).toHaveCount(22);

  // Whole words by default ("Adaptive Token Pruning", "Last-Token"); switching "whole word" off also finds longer words.
  await setKeywords(options, 'Token');
  await expect
    .poll(async () => (await highlighted(listing)).map((r) => r.text), { timeout: SETTLE_MS })
    .toEqual(['Token', 'Token']);
  await options.locator('[data-dogear-keyword="Token"] [data-dogear-option="whole-word"]').click();
  await expect(options.locator('textarea[name="keywords"]')).toHaveValue('Token*');
  await expect
    .poll(async () => (await highlighted(listing)).map((r) => r.text).sort(), { timeout: SETTLE_MS })
    .toEqual(['Token', 'Token', 'Tokenizer', 'Tokenizers']);
  // Any case by default; "match case" on, "token" no longer finds "Token…".
  await setKeywords(options, 'token*');
  await expect.poll(() => highlightSize(listing), { timeout: SETTLE_MS }).toBe(4);
  await options.locator('[data-dogear-keyword="token"] [data-dogear-option="case"]').click();
  await expect(options.locator('textarea[name="keywords"]')).toHaveValue('"token"*');
  await expect.poll(() => highlightSize(listing), { timeout: SETTLE_MS }).toBe(0);

  // A tag rule: its chip appears in the overlays of matching entries, in the rule's colour.
  const t1 = Date.now();
  await addRule(options, 'agents', 'agent*');
  const chips = listing.locator('dogear-card [data-dogear-tag="agents"]');
  await expect(chips.first()).toBeAttached({ timeout: LIVE_MS });
  console.log(`HF: tag rule chip shown ${Date.now() - t1} ms after typing`);
  // Titles with Agent/Agents/Agentic (abstracts too: the island has them even where the card does not show them).
  expect(await chips.count()).toBeGreaterThanOrEqual(4);
  const color = await options.locator('li.rule[data-dogear-rule="agents"] input[type="color"]').inputValue();
  expect(await chips.first().evaluate((c) => getComputedStyle(c).getPropertyValue('--chip').trim())).toBe(color);

  // Deleting the rule and clearing the keywords takes everything away again.
  await options.locator('li.rule[data-dogear-rule="agents"] [data-dogear-action="delete-rule"]').click();
  await setKeywords(options, '');
  await expect(listing.locator('dogear-card [data-dogear-tag]')).toHaveCount(0, { timeout: SETTLE_MS });
  await expect.poll(() => highlightSize(listing), { timeout: SETTLE_MS }).toBe(0);
  await expect(listing.locator('[data-dogear-matches]')).toHaveCount(0);
});

test('arXiv /new: titles and abstracts are highlighted live, author rules tag entries', async ({
  context,
  extensionId,
}) => {
  const listing = await openListing(context, ARXIV_NEW);
  const options = await openOptions(context, extensionId);
  const t0 = Date.now();
  await setKeywords(options, 'reward model*\nlanguage models');
  await expect.poll(() => highlightSize(listing), { timeout: LIVE_MS }).toBeGreaterThan(0);
  console.log(`arXiv: keywords highlighted ${Date.now() - t0} ms after typing`);
  const ranges = await highlighted(listing, '.list-title, p.mathjax');
  expect(ranges.every((r) => /^(reward models?|language models)$/i.test(r.text))).toBe(true);
  // .list-title is a div, the abstract a p.
  expect(ranges.some((r) => r.inside === 'div')).toBe(true);
  expect(ranges.some((r) => r.inside === 'p')).toBe(true);
  // Every entry whose title says "Reward Model" counts at least one match.
  const titled = await listing
    .locator('dt[data-dogear-id]')
    .evaluateAll((dts) =>
      dts
        .filter((dt) => /reward model/i.test(dt.nextElementSibling?.querySelector('.list-title')?.textContent ?? ''))
        .map((dt) => (dt as HTMLElement).dataset.dogearMatches),
    );
  expect(titled.length).toBeGreaterThan(0);
  expect(titled.every((n) => Number(n) > 0)).toBe(true);

  // A rule over authors only: the first author of the first entry.
  const author = (await listing.locator('dd .list-authors a').first().textContent())!.trim();
  await addRule(options, 'watch', `"${author}"`, ['authors']);
  const first = (await listing.locator('dt[data-dogear-id]').first().getAttribute('data-dogear-id'))!;
  await expect(card(listing, first).locator('[data-dogear-tag="watch"]')).toHaveCount(1, { timeout: SETTLE_MS });
});

test('an invalid or unsafe pattern is reported in the options page and the listing keeps working', async ({
  context,
  extensionId,
}) => {
  const listing = await openListing(context, DAILY);
  const options = await openOptions(context, extensionId);
  await setKeywords(options, '/(unclosed/\n/(a+)+$/\nsparse attention');
  const errors = options.locator('[data-dogear-error]');
  await expect(errors).toHaveCount(2);
  await expect(options.locator('[data-dogear-keyword="/(unclosed/"] [data-dogear-error]')).toContainText(/./);
  await expect(options.locator('[data-dogear-keyword="/(a+)+$/"] [data-dogear-error]')).toContainText(/exponential/);
  await expect(options.locator('.save-state[role="status"]')).toContainText('2 patterns skipped');
  // The valid keyword still paints, and the overlay still works.
  await expect.poll(() => highlightSize(listing), { timeout: SETTLE_MS }).toBe(2);
  const id = (await listing.locator('article[data-dogear-id]').first().getAttribute('data-dogear-id'))!;
  await card(listing, id).locator('[data-dogear-action="save"]').click();
  await expect(listing.locator(`[data-dogear-id="${id}"]`)).toHaveAttribute('data-dogear-status', 'saved');
  // A bad tag-rule pattern is reported on its rule.
  const rule = await addRule(options, 'broken', '/[z-a]/');
  await expect(rule.locator('[data-dogear-error]')).toHaveCount(1);
  expect(listing.isClosed()).toBe(false);
});

for (const site of [
  {
    name: 'HF grid',
    url: DAILY,
    entries: 'article[data-dogear-id]',
    keywords: 'sparse attention\nTransformer*',
    matched: 8,
    total: 30,
  },
  {
    name: 'arXiv dl',
    url: ARXIV_NEW,
    entries: 'dt[data-dogear-id]',
    keywords: 'reward model*',
    matched: -1,
    total: 100,
  },
]) {
  test(`${site.name}: dim, hide and matching-first switch on and off, restoring the site's order exactly`, async ({
    context,
    extensionId,
  }) => {
    const listing = await openListing(context, site.url);
    const snapshot = () =>
      listing.evaluate(() => document.body.innerHTML.replace(/<dogear-card[\s\S]*?<\/dogear-card>/g, ''));
    const original = await visualOrder(listing, site.entries);
    expect(original).toHaveLength(site.total);
    const options = await openOptions(context, extensionId);
    await setKeywords(options, site.keywords);
    await expect(listing.locator(`${site.entries}[data-dogear-matches]`)).toHaveCount(site.total, {
      timeout: SETTLE_MS,
    });
    const matched = await listing
      .locator(`${site.entries}:not([data-dogear-matches="0"])`)
      .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.dogearId!));
    if (site.matched > 0) expect(matched).toHaveLength(site.matched);
    expect(matched.length).toBeGreaterThan(0);
    // The keyword-based scores follow the new keywords from the background: the page is settled once every entry has one.
    await expect(listing.locator(`${site.entries}[data-dogear-score]`)).toHaveCount(site.total, { timeout: SETTLE_MS });
    const before = await snapshot();

    // Matching first: matched entries lead, each group in the site's order; arXiv section headings stay on top of their list.
    await options.locator('input[name="matchesFirst"]').check();
    await expect(listing.locator('html')).toHaveAttribute('data-dogear-reordered', '', { timeout: SETTLE_MS });
    const reordered = await visualOrder(listing, site.entries);
    if (site.name === 'HF grid') {
      expect(reordered).toEqual([
        ...original.filter((id) => matched.includes(id)),
        ...original.filter((id) => !matched.includes(id)),
      ]);
    } else {
      const perList = await listing.locator('dl').evaluateAll((dls) =>
        dls.map((dl) => {
          const top = (e: Element | null) => e?.getBoundingClientRect().top ?? Infinity;
          const dts = [...dl.querySelectorAll('dt')].sort((a, b) => top(a) - top(b));
          return {
            headingFirst: top(dl.querySelector('h3')) < top(dts[0] ?? null),
            ids: dts.map((d) => (d as HTMLElement).dataset.dogearId!),
          };
        }),
      );
      for (const { headingFirst, ids } of perList) {
        expect(headingFirst).toBe(true);
        const inList = original.filter((id) => ids.includes(id));
        expect(ids).toEqual([
          ...inList.filter((id) => matched.includes(id)),
          ...inList.filter((id) => !matched.includes(id)),
        ]);
        // Each dd still follows its dt on screen.
      }
      const pairs = await listing.locator('dt[data-dogear-id]').evaluateAll((dts) =>
        dts.every((dt) => {
          const dd = dt.nextElementSibling!;
          return Math.abs(dd.getBoundingClientRect().top - dt.getBoundingClientRect().bottom) < 40;
        }),
      );
      expect(pairs).toBe(true);
    }

    // Dim, then hide, the entries without a match.
    await options.locator('input[name="unmatched"][value="dim"]').check();
    await expect(listing.locator(`${site.entries}[data-dogear-dim]`)).toHaveCount(site.total - matched.length, {
      timeout: SETTLE_MS,
    });
    await options.locator('input[name="unmatched"][value="hide"]').check();
    await expect
      .poll(() => visualOrder(listing, site.entries), { timeout: SETTLE_MS })
      .toEqual(reordered.filter((id) => matched.includes(id)));
    await expect(listing.locator(`${site.entries}[data-dogear-dim]`)).toHaveCount(0);

    // Everything off: the page is exactly as it was, in the site's order.
    await options.locator('input[name="unmatched"][value="show"]').check();
    await options.locator('input[name="matchesFirst"]').uncheck();
    await expect(listing.locator('html')).not.toHaveAttribute('data-dogear-reordered', /.*/, { timeout: SETTLE_MS });
    await expect.poll(() => visualOrder(listing, site.entries)).toEqual(original);
    await expect(
      listing.locator('[data-dogear-hidden], [data-dogear-dim], [data-dogear-order], [data-dogear-flex]'),
    ).toHaveCount(0);
    expect(await snapshot()).toBe(before);
  });
}

test('a user tag is added and removed from the overlay; the paper is saved with it', async ({ context }) => {
  const listing = await openListing(context, DAILY);
  const id = (await listing.locator('article[data-dogear-id]').nth(2).getAttribute('data-dogear-id'))!;
  const overlay = card(listing, id);
  await overlay.locator('[data-dogear-action="tag"]').click();
  const input = overlay.getByLabel('New tag');
  await input.fill('to-discuss');
  await input.press('Enter');
  await expect(overlay.locator('[data-dogear-tag="to-discuss"]')).toHaveCount(1);
  await expect(listing.locator(`[data-dogear-id="${id}"]`)).toHaveAttribute('data-dogear-status', 'saved');
  // A second tab, already open, shows the tag too: it went through the store.
  const other = await openListing(context, DAILY);
  await expect(card(other, id).locator('[data-dogear-tag="to-discuss"]')).toHaveCount(1);

  await overlay.getByRole('button', { name: 'Remove tag to-discuss' }).click();
  await expect(overlay.locator('[data-dogear-tag="to-discuss"]')).toHaveCount(0);
  await expect(card(other, id).locator('[data-dogear-tag="to-discuss"]')).toHaveCount(0);
  await expect(listing.locator(`[data-dogear-id="${id}"]`)).toHaveAttribute('data-dogear-status', 'saved');
});

test('entries are marked new on the first visit and still after a reload', async ({ context }) => {
  const listing = await openListing(context, DAILY);
  await expect(listing.locator('article[data-dogear-new]')).toHaveCount(30);
  await expect(card(listing, '2610.22092').locator('.new')).toHaveText('new');
  await listing.reload();
  await listing.waitForSelector('html[data-dogear="ready"]');
  await expect(listing.locator('article[data-dogear-new]')).toHaveCount(30);
});
