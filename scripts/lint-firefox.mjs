#!/usr/bin/env node
// `web-ext lint` on the Firefox build: fails on any error, and on any warning except the one known and
// explained in the README (Preact's renderer contains the `dangerouslySetInnerHTML` code path, which
// Dogear never uses; our own code has no innerHTML at all, which tests/build/bundle-scan checks).
import { execFileSync } from 'node:child_process';

const KNOWN = (w) => w.code === 'UNSAFE_VAR_ASSIGNMENT' && /innerHTML/.test(w.message);

let out;
try {
  out = execFileSync(
    'npx',
    ['web-ext', 'lint', '--source-dir', '.output/firefox-mv2', '--self-hosted=false', '--output=json'],
    {
      encoding: 'utf8',
    },
  );
} catch (e) {
  // web-ext exits non-zero when it finds errors; its JSON is still on stdout.
  out = e.stdout;
}
const report = JSON.parse(out);
const unexpected = report.warnings.filter((w) => !KNOWN(w));
for (const m of [...report.errors, ...unexpected, ...report.notices])
  console.error(`${m._type ?? ''} ${m.code} ${m.file ?? ''}:${m.line ?? ''} ${m.message}`);
console.log(
  `web-ext lint: ${report.errors.length} errors, ${report.warnings.length} warnings (${report.warnings.length - unexpected.length} known, see README), ${report.notices.length} notices`,
);
if (report.errors.length || unexpected.length) process.exit(1);
