// The benchmark: `npm run bench` (full, writes bench/RESULTS.md) or `npm run bench -- --quick` (fewer runs,
// no stress-page profile or mark.js on 3,000 cards, no 50,000-paper popup; writes to the temp folder).
// `npm run bench -- --only=journey,click` runs just those sections (journey, annotate, keywords, latency,
// popup, click, import, export, bundles, ranking, keys) and writes their report parts (or, for sections
// rendered only in the full report, their figures as JSON) to the temp folder.
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
import { measureImport, measureOptionsImport, measurePopup } from './sections/popup.mjs';
import { bundleSizes, measureExport, writeTemp } from './sections/export.mjs';
import { measureRanking } from './sections/ranking.mjs';
import { measureKeys } from './sections/keys.mjs';
import { measureJourney } from './sections/journey.mjs';
import { measureClick } from './sections/click.mjs';
import { renderKeys, renderPopup, renderReport, renderTransfer } from './report.mjs';
import { renderClick, renderJourney } from './report-journey.mjs';

const quick = process.argv.includes('--quick');
const SECTIONS = [
  'journey',
  'annotate',
  'keywords',
  'latency',
  'popup',
  'click',
  'import',
  'export',
  'bundles',
  'ranking',
  'keys',
];
const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
for (const s of only ?? []) if (!SECTIONS.includes(s)) throw new Error(`--only=${s}: no such section (${SECTIONS})`);
const want = (section) => !only || only.includes(section);
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
/** A browser for one section, closed when it is done so sections do not share memory pressure. */
const using = async (extra, f) => {
  const b = await start(snap.dir, extra);
  try {
    return await f(b);
  } finally {
    await b.close().catch(() => {});
  }
};

/** Report parts a partial run can render on their own. */
const PARTS = { journey: renderJourney, popup: renderPopup, click: renderClick, keys: renderKeys };

try {
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
    chromium: base.version,
    node: process.version,
    extension: JSON.parse(readFileSync(path.join(snap.dir, 'manifest.json'), 'utf8')).version,
    mode: only ? `only ${only}` : quick ? 'quick' : 'full',
  };
  log(`Chromium ${env.chromium}, ${env.cores} cores, load ${env.load}`);

  const r = {};
  if (want('journey')) {
    log('0. the whole journey: load, settle, scroll every screen, settle (Dogear, full overlay floor, plain)');
    r.journey = await using({}, async (ext) => {
      await setKeywords(ext);
      return measureJourney({ ext, base, runs: quick ? 2 : 5, stressRuns: quick ? 1 : 2, log });
    });
  }

  if (want('annotate')) {
    log('1. annotation pass vs page load work');
    await using({}, async (ext) => {
      r.annotation = await measureAnnotation({ ext, base, runs: RUNS, stressRuns: STRESS_RUNS, log });
      // The profile and mark.js on 3,000 cards take minutes on a loaded machine: full runs only.
      r.profile = quick ? null : (log('   profiling the stress page'), await profileStress({ ext, extDir: snap.dir }));
    });
  }

  if (want('keywords')) {
    log('2. keyword highlighting vs mark.js');
    const kwPages = PAGES.filter((p) => p.name === 'month' || (!quick && p.name === 'stress'));
    r.keywords = await using({}, async (extKw) => {
      await setKeywords(extKw);
      return measureKeywords({ extKw, base, pages: kwPages, runs: quick ? 2 : 5, stressRuns: 3, log });
    });
  }

  if (want('latency')) {
    log('3. card → overlay latency');
    r.latency = await using({ [SPA_URL]: 'hf/spa-daily.html' }, (spa) =>
      using({}, (ext) => measureLatency({ spa, ext, runs: quick ? 1 : 5, log })),
    );
  }

  if (want('popup')) {
    log('4. popup with many papers');
    const sizes = quick ? [1000, 10_000] : [1000, 10_000, 50_000];
    r.popup = await using({}, (ext) => measurePopup({ ext, sizes, runs: quick ? 2 : 5, log }));
  }

  if (want('click')) {
    log('4b. save click: empty library vs 10,000 papers and 7 backups');
    r.click = await measureClick({ start, snapDir: snap.dir, runs: quick ? 5 : 15, log });
  }

  if (want('import') || want('export')) log('5. import and export');
  if (want('import')) {
    r.imported = await using({}, (b) => measureImport({ browser: b, runs: quick ? 1 : 5, log }));
    r.imported.options = await measureOptionsImport({ using, runs: quick ? 1 : 3, log });
  }
  if (want('export')) r.exported = await measureExport({ runs: quick ? 3 : 9, log });

  if (want('bundles')) {
    log('6. bundle sizes');
    r.bundles = bundleSizes(snap.dir);
  }

  if (want('ranking')) {
    log('7. relevance model');
    r.ranking = await measureRanking({ runs: quick ? 2 : 5, log });
  }

  if (want('keys')) {
    log('8. keyboard triage');
    r.keys = await using({}, (ext) => measureKeys({ ext, runs: quick ? 1 : 3, log }));
  }

  env.seconds = Math.round((Date.now() - started) / 1000);
  let file;
  if (only) {
    // A partial run is a check: its parts and raw figures go to the temp folder, never to RESULTS.md.
    const parts = only.filter((s) => PARTS[s] && r[s]).map((s) => PARTS[s](r[s]));
    if (r.imported || r.exported) parts.push(renderTransfer(r));
    file = path.join(os.tmpdir(), `dogear-bench-${only.join('-')}.md`);
    writeFileSync(
      file,
      `${[`Partial run (${env.seconds} s, load ${env.load}) on ${env.date}.`, ...parts].join('\n\n')}\n\n\`\`\`json\n${JSON.stringify(r, (k, v) => (k === 'raw' ? undefined : v), 1)}\n\`\`\`\n`,
    );
  } else {
    // A quick run is a smoke check: it must not replace the committed full report.
    file = quick ? path.join(os.tmpdir(), 'dogear-bench-quick.md') : path.join(import.meta.dirname, 'RESULTS.md');
    writeFileSync(file, renderReport({ env, ...r }));
  }
  log(`wrote ${file} in ${env.seconds} s`);
} finally {
  for (const b of open) await b.close().catch(() => {});
  snap.dispose();
  stress.dispose();
}
