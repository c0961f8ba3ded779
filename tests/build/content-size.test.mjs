// The content script is loaded into every listing the user opens: its size is paid on each page
// (issue 13 aims at 25 KiB gzipped). These checks keep it from growing back unnoticed: a budget a
// little above today's size, and no library the content script has no use for.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { createJiti } from 'jiti';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BUILDS = ['.output/chrome-mv3', '.output/firefox-mv2'];
const BUDGET_GZIP = 37 * 1024;
// The extension pages' messages, read from the catalogue itself (TypeScript, loaded by jiti).
const { CATALOGUE } = await createJiti(import.meta.url).import(path.join(ROOT, 'lib/messages.ts'));
const PAGE_MESSAGES = Object.keys(CATALOGUE).filter((type) => CATALOGUE[type].from === 'page');
const { ICON_PATHS } = await createJiti(import.meta.url).import(path.join(ROOT, 'components/icon-paths.ts'));

for (const build of BUILDS) {
  const file = path.join(ROOT, build, 'content-scripts/content.js');
  const code = existsSync(file) ? readFileSync(file) : null;

  test(`${build}: the content script is at most ${BUDGET_GZIP / 1024} KiB gzipped`, () => {
    assert.ok(code, `${file} is missing: run \`npm run build\` first`);
    const size = gzipSync(code, { level: 9 }).length;
    assert.ok(size <= BUDGET_GZIP, `${(size / 1024).toFixed(1)} KiB gzipped, over the budget`);
  });

  test(`${build}: the content script holds no Preact`, () => {
    // It draws its overlays, key help and live region with DOM calls; Preact is for the popup and options
    // page. Preact's renderer names this prop, which no source of ours may (tests/build/bundle-scan.test.mjs).
    assert.ok(code);
    assert.doesNotMatch(code.toString(), /dangerouslySetInnerHTML/);
  });

  test(`${build}: the content script bundles only the messages it may send`, () => {
    // Not the pages' half of the catalogue (lib/messages.ts) and the settings, import, sync and Zotero
    // schemas it holds: a content script's requests and replies are in lib/messages-content.ts.
    assert.ok(code);
    assert.ok(PAGE_MESSAGES.length > 10, 'the catalogue was read');
    const text = code.toString();
    assert.deepEqual(
      PAGE_MESSAGES.filter((type) => text.includes(type)),
      [],
    );
  });

  test(`${build}: the content script holds only the overlay's icons and no fixture page's name`, () => {
    // The popup's icons are a table the overlay must not name (components/icon-paths.ts); the selector
    // catalogues' `NAME_` lists of fixture pages are for the selectors test only.
    assert.ok(code);
    const text = code.toString();
    assert.ok(text.includes(ICON_PATHS.tag), 'the overlay draws the tag icon');
    assert.deepEqual(
      Object.keys(ICON_PATHS).filter(
        (name) =>
          !['bookmark', 'bookmark-filled', 'check', 'x', 'tag'].includes(name) && text.includes(ICON_PATHS[name]),
      ),
      [],
    );
    assert.deepEqual(text.match(/\b(?:arxiv|hf)\/[\w.-]+\.html\b/g) ?? [], []);
  });

  test(`${build}: no script bundles WXT's storage helper`, () => {
    // WXT auto-imports its storage helper wherever a bare `storage` looks unbound to it (a constructor
    // parameter property or a parameter's default compiles to one): 7 KiB that no code of ours calls.
    const dir = path.join(ROOT, build);
    const scripts = readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.js'));
    assert.ok(scripts.length >= 3, `${build} is not built`);
    const helper = scripts.filter((f) => readFileSync(path.join(dir, String(f)), 'utf8').includes('"area:key"'));
    assert.deepEqual(helper, []);
  });
}
