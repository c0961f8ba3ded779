/**
 * Failures are logged once per key with context, never thrown into the page: the content script and the
 * background log through here, so a page (or a hostile one sending bad messages) cannot flood the console.
 */
// Bounded: keys can carry a rejected message's reason, which a page chooses the shape of.
const MAX_KEYS = 1_000;
const logged = new Set<string>();

export function logOnce(key: string, message: string, context?: unknown): void {
  if (logged.has(key) || logged.size >= MAX_KEYS) return;
  logged.add(key);
  console.warn(`[dogear] ${message}`, context ?? '', `(${globalThis.location?.href ?? ''})`);
}

/** Runs `fn`, logging instead of throwing; for event handlers and observer callbacks. */
export function contained<A extends unknown[]>(key: string, fn: (...args: A) => unknown): (...args: A) => void {
  return (...args: A) => {
    try {
      const r = fn(...args);
      if (r instanceof Promise) r.catch((e: unknown) => logOnce(key, `${key} failed`, e));
    } catch (e) {
      logOnce(key, `${key} failed`, e);
    }
  };
}
