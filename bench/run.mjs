// The benchmark: `npm run bench` (full, writes bench/RESULTS.md) or `npm run bench -- --quick` (fewer runs,
// no stress-page profile or mark.js on 3,000 cards, no 50,000-paper popup; writes to the temp folder).
// Every figure is a median of several runs and is reported against a baseline measured in the same run,
// since absolute times drift on shared machines.
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeStressPage } from '../tests/support/stress-page.mjs';
import { launch, snapshotExtension } from './lib/browser.mjs';
import { measureAnnotation, PAGES, profileStress } from './sections/annotate.mjs';
import { measureKeywords, setKeywords } from './sections/keywords.mjs';
import { measureLatency, SPA_URL } from './sections/latency.mjs';
import { measureImport, measurePopup } from './sections/popup.mjs';
import { bundleSizes, measureExport, writeTemp } from './sections/export.mjs';
import { measureRanking } from './sections/ranking.mjs';
import { measureKeys } from './sections/keys.mjs';
import { renderKeys, renderReport } from './report.mjs';

const quick = process.argv.includes('--quick');
/** `--only=keys`: that section alone, its report to the temp folder (the committed report needs a full run). */
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const ONLY = { keys: (ext) => measureKeys({ ext, runs: quick ? 1 : 3, log }).then(renderKeys) };
if (only && !ONLY[only]) throw new Error(`--only=${only}: no such section (${Object.keys(ONLY).join(', ')})`);
const RUNS = quick ? 2 : 7;
const STRESS_RUNS = quick ? 1 : 3;
const started = Date.now();
const log = (s) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${s}`);

const stress = writeTemp('stress-3000.html', makeStressPage(3000));
const overrides = { [PAGES[3].url]: stress.file };
const snap = await snapshotExtension();
const open = [];
const start = async (dir, extra = {}) => {
  const b = await launch(dir, { ...overrides, ...extra });
  open.push(b);
  return b;
};

const cleanup = async () => {
  for (const b of open) await b.close().catch(() => {});
  snap.dispose();
  stress.dispose();
};

if (only) {
  try {
    log(`only: ${only}`);
    const file = path.join(os.tmpdir(), `dogear-bench-${only}.md`);
    writeFileSync(file, `${await ONLY[only](await start(snap.dir))}\n`);
    log(`wrote ${file}`);
  } finally {
    await cleanup();
  }
  process.exit(0);
}

try {
  const ext = await start(snap.dir);
  const base = await start(null);
  const env = {
    date: new Date().toISOString(),
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    load: os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' '),
    chromium: ext.version,
    node: process.version,
    extension: JSON.parse(readFileSync(path.join(snap.dir, 'manifest.json'), 'utf8')).version,
    mode: quick ? 'quick' : 'full',
  };
  log(`Chromium ${env.chromium}, ${env.cores} cores, load ${env.load}`);

  log('1. annotation pass vs page load work');
  const annotation = await measureAnnotation({ ext, base, runs: RUNS, stressRuns: STRESS_RUNS, log });
  // The profile and mark.js on 3,000 cards take minutes on a loaded machine: full runs only.
  const profile = quick ? null : (log('   profiling the stress page'), await profileStress({ ext, extDir: snap.dir }));

  log('2. keyword highlighting vs mark.js');
  const extKw = await start(snap.dir);
  await setKeywords(extKw);
  const kwPages = PAGES.filter((p) => p.name === 'month' || (!quick && p.name === 'stress'));
  const keywords = await measureKeywords({ extKw, base, pages: kwPages, runs: quick ? 2 : 5, stressRuns: 3, log });

  log('3. card → overlay latency');
  const spa = await start(snap.dir, { [SPA_URL]: 'hf/spa-daily.html' });
  const latency = await measureLatency({ spa, ext, runs: quick ? 1 : 5, log });

  log('4. popup with many papers');
  const store = await start(snap.dir);
  const popup = await measurePopup({
    ext: store,
    sizes: quick ? [1000, 10_000] : [1000, 10_000, 50_000],
    runs: quick ? 2 : 5,
    log,
  });

  log('5. import and export');
  const importer = await start(snap.dir);
  const imported = await measureImport({ browser: importer, runs: quick ? 1 : 5, log });
  const exported = await measureExport({ runs: quick ? 3 : 9, log });

  log('6. bundle sizes');
  const bundles = bundleSizes(snap.dir);

  log('7. relevance model');
  const ranking = await measureRanking({ runs: quick ? 2 : 5, log });

  log('8. keyboard triage');
  const keys = await measureKeys({ ext, runs: quick ? 1 : 3, log });

  env.seconds = Math.round((Date.now() - started) / 1000);
  const report = renderReport({
    env,
    annotation,
    profile,
    keywords,
    latency,
    popup,
    imported,
    exported,
    bundles,
    ranking,
    keys,
  });
  // A quick run is a smoke check: it must not replace the committed full report.
  const file = quick ? path.join(os.tmpdir(), 'dogear-bench-quick.md') : path.join(import.meta.dirname, 'RESULTS.md');
  writeFileSync(file, report);
  log(`wrote ${file} in ${env.seconds} s`);
} finally {
  await cleanup();
}
