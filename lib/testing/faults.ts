import type { Store } from '../store';

/**
 * Fault injection for fake-indexeddb: makes object-store writes fail the way a
 * browser's do, so tests can check that nothing is left half-written.
 * Patches the global prototype (set up by `fake-indexeddb/auto`); call the
 * returned function to undo.
 */
export function failWrites(opts: {
  /** Writes that succeed before the failures start. */
  after: number;
  /** `throw`: the write throws a DOMException of this name (a quota error); `abort`: the transaction is aborted right after that write is carried out (the browser or worker went away mid-way). */
  mode: { throw: string } | 'abort';
  method?: 'put' | 'add';
}): () => void {
  const proto = (
    globalThis as unknown as { IDBObjectStore: { prototype: Record<string, (...a: unknown[]) => unknown> } }
  ).IDBObjectStore.prototype;
  const method = opts.method ?? 'put';
  const original = proto[method]!;
  let calls = 0;
  proto[method] = function (this: IDBObjectStore, ...args: unknown[]) {
    if (calls++ < opts.after) return original.apply(this, args);
    if (opts.mode === 'abort') {
      // Once this write has been carried out, the transaction dies: the writes before it ran, the rest never will.
      const req = original.apply(this, args) as IDBRequest;
      const tx = this.transaction;
      if (calls === opts.after + 1) req.addEventListener('success', () => tx.abort());
      return req;
    }
    throw new DOMException('The quota has been exceeded.', opts.mode.throw);
  };
  return () => {
    proto[method] = original;
  };
}

/** Everything in the database, to compare before and after. */
export async function dumpStore(store: Store): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const name of ['papers', 'trash', 'settings', 'seen', 'backups', 'backupInfo', 'meta'] as const) {
    const tx = store.db.transaction(name);
    const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll()]);
    await tx.done;
    out[name] = keys.map((k, i) => [k, values[i]]);
  }
  return out;
}
