// Issue 12 §7: no serious or critical axe-core violations in the popup, the options page and the
// overlays on a listing, light and dark.
import type { Page } from '@playwright/test';
import { audit, type AuditOptions } from './axe';
import {
  test,
  expect,
  launchWithExtension,
  openListing,
  card,
  openPopup,
  setKeywords,
  SCREENSHOT_DIR,
} from './fixtures';
import { DAILY, populate, setStates } from './populate';

// axe examines every node of a page several times over; slow on a loaded two-core machine.
test.describe.configure({ timeout: 360_000 });

const SCHEMES = ['light', 'dark'] as const;

/** Fails with axe's own words for every serious or critical violation found. */
async function expectClean(page: Page, what: string, options?: AuditOptions) {
  const report = await audit(page, options);
  expect(report.serious, `${what}:\n${report.serious.join('\n')}`).toEqual([]);
  return report;
}

for (const scheme of SCHEMES) {
  test(`popup (${scheme}): list, all statuses, editor, Zotero, bulk tag, Trash, suggestions, import preview`, async () => {
    const ext = await launchWithExtension({ colorScheme: scheme });
    try {
      // One dismissed and one removed paper beside the saved, read, tagged and annotated ones.
      await populate(ext.context, ext.extensionId, [
        [7, { action: 'dismiss' }],
        [2, { action: 'unsave' }],
      ]);
      const popup = await openPopup(ext.context, ext.extensionId);
      await popup.setViewportSize({ width: 460, height: 600 });
      const rows = popup.locator('[data-dogear-item]');
      await expect(rows.first()).toBeVisible();
      // A focused row, as the keyboard leaves it.
      await rows.nth(1).focus();
      await expectClean(popup, 'reading list');

      await popup.locator('[data-dogear-filter="status"]').selectOption('all');
      await expect(popup.locator('[data-dogear-item][data-status="dismissed"]')).toBeVisible();
      await expectClean(popup, 'all statuses (dismissed rows)');
      await popup.screenshot({ path: `${SCREENSHOT_DIR}/a11y-popup-all-${scheme}.png` });

      await rows.first().locator('[data-dogear-action="edit"]').click();
      await expect(popup.getByRole('dialog')).toBeVisible();
      await expectClean(popup, 'the row editor');
      await popup.keyboard.press('Escape');
      await expect(popup.getByRole('dialog')).toHaveCount(0);

      // Send to Zotero, at its first step: why it asks for a permission.
      await rows.first().locator('[data-dogear-action="zotero"]').click();
      await expect(popup.locator('[data-dogear-zotero-step="explain"]')).toBeVisible();
      await expectClean(popup, 'Send to Zotero');
      await popup.getByRole('button', { name: 'Cancel' }).click();
      await expect(popup.locator('[data-dogear-zotero-step]')).toHaveCount(0);

      await popup.locator('[data-dogear-action="bulk-tag"]').click();
      await expectClean(popup, 'the bulk tag input');
      await popup.keyboard.press('Escape');

      await popup.locator('[data-dogear-action="trash"]').click();
      await expect(popup.locator('[data-dogear-action="restore"]')).toHaveCount(1);
      await expectClean(popup, 'the Trash');
      await popup.locator('[data-dogear-action="empty-trash"]').click();
      await expectClean(popup, 'the Trash, asking before emptying');
      await popup.screenshot({ path: `${SCREENSHOT_DIR}/a11y-popup-trash-${scheme}.png` });
      await popup.getByRole('button', { name: 'Back to the list' }).click();

      await popup.locator('[data-dogear-action="suggested"]').click();
      await expectClean(popup, 'suggestions');
      await popup.getByRole('button', { name: 'Back to the list' }).click();

      await popup.locator('[data-dogear-action="data"]').click();
      await popup.getByLabel('Paste arXiv ids or URLs to import').fill('2401.00001\n2401.00002');
      await popup.getByRole('button', { name: 'Preview' }).click();
      await expect(popup.locator('[data-dogear-import-preview]')).toBeVisible();
      await expectClean(popup, 'the import preview');
    } finally {
      await ext.close();
    }
  });

  test(`options page (${scheme}): keywords, a tag rule, match counts, backups, import preview`, async () => {
    const ext = await launchWithExtension({ colorScheme: scheme });
    try {
      await setKeywords(ext.context, ext.extensionId, ['reasoning', 'agent*'], { name: 'RL', pattern: 'reward' });
      const options = await ext.context.newPage();
      await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
      await expect(options.locator('[data-dogear-rule="RL"]')).toBeVisible();
      await expectClean(options, 'options page');
      // Your data: a backup taken (the list), and an import checked (its preview).
      const data = options.locator('#data');
      await data.locator('[data-dogear-action="backup-now"]').click();
      await expect(data.locator('[data-dogear-backup]')).toHaveCount(1);
      await data.locator('textarea[name="import-text"]').fill('2401.00001\n2401.00002');
      await data.locator('[data-dogear-action="import-check"]').click();
      await expect(data.locator('[data-dogear-import-preview]')).toBeVisible();
      await expectClean(options, 'options page: backups and an import preview');
    } finally {
      await ext.close();
    }
  });

  test(`overlays on a Hugging Face listing (${scheme}): every status, chips, highlights, score, tag input, undo, key help`, async () => {
    const ext = await launchWithExtension({
      colorScheme: scheme,
      overrides: scheme === 'dark' ? { [DAILY]: 'hf/date-2026-10-27.dark.html' } : {},
    });
    try {
      await setKeywords(ext.context, ext.extensionId, ['model', 'reasoning'], { name: 'RL', pattern: 'reward' });
      const page = await openListing(ext.context, DAILY);
      await expect(page.locator('html')).toHaveClass(scheme === 'dark' ? /\bdark\b/ : /^(?!.*\bdark\b)/);
      const ids = await setStates(page, 'article[data-dogear-id]');
      const [d, e] = [ids[3]!, ids[4]!];
      // An open tag input, and the score's explanation.
      await card(page, d).locator('[data-dogear-action="tag"]').click();
      await expect(card(page, d).locator('input')).toBeFocused();
      await expect(page.locator('article[data-dogear-score]').first()).toBeVisible();
      await page.locator('article[data-dogear-score] dogear-card .score').first().hover();
      await expect(page.locator('dogear-card [role="tooltip"]')).toHaveCount(1);

      const report = await expectClean(page, 'listing', { include: ['article[data-dogear-id]'], hostPage: true });
      // axe reached inside the overlays' shadow roots: the check is not vacuous.
      expect(report.inOurShadows).toBeGreaterThan(50);

      // The undo offer after a dismissal (it stays 8 s: one entry is quick to examine).
      await card(page, e).locator('[data-dogear-action="dismiss"]').click();
      const undo = card(page, e).locator('[data-dogear-action="undo"]');
      await expect(undo).toBeVisible();
      await expectClean(page, 'undo offer', { include: [`[data-dogear-id="${e}"]`], hostPage: true });
      await expect(undo).toBeVisible();

      // Keyboard triage: the focus ring and the key help.
      await page.mouse.click(5, 5);
      await page.keyboard.press('j');
      await page.keyboard.press('?');
      await expect(page.locator('dogear-help')).toHaveCount(1);
      const help = await expectClean(page, 'key help', {
        include: ['dogear-help', '[data-dogear-focus]'],
        hostPage: true,
      });
      expect(help.inOurShadows).toBeGreaterThan(5);
    } finally {
      await ext.close();
    }
  });
}

// Light only: the arXiv fixtures carry no dark stylesheet for its `data-theme="dark"` switch to show.
test('overlays on an arXiv listing: every status, chips, highlights', async ({ context, extensionId }) => {
  await setKeywords(context, extensionId, ['model', 'learning'], { name: 'RL', pattern: 'reward' });
  const page = await openListing(context, 'https://arxiv.org/list/cs.LG/new');
  const c = (await setStates(page, 'dt[data-dogear-id]'))[2]!;
  await page.locator(`[data-dogear-id="${c}"] + dd`).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOT_DIR}/a11y-arxiv.png` });

  const report = await expectClean(page, 'arXiv listing', {
    include: ['dt[data-dogear-id]', 'dt[data-dogear-id] + dd'],
    hostPage: true,
  });
  expect(report.inOurShadows).toBeGreaterThan(50);
});
