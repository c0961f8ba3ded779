// Where the JS heap Dogear adds to a listing goes (issue 13): loads the month and stress pages as the journey
// section does (20 keywords; load, settle, scroll every screen, settle), plain and with the extension, and
// writes a heap snapshot of each (CDP HeapProfiler) plus `Runtime.getHeapUsage` after two collections.
// `node bench/heap.mjs [outDir] [--no-scroll] [--runs=N]` after `npm run build`; then
// `node bench/heap-diff.mjs <plain.heapsnapshot> <dogear.heapsnapshot>` says what the difference is made of.
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { makeStressPage } from '../tests/support/stress-page.mjs';
import { BLANK, launch, settle, snapshotExtension, waitAttached } from './lib/browser.mjs';
import { median } from './lib/stats.mjs';
import { writeTemp } from './sections/export.mjs';
import { scrollThrough } from './sections/journey.mjs';
import { setKeywords } from './sections/keywords.mjs';

const args = process.argv.slice(2);
const outDir = path.resolve(args.find((a) => !a.startsWith('--')) ?? 'bench/.heap');
const scroll = !args.includes('--no-scroll');
const runs = Number(args.find((a) => a.startsWith('--runs='))?.slice(7) ?? 1);
const snapshots = !args.includes('--no-snapshot');
mkdirSync(outDir, { recursive: true });

const PAGES = [
  // Thirty entries: about what Dogear costs whatever the page's size (its code, its world, its state).
  { name: 'daily', url: 'https://huggingface.co/papers/date/2026-10-27', entries: 30 },
  { name: 'month', url: 'https://huggingface.co/papers/month/2026-10', entries: 500 },
  { name: 'stress', url: 'https://huggingface.co/papers/month/2026-08', entries: 3000 },
];

async function heapAfterGc(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  return (await cdp.send('Runtime.getHeapUsage')).usedSize;
}

async function snapshot(cdp, file) {
  const out = createWriteStream(file);
  const onChunk = ({ chunk }) => out.write(chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false, captureNumericValue: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await new Promise((r) => out.end(r));
}

async function one(browser, page, mode, run) {
  const tab = await browser.context.newPage();
  await tab.goto(BLANK);
  const cdp = await browser.context.newCDPSession(tab);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await tab.goto(page.url, { waitUntil: 'load', timeout: 180_000 });
  await waitAttached(tab, mode === 'dogear' ? 'html[data-dogear="ready"]' : null, 180_000);
  await settle(cdp);
  if (scroll) {
    await tab.evaluate(scrollThrough);
    await settle(cdp);
  }
  const heap = await heapAfterGc(cdp);
  const file = path.join(outDir, `${page.name}-${mode}${scroll ? '' : '-noscroll'}.heapsnapshot`);
  if (snapshots && run === 0) await snapshot(cdp, file);
  await tab.close();
  return heap;
}

const stress = writeTemp('stress-3000.html', makeStressPage(3000));
// DOGEAR_EXT: another build to measure (e.g. an unminified one, whose constructors keep their names).
const snap = process.env.DOGEAR_EXT ? { dir: process.env.DOGEAR_EXT, dispose() {} } : await snapshotExtension();
const overrides = { [PAGES.find((p) => p.name === 'stress').url]: stress.file };
const base = await launch(null, overrides);
const ext = await launch(snap.dir, overrides);
try {
  await setKeywords(ext);
  const only = args
    .find((a) => a.startsWith('--pages='))
    ?.slice(8)
    .split(',');
  for (const page of PAGES.filter((p) => !only || only.includes(p.name))) {
    const heaps = { plain: [], dogear: [] };
    for (let i = 0; i < runs; i++) {
      heaps.plain.push(await one(base, page, 'plain', i));
      heaps.dogear.push(await one(ext, page, 'dogear', i));
    }
    const added = median(heaps.dogear) - median(heaps.plain);
    console.log(
      `${page.name}: plain ${(median(heaps.plain) / 2 ** 20).toFixed(2)} MiB, dogear ${(median(heaps.dogear) / 2 ** 20).toFixed(2)} MiB, added ${(added / 2 ** 20).toFixed(2)} MiB = ${(added / page.entries / 1024).toFixed(2)} KiB/entry (runs ${JSON.stringify(heaps)})`,
    );
  }
} finally {
  await base.close();
  await ext.close();
  snap.dispose();
}
