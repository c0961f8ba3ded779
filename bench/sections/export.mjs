// Section 5 (export) and section 6 (bundles): run in Node on the built code and the build output.
import { build } from 'esbuild';
import { readFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { makePapers } from '../lib/papers.mjs';
import { median } from '../lib/stats.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** A module of lib/ compiled for Node (the `@/` alias resolved) so its real code is timed. */
export async function loadLib(file) {
  const dir = mkdtempSync(path.join(tmpdir(), 'dogear-bench-lib-'));
  const out = path.join(dir, 'module.mjs');
  await build({
    entryPoints: [path.join(ROOT, file)],
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile: out,
    alias: { '@': ROOT },
    logLevel: 'error',
  });
  const mod = await import(pathToFileURL(out).href);
  rmSync(dir, { recursive: true, force: true });
  return mod;
}

export async function measureExport({ runs, log }) {
  const { toBibtex } = await loadLib('lib/bibtex.ts');
  const { renderExport } = await loadLib('lib/export.ts');
  const papers = makePapers(0, 10_000);
  const time = (f) => {
    const xs = [];
    let size = 0;
    for (let i = 0; i < runs + 1; i++) {
      const t0 = performance.now();
      size = f().length;
      xs.push(performance.now() - t0);
    }
    // The first call also compiles the code: dropped, as a warm popup would.
    return { ms: median(xs.slice(1)), size };
  };
  const settings = { keywords: [], tagRules: [] };
  const r = {
    papers: papers.length,
    runs,
    bibtex: time(() => toBibtex(papers)),
    json: time(() => JSON.stringify(papers)),
    jsonExport: time(() => renderExport('json', papers, settings, new Date()).text),
  };
  r.ratio = r.bibtex.ms / r.json.ms;
  log(`  BibTeX of 10,000: ${r.bibtex.ms.toFixed(0)} ms, JSON.stringify ${r.json.ms.toFixed(1)} ms`);
  return r;
}

const gz = (file) => {
  const buf = readFileSync(file);
  return { raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
};

/** Every script and stylesheet an HTML entry loads (WXT lists shared chunks as modulepreload links). */
function htmlAssets(extDir, html) {
  const text = readFileSync(path.join(extDir, html), 'utf8');
  return [...text.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) =>
    path.join(extDir, m[1].replace(/^\//, '')),
  );
}

export function bundleSizes(extDir) {
  const sum = (files) =>
    files.map(gz).reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip }), { raw: 0, gzip: 0 });
  const markJs = createRequire(import.meta.url).resolve('mark.js/dist/mark.min.js');
  return {
    content: gz(path.join(extDir, 'content-scripts/content.js')),
    background: gz(path.join(extDir, 'background.js')),
    popup: { ...sum([path.join(extDir, 'popup.html'), ...htmlAssets(extDir, 'popup.html')]) },
    options: { ...sum([path.join(extDir, 'options.html'), ...htmlAssets(extDir, 'options.html')]) },
    markJs: gz(markJs),
  };
}

export function writeTemp(name, text) {
  const dir = mkdtempSync(path.join(tmpdir(), 'dogear-bench-'));
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return { file, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
