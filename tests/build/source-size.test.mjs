// Small files with one job: a source file in entrypoints/, components/ or lib/ longer than LIMIT lines
// says at its top (a `size:` comment in its first lines) why it is not split. Tests beside the code grow
// with the cases they cover and are exempt.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const LIMIT = 300;
const HEAD_LINES = 5;
const SOURCE = /\.(ts|tsx|mjs|css)$/;
const TEST = /\.test\.(ts|tsx|mjs)$/;
const REASON = /^\s*(?:\/\/|\/\*)\s*size:\s*\S.{20,}/;

function sources(dir) {
  return readdirSync(path.join(ROOT, dir), { recursive: true })
    .map((name) => path.join(dir, String(name)))
    .filter((p) => SOURCE.test(p) && !TEST.test(p));
}

test('every source file over the limit gives its reason at the top', () => {
  const files = ['entrypoints', 'components', 'lib'].flatMap(sources);
  assert.ok(files.length > 100, `found only ${files.length} source files`);
  const unexplained = files.filter((f) => {
    const lines = readFileSync(path.join(ROOT, f), 'utf8').split('\n');
    return lines.length > LIMIT && !lines.slice(0, HEAD_LINES).some((l) => REASON.test(l));
  });
  assert.deepEqual(unexplained, [], `over ${LIMIT} lines without a "size:" reason in the first ${HEAD_LINES} lines`);
});
