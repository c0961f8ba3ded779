import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, openListing, card, openPopup, launchWithExtension, type Launched, drawAll } from './fixtures';
import { FIXTURES } from '../support/fixture-routes.mjs';

// The arXiv fixtures use synthetic ids that no Hugging Face fixture lists, so these tests serve
// Hugging Face pages derived from the fixtures with ids swapped in (every occurrence: island,
// links, thumbnails), for papers that the arXiv /new page and the abs and /html pages show.
const ON_ARXIV = '2610.22702'; // /new (New submissions) and abs-2610.22702.html
const HTML_PAPER = '2610.23241'; // /new and html-2610.23241v1.html

const HF_DAILY = 'https://huggingface.co/papers/date/2026-10-27';
const HF_PAPER = `https://huggingface.co/papers/${ON_ARXIV}`;
const NEW = 'https://arxiv.org/list/cs.LG/new';
const ABS = `https://arxiv.org/abs/${ON_ARXIV}`;
const HTML = `https://arxiv.org/html/${HTML_PAPER}v1`;

let dir = '';
let overrides: Record<string, string> = {};

function derive(file: string, swaps: Record<string, string>): string {
  let html = readFileSync(path.join(FIXTURES, file), 'utf8');
  for (const [from, to] of Object.entries(swaps)) {
    expect(html.includes(to), `${to} must not already be in ${file}`).toBe(false);
    html = html.replaceAll(from, to);
  }
  const out = path.join(dir, path.basename(file));
  writeFileSync(out, html);
  return out;
}

test.beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'dogear-cross-site-'));
  overrides = {
    [HF_DAILY]: derive('hf/date-2026-10-27.html', { '2610.22092': ON_ARXIV, '2610.22173': HTML_PAPER }),
    [HF_PAPER]: derive('hf/paper-2510.12345.html', { '2510.12345': ON_ARXIV }),
  };
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

let ext: Launched;

const saveButton = (page: Page, id: string) => card(page, id).locator('[data-dogear-action="save"]');

async function expectSaved(page: Page, id: string, status = 'saved') {
  await expect(page.locator(`[data-dogear-id="${id}"]`)).toHaveAttribute('data-dogear-status', status);
  await expect(saveButton(page, id)).toHaveAttribute('aria-pressed', 'true');
}

/** The reading list as stored in the extension's IndexedDB. */
async function storedPapers(): Promise<{ id: string; status: string; sources: string[] }[]> {
  const popup = await openPopup(ext.context, ext.extensionId);
  const papers = await popup.evaluate(
    () =>
      new Promise<{ id: string; status: string; sources: string[] }[]>((resolve, reject) => {
        const open = indexedDB.open('dogear');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const all = db.transaction('papers').objectStore('papers').getAll();
          all.onsuccess = () => {
            db.close();
            resolve(all.result);
          };
          all.onerror = () => reject(all.error);
        };
      }),
  );
  await popup.close();
  return papers;
}

test('host access grows only by arxiv.org; Zotero on this computer is asked for only when used', () => {
  const manifest = JSON.parse(readFileSync(path.resolve('.output/chrome-mv3/manifest.json'), 'utf8'));
  const hosts = ['https://arxiv.org/*', 'https://huggingface.co/*'];
  expect([...manifest.host_permissions].sort()).toEqual(hosts);
  // Zotero listens on the loopback address; the browser asks for it at the first send, never at install.
  expect(manifest.optional_host_permissions).toEqual(['http://127.0.0.1/*']);
  expect(manifest.permissions.filter((p: string) => p.includes('/') || p.includes('<'))).toEqual([]);
  const matches: string[] = manifest.content_scripts.flatMap((c: { matches: string[] }) => c.matches);
  expect(matches.length).toBeGreaterThan(0);
  for (const m of matches) expect(m, m).toMatch(/^https:\/\/(arxiv\.org|huggingface\.co)\//);
  expect(new Set(matches.map((m) => new URL(m.replace(/\*/g, 'x')).origin))).toEqual(
    new Set(['https://arxiv.org', 'https://huggingface.co']),
  );
});

test.describe('one record across sites', () => {
  test.beforeEach(async () => {
    ext = await launchWithExtension({ overrides });
  });
  test.afterEach(async () => ext.close());

  test('saved on Hugging Face, shown on the arXiv listing and abs page; marked read there, one record from both sites', async () => {
    const hf = await openListing(ext.context, HF_DAILY);
    await expect(hf.locator('article[data-dogear-id]')).toHaveCount(30);
    await saveButton(hf, ON_ARXIV).click();
    await expectSaved(hf, ON_ARXIV);

    const listing = await openListing(ext.context, NEW);
    await expectSaved(listing, ON_ARXIV);
    await expect(listing.locator('dt[data-dogear-status]')).toHaveCount(1);
    const abs = await openListing(ext.context, ABS);
    await expectSaved(abs, ON_ARXIV);

    await card(abs, ON_ARXIV).locator('[data-dogear-action="read"]').click();
    await expectSaved(abs, ON_ARXIV, 'read');
    // Every open page follows, on both sites.
    await expectSaved(listing, ON_ARXIV, 'read');
    await expectSaved(hf, ON_ARXIV, 'read');
    const papers = await storedPapers();
    expect(papers.map((p) => [p.id, p.status, p.sources])).toEqual([[ON_ARXIV, 'read', ['huggingface', 'arxiv']]]);
  });

  test('saved on arXiv (listing and a versioned /html/ page), shown on the Hugging Face daily and paper pages', async () => {
    const listing = await openListing(ext.context, NEW);
    await drawAll(listing);
    await saveButton(listing, ON_ARXIV).click();
    await expectSaved(listing, ON_ARXIV);
    const html = await openListing(ext.context, HTML);
    await expect(html.locator('[data-dogear-id]')).toHaveAttribute('data-dogear-id', HTML_PAPER);
    await saveButton(html, HTML_PAPER).click();
    await expectSaved(html, HTML_PAPER);

    const hf = await openListing(ext.context, HF_DAILY);
    await drawAll(hf);
    await expectSaved(hf, ON_ARXIV);
    await expectSaved(hf, HTML_PAPER);
    await expect(hf.locator('article[data-dogear-status]')).toHaveCount(2);

    // The paper page: exactly one overlay although the page has other articles and /papers/ links.
    const paper = await openListing(ext.context, HF_PAPER);
    await expect(paper.locator('dogear-card')).toHaveCount(1);
    await expectSaved(paper, ON_ARXIV);
    await card(paper, ON_ARXIV).locator('[data-dogear-action="read"]').click();
    await expectSaved(listing, ON_ARXIV, 'read');

    const papers = (await storedPapers()).sort((a, b) => a.id.localeCompare(b.id));
    expect(papers.map((p) => [p.id, p.status, p.sources])).toEqual([
      [ON_ARXIV, 'read', ['arxiv', 'huggingface']],
      [HTML_PAPER, 'saved', ['arxiv']],
    ]);
    const popup = await openPopup(ext.context, ext.extensionId);
    await expect(popup.locator('[data-dogear-item]')).toHaveCount(2);
  });
});
