// Builds a month-style Hugging Face listing with many cards (default 3000) from
// tests/fixtures/hf/month-2026-10.html: its cards and island entries are repeated in
// order, each copy under a fresh arXiv id 2608.00001, 2608.00002, …, so the island and
// the DOM stay in the same order. Generated at test time instead of checked in (~30 MB).
//
//   node tests/support/stress-page.mjs out.html [count]

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// A path, not a URL object: under a DOM test environment the global URL is not Node's.
const SOURCE = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/hf/month-2026-10.html');
const ISLAND_ATTR = /(data-target="DailyPapers" data-props=")([^"]*)(")/;

/** The id of the k-th generated card (0-based). */
export function stressId(k) {
  return `2608.${String(k + 1).padStart(5, '0')}`;
}

function decodeAttr(s) {
  return s.replace(/&(?:quot|amp|lt|gt|apos|#(\d+)|#x([0-9a-f]+));/gi, (m, dec, hex) => {
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    return { '&quot;': '"', '&amp;': '&', '&lt;': '<', '&gt;': '>', '&apos;': "'" }[m.toLowerCase()];
  });
}

function encodeAttr(s) {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Returns the page's HTML. */
export function makeStressPage(count = 3000) {
  if (!Number.isSafeInteger(count) || count < 1 || count > 99_999) throw new RangeError(`bad count: ${count}`);
  const html = readFileSync(SOURCE, 'utf8');

  // Listing cards never nest articles, so a lazy match finds each card whole.
  const cardHtml = html.match(/<article[\s\S]*?<\/article>/g) ?? [];
  if (cardHtml.length < 2) throw new Error('month fixture has too few cards');
  const first = html.indexOf(cardHtml[0]);
  const afterFirst = first + cardHtml[0].length;
  // The grid cell wrapper between two cards (`</div><div>`), reused between copies.
  const separator = html.slice(afterFirst, html.indexOf(cardHtml[1], afterFirst));
  const last = html.lastIndexOf('</article>') + '</article>'.length;

  const island = ISLAND_ATTR.exec(html);
  if (!island) throw new Error('month fixture has no DailyPapers island');
  const props = JSON.parse(decodeAttr(island[2]));
  const entries = props.dailyPapers;
  if (entries.length !== cardHtml.length)
    throw new Error(`island has ${entries.length} entries, page ${cardHtml.length} cards`);

  const outCards = [];
  const outEntries = [];
  for (let k = 0; k < count; k++) {
    const i = k % entries.length;
    const oldId = entries[i].paper.id;
    if (!cardHtml[i].includes(`"/papers/${oldId}"`)) throw new Error(`card ${i} is not island entry ${oldId}`);
    const id = stressId(k);
    outCards.push(cardHtml[i].split(oldId).join(id));
    outEntries.push(JSON.parse(JSON.stringify(entries[i]).split(oldId).join(id)));
  }
  props.dailyPapers = outEntries;

  const head = html.slice(0, first).replace(ISLAND_ATTR, (_m, a, _v, b) => a + encodeAttr(JSON.stringify(props)) + b);
  return head + outCards.join(separator) + html.slice(last);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [out, count] = process.argv.slice(2);
  if (!out) {
    console.error('usage: node tests/support/stress-page.mjs out.html [count]');
    process.exit(2);
  }
  writeFileSync(out, makeStressPage(count ? Number(count) : undefined));
  console.log(`wrote ${resolve(out)}`);
}
