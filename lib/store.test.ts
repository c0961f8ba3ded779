import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NEW_FOR_MS, openStore, type Store } from './store';
import { SCHEMA_VERSION } from './store-schema';
import type { PaperMeta } from './model';

const meta = (id: string, title = `Paper ${id}`): PaperMeta => ({ id, title, authors: ['Ada Lovelace'] });

let store: Store;
beforeEach(async () => {
  store = await openStore({ factory: new IDBFactory() });
});
afterEach(() => store.close());

describe('store', () => {
  it('opens at the current schema version with every object store', () => {
    expect(store.db.version).toBe(SCHEMA_VERSION);
    expect([...store.db.objectStoreNames].sort()).toEqual([
      'backupInfo',
      'backups',
      'meta',
      'papers',
      'seen',
      'settings',
      'trash',
    ]);
  });

  it('saves, marks read and removes a paper', async () => {
    const { before, after } = await store.act({ meta: meta('2407.21783'), action: 'save', source: 'huggingface' }, 100);
    expect(before).toBeUndefined();
    expect(after).toMatchObject({
      id: '2407.21783',
      status: 'saved',
      savedAt: 100,
      updatedAt: 100,
      sources: ['huggingface'],
      tags: [],
      note: '',
    });
    const read = await store.act({ meta: meta('2407.21783'), action: 'read', source: 'arxiv' }, 200);
    expect(read.after).toMatchObject({ status: 'read', savedAt: 100, readAt: 200, sources: ['huggingface', 'arxiv'] });
    expect(await store.countByStatus('read')).toBe(1);
    const removed = await store.act({ meta: meta('2407.21783'), action: 'unsave' }, 300);
    expect(removed.after).toBeNull();
    expect(removed.before?.status).toBe('read');
    expect(await store.getPaper('2407.21783')).toBeUndefined();
  });

  it('keeps the user’s tags and note when the status changes', async () => {
    await store.act({ meta: meta('2407.21783'), action: 'save' }, 1);
    await store.updatePaper('2407.21783', { tags: ['rl', 'rl', ' llm '], note: 'read §3' }, 2);
    const { after } = await store.act(
      { meta: meta('2407.21783', 'Updated title'), action: 'dismiss', ruleTags: ['agents'] },
      3,
    );
    expect(after).toMatchObject({
      tags: ['rl', 'llm'],
      note: 'read §3',
      ruleTags: ['agents'],
      title: 'Updated title',
      status: 'dismissed',
      dismissedFrom: 'saved',
    });
  });

  it('rejects invalid records without writing', async () => {
    await expect(
      store.act({ meta: { ...meta('2407.21783'), title: 'x'.repeat(5000) }, action: 'save' }),
    ).rejects.toThrow();
    expect(await store.listPapers()).toEqual([]);
    expect(await store.updatePaper('2407.21783', { note: 'x' })).toBeNull();
  });

  it('dismissing and un-dismissing a read, tagged, noted paper gives back exactly what it was', async () => {
    await store.act({ meta: meta('2407.21783'), action: 'read' }, 1);
    await store.updatePaper('2407.21783', { tags: ['rl'], note: 'read §3' }, 2);
    const before = (await store.getPaper('2407.21783'))!;
    const dismissed = await store.act({ meta: meta('2407.21783'), action: 'dismiss' }, 3);
    expect(dismissed).toMatchObject({ undoable: true, after: { status: 'dismissed', dismissedFrom: 'read' } });
    // A second ✕ on the listing is un-dismiss: it never deletes the record.
    const back = await store.act({ meta: meta('2407.21783'), action: 'undismiss' }, 4);
    expect(back.after).toEqual({ ...before, updatedAt: 4 });
    expect(back.undoable).toBe(false);
  });

  it('prunes seen marks not seen since the cut-off, and keeps the rest', async () => {
    await store.recordSeen(['2401.00001', '2401.00002'], 100);
    await store.recordSeen(['2401.00002', '2401.00003'], 500);
    expect(await store.pruneSeen(500)).toBe(1);
    expect([...(await store.getSeen(['2401.00001', '2401.00002', '2401.00003'])).keys()]).toEqual([
      '2401.00002',
      '2401.00003',
    ]);
  });

  it('bulk updates and removals are atomic and skip unknown ids', async () => {
    for (const id of ['2401.00001', '2401.00002', '2401.00003']) await store.act({ meta: meta(id), action: 'save' }, 1);
    const changed = await store.bulkUpdate(
      ['2401.00001', '2401.00002', '2499.99999'],
      { action: 'read', addTag: 'batch' },
      5,
    );
    expect(changed.map((p) => p.id)).toEqual(['2401.00001', '2401.00002']);
    expect((await store.getPaper('2401.00002'))?.tags).toEqual(['batch']);
    await store.bulkUpdate(['2401.00001', '2401.00003'], { remove: true });
    expect((await store.listPapers()).map((p) => p.id)).toEqual(['2401.00002']);
  });

  it('applyPapers writes all or nothing', async () => {
    await store.act({ meta: meta('2401.00001'), action: 'save' }, 1);
    const good = (await store.getPaper('2401.00001'))!;
    // A record the papers store cannot take (no key) aborts the whole transaction.
    const bad = { ...good, id: undefined } as unknown as typeof good;
    await expect(store.applyPapers([{ ...good, id: '2401.00009' }, bad], ['2401.00001'])).rejects.toThrow();
    expect((await store.listPapers()).map((p) => p.id)).toEqual(['2401.00001']);
  });

  it('applyPapers asks nothing per paper: the list and the Trash are read once, each paper only written', async () => {
    await store.act({ meta: meta('2401.00001'), action: 'read' }, 1);
    await store.act({ meta: meta('2401.00002'), action: 'save' }, 1);
    await store.act({ meta: meta('2401.00002'), action: 'unsave' }, 2);
    const kept = (await store.getPaper('2401.00001'))!;
    const incoming = Array.from({ length: 100 }, (_, i) => ({ ...kept, id: `2402.${String(i).padStart(5, '0')}` }));
    const proto = IDBObjectStore.prototype;
    const reads = { get: 0, getKey: 0 };
    const original = { get: proto.get, getKey: proto.getKey };
    proto.get = function (this: IDBObjectStore, ...a: Parameters<IDBObjectStore['get']>) {
      reads.get++;
      return original.get.apply(this, a);
    };
    proto.getKey = function (this: IDBObjectStore, ...a: Parameters<IDBObjectStore['getKey']>) {
      reads.getKey++;
      return original.getKey.apply(this, a);
    };
    try {
      await store.applyPapers(
        [...incoming, { ...kept, note: 'edited' }, { ...kept, id: '2401.00002' }],
        [],
        undefined,
        [],
        9,
      );
    } finally {
      Object.assign(proto, original);
    }
    expect(reads).toEqual({ get: 0, getKey: 0 });
    // A kept record keeps the file's time; one new here or out of the Trash is a change made now.
    expect(await store.getPaper('2401.00001')).toEqual({ ...kept, note: 'edited' });
    expect((await store.getPaper('2402.00042'))?.updatedAt).toBe(9);
    expect((await store.getPaper('2401.00002'))?.updatedAt).toBe(9);
    expect(await store.trash.count(0)).toBe(0);
    expect(await store.listPapers()).toHaveLength(102);
  });

  it('restores removed papers as they were, as a change made at the restore', async () => {
    const { after } = await store.act({ meta: meta('2401.00001'), action: 'read' }, 1);
    await store.act({ meta: meta('2401.00001'), action: 'unsave' }, 2);
    await store.restorePapers([after!], 3);
    expect(await store.getPaper('2401.00001')).toEqual({ ...after, updatedAt: 3 });
  });

  it('settings default, validate and persist', async () => {
    expect((await store.getSettings()).keywords).toEqual([]);
    await store.setSettings({ ...(await store.getSettings()), badge: false });
    expect((await store.getSettings()).badge).toBe(false);
    await expect(store.setSettings({ badge: 'yes' } as never)).rejects.toThrow();
  });

  it('records when papers were first and last seen', async () => {
    const day = 86_400_000;
    expect(await store.recordSeen(['2401.00001', '2401.00002'], day)).toEqual(['2401.00001', '2401.00002']);
    expect(await store.recordSeen(['2401.00002', '2401.00003'], 2 * day)).toEqual(['2401.00003']);
    const seen = await store.getSeen(['2401.00002', '2401.00009']);
    expect(seen.get('2401.00002')).toEqual({ id: '2401.00002', firstSeen: day, lastSeen: 2 * day });
    expect(seen.has('2401.00009')).toBe(false);
  });

  it('keeps an entry new for NEW_FOR_MS after it was first shown, so a reload still marks it', async () => {
    const t = 1_000_000_000;
    expect(await store.recordSeen(['2401.00001'], t)).toEqual(['2401.00001']);
    // A reload a minute later, with one more paper: both are still new, in the order asked.
    expect(await store.recordSeen(['2401.00004', '2401.00001'], t + 60_000)).toEqual(['2401.00004', '2401.00001']);
    expect(await store.recordSeen(['2401.00001'], t + NEW_FOR_MS - 1)).toEqual(['2401.00001']);
    expect(await store.recordSeen(['2401.00001', '2401.00004'], t + NEW_FOR_MS)).toEqual(['2401.00004']);
    // Seeing it again does not restart the window: first seen stays first seen.
    expect(await store.recordSeen(['2401.00001'], t + 2 * NEW_FOR_MS)).toEqual([]);
    expect((await store.getSeen(['2401.00001'])).get('2401.00001')).toEqual({
      id: '2401.00001',
      firstSeen: t,
      lastSeen: t + 2 * NEW_FOR_MS,
    });
    // A custom window (tests, a future setting).
    expect(await store.recordSeen(['2401.00001'], t + 2 * NEW_FOR_MS, 3 * NEW_FOR_MS)).toEqual(['2401.00001']);
  });
});

describe('store failures', () => {
  it('a record that fails while being written changes nothing', async () => {
    const s = await openStore({ factory: new IDBFactory() });
    await s.act({ meta: meta('2401.00001'), action: 'save' }, 1);
    const good = (await s.getPaper('2401.00001'))!;
    const poisoned = { ...good, id: '2401.00002' };
    Object.defineProperty(poisoned, 'note', {
      enumerable: true,
      get: () => {
        throw new Error('boom');
      },
    });
    await expect(s.applyPapers([{ ...good, id: '2401.00003' }, poisoned], ['2401.00001'])).rejects.toThrow();
    expect((await s.listPapers()).map((p) => p.id)).toEqual(['2401.00001']);
    s.close();
  });
});
