// Test data for the benchmark: keywords, and valid reading-list records built from the month fixture's papers.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FIXTURES } from '../../tests/support/fixture-routes.mjs';

/** Twenty keywords a reader of these listings might follow; phrases and hyphenated terms included. */
export const KEYWORDS = [
  'diffusion',
  'reasoning',
  'reinforcement learning',
  'language models',
  'agents',
  'code generation',
  'speculative decoding',
  'world models',
  'humanoid',
  'retrieval-augmented',
  'test-time',
  'speech',
  'embodied',
  'text-to-image',
  'mixture-of-experts',
  'transformers',
  'kv cache',
  'long-context',
  'video',
  'token pruning',
];

function decodeAttr(s) {
  return s.replace(/&(?:quot|amp|lt|gt|apos|#(\d+)|#x([0-9a-f]+));/gi, (m, dec, hex) => {
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    return { '&quot;': '"', '&amp;': '&', '&lt;': '<', '&gt;': '>', '&apos;': "'" }[m.toLowerCase()];
  });
}

let source = null;
/** The 500 papers of the month fixture's island: real-looking titles, authors and abstracts. */
function sourcePapers() {
  if (source) return source;
  const html = readFileSync(path.join(FIXTURES, 'hf/month-2026-10.html'), 'utf8');
  const m = /data-target="DailyPapers" data-props="([^"]*)"/.exec(html);
  if (!m) throw new Error('month fixture has no DailyPapers island');
  source = JSON.parse(decodeAttr(m[1])).dailyPapers.map((e) => e.paper);
  return source;
}

/** The id of the k-th generated paper: canonical new-style ids, `2501.00001` onwards, 99,999 a month. */
function paperId(k) {
  const month = Math.floor(k / 99_999);
  if (month >= 12) throw new RangeError(`too many papers: ${k}`);
  return `25${String(month + 1).padStart(2, '0')}.${String((k % 99_999) + 1).padStart(5, '0')}`;
}

const STATUSES = ['saved', 'saved', 'read', 'dismissed'];
const TAGS = ['to-read', 'rl', 'vision', 'agents', 'survey'];

/** `count` reading-list records (lib/model.ts PaperSchema), numbered from `from`. */
export function makePapers(from, count) {
  const src = sourcePapers();
  const out = [];
  for (let k = from; k < from + count; k++) {
    const p = src[k % src.length];
    const at = Date.UTC(2026, 0, 1) + k * 60_000;
    out.push({
      id: paperId(k),
      title: p.title,
      authors: p.authors.map((a) => a.name).slice(0, 20),
      abstract: p.summary,
      published: p.publishedAt,
      status: STATUSES[k % STATUSES.length],
      tags: k % 3 ? [TAGS[k % TAGS.length]] : [],
      ruleTags: [],
      note: k % 10 ? '' : 'Read the ablations first.',
      sources: ['huggingface'],
      savedAt: at,
      updatedAt: at,
    });
  }
  return out;
}
