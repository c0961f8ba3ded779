// Launching Debian's Chromium with the built extension, offline: shared by the Playwright tests, the demo and the benchmark.
import { chromium } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fixtureFor, isSiteStyleSheet, ORIGINS, STYLE_CSS } from './fixture-routes.mjs';

export const EXTENSION_DIR = path.resolve('.output/chrome-mv3');

export const chromiumArgs = (ext) => [
  ...(ext ? [`--disable-extensions-except=${ext}`, `--load-extension=${ext}`] : []),
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Catches the few background connections that routing does not see.
  '--proxy-server=127.0.0.1:9',
];

/** Answers the sites' URLs from fixture pages and aborts every other request. */
export async function routeFixtures(context, overrides = {}) {
  await context.route(/^https?:\/\//, (r) => r.abort());
  const serve = (route) => {
    const req = route.request();
    const url = req.url();
    if (isSiteStyleSheet(url))
      return route.fulfill({ status: 200, contentType: 'text/css; charset=utf-8', path: STYLE_CSS });
    const file = req.resourceType() === 'document' ? fixtureFor(url, overrides) : null;
    return file
      ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', path: file })
      : route.fulfill({ status: 404, contentType: 'text/plain', body: 'not in the fixtures' });
  };
  for (const origin of ORIGINS) await context.route(`${origin}/**`, serve);
}

/**
 * A persistent Chromium context with the extension (or without, `extension: false`, for baselines),
 * served from fixtures. Returns the context, the extension id and the service worker.
 */
export async function launchWithExtension({
  colorScheme = 'light',
  overrides = {},
  headless = true,
  extension = true,
  viewport = { width: 1280, height: 900 },
} = {}) {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'dogear-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless,
    colorScheme,
    viewport,
    args: chromiumArgs(extension ? EXTENSION_DIR : null),
  });
  await routeFixtures(context, overrides);
  let worker = null;
  let extensionId = null;
  if (extension) {
    worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    extensionId = new URL(worker.url()).host;
  }
  const close = async () => {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  };
  return { context, extensionId, worker, close };
}
