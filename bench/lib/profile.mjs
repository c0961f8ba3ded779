// Where the main thread's time goes: a CDP CPU profile, summarised by self time per function.
import { readFileSync } from 'node:fs';
import path from 'node:path';

export async function startProfile(cdp) {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
}

/**
 * Stops the profiler and returns the top functions by self time. Our bundles are minified,
 * so each of our frames is shown with the source text at its position in the built file.
 */
export async function stopProfile(cdp, extDir, top = 15) {
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.send('Profiler.disable');
  const dt = new Map();
  const { samples, timeDeltas, nodes } = profile;
  for (let i = 0; i < samples.length; i++)
    dt.set(samples[i], (dt.get(samples[i]) ?? 0) + (timeDeltas[i + 1] ?? 0) / 1000);
  const byKey = new Map();
  let total = 0;
  let ours = 0;
  for (const n of nodes) {
    const ms = dt.get(n.id) ?? 0;
    if (!ms) continue;
    total += ms;
    const { functionName, url, lineNumber, columnNumber } = n.callFrame;
    const isOurs = url.startsWith('chrome-extension://');
    if (isOurs) ours += ms;
    const key = `${functionName || '(anonymous)'}|${url}|${lineNumber}|${columnNumber}`;
    const row = byKey.get(key) ?? {
      functionName: functionName || '(anonymous)',
      url,
      lineNumber,
      columnNumber,
      ms: 0,
      isOurs,
    };
    row.ms += ms;
    byKey.set(key, row);
  }
  const rows = [...byKey.values()].sort((a, b) => b.ms - a.ms).slice(0, top);
  for (const r of rows)
    r.where = r.isOurs
      ? sourceAt(extDir, r.url, r.lineNumber, r.columnNumber)
      : r.url
        ? path.basename(new URL(r.url).pathname)
        : '(native)';
  return { total, ours, rows };
}

const sources = new Map();
function sourceAt(extDir, url, line, col) {
  const file = path.join(extDir, new URL(url).pathname);
  if (!sources.has(file)) sources.set(file, readFileSync(file, 'utf8').split('\n'));
  const text = sources.get(file)[line] ?? '';
  return `${path.basename(file)}:${line + 1}:${col + 1} \`${text.slice(col, col + 70).replace(/`/g, "'")}\``;
}
