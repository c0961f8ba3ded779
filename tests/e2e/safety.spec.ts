import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import { stateKey } from '../../lib/mirror';
import { test, expect, openListing, card, openPopup } from './fixtures';

/**
 * Data safety end to end: the service worker stopped between and during
 * operations (through the DevTools protocol), first paint from the storage
 * mirror without the worker, and backups listed, restored and downloaded in
 * the options page.
 */

const DAILY = 'https://huggingface.co/papers/date/2026-10-27';

// The worker's `chrome` API, used inside worker.evaluate: the tests' tsconfig carries no types for it.
declare const chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };

/**
 * Stops every service worker of the profile, as Chrome does to an idle extension, and waits until
 * ours reports `stopped` (Playwright keeps listing a stopped worker, so the protocol's events tell).
 */
async function stopWorker(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  const stopped = new Promise<void>((resolve) =>
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      if (versions.some((v) => v.scriptURL.endsWith('/background.js') && v.runningStatus === 'stopped')) resolve();
    }),
  );
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
  await cdp.detach();
}

/** The paper's status in IndexedDB, read in an extension page (null when not in the store). */
function storedStatus(extPage: Page, id: string): Promise<string | null> {
  return extPage.evaluate(
    (pid) =>
      new Promise<string | null>((resolve, reject) => {
        const open = indexedDB.open('dogear');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const get = db.transaction('papers').objectStore('papers').get(pid);
          get.onsuccess = () => (resolve((get.result as { status?: string } | undefined)?.status ?? null), db.close());
          get.onerror = () => reject(get.error);
        };
      }),
    id,
  );
}

const ids = (page: Page, n: number) =>
  page
    .locator('article[data-dogear-id]')
    .evaluateAll((els, k) => els.slice(0, k).map((e) => (e as HTMLElement).dataset.dogearId!), n);

test('a stopped worker wakes for a click on a listing and saves', async ({ context, extensionId }) => {
  const page = await openListing(context, DAILY);
  const [a, b] = (await ids(page, 2)) as [string, string];
  await stopWorker(context, page);

  await card(page, a).locator('[data-dogear-action="save"]').click();
  await expect(card(page, a).locator('[data-dogear-action="save"]')).toHaveAttribute('aria-pressed', 'true');
  await expect(card(page, a).locator('[role="alert"]')).toHaveCount(0);
  // Saved, not only shown: the next stop must come between two operations, not in the middle of this one.
  const ext = await openPopup(context, extensionId);
  await expect.poll(() => storedStatus(ext, a)).toBe('saved');

  // Stopped again between two operations of the same kind: still nothing lost.
  await stopWorker(context, page);
  await card(page, b).locator('[data-dogear-action="read"]').click();
  await expect(page.locator(`[data-dogear-id="${b}"]`)).toHaveAttribute('data-dogear-status', 'read');

  await expect.poll(() => storedStatus(ext, a)).toBe('saved');
  await expect.poll(() => storedStatus(ext, b)).toBe('read');
  await expect(ext.locator('[data-dogear-item]')).toHaveCount(2);
});

test('a newly opened listing paints saved states from the mirror while the worker is busy or stopped', async ({
  context,
  ext,
}) => {
  const page = await openListing(context, DAILY);
  const [a] = (await ids(page, 1)) as [string];
  await card(page, a).locator('[data-dogear-action="save"]').click();
  await expect(page.locator(`[data-dogear-id="${a}"]`)).toHaveAttribute('data-dogear-status', 'saved');
  // The newest worker object is the live one (Playwright keeps the ones Chrome has stopped).
  const worker = context.serviceWorkers().at(-1) ?? ext.worker;
  // In the mirror, not only shown: the click's message leaves the page once its frame is painted, and
  // the worker blocked before it arrives would have nothing to paint from.
  await expect
    .poll(() => worker.evaluate((key) => chrome.storage.local.get(key).then((r) => key in r), stateKey(a)))
    .toBe(true);

  // Busy: the worker's thread is blocked; the new page must be painted before it is free again.
  // The block outlasts a page load on a loaded machine (a clean-clone CI run once needed 8.4 s, the
  // busy worker itself taking one of the two cores), so only a paint that waited for the worker fails.
  const BLOCK_MS = 20_000;
  const blocked = worker.evaluate((ms) => {
    const end = Date.now() + ms;
    while (Date.now() < end);
    return Date.now();
  }, BLOCK_MS);
  const busy = await context.newPage();
  await busy.goto(DAILY);
  await busy.waitForSelector(`html[data-dogear="ready"] [data-dogear-id="${a}"][data-dogear-status="saved"]`, {
    timeout: BLOCK_MS,
  });
  const paintedAt = Date.now();
  expect(paintedAt).toBeLessThan(await blocked);

  // Stopped: the content script reads storage.local, which needs no worker.
  await stopWorker(context, page);
  const fresh = await openListing(context, DAILY);
  await expect(fresh.locator(`[data-dogear-id="${a}"]`)).toHaveAttribute('data-dogear-status', 'saved');
  await expect(card(fresh, a).locator('[data-dogear-action="save"]')).toHaveAttribute('aria-pressed', 'true');
});

test('a worker stopped in the middle of saves leaves every overlay equal to the store, and the next click works', async ({
  context,
  extensionId,
}) => {
  const page = await openListing(context, DAILY);
  const list = await ids(page, 6);
  const ext = await openPopup(context, extensionId);
  for (const id of list) {
    // The click and the stop race: the save lands before the worker dies, or not at all.
    await Promise.all([
      card(page, id).locator('[data-dogear-action="save"]').click(),
      stopWorker(context, page).catch(() => {}),
    ]);
    const overlay = () => page.locator(`[data-dogear-id="${id}"]`).getAttribute('data-dogear-status');
    await expect.poll(async () => (await overlay()) === (await storedStatus(ext, id)), { timeout: 15_000 }).toBe(true);
    if ((await storedStatus(ext, id)) !== 'saved') {
      // The overlay said so (an error, not a silent loss); a second click saves it.
      await card(page, id).locator('[data-dogear-action="save"]').click();
      await expect.poll(() => storedStatus(ext, id)).toBe('saved');
    }
    await expect(page.locator(`[data-dogear-id="${id}"]`)).toHaveAttribute('data-dogear-status', 'saved');
  }
  await expect(ext.locator('[data-dogear-item]')).toHaveCount(list.length);
});

test('options: backups are listed, downloaded and restored; a restore can itself be undone', async ({
  context,
  extensionId,
}, info) => {
  const page = await openListing(context, DAILY);
  const list = (await ids(page, 3)) as [string, string, string];
  for (const id of list) {
    await card(page, id).locator('[data-dogear-action="save"]').click();
    await expect(page.locator(`[data-dogear-id="${id}"]`)).toHaveAttribute('data-dogear-status', 'saved');
  }
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const data = options.locator('#data');
  await expect(data.locator('[data-dogear-persisted]')).toBeAttached();

  await data.locator('[data-dogear-action="backup-now"]').click();
  // The first change of a fresh install also took the first daily backup.
  const rows = data.locator('[data-dogear-backup]').filter({ hasText: 'Taken by you' });
  await expect(rows).toHaveCount(1);
  await expect(rows.locator('td').nth(2)).toHaveText('3');

  // Download: our JSON export format, so it can be imported anywhere.
  const [dl] = await Promise.all([
    options.waitForEvent('download'),
    rows.first().locator('[data-dogear-action="backup-download"]').click(),
  ]);
  expect(dl.suggestedFilename()).toMatch(/^dogear-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const file = info.outputPath('backup.json');
  await dl.saveAs(file);
  const saved = JSON.parse(readFileSync(file, 'utf8'));
  expect(saved.format).toBe('dogear');
  expect(saved.papers.map((p: { id: string }) => p.id).sort()).toEqual([...list].sort());

  // Lose two papers, then restore.
  const popup = await openPopup(context, extensionId);
  for (const id of list.slice(0, 2)) {
    await popup.locator(`[data-dogear-item="${id}"] [data-dogear-action="remove"]`).click();
    await expect(popup.locator(`[data-dogear-item="${id}"]`)).toHaveCount(0);
  }
  await expect(page.locator(`[data-dogear-id="${list[0]}"]`)).not.toHaveAttribute('data-dogear-status', /./);

  const backup = data.locator('[data-dogear-backup]').filter({ hasText: 'Taken by you' });
  await backup.locator('[data-dogear-action="backup-restore"]').click();
  await expect(backup).toContainText('Replace your 1 paper and settings with this backup?');
  await options.screenshot({ path: info.outputPath('options-data.png'), fullPage: true });
  await backup.locator('[data-dogear-action="backup-restore-confirm"]').click();
  await expect(options.locator('[data-dogear-data-notice]')).toContainText('Restored the backup');

  // Every context follows: the listing, the popup, the store.
  for (const id of list)
    await expect(page.locator(`[data-dogear-id="${id}"]`)).toHaveAttribute('data-dogear-status', 'saved');
  await expect(popup.locator('[data-dogear-item]')).toHaveCount(3);
  // The list as it was before the restore is a backup too.
  await expect(
    data.locator('[data-dogear-backup]').filter({ hasText: 'Before a restore' }).locator('td').nth(2),
  ).toHaveText('1');
  await options.locator('#data').screenshot({ path: info.outputPath('options-data-after.png') });
});
