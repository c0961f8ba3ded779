import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * docs/ranking-quality.md holds two generated sections (the real-text and the
 * templated evaluation); each evaluation rewrites only its own, between markers.
 */
const DOC = path.resolve(process.cwd(), 'docs/ranking-quality.md');

export const f2 = (x: number) => (Number.isNaN(x) ? 'n/a' : x.toFixed(2));

export function writeSection(name: string, markdown: string): void {
  const [start, end] = [`<!-- ${name}:start -->`, `<!-- ${name}:end -->`];
  const doc = readFileSync(DOC, 'utf8');
  const i = doc.indexOf(start);
  const j = doc.indexOf(end);
  if (i < 0 || j < i) throw new Error(`docs/ranking-quality.md has no ${name} markers`);
  writeFileSync(DOC, `${doc.slice(0, i + start.length)}\n${markdown.trim()}\n${doc.slice(j)}`);
}
