import 'fake-indexeddb/auto';
import { IDBFactory, IDBRequest } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { blankPaper } from './model';
import { openStore, type Store } from './store';
import { sortPapers } from './sort';
import type { StatusAction } from './status';

let store: Store;
beforeEach(async () => {
  store = await openStore({ factory: new IDBFactory() });
});
afterEach(() => store.close());

const act = (id: string, action: StatusAction, now: number) =>
  store.act({ meta: { id, title: `Paper ${id}`, authors: [] }, action }, now);

/** The popup's default view of the whole list: newest saved first (a stable sort of key order), no dismissed. */
async function popupOrder() {
  const all = (await store.listPapers()).filter((p) => p.status !== 'dismissed');
  return sortPapers(all, 'savedAt', 'desc');
}

const ACTIONS: StatusAction[] = ['save', 'dismiss', 'read', 'save', 'dismiss', 'dismiss', 'save'];

async function fill(): Promise<void> {
  // Saved out of id order, so the index order and the key order differ.
  for (const [i, action] of ACTIONS.entries()) await act(`2401.0000${(i * 3) % 7}`, action, 1000 + i * 10);
}

describe('newestSaved (the popup first screen)', () => {
  it('is the head of the whole list as the popup sorts it: newest saved first, dismissed left out', async () => {
    await fill();
    const full = await popupOrder();
    expect(full).toHaveLength(4);
    for (const n of [0, 1, 3, 4, 10]) expect(await store.newestSaved(n)).toEqual(full.slice(0, n));
  });

  it('skips a run of dismissed papers at the top', async () => {
    await fill();
    await act('2402.00001', 'dismiss', 5000);
    await act('2402.00002', 'dismiss', 5001);
    expect((await store.newestSaved(1)).map((p) => p.savedAt)).toEqual([1060]);
  });

  it('orders papers saved at the same moment as the whole list does, across the cut', async () => {
    // The index walks ties backwards by key; the popup's stable sort keeps them in key order.
    for (const id of ['2403.00005', '2403.00001', '2403.00009', '2403.00003']) await act(id, 'save', 7000);
    await act('2403.00000', 'save', 8000);
    const full = await popupOrder();
    for (const n of [1, 2, 3, 5]) expect(await store.newestSaved(n)).toEqual(full.slice(0, n));
  });

  it('leaves out papers moved to the Trash', async () => {
    await fill();
    const [top] = await store.newestSaved(1);
    await act(top!.id, 'unsave', 9000);
    expect((await store.newestSaved(10)).map((p) => p.id)).not.toContain(top!.id);
    expect(await store.newestSaved(10)).toEqual(await popupOrder());
  });

  it('reads a long list in a few requests, not one per paper', async () => {
    // Each request of the first screen can wait behind another reader of the database (the background's training).
    await store.applyPapers(
      Array.from({ length: 300 }, (_, i) => ({
        ...blankPaper(`2404.${String(i).padStart(5, '0')}`, 100 + i, 'arxiv'),
        status: i % 4 === 3 ? ('dismissed' as const) : ('saved' as const),
      })),
    );
    // Every request idb awaits listens for its success once.
    const listen = vi.spyOn(IDBRequest.prototype, 'addEventListener');
    const first = await store.newestSaved(30);
    const made = listen.mock.calls.filter(([type]) => type === 'success').length;
    listen.mockRestore();
    expect(first).toEqual((await popupOrder()).slice(0, 30));
    expect(made).toBeLessThanOrEqual(3);
  });

  it('looks further back past a long run of dismissed papers', async () => {
    await fill();
    for (let i = 0; i < 100; i++) await act(`2405.${String(i).padStart(5, '0')}`, 'dismiss', 20_000 + i);
    const full = await popupOrder();
    for (const n of [1, 3, 4, 10]) expect(await store.newestSaved(n)).toEqual(full.slice(0, n));
  });

  it('is empty for an empty library', async () => {
    expect(await store.newestSaved(20)).toEqual([]);
  });
});
