import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect, openListing, card, openPopup, launchWithExtension, SCREENSHOT_DIR } from './fixtures';
import { bucketKey, bucketOf, decodeBucket, encodeEntry, INDEX_PREFIX, type Entry } from '../../lib/sync/codec';
import { SETTINGS_PREFIX } from '../../lib/sync/settings';
import { BUDGET, SYNC_QUOTA, itemBytes } from '../../lib/sync/quota';

/**
 * `storage.sync` in the test Chromium: launched with `--disable-sync` and no
 * signed-in profile, the browser keeps the area locally, with the same API and
 * change events, which is all Dogear's side needs. Another device's change is
 * simulated by writing into the area from an extension page, as the browser's
 * sync would on arrival.
 */

const DAILY = 'https://huggingface.co/papers/date/2026-10-27';
// A local change waits two seconds for more before it is written; a busy machine gets slack.
const SYNC_MS = 15_000;

type Area = Record<string, unknown>;
// Only what these tests call; the extension pages have the full API.
declare const chrome: { storage: { sync: { get(keys: null): Promise<Area>; set(items: Area): Promise<void> } } };

function syncArea(extPage: Page): Promise<Area> {
  return extPage.evaluate(() => chrome.storage.sync.get(null));
}

function writeSync(extPage: Page, items: Area): Promise<void> {
  return extPage.evaluate((items) => chrome.storage.sync.set(items), items);
}

/** The index entries in the area, by id. */
function indexOf(area: Area) {
  const out = new Map<string, Entry>();
  for (const [key, value] of Object.entries(area)) {
    if (!key.startsWith(INDEX_PREFIX)) continue;
    const entries = decodeBucket(parseInt(key.slice(INDEX_PREFIX.length), 16), value, Date.now());
    if (typeof entries === 'string') throw new Error(`${key}: ${entries}`);
    for (const e of entries) out.set(e.id, e);
  }
  return out;
}

async function listingIds(page: Page, n: number): Promise<string[]> {
  return page
    .locator('article[data-dogear-id]')
    .evaluateAll((els, k) => els.slice(0, k).map((e) => (e as HTMLElement).dataset.dogearId!), n);
}

async function save(page: Page, id: string) {
  await card(page, id).locator('[data-dogear-action="save"]').click();
  await expect(page.locator(`[data-dogear-id="${id}"]`)).toHaveAttribute('data-dogear-status', 'saved');
}

async function openOptions(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html#sync`);
  await expect(page.locator('#sync [data-dogear-sync="summary"]')).toBeVisible();
  return page;
}

test('a change made in the popup reaches storage.sync in compact keys inside every quota', async ({
  context,
  extensionId,
}) => {
  const listing = await openListing(context, DAILY);
  const [a, b] = (await listingIds(listing, 2)) as [string, string];
  await save(listing, a);
  await save(listing, b);
  const popup = await openPopup(context, extensionId);
  const row = popup.locator(`[data-dogear-item="${a}"]`);
  await row.locator('[data-dogear-action="read"]').click();
  await expect(row.locator('[data-dogear-action="read"]')).toHaveAttribute('aria-pressed', 'true');

  await expect.poll(async () => indexOf(await syncArea(popup)).get(a)?.status, { timeout: SYNC_MS }).toBe('read');
  const area = await syncArea(popup);
  const index = indexOf(area);
  expect(index.get(b)).toMatchObject({ status: 'saved', tags: [] });
  // Papers still to read carry their title; read ones do not.
  expect(index.get(b)?.title).toBeTruthy();
  expect(index.get(a)?.title).toBeUndefined();
  expect(area[bucketKey(bucketOf(a))]).toContain(`${a}|r`);
  // Only Dogear's keys, each and all together well inside the browser's limits; notes never in it.
  const keys = Object.keys(area);
  expect(keys.every((k) => k.startsWith(INDEX_PREFIX) || k.startsWith(SETTINGS_PREFIX))).toBe(true);
  expect(keys.length).toBeLessThanOrEqual(SYNC_QUOTA.maxItems);
  for (const k of keys) expect(itemBytes(k, area[k])).toBeLessThanOrEqual(BUDGET.perKey);
  expect(keys.reduce((n, k) => n + itemBytes(k, area[k]), 0)).toBeLessThan(SYNC_QUOTA.bytes);
  expect(JSON.stringify(area)).not.toContain('note');
});

test('another device’s paper and keyword arrive on the open listing and in the popup', async ({
  context,
  extensionId,
}) => {
  const listing = await openListing(context, DAILY);
  const [mine, theirs] = (await listingIds(listing, 2)) as [string, string];
  await save(listing, mine);
  const popup = await openPopup(context, extensionId);
  await expect(popup.locator('[data-dogear-item]')).toHaveCount(1);
  // Wait until this device's own write is in, so the foreign one is written over a settled area.
  await expect.poll(async () => indexOf(await syncArea(popup)).has(mine), { timeout: SYNC_MS }).toBe(true);

  // The other device saved `theirs` and tagged it; its entry lands in its bucket next to what is there.
  const now = Date.now();
  const key = bucketKey(bucketOf(theirs));
  const before = (await syncArea(popup))[key];
  const entry = encodeEntry({
    id: theirs,
    status: 'saved',
    t: now,
    tags: ['from-laptop'],
    savedAt: Math.floor(now / 1000) * 1000,
    title: 'Saved on the laptop',
  });
  await writeSync(popup, { [key]: typeof before === 'string' && before ? `${before};${entry}` : entry });

  await expect(listing.locator(`[data-dogear-id="${theirs}"]`)).toHaveAttribute('data-dogear-status', 'saved', {
    timeout: SYNC_MS,
  });
  await expect(card(listing, theirs).locator('[data-dogear-tag="from-laptop"]')).toHaveCount(1);
  const row = popup.locator(`[data-dogear-item="${theirs}"]`);
  await expect(row).toBeVisible({ timeout: SYNC_MS });
  await expect(popup.locator('[data-dogear-item]')).toHaveCount(2);
  await expect(row.locator('[data-dogear-tag="from-laptop"]')).toBeVisible();
  // This device's own paper is still there, unchanged.
  await expect(listing.locator(`[data-dogear-id="${mine}"]`)).toHaveAttribute('data-dogear-status', 'saved');

  // A keyword set on the other device highlights on the open listing like a local edit.
  const highlights = () => listing.evaluate(() => CSS.highlights.get('dogear-keyword')?.size ?? 0);
  expect(await highlights()).toBe(0);
  await writeSync(popup, {
    [`${SETTINGS_PREFIX}keywords`]: [Date.now(), [{ pattern: 'Report', caseSensitive: false, wholeWord: true }]],
  });
  await expect.poll(highlights, { timeout: SYNC_MS }).toBeGreaterThan(0);
});

test('a hostile sync area changes nothing, is reported in the options page, and is written over', async ({
  context,
  extensionId,
}) => {
  const listing = await openListing(context, DAILY);
  const [mine, other] = (await listingIds(listing, 2)) as [string, string];
  await save(listing, mine);
  const options = await openOptions(context, extensionId);
  await expect.poll(async () => indexOf(await syncArea(options)).has(mine), { timeout: SYNC_MS }).toBe(true);
  const key = bucketKey(bucketOf(other));
  await writeSync(options, {
    [key]: `${other}|s1|1|<img src=x onerror=alert(1)>`,
    [`${SETTINGS_PREFIX}keywords`]: [Date.now(), 'not a list'],
  });
  await expect(options.locator('[data-dogear-sync="error"]')).toContainText('Refused', { timeout: SYNC_MS });
  await expect(listing.locator(`[data-dogear-id="${other}"]`)).not.toHaveAttribute('data-dogear-status', /./);
  // Dogear writes its own copy over the bad keys; after that the area reads cleanly again.
  await expect
    .poll(async () => (await syncArea(options))[`${SETTINGS_PREFIX}keywords`], { timeout: SYNC_MS })
    .toEqual([expect.any(Number), []]);
  await expect.poll(async () => indexOf(await syncArea(options)).has(mine), { timeout: SYNC_MS }).toBe(true);
});

test('the options page shows what syncs; switching each off removes Dogear’s keys of that kind', async ({
  context,
  extensionId,
}) => {
  const listing = await openListing(context, DAILY);
  for (const id of await listingIds(listing, 3)) await save(listing, id);
  const options = await openOptions(context, extensionId);
  const summary = options.locator('[data-dogear-sync="summary"]');
  await expect(summary).toContainText('3 of 3 papers sync; notes never do.', { timeout: SYNC_MS });
  await expect(options.locator('[data-dogear-sync="last"]')).not.toContainText('Not yet');
  await expect(options.locator('[data-dogear-sync="quota"]')).toContainText('KB of 100.0 KB');
  const area = await syncArea(options);
  expect(Object.keys(area).some((k) => k.startsWith(INDEX_PREFIX))).toBe(true);
  expect(Object.keys(area).some((k) => k.startsWith(SETTINGS_PREFIX))).toBe(true);

  await options.locator('input[data-dogear-sync="index"]').uncheck();
  await expect(summary).toContainText('Not synced');
  await expect
    .poll(async () => Object.keys(await syncArea(options)).filter((k) => k.startsWith(INDEX_PREFIX)), {
      timeout: SYNC_MS,
    })
    .toEqual([]);
  await options.locator('input[data-dogear-sync="settings"]').uncheck();
  await expect.poll(async () => Object.keys(await syncArea(options)), { timeout: SYNC_MS }).toEqual([]);
  // Off stays off: another local change writes nothing to sync.
  const [, , , fourth] = (await listingIds(listing, 4)) as string[];
  await save(listing, fourth!);
  await options.waitForTimeout(3_000);
  expect(await syncArea(options)).toEqual({});
  // The library itself is untouched by switching sync off.
  await expect(listing.locator('[data-dogear-status="saved"]')).toHaveCount(4);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`screenshot of the options Sync section, ${colorScheme}`, async () => {
    const ext = await launchWithExtension({ colorScheme });
    try {
      const listing = await openListing(ext.context, DAILY);
      for (const id of await listingIds(listing, 4)) await save(listing, id);
      const options = await openOptions(ext.context, ext.extensionId);
      await expect(options.locator('[data-dogear-sync="summary"]')).toContainText('4 of 4 papers sync', {
        timeout: SYNC_MS,
      });
      await expect(options.locator('[data-dogear-sync="last"]')).not.toContainText('Not yet');
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      await options.locator('#sync').screenshot({ path: `${SCREENSHOT_DIR}/options-sync-${colorScheme}.png` });
    } finally {
      await ext.close();
    }
  });
}
