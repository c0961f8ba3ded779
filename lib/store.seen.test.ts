import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, SEEN_FOR_MS, SEEN_PRUNE_EVERY, type Store } from './store';

const id = (i: number) => `2401.${String(i).padStart(5, '0')}`;
const ids = (from: number, n: number) => Array.from({ length: n }, (_, i) => id(from + i));

let store: Store;
beforeEach(async () => {
  store = await openStore({ factory: new IDBFactory() });
});
afterEach(() => store.close());

async function kept(all: string[]): Promise<string[]> {
  return [...(await store.getSeen(all)).keys()];
}

describe('seen store bounds', () => {
  it('beyond the cap, the least recently seen go first; seeing one again keeps it', async () => {
    for (let i = 0; i < 10; i++) await store.recordSeen([id(i)], 100 + i);
    // The oldest, seen again now, is among the most recent.
    await store.recordSeen([id(0)], 200);
    expect(await store.pruneSeen(0, 4)).toBe(6);
    expect(await kept(ids(0, 10))).toEqual([id(0), id(7), id(8), id(9)]);
  });

  it('age goes first, then the cap, in one pass', async () => {
    await store.recordSeen(ids(0, 3), 10);
    await store.recordSeen(ids(3, 5), 50);
    await store.recordSeen(ids(8, 2), 60);
    // 3 too old, then 7 left for a cap of 4: the 3 seen at 50 that come first in the index go.
    expect(await store.pruneSeen(20, 4)).toBe(6);
    expect(await kept(ids(0, 10))).toEqual([id(6), id(7), id(8), id(9)]);
    expect(await store.pruneSeen(20, 4)).toBe(0);
  });

  it('a cap at or above the count removes nothing', async () => {
    await store.recordSeen(ids(0, 5), 10);
    expect(await store.pruneSeen(0, 5)).toBe(0);
    expect(await kept(ids(0, 5))).toHaveLength(5);
  });

  it('recording prunes by itself after enough ids, without a worker restart', async () => {
    const old = id(99_999);
    await store.recordSeen([old], 1);
    const later = 1 + SEEN_FOR_MS + 1;
    // Just short of the threshold the stale mark is still there...
    await store.recordSeen(ids(0, SEEN_PRUNE_EVERY - 2), later);
    expect(await kept([old])).toEqual([old]);
    // ...and the batch that reaches it takes it away.
    await store.recordSeen([id(SEEN_PRUNE_EVERY)], later);
    expect(await kept([old])).toEqual([]);
    expect(await kept([id(0), id(SEEN_PRUNE_EVERY)])).toHaveLength(2);
  });
});
