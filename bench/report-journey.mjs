// Renders the journey (section 0, the headline) and save-click (section 4b) parts of bench/RESULTS.md;
// also the whole report of `npm run bench -- --only=journey,click`.
import { kb, ms, times, verdict } from './lib/stats.mjs';

const HEAP_JUDGED_AT = 3000;

const table = (head, rows) =>
  [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join(
    '\n',
  );

/** Section 0: a reader's whole visit, Dogear against the full overlay floor, both minus the plain page. */
export function renderJourney(journey) {
  const rows = journey.map((j) => [
    `${j.name} (${j.entries.toLocaleString('en')})`,
    j.runs,
    ms(j.plain.whole),
    ms(j.added.floor.whole),
    ms(j.added.dogear.whole),
    times(j.wholeRatio),
    `${ms(j.added.dogear.atLoad)} / ${ms(j.added.floor.atLoad)} = ${times(j.atLoadRatio)}`,
    `${j.plain.longCount} (${ms(j.plain.longMax)}) / ${j.floor.longCount} (${ms(j.floor.longMax)}) / ${j.dogear.longCount} (${ms(j.dogear.longMax)})`,
    `${kb(j.heapPerEntry)} (floor ${kb(j.floorHeapPerEntry)})`,
    `${j.dogear.drawn} / ${j.dogear.hosts}`,
  ]);
  const month = journey.find((j) => j.name === 'month');
  const targets = journey.flatMap((j) => [
    [`${j.name}: whole journey, Dogear / floor ≤ 1.2×`, times(j.wholeRatio), verdict(j.wholeRatio <= 1.2)],
    [`${j.name}: at load, Dogear / floor ≤ 1.0×`, times(j.atLoadRatio), verdict(j.atLoadRatio <= 1)],
    // The issue states this target at 3,000 entries (≤ 3 MiB); on a smaller page the extension's fixed cost (its
    // script world, its stylesheet) spread over fewer entries is reported, not judged.
    [
      `${j.name}: JS heap added ≤ 1 KiB per entry${j.entries >= HEAP_JUDGED_AT ? '' : ` (judged at ${HEAP_JUDGED_AT.toLocaleString('en')} entries)`}`,
      kb(j.heapPerEntry),
      verdict(j.entries >= HEAP_JUDGED_AT ? j.heapPerEntry <= 1024 : null),
    ],
  ]);
  if (month)
    targets.push([
      'month: no long task added by Dogear during the scroll (count with Dogear ≤ plain page)',
      `${month.dogear.longCount} vs ${month.plain.longCount}`,
      verdict(month.dogear.longCount <= month.plain.longCount),
    ]);
  const bare = journey
    .filter((j) => j.bare)
    .map(
      (j) =>
        `${j.name}: the floor without keyword highlights adds ${ms(j.added.bare.whole)} over the whole journey (with them ${ms(j.added.floor.whole)}); long tasks in its scroll ${j.bare.longCount} (${ms(j.bare.longMax)}). Chromium rebuilds every highlight marker, and repaints each highlighted text, whenever the page's DOM or style has changed since the last frame, so the highlights cost the scroll in the floor as in Dogear.`,
    );
  return [
    `## 0. The whole journey: what a reader's visit costs the page

A reader's visit — load, settle, scroll through every screen (two frames and 20 ms per screen), settle —
timed as the page's main-thread task time (\`TaskDuration\`) in three interleaved worlds: the plain page,
the page with the "full overlay floor" (\`bench/floor.mjs\`: a plain script without the extension that
parses the island, sets highlight ranges for the same keywords and eagerly draws every overlay — a
host with an open shadow root adopting Dogear's overlay stylesheet, holding a cloned \`<template>\` with
save/read/dismiss/tag buttons and one chip — then one layout), and the page with Dogear (same keywords).
"Added" is each world minus the plain page; the ratio is taken per interleaved triple, then the median.
"At load" stops after load and settle, before any scroll. Long tasks (> 50 ms, PerformanceObserver) are
those that start during the scroll: plain page / floor / with Dogear, count (longest). Heap: JS heap
after two GCs, with Dogear (and with the floor) minus plain, per entry. Drawn: overlays with their buttons at the end / hosts.`,
    table(
      [
        'Page (entries)',
        'Runs',
        "Page's own journey",
        'Added by the floor',
        'Added by Dogear',
        'Dogear / floor',
        'At load: Dogear / floor',
        'Long tasks in the scroll',
        'Heap per entry',
        'Drawn',
      ],
      rows,
    ),
    ...bare,
    table(['Target (issue 13)', 'Measured', 'Verdict'], targets),
  ].join('\n\n');
}

/** Section 4b: a Save click with an empty library and with 10,000 papers and 7 backups. */
export function renderClick(click) {
  return [
    `## 4b. A Save click: empty library vs ${click.papers.toLocaleString('en')} papers and ${click.backups} backups

Two fresh profiles, ${click.runs} clicks each, interleaved, on the daily page's first ten entries: click →
the entry's \`data-dogear-status\` (in the page), → the background's \`storage.local\` mirror change (seen
from an extension page), and the same \`paper.act\` message's round trip from an extension page.`,
    table(
      ['Path', 'Empty library', `${click.papers.toLocaleString('en')} papers + ${click.backups} backups`, 'Ratio'],
      [
        ['click → data-dogear-status', ms(click.empty.attr), ms(click.full.attr), times(click.attrRatio)],
        ['click → storage mirror', ms(click.empty.mirrored), ms(click.full.mirrored), times(click.mirroredRatio)],
        ['paper.act round trip', ms(click.empty.roundTrip), ms(click.full.roundTrip), times(click.roundTripRatio)],
      ],
    ),
    `Target: click → \`data-dogear-status\` with the full library ≤ 1.2 × the empty one: ${verdict(click.attrRatio <= 1.2)}.`,
  ].join('\n\n');
}
