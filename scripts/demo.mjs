#!/usr/bin/env node
// Offline demo: opens the bundled Hugging Face daily page in Chromium with the built extension, sets a few
// keywords and a tag rule, saves/reads/dismisses papers, and writes screenshots of the page and the popup to demo/.
// A headed window is used when a display exists (DOGEAR_HEADLESS=1 forces headless).
import { mkdirSync } from 'node:fs';
import { launchWithExtension } from '../tests/support/chromium.mjs';

const OUT = 'demo';
const DAILY = 'https://huggingface.co/papers/date/2026-10-27';
const headless = process.env.DOGEAR_HEADLESS === '1' || !process.env.DISPLAY;

mkdirSync(OUT, { recursive: true });
const { context, extensionId, close } = await launchWithExtension({ headless });
try {
  // Settings go through the options page, as a user would set them.
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.locator('textarea[name="keywords"]').fill('agent\nreinforcement learning\n/multi-?modal/i');
  await options.locator('[data-dogear-action="save-settings"]').click();
  await options.close();

  const page = await context.newPage();
  await page.goto(DAILY);
  await page.waitForSelector('html[data-dogear="ready"]');
  const ids = await page.$$eval('article[data-dogear-id]', (els) =>
    els.slice(0, 4).map((e) => e.getAttribute('data-dogear-id')),
  );
  const click = (id, action) =>
    page.locator(`[data-dogear-id="${id}"] dogear-card [data-dogear-action="${action}"]`).click();
  await click(ids[0], 'save');
  await click(ids[1], 'read');
  await click(ids[2], 'dismiss');
  await page.waitForSelector(`[data-dogear-id="${ids[2]}"][data-dogear-status="dismissed"]`);
  await page.screenshot({ path: `${OUT}/daily-page.png` });
  console.log(`saved ${ids[0]}, read ${ids[1]}, dismissed ${ids[2]} → ${OUT}/daily-page.png`);

  const popup = await context.newPage();
  await popup.setViewportSize({ width: 460, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.waitForSelector(`[data-dogear-item="${ids[0]}"]`);
  await popup.screenshot({ path: `${OUT}/popup.png` });
  console.log(`popup lists the reading list → ${OUT}/popup.png`);
  if (!headless) {
    console.log('Close the browser window to finish.');
    await new Promise((r) => context.on('close', r));
  }
} finally {
  await close().catch(() => {});
}
