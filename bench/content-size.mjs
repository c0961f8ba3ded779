// What the content script is made of (issue 13): builds the Chrome extension with source maps into a
// temporary directory, counts each byte of the minified content script to the module it came from, and
// prints per module its raw bytes, its bytes gzipped alone, and what it adds to the whole gzipped (the
// whole minus the whole without it: what removing it would save). gzip level 9 via Node's zlib, as
// tests/build/content-size.test.mjs measures. Usage: node bench/content-size.mjs [--all]
// (without --all, modules adding under 100 bytes are summed in one row).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'wxt';

const ROOT = path.resolve(import.meta.dirname, '..');
// Characters no mapping names: the bundler's interop helpers, and the text of template literals (our CSS).
const UNMAPPED = '(unmapped: bundler helpers, CSS text)';
const out = mkdtempSync(path.join(tmpdir(), 'dogear-size-'));
try {
  await build({ root: ROOT, outDir: out, logLevel: 'warn', vite: () => ({ build: { sourcemap: true } }) });
  const file = path.join(out, 'chrome-mv3/content-scripts/content.js');
  report(readFileSync(file, 'utf8'), JSON.parse(readFileSync(`${file}.map`, 'utf8')));
} finally {
  rmSync(out, { recursive: true, force: true });
}

function report(code, map) {
  const gz = (s) => gzipSync(Buffer.from(s), { level: 9 }).length;
  const owners = ownerOfEachChar(code, map.mappings, map.sources.map(moduleName));
  const text = code.replaceAll('\n', '');
  const whole = gz(text);
  const rows = [...new Set(owners)].map((name) => {
    let mine = '';
    let rest = '';
    for (let i = 0; i < text.length; i++) owners[i] === name ? (mine += text[i]) : (rest += text[i]);
    return { name, raw: mine.length, alone: gz(mine), adds: whole - gz(rest) };
  });
  rows.sort((a, b) => b.adds - a.adds);
  const all = process.argv.includes('--all');
  const shown = all ? rows : rows.filter((r) => r.adds >= 100);
  const small = rows.filter((r) => !shown.includes(r));
  const kib = (n) => `${(n / 1024).toFixed(2)} KiB`;
  console.log(`content.js: ${kib(code.length)} raw, ${kib(gz(code))} gzipped\n`);
  console.log('| Module | Raw | Gzip alone | Adds to the whole |\n| --- | --- | --- | --- |');
  for (const r of shown) console.log(`| ${r.name} | ${r.raw} | ${r.alone} | ${r.adds} |`);
  if (small.length)
    console.log(`| ${small.length} others | ${sum(small, 'raw')} | ${sum(small, 'alone')} | ${sum(small, 'adds')} |`);
}

function sum(rows, key) {
  return rows.reduce((n, r) => n + r[key], 0);
}

/** Our modules by their path; a package's by its name (zod, wxt: every file of it together). */
function moduleName(source) {
  const nm = source.lastIndexOf('node_modules/');
  if (nm < 0) return path.relative(ROOT, path.resolve(ROOT, source));
  const rest = source.slice(nm + 'node_modules/'.length).split('/');
  const name = rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  return name === 'zod' || name === 'wxt' ? name : `${name} (${rest.slice(-1)})`;
}

/** The module of each character of `code` (newlines left out): the one its nearest mapping names. */
function ownerOfEachChar(code, mappings, names) {
  const owners = [];
  const lines = code.split('\n');
  let source = 0;
  mappings.split(';').forEach((segments, line) => {
    const text = lines[line] ?? '';
    let column = 0;
    let owner = UNMAPPED;
    let at = 0;
    for (const segment of segments ? segments.split(',') : []) {
      const [dc, ds] = vlq(segment);
      column += dc;
      for (; at < column && at < text.length; at++) owners.push(owner);
      if (ds !== undefined) {
        source += ds;
        owner = names[source];
      } else owner = UNMAPPED;
    }
    for (; at < text.length; at++) owners.push(owner);
  });
  return owners;
}

/** The numbers of one source-map segment (base64 VLQ). */
function vlq(segment) {
  const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const values = [];
  let value = 0;
  let shift = 0;
  for (const ch of segment) {
    const digit = B64.indexOf(ch);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}
