import type { Page } from '@playwright/test';
import { test, expect, openListing, card, openPopup } from './fixtures';

/**
 * Five listing tabs and the popup change the same and different papers at
 * once. Afterwards every tab shows what IndexedDB holds, no save is lost, and
 * two tabs tagging one paper at the same moment both keep their tag.
 */

const DAILY = 'https://huggingface.co/papers/date/2026-10-27';
const TABS = 5;

type State = { status: string | null; tags: string[] };

/** Every paper in IndexedDB, read in an extension page. */
function storeState(extPage: Page): Promise<Record<string, State>> {
  return extPage.evaluate(
    () =>
      new Promise<Record<string, State>>((resolve, reject) => {
        const open = indexedDB.open('dogear');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const all = db.transaction('papers').objectStore('papers').getAll();
          all.onerror = () => reject(all.error);
          all.onsuccess = () => {
            db.close();
            const out: Record<string, State> = {};
            for (const p of all.result as { id: string; status: string; tags: string[] }[])
              out[p.id] = { status: p.status, tags: [...p.tags].sort() };
            resolve(out);
          };
        };
      }),
  );
}

/** What one tab's overlays show for these papers. */
async function overlayState(page: Page, ids: string[]): Promise<Record<string, State>> {
  const out: Record<string, State> = {};
  for (const id of ids) {
    const status = await page.locator(`[data-dogear-id="${id}"]`).getAttribute('data-dogear-status');
    const tags = await card(page, id)
      .locator('[data-dogear-tag]')
      .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.dogearTag!));
    if (status) out[id] = { status, tags: tags.sort() };
  }
  return out;
}

async function addTag(page: Page, id: string, tag: string): Promise<void> {
  await card(page, id).locator('[data-dogear-action="tag"]').click();
  await card(page, id).getByLabel('New tag').fill(tag);
  await card(page, id).getByLabel('New tag').press('Enter');
}

test('five tabs and the popup at once end in a serial state, shown alike everywhere', async ({
  context,
  extensionId,
}) => {
  test.setTimeout(120_000);
  const tabs = await Promise.all(Array.from({ length: TABS }, () => openListing(context, DAILY)));
  const ids = await tabs[0]!
    .locator('article[data-dogear-id]')
    .evaluateAll((els) => els.slice(0, 10).map((e) => (e as HTMLElement).dataset.dogearId!));
  const shared = ids[5]!;
  const click = (page: Page, id: string, action: string) =>
    card(page, id).locator(`[data-dogear-action="${action}"]`).click();

  // Round 1: each tab saves its own paper, then the one all five save, the tabs all at the same moment.
  // (One action at a time within a tab: parallel clicks in one page would race for its mouse.)
  await Promise.all(
    tabs.map(async (tab, i) => {
      await click(tab, ids[i]!, 'save');
      await click(tab, shared, 'save');
    }),
  );
  const popup = await openPopup(context, extensionId);
  await expect.poll(async () => Object.keys(await storeState(popup)).length).toBeGreaterThanOrEqual(TABS);
  const afterRound1 = await storeState(popup);
  // No lost saves: every tab's own paper is there.
  for (let i = 0; i < TABS; i++) expect(afterRound1[ids[i]!]?.status, ids[i]).toBe('saved');

  // Round 2: two tabs tag one paper, two others tag the shared one, one dismisses, the popup marks two read.
  await expect(popup.locator(`[data-dogear-item="${ids[1]}"]`)).toBeVisible();
  await Promise.all([
    addTag(tabs[0]!, ids[0]!, 'alpha'),
    addTag(tabs[1]!, ids[0]!, 'beta'),
    addTag(tabs[2]!, shared, 'gamma'),
    addTag(tabs[3]!, shared, 'delta'),
    click(tabs[4]!, ids[4]!, 'dismiss'),
    (async () => {
      await popup.locator(`[data-dogear-item="${ids[1]}"] [data-dogear-action="read"]`).click();
      await popup.locator(`[data-dogear-item="${ids[2]}"] [data-dogear-action="read"]`).click();
    })(),
  ]);

  // Round 3: the same paper changed from several sides at once: last write wins, whichever it is.
  await Promise.all([
    click(tabs[0]!, ids[3]!, 'read'),
    click(tabs[1]!, ids[3]!, 'dismiss'),
    click(tabs[2]!, ids[7]!, 'save'),
    click(tabs[3]!, ids[7]!, 'save'),
  ]);

  await expect.poll(async () => (await storeState(popup))[ids[0]!]?.tags).toEqual(['alpha', 'beta']);
  await expect.poll(async () => (await storeState(popup))[shared]?.tags).toEqual(['delta', 'gamma']);
  // Round 3's messages leave each tab once its click is painted: the end state is the store's once every
  // tab shows it (a tab shows its own click until the store has answered it).
  let final: Record<string, State> = {};
  await expect(async () => {
    final = await storeState(popup);
    for (const tab of tabs) expect(await overlayState(tab, ids)).toEqual(final);
  }).toPass();
  expect(final[ids[1]!]?.status).toBe('read');
  expect(final[ids[2]!]?.status).toBe('read');
  expect(final[ids[4]!]?.status).toBe('dismissed');
  // Two writes raced on ids[3]: the survivor is one of them, never a mix.
  expect(['read', 'dismissed']).toContain(final[ids[3]!]?.status);

  // The popup shows exactly the store too.
  const rows = await popup
    .locator('[data-dogear-item]')
    .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.dogearItem!).sort());
  expect(rows).toEqual(
    Object.entries(final)
      .filter(([, s]) => s.status !== 'dismissed')
      .map(([id]) => id)
      .sort(),
  );
});
