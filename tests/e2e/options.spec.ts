import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect, launchWithExtension, SCREENSHOT_DIR } from './fixtures';

async function openOptions(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(page.locator('textarea[name="keywords"]')).toBeVisible();
  return page;
}

/** Waits for the autosave to land, then reopens the page: what it shows now came from the store. */
async function reopen(page: Page, context: BrowserContext, extensionId: string): Promise<Page> {
  await expect(page.locator('.save-state[role="status"]')).toContainText('Saved');
  await page.close();
  return openOptions(context, extensionId);
}

const ruleNames = (page: Page) =>
  page.locator('li.rule').evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.dogearRule));

test('tag rules: add, rename, colour, reorder, delete; the preview shows their chips; all of it is saved', async ({
  context,
  extensionId,
}) => {
  let page = await openOptions(context, extensionId);
  await expect(page.locator('.empty')).toContainText('No tag rules yet');
  await page.locator('[data-dogear-action="add-rule"]').click();
  await page.locator('[data-dogear-action="add-rule"]').click();
  expect(await ruleNames(page)).toEqual(['tag 1', 'tag 2']);

  const first = page.locator('li.rule').nth(0);
  await first.locator('input[name="rule-name"]').fill('agents');
  await first.locator('textarea[name="rule-patterns"]').fill('agent*\n"RL"');
  await first.locator('input[name="rule-color"]').fill('#db2777');
  // A name another rule has is refused, and the field goes back on leaving it.
  const second = page.locator('li.rule').nth(1);
  await second.locator('input[name="rule-name"]').fill('agents');
  await expect(second.locator('input[name="rule-name"]')).toHaveAttribute('aria-invalid', 'true');
  await second.locator('input[name="rule-name"]').blur();
  await expect(second.locator('input[name="rule-name"]')).toHaveValue('tag 2');
  await second.locator('input[name="rule-name"]').fill('rewards');
  await second.locator('textarea[name="rule-patterns"]').fill('reward*');
  await second.locator('input[name="rule-field-title"]').uncheck();
  expect(await ruleNames(page)).toEqual(['agents', 'rewards']);

  // The sample title "Multimodal Agents … Verifiable Rewards": only "agents" looks at titles.
  await expect(page.locator('[data-dogear-preview-tag]')).toHaveText(['agents']);
  await expect(page.locator('[data-dogear-preview-tag="agents"]')).toHaveCSS('--chip', '#db2777');
  await page.locator('input[name="sample"]').fill('RL for reward models');
  await expect(page.locator('[data-dogear-preview-tag]')).toHaveText(['agents']);
  // "reward*" finds "reward", but its rule does not look at titles.
  await expect(page.locator('tr[data-dogear-pattern-match="yes"]')).toHaveCount(1);
  await expect(page.locator('tr[data-dogear-pattern-match="off"]')).toHaveCount(1);

  await page.getByRole('button', { name: 'Move agents down' }).click();
  expect(await ruleNames(page)).toEqual(['rewards', 'agents']);
  await expect(page.getByRole('button', { name: 'Move rewards up' })).toBeDisabled();

  page = await reopen(page, context, extensionId);
  expect(await ruleNames(page)).toEqual(['rewards', 'agents']);
  const agents = page.locator('li.rule[data-dogear-rule="agents"]');
  await expect(agents.locator('textarea[name="rule-patterns"]')).toHaveValue('agent*\n"RL"');
  await expect(agents.locator('input[name="rule-color"]')).toHaveValue('#db2777');
  await expect(page.locator('li.rule[data-dogear-rule="rewards"] input[name="rule-field-title"]')).not.toBeChecked();

  await page.locator('li.rule[data-dogear-rule="rewards"] [data-dogear-action="delete-rule"]').click();
  page = await reopen(page, context, extensionId);
  expect(await ruleNames(page)).toEqual(['agents']);
});

test('keywords: starters, per-keyword switches and errors, saved as lines', async ({ context, extensionId }) => {
  let page = await openOptions(context, extensionId);
  const box = page.locator('textarea[name="keywords"]');
  await page.locator('[data-dogear-starter="LLM*"]').click();
  await page.locator('[data-dogear-starter="/multi-?modal/i"]').click();
  await expect(box).toHaveValue('LLM*\n/multi-?modal/i');
  await expect(page.locator('[data-dogear-preview] mark')).toHaveText(['Multimodal']);

  await box.fill('LLM*\n/multi-?modal/i\nagents\n/[/');
  const agents = page.locator('[data-dogear-keyword="agents"]');
  await expect(agents.locator('[data-dogear-option="case"]')).toHaveAttribute('aria-pressed', 'false');
  await expect(agents.locator('[data-dogear-option="whole-word"]')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('[data-dogear-preview] mark')).toHaveText(['Multimodal', 'Agents']);
  await agents.locator('[data-dogear-option="case"]').click();
  await expect(box).toHaveValue('LLM*\n/multi-?modal/i\n"agents"\n/[/');
  await expect(page.locator('[data-dogear-preview] mark')).toHaveText(['Multimodal']);
  // Regexes have no switches: their flags decide. A broken one says why, on its own line.
  await expect(page.locator('[data-dogear-keyword="/multi-?modal/i"] [data-dogear-option]')).toHaveCount(0);
  await expect(page.locator('[data-dogear-keyword="/[/"] [data-dogear-error]')).toBeVisible();
  await expect(page.locator('[data-dogear-error]')).toHaveCount(1);
  await page.getByRole('button', { name: 'Remove /[/' }).click();
  await expect(page.locator('[data-dogear-error]')).toHaveCount(0);

  page = await reopen(page, context, extensionId);
  await expect(page.locator('textarea[name="keywords"]')).toHaveValue('LLM*\n/multi-?modal/i\n"agents"');
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`screenshot of the options page, ${colorScheme}`, async () => {
    const ext = await launchWithExtension({ colorScheme });
    try {
      const page = await openOptions(ext.context, ext.extensionId);
      await page
        .locator('textarea[name="keywords"]')
        .fill('LLM*\nreinforcement learning\n"RAG"\n/multi-?modal/i\n/(a+)+$/');
      await page.locator('[data-dogear-action="add-rule"]').click();
      const rule = page.locator('li.rule').first();
      await rule.locator('input[name="rule-name"]').fill('agents');
      await rule.locator('textarea[name="rule-patterns"]').fill('agent*\nagentic');
      await page.locator('input[name="matchesFirst"]').check();
      await page.locator('input[name="unmatched"][value="dim"]').check();
      await expect(page.locator('.save-state[role="status"]')).toContainText('Saved');
      await page.locator('input[name="sample"]').focus();
      await page.evaluate(() => scrollTo(0, 0));
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      await page.screenshot({ path: `${SCREENSHOT_DIR}/options-${colorScheme}.png`, fullPage: true });
      // The page follows the system theme.
      const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(bg).toBe(colorScheme === 'dark' ? 'rgb(11, 15, 25)' : 'rgb(246, 247, 249)');
    } finally {
      await ext.close();
    }
  });
}
