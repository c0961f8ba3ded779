/**
 * User-timing measures for the benchmark (`npm run bench`). Waiting for storage is
 * not work on the page's thread: `dogear:annotate` covers a pass's two synchronous
 * parts, before and after the state read.
 */
export function measurePass(
  t: { start: number; beforeRead: number; afterRead: number; end: number },
  paintMs: number,
): void {
  performance.measure('dogear:annotate', { start: t.start, duration: t.beforeRead - t.start + (t.end - t.afterRead) });
  if (paintMs) performance.measure('dogear:highlight', { start: t.afterRead, duration: paintMs });
}
