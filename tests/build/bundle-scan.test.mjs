// Store-readiness checks on what we ship: run after `npm run build` with `node --test tests/build/`.
// The bundles: no eval or Function constructor, no <all_urls>, no remote scripts, and no network
// requests but one: the background's request to Zotero desktop on 127.0.0.1; the manifests: exactly
// the permissions the README explains (127.0.0.1 only as an optional one) and no loosened CSP;
// our own sources: no HTML strings written into the DOM.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import path from 'node:path';
import { createJiti } from 'jiti';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BUILDS = ['.output/chrome-mv3', '.output/firefox-mv2'];
// The sites come from the registry itself (TypeScript, loaded by jiti as wxt.config.ts is at build
// time): a new adapter widens these checks by being registered, and nothing else may widen them.
const { HOST_PATTERNS: HOSTS, CONTENT_ORIGINS } = await createJiti(import.meta.url).import(
  path.join(ROOT, 'lib/sites/index.ts'),
);
// Zotero desktop's connector server on the user's own computer: asked for on first use, never at install.
const OPTIONAL_HOSTS = ['http://127.0.0.1/*'];
const SOURCE_DIRS = ['entrypoints', 'components', 'lib'];

function files(dir, keep = () => true) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...files(p, keep));
    else if (keep(p)) out.push(p);
  }
  return out;
}

/** `file:line: excerpt` for every match, to say exactly where a check failed. */
function findAll(file, re) {
  const text = readFileSync(file, 'utf8');
  const hits = [];
  for (const m of text.matchAll(new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`))) {
    const line = text.slice(0, m.index).split('\n').length;
    hits.push(
      `${path.relative(ROOT, file)}:${line}: …${text.slice(Math.max(0, m.index - 60), m.index + 60).replace(/\s+/g, ' ')}…`,
    );
  }
  return hits;
}

for (const build of BUILDS) {
  const dir = path.join(ROOT, build);
  const present = existsSync(path.join(dir, 'manifest.json'));
  const scripts = present ? files(dir, (p) => p.endsWith('.js')) : [];
  const texts = present ? files(dir, (p) => /\.(js|json|html|css)$/.test(p)) : [];
  const manifest = present ? JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) : {};

  test(`${build}: is built`, () => {
    assert.ok(present, `${build}/manifest.json is missing: run \`npm run build\` first`);
    assert.ok(scripts.length >= 3, 'background, content script and page chunks');
  });

  test(`${build}: no eval, no Function constructor, no string timers`, () => {
    const hits = scripts.flatMap((f) => [
      ...findAll(f, /(?<![\w$.])eval\s*\(/),
      ...findAll(f, /\bnew\s+Function\s*\(/),
      ...findAll(f, /(?<![\w$.])Function\s*\(\s*["'`]/),
      ...findAll(f, /\bset(?:Timeout|Interval)\s*\(\s*["'`]/),
    ]);
    assert.deepEqual(hits, []);
  });

  test(`${build}: nothing mentions <all_urls>`, () => {
    assert.deepEqual(
      texts.flatMap((f) => findAll(f, /<all_urls>|\*:\/\/\*\/\*/)),
      [],
    );
  });

  test(`${build}: no network requests at run time but the background's, to 127.0.0.1`, () => {
    // Vite's modulepreload polyfill fetches our own <link rel=modulepreload> chunks.
    const polyfill = (f) => findAll(f, /modulepreload[\s\S]{0,1500}?(?<![\w$.])fetch\s*\(\s*\w+\.href\s*,/);
    const background = path.join(dir, 'background.js');
    const others = scripts.filter((f) => f !== background);
    const fetches = others.flatMap((f) => findAll(f, /(?<![\w$.])fetch\s*\(/));
    assert.equal(fetches.length, others.flatMap(polyfill).length, `unexpected fetch:\n${fetches.join('\n')}`);
    // The background's one fetch is the Zotero client's, whose every URL starts with the loopback base.
    assert.equal(findAll(background, /(?<![\w$.])fetch\s*\(/).length, 1, 'one fetch in the background');
    assert.equal(findAll(background, /`http:\/\/127\.0\.0\.1:\$\{/).length, 1, 'one URL base, on 127.0.0.1');
    assert.deepEqual(
      others.flatMap((f) => findAll(f, /127\.0\.0\.1:/)),
      [],
      'no page or content script builds a 127.0.0.1 URL',
    );
    const apis = scripts.flatMap((f) =>
      findAll(
        f,
        /XMLHttpRequest|WebSocket|EventSource|sendBeacon|importScripts|RTCPeerConnection|\bimport\s*\(\s*["'`]https?:/,
      ),
    );
    assert.deepEqual(apis, []);
  });

  test(`${build}: the only URLs in the code are links to the annotated sites and documentation strings`, () => {
    const allowed = new Set([
      ...CONTENT_ORIGINS,
      'http://www.w3.org',
      'https://github.com',
      'https://wxt.dev',
      // Zotero desktop (the permission pattern, and the client's base URL in the background).
      'http://127.0.0.1',
      // Text, not a request: the `url` field of a Zotero item, as Zotero's arXiv translator writes it.
      'http://arxiv.org',
    ]);
    const urls = new Set(
      scripts.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/https?:\/\/[a-z0-9.-]+/gi)].map((m) => m[0])),
    );
    assert.deepEqual(
      [...urls].filter((u) => !allowed.has(u)),
      [],
    );
  });

  test(`${build}: pages load only their own scripts, none inline`, () => {
    for (const html of files(dir, (p) => p.endsWith('.html'))) {
      const text = readFileSync(html, 'utf8');
      for (const tag of text.match(/<script\b[^>]*>/g) ?? []) {
        const src = /\ssrc="([^"]+)"/.exec(tag)?.[1];
        assert.ok(src, `inline script in ${html}: ${tag}`);
        assert.match(src, /^\/[\w/.-]+\.js$/, `${html} loads ${src}`);
      }
      assert.doesNotMatch(text, /<script\b[^>]*>[^<\s]/, `inline script body in ${html}`);
      assert.doesNotMatch(text, /\son\w+\s*=/i, `inline event handler in ${html}`);
    }
  });

  test(`${build}: manifest permissions are exactly storage and unlimitedStorage, hosts only the registered sites, 127.0.0.1 only optional`, () => {
    if (manifest.manifest_version === 3) {
      assert.deepEqual(manifest.permissions, ['storage', 'unlimitedStorage']);
      assert.deepEqual(manifest.host_permissions, HOSTS);
    } else {
      // MV2 lists host access among the permissions.
      assert.deepEqual(manifest.permissions, ['storage', 'unlimitedStorage', ...HOSTS]);
    }
    if (manifest.manifest_version === 3) {
      assert.deepEqual(manifest.optional_host_permissions, OPTIONAL_HOSTS);
      assert.equal(manifest.optional_permissions, undefined);
    } else {
      assert.deepEqual(manifest.optional_permissions, OPTIONAL_HOSTS);
    }
    assert.equal(manifest.web_accessible_resources, undefined);
    assert.equal(manifest.externally_connectable, undefined);
    for (const cs of manifest.content_scripts) {
      for (const m of cs.matches)
        assert.ok(
          HOSTS.some((h) => m.startsWith(h.slice(0, -1))),
          `content script on ${m}`,
        );
    }
  });

  test(`${build}: the content security policy is not loosened`, () => {
    const csp = manifest.content_security_policy;
    if (csp === undefined) return;
    const policies = typeof csp === 'string' ? [csp] : Object.values(csp);
    for (const p of policies) {
      assert.doesNotMatch(p, /unsafe-eval|unsafe-inline|unsafe-hashes|https?:|\*|data:|blob:/, `CSP loosened: ${p}`);
    }
  });
}

test('our sources never write HTML strings into the DOM', () => {
  const sources = SOURCE_DIRS.flatMap((d) =>
    files(path.join(ROOT, d), (p) => /\.(ts|tsx|mjs|js)$/.test(p) && !/\.test\.|[\\/]testing[\\/]/.test(p)),
  );
  assert.ok(sources.length > 20);
  const hits = sources.flatMap((f) => [
    ...findAll(
      f,
      /\.innerHTML\b|\.outerHTML\s*=|insertAdjacentHTML|dangerouslySetInnerHTML|document\.write\s*\(|createContextualFragment|DOMParser/,
    ),
    ...findAll(f, /(?<![\w$.])eval\s*\(|\bnew\s+Function\s*\(/),
  ]);
  assert.deepEqual(hits, []);
});
