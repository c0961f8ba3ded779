/** Failures are logged once per key with context, never thrown into the page. */
const logged = new Set<string>();

export function logOnce(key: string, message: string, context?: unknown): void {
  if (logged.has(key)) return;
  logged.add(key);
  console.warn(`[dogear] ${message}`, context ?? '', `(${location.href})`);
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
