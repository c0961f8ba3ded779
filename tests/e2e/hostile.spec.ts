import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, openListing, card, openPopup, launchWithExtension } from './fixtures';

/**
 * Page text, tags, notes and imported files carrying script and markup payloads
 * (tests/fixtures/hostile) are shown as text everywhere: nothing runs, no
 * element is created from them, in the overlay, the popup or the options page.
 */

const URL = 'https://huggingface.co/papers/date/2026-10-26';
const overrides = { [URL]: 'hostile/hf-payloads.html' };
const IMPORT = path.resolve('tests/fixtures/hostile/import-payloads.json');
const HOSTILE = ['2610.22092', '2610.18530', '2610.20693', '2610.22256', '2610.20893'];
const IMG = '<img src=x onerror="window.__pwned=1">';
const SVG_RULE = '<svg onload=window.__pwned=1>';

/** Every node a payload could have produced, in the document and every open shadow root. */
async function injected(page: Page, scope: 'document' | 'overlays'): Promise<string[]> {
  return page.evaluate((where) => {
    const out: string[] = [];
    const visit = (root: ParentNode) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot) visit(el.shadowRoot);
        const tag = el.tagName.toLowerCase();
        const handlers = [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => a.name);
        if (handlers.length) out.push(`${tag}[${handlers.join(',')}]`);
        if (tag === 'iframe' || tag === 'img' || tag === 'object' || tag === 'embed') out.push(tag);
        if (tag === 'script' && !/^\/chunks\/[\w-]+\.js$/.test(el.getAttribute('src') ?? ''))
          out.push(`script ${el.getAttribute('src') ?? '(inline)'}`);
        if (/^\s*javascript:/i.test(el.getAttribute('href') ?? '')) out.push(`${tag}[href=javascript:]`);
        if (tag === 'style' && /display:none!important/.test(el.textContent ?? '')) out.push('style from a payload');
      }
    };
    if (where === 'document') visit(document);
    else for (const host of document.querySelectorAll('dogear-card')) visit(host.shadowRoot!);
    return out;
  }, scope);
}

const pwned = (page: Page) => page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);

test('payloads in page text, tags, notes and an imported file never run or render as HTML', async () => {
  test.setTimeout(120_000);
  const ext = await launchWithExtension({ overrides });
  const dialogs: string[] = [];
  ext.context.on('page', (p) => p.on('dialog', (d) => (dialogs.push(d.message()), void d.dismiss())));
  try {
    const { context, extensionId } = ext;
    const page = await openListing(context, URL);
    await expect(page.locator('html')).toHaveAttribute('data-dogear-count', '30');

    // Save every hostile paper from its overlay.
    for (const id of HOSTILE) {
      await card(page, id).locator('[data-dogear-action="save"]').click();
      await expect(page.locator(`[data-dogear-id="${id}"]`)).toHaveAttribute('data-dogear-status', 'saved');
    }
    // A tag whose name is a payload, typed into the overlay.
    await card(page, HOSTILE[0]!).locator('[data-dogear-action="tag"]').click();
    await card(page, HOSTILE[0]!).getByLabel('New tag').fill(IMG);
    await card(page, HOSTILE[0]!).getByLabel('New tag').press('Enter');
    const chip = card(page, HOSTILE[0]!).locator('[data-dogear-tag]').filter({ hasText: IMG });
    await expect(chip).toHaveCount(1);
    expect(await chip.getAttribute('data-dogear-tag')).toBe(IMG);

    // The popup shows the payload titles as text; a payload note goes in through the editor.
    const popup = await openPopup(context, extensionId);
    const row = (id: string) => popup.locator(`[data-dogear-item="${id}"]`);
    await expect(popup.locator('[data-dogear-item]')).toHaveCount(HOSTILE.length);
    await expect(row(HOSTILE[0]!)).toContainText(`${IMG} Title`);
    await expect(row(HOSTILE[1]!)).toContainText('<script>window.__pwned=1</script>');
    await row(HOSTILE[2]!).locator('[data-dogear-action="edit"]').click();
    await popup.getByRole('dialog').getByLabel('Note').fill(`<script>window.__pwned=1</script>${IMG}`);
    await popup.getByRole('dialog').getByLabel('Tags, comma separated').fill(`${SVG_RULE}, plain`);
    await popup.getByRole('button', { name: 'Save' }).click();
    await expect(row(HOSTILE[2]!).locator('[data-dogear-tag]').filter({ hasText: SVG_RULE })).toHaveCount(1);

    // The options page imports a file full of payloads, keywords and tag rules included.
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    const data = options.locator('#data');
    await data.locator('input[type="file"][name="import"]').setInputFiles(IMPORT);
    await expect(data.locator('[data-dogear-import-preview]')).toContainText('4 new, 0 updated, 0 removed');
    await data.getByLabel('Also import keywords and tag rules from the file').check();
    await data.locator('[data-dogear-action="import-apply"]').click();
    await expect(options.locator('[data-dogear-data-notice]')).toContainText('Imported: 4 new papers');
    // After the reload the settings sections show the imported rule, its payload name as a field value.
    await expect(options.locator('input.rule-name').first()).toHaveValue(SVG_RULE);

    // Everything shows again from storage: a fresh listing, a fresh popup.
    const again = await openListing(context, URL);
    await expect(again.locator(`[data-dogear-id="2610.22221"]`)).toHaveAttribute('data-dogear-status', 'saved');
    await expect(card(again, '2610.22221').locator('[data-dogear-tag]').filter({ hasText: IMG })).toHaveCount(1);
    // The imported tag rule, named with a payload, tags matching entries: a chip with the literal name.
    await expect(again.locator('dogear-card [data-dogear-tag]').filter({ hasText: SVG_RULE }).first()).toBeAttached();
    const popup2 = await openPopup(context, extensionId);
    await expect(popup2.locator('[data-dogear-item]')).toHaveCount(HOSTILE.length + 4);
    await expect(popup2.locator('[data-dogear-item="2401.00666"]')).toContainText(`${IMG} imported 0`);

    for (const p of [page, again]) {
      expect(await pwned(p)).toBeUndefined();
      expect(await injected(p, 'overlays')).toEqual([]);
      // The overlays' text is the payload, literally.
      await expect(card(p, HOSTILE[0]!).locator('[data-dogear-tag]').filter({ hasText: IMG })).toHaveCount(1);
    }
    for (const p of [popup, popup2, options]) {
      expect(await pwned(p)).toBeUndefined();
      expect(await injected(p, 'document')).toEqual([]);
    }
    expect(dialogs).toEqual([]);

    // The detector itself sees what it looks for.
    const control = await context.newPage();
    await control.setContent(`<p onclick="1">x</p><div><img src="data:,"></div>`);
    expect(await injected(control, 'document')).toEqual(['p[onclick]', 'img']);
  } finally {
    await ext.close();
  }
});
