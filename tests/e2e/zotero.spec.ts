// Send to Zotero, end to end: the built extension in Chromium against a stand-in Zotero connector
// server the test starts on 127.0.0.1 (tests/support/zotero-standin.mjs answers as Zotero's own
// server does: headers, API-version and Host checks, 201 / 409 / 500).
//
// The browser's permission prompt: Chromium has no switch that answers `permissions.request` for an
// unpacked extension, and its dialog is browser UI that Playwright cannot click (headless or not).
// So the real prompt is driven as far as it goes (our explanation, then the real call, after which
// the popup waits for the browser's answer and nothing is sent); the "granted" answer is the real
// browser path of a build whose manifest already holds the permission (the call resolves true
// without a prompt, and every request really needs and uses the permission); the "denied" answer is
// the one value the browser would return, `false`, given in place of the unanswerable dialog.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { chromiumArgs, EXTENSION_DIR, routeFixtures } from '../support/chromium.mjs';
import { freePort, startZoteroStandin } from '../support/zotero-standin.mjs';
import { expect, test } from './fixtures';

type Standin = Awaited<ReturnType<typeof startZoteroStandin>>;

// The extension pages' `chrome` API, used inside page.evaluate: the tests' tsconfig carries no types for it.
// biome-ignore lint: loosely typed on purpose
declare const chrome: any;

/** A copy of the built extension, its manifest edited by `edit`. */
function variant(edit: (m: Record<string, unknown>) => void): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'dogear-ext-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const file = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8'));
  edit(manifest);
  writeFileSync(file, JSON.stringify(manifest));
  return dir;
}

async function launch(extDir: string, colorScheme: 'light' | 'dark' = 'light') {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'dogear-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    colorScheme,
    viewport: { width: 1280, height: 900 },
    args: chromiumArgs(extDir),
  });
  await routeFixtures(context);
  // The one origin the extension may reach besides the fixtures: the stand-in Zotero on loopback.
  await context.route(/^http:\/\/127\.0\.0\.1:\d+\//, (r) => r.continue());
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

const PAPER = {
  id: '1810.04805',
  title: 'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding',
  authors: ['Jacob Devlin', 'Ming-Wei Chang', 'Kenton Lee', 'Kristina Toutanova'],
  abstract: 'We introduce a new language representation model called BERT.',
  published: '2018-10-11',
  primaryClass: 'cs.CL',
  status: 'saved',
  tags: ['nlp'],
  ruleTags: ['transformers'],
  note: 'Read <section> 3 & 4',
  sources: ['arxiv'],
  savedAt: 2_000_000_000_000,
  updatedAt: 2_000_000_000_000,
};

/**
 * What Zotero's arXiv translator (`arXiv.org.js`) produces for this paper, written out by hand, plus
 * what the connector adds (`id`, `accessDate`) and Dogear's own tags and note; no attachments.
 */
const EXPECTED_ITEM = {
  id: '1810.04805',
  itemType: 'preprint',
  title: PAPER.title,
  creators: [
    { firstName: 'Jacob', lastName: 'Devlin', creatorType: 'author' },
    { firstName: 'Ming-Wei', lastName: 'Chang', creatorType: 'author' },
    { firstName: 'Kenton', lastName: 'Lee', creatorType: 'author' },
    { firstName: 'Kristina', lastName: 'Toutanova', creatorType: 'author' },
  ],
  abstractNote: PAPER.abstract,
  date: '2018-10-11',
  url: 'http://arxiv.org/abs/1810.04805',
  repository: 'arXiv',
  archiveID: 'arXiv:1810.04805',
  DOI: '10.48550/arXiv.1810.04805',
  extra: 'arXiv:1810.04805 [cs.CL]',
  libraryCatalog: 'arXiv.org',
  accessDate: 'CURRENT_TIMESTAMP',
  tags: [{ tag: 'nlp' }, { tag: 'transformers' }],
  notes: [{ note: '<p>Read &lt;section&gt; 3 &amp; 4</p>' }],
};

const filler = (i: number) => ({
  ...PAPER,
  id: `2610.${String(10000 + i)}`,
  title: `Filler paper ${i}`,
  authors: ['Ada Lovelace'],
  tags: [],
  ruleTags: [],
  note: '',
  savedAt: PAPER.savedAt - i - 1,
});

/** Puts papers in the library through the background, as an import does. */
async function seed(context: BrowserContext, extensionId: string, papers: unknown[]): Promise<Page> {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.evaluate(async (put) => {
    const reply = await chrome.runtime.sendMessage({ type: 'papers.apply', payload: { put, remove: [] } });
    if (!reply?.ok) throw new Error(JSON.stringify(reply));
  }, papers);
  await popup.reload();
  await expect(popup.locator('[data-dogear-item]').first()).toBeVisible();
  return popup;
}

async function setPort(context: BrowserContext, extensionId: string, port: number) {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html#zotero`);
  await options.locator('input[name="zoteroPort"]').fill(String(port));
  await expect
    .poll(() =>
      options.evaluate(() =>
        chrome.storage.local.get('dogear:zotero').then((r: Record<string, unknown>) => r['dogear:zotero']),
      ),
    )
    .toEqual({ port, checkLibrary: false });
  await options.close();
}

const row = (popup: Page, id: string) => popup.locator(`[data-dogear-item="${id}"]`);
const step = (popup: Page) => popup.locator('[data-dogear-zotero-step]');

test('permission: explained first, the real request is made, a denial sends nothing and offers to ask again', async () => {
  const zotero = await startZoteroStandin();
  const ext = await launch(EXTENSION_DIR);
  try {
    // The popup's own permissions.request, answered "deny" when the test says so (the browser's dialog
    // cannot be clicked); otherwise the real call goes to the browser.
    await ext.context.addInitScript(() => {
      const real = chrome.permissions.request.bind(chrome.permissions);
      const w = window as unknown as { __deny?: boolean; __asked?: number };
      w.__asked = 0;
      chrome.permissions.request = (perms: unknown) => {
        w.__asked = (w.__asked ?? 0) + 1;
        return w.__deny ? Promise.resolve(false) : real(perms);
      };
    });
    const popup = await seed(ext.context, ext.extensionId, [PAPER]);
    await setPort(ext.context, ext.extensionId, zotero.port);
    expect(await popup.evaluate(() => chrome.permissions.contains({ origins: ['http://127.0.0.1/*'] }))).toBe(false);

    await row(popup, PAPER.id).locator('[data-dogear-action="zotero"]').click();
    await expect(step(popup)).toHaveAttribute('data-dogear-zotero-step', 'explain');
    await expect(popup.getByRole('dialog')).toContainText('127.0.0.1');
    expect(await popup.evaluate(() => (window as unknown as { __asked: number }).__asked)).toBe(0);

    await popup.evaluate(() => ((window as unknown as { __deny: boolean }).__deny = true));
    await popup.locator('[data-dogear-action="zotero-allow"]').click();
    await expect(popup.getByRole('alert')).toContainText('did not allow Dogear to reach Zotero');
    await expect(popup.locator('[data-dogear-action="zotero-allow"]')).toHaveText('Ask again');

    // Asking again makes the real call: the browser now shows its question and the popup waits for it.
    await popup.evaluate(() => ((window as unknown as { __deny: boolean }).__deny = false));
    await popup.locator('[data-dogear-action="zotero-allow"]').click();
    await expect(step(popup)).toHaveAttribute('data-dogear-zotero-step', 'asking');
    expect(await popup.evaluate(() => (window as unknown as { __asked: number }).__asked)).toBe(2);
    await popup.waitForTimeout(500);
    await expect(step(popup)).toHaveAttribute('data-dogear-zotero-step', 'asking');
    expect(zotero.requests).toEqual([]);
  } finally {
    await ext.close();
    await zotero.close();
  }
});

test.describe('with the permission granted', () => {
  let zotero: Standin;
  let ext: Awaited<ReturnType<typeof launch>>;
  let extDir: string;
  test.beforeEach(async () => {
    zotero = await startZoteroStandin();
    extDir = variant((m) => {
      m.host_permissions = [...(m.host_permissions as string[]), 'http://127.0.0.1/*'];
    });
    ext = await launch(extDir);
  });
  test.afterEach(async () => {
    await ext.close();
    await zotero.close();
    rmSync(extDir, { recursive: true, force: true });
  });

  test('one paper and a bulk send arrive as the arXiv translator would make them; marked, searchable', async () => {
    const fillers = Array.from({ length: 119 }, (_, i) => filler(i));
    const popup = await seed(ext.context, ext.extensionId, [PAPER, ...fillers]);
    await setPort(ext.context, ext.extensionId, zotero.port);
    await popup.waitForTimeout(300);
    expect(zotero.requests, 'nothing is sent before a click').toEqual([]);

    await row(popup, PAPER.id).locator('[data-dogear-action="zotero"]').click();
    await expect(popup.locator('[data-dogear-zotero-target]')).toHaveText('My Library › Reading');
    expect(zotero.saved).toEqual([]);
    await popup.locator('[data-dogear-action="zotero-confirm"]').click();
    await expect(popup.getByRole('status')).toContainText('Sent 1 paper to My Library › Reading');
    expect(zotero.saved).toEqual([EXPECTED_ITEM]);
    const save = zotero.requests.find((r: { path: string }) => r.path === '/connector/saveItems')!;
    expect(save.headers['x-zotero-connector-api-version']).toBe('3');
    expect(save.headers['content-type']).toBe('application/json');
    expect(save.headers.host).toBe(`127.0.0.1:${zotero.port}`);
    expect(save.answered).toBe(201);
    await expect(row(popup, PAPER.id).locator('[data-dogear-zotero="sent"]')).toBeVisible();

    // Sending again asks first.
    await row(popup, PAPER.id).locator('[data-dogear-action="zotero"]').click();
    await expect(popup.getByRole('dialog')).toContainText('Already sent on');
    await popup.getByRole('button', { name: 'Cancel' }).click();

    // The shown list, 120 papers: the one sent before is left out, the rest go in batches of 50.
    await popup.locator('[data-dogear-action="bulk-zotero"]').click();
    await expect(popup.getByRole('dialog')).toContainText('1 of these was sent before');
    await popup.locator('[data-dogear-action="zotero-confirm-new"]').click();
    await expect(popup.getByRole('status')).toContainText('Sent 119 papers to My Library › Reading');
    expect(zotero.saved).toHaveLength(120);
    expect(zotero.sessions.size).toBe(4);
    expect(zotero.saved[1]).toEqual({
      id: '2610.10000',
      itemType: 'preprint',
      title: 'Filler paper 0',
      creators: [{ firstName: 'Ada', lastName: 'Lovelace', creatorType: 'author' }],
      abstractNote: PAPER.abstract,
      date: '2018-10-11',
      url: 'http://arxiv.org/abs/2610.10000',
      repository: 'arXiv',
      archiveID: 'arXiv:2610.10000',
      DOI: '10.48550/arXiv.2610.10000',
      extra: 'arXiv:2610.10000 [cs.CL]',
      libraryCatalog: 'arXiv.org',
      accessDate: 'CURRENT_TIMESTAMP',
      tags: [],
      notes: [],
    });

    await popup.locator('input[type="search"]').fill('zotero:no');
    await expect(popup.locator('[data-dogear-item]')).toHaveCount(0);
    await popup.locator('input[type="search"]').fill('zotero:yes');
    await expect(popup.locator('.count')).toHaveText('120 of 120');

    // The JSON export keeps the record.
    await popup.locator('input[type="search"]').fill('');
    await popup.locator('[data-dogear-action="data"]').click();
    const [dl] = await Promise.all([
      popup.waitForEvent('download'),
      popup.locator('[data-dogear-action="export"][data-format="json"]').first().click(),
    ]);
    const file = JSON.parse(readFileSync((await dl.path())!, 'utf8'));
    const bert = file.papers.find((p: { id: string }) => p.id === PAPER.id);
    expect(bert.sentToZotero).toMatchObject({ collection: 'My Library › Reading' });
    expect(Date.parse(bert.sentToZotero.date)).toBeGreaterThan(0);
  });

  test('409, 500 (read-only library and a failed save) and not running: alerts, nothing recorded', async () => {
    const popup = await seed(ext.context, ext.extensionId, [PAPER]);
    await setPort(ext.context, ext.extensionId, zotero.port);
    const tryOnce = async () => {
      await row(popup, PAPER.id).locator('[data-dogear-action="zotero"]').click();
      await popup.locator('[data-dogear-action="zotero-confirm"]').click();
      return popup.getByRole('alert');
    };
    const close = () => popup.getByRole('button', { name: 'Close' }).click();

    zotero.set({ collide: true });
    await expect(await tryOnce()).toContainText('409');
    await close();
    zotero.set({ libraryEditable: false });
    await expect(await tryOnce()).toContainText('read-only');
    await close();
    zotero.set({ libraryEditable: true, saveFails: true });
    await expect(await tryOnce()).toContainText('error 500');
    await close();
    expect(zotero.saved).toEqual([]);
    await expect(row(popup, PAPER.id).locator('[data-dogear-zotero="sent"]')).toHaveCount(0);

    // Nothing listening on the port.
    await setPort(ext.context, ext.extensionId, await freePort());
    await row(popup, PAPER.id).locator('[data-dogear-action="zotero"]').click();
    await expect(popup.getByRole('alert')).toHaveText('Zotero is not running — start Zotero and try again');
    await expect(row(popup, PAPER.id).locator('[data-dogear-zotero="sent"]')).toHaveCount(0);
  });
});

for (const scheme of ['light', 'dark'] as const) {
  test(`screenshots: Send to Zotero in the popup (${scheme})`, async () => {
    test.skip(!process.env.DOGEAR_SCREENSHOTS, 'set DOGEAR_SCREENSHOTS=1 to refresh docs/screenshots');
    const zotero = await startZoteroStandin();
    const extDir = variant((m) => {
      m.host_permissions = [...(m.host_permissions as string[]), 'http://127.0.0.1/*'];
    });
    const ext = await launch(extDir, scheme);
    try {
      const papers = [PAPER, ...Array.from({ length: 5 }, (_, i) => filler(i))];
      const popup = await seed(ext.context, ext.extensionId, papers);
      await setPort(ext.context, ext.extensionId, zotero.port);
      await popup.setViewportSize({ width: 460, height: 600 });
      await row(popup, PAPER.id).locator('[data-dogear-action="zotero"]').click();
      await popup.locator('[data-dogear-action="zotero-confirm"]').click();
      await expect(row(popup, PAPER.id).locator('[data-dogear-zotero="sent"]')).toBeVisible();
      await popup.locator('[data-dogear-action="bulk-zotero"]').click();
      await expect(popup.locator('[data-dogear-zotero-target]')).toBeVisible();
      await popup.screenshot({ path: path.resolve('docs/screenshots', `popup-zotero-${scheme}.png`) });
    } finally {
      await ext.close();
      await zotero.close();
      rmSync(extDir, { recursive: true, force: true });
    }
  });
}
