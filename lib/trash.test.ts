import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from './store';
import { toJson } from './export';
import { parseImport } from './import';
import { planImport } from './import-plan';
import { DEFAULT_SETTINGS, TRASH_KEEP_MS, type PaperMeta } from './model';

const meta = (id: string): PaperMeta => ({ id, title: `Paper ${id}`, authors: ['Ada Lovelace'] });
const ids = (list: { id: string }[]) => list.map((p) => p.id).sort();

let store: Store;
beforeEach(async () => {
  store = await openStore({ factory: new IDBFactory() });
});
afterEach(() => store.close());

async function noted(id: string, now = 1) {
  await store.act({ meta: meta(id), action: 'read' }, now);
  return (await store.updatePaper(id, { tags: ['rl'], note: 'see §3' }, now + 1))!;
}

describe('Trash', () => {
  it('removing a paper moves the whole record to the Trash, out of every list query', async () => {
    const before = await noted('2601.00001');
    const { after } = await store.act({ meta: meta('2601.00001'), action: 'unsave' }, 10);
    expect(after).toBeNull();
    expect(await store.listPapers()).toEqual([]);
    expect(await store.countByStatus('read')).toBe(0);
    expect(await store.trash.list(0)).toEqual([{ ...before, trashedAt: 10 }]);
    expect(await store.trash.count(0)).toBe(1);
  });

  it('restoring puts it back as it was, with a new updatedAt, and out of the Trash', async () => {
    const before = await noted('2601.00001');
    await store.act({ meta: meta('2601.00001'), action: 'unsave' }, 10);
    expect(await store.trash.restore(['2601.00001', '2601.99999'], 20)).toEqual([{ ...before, updatedAt: 20 }]);
    expect(await store.getPaper('2601.00001')).toEqual({ ...before, updatedAt: 20 });
    expect(await store.trash.count(0)).toBe(0);
  });

  it('saving a trashed paper again brings back its note and tags', async () => {
    await noted('2601.00001');
    await store.act({ meta: meta('2601.00001'), action: 'unsave' }, 10);
    const { before, after } = await store.act({ meta: meta('2601.00001'), action: 'save' }, 20);
    expect(before).toBeUndefined();
    expect(after).toMatchObject({ status: 'saved', note: 'see §3', tags: ['rl'], readAt: 1, savedAt: 1 });
    expect(await store.trash.count(0)).toBe(0);
  });

  it('bulk remove and an import replacing the list move papers to the Trash', async () => {
    for (const id of ['2601.00001', '2601.00002', '2601.00003']) await noted(id);
    await store.bulkUpdate(['2601.00001', '2601.00002'], { remove: true }, 30);
    expect(ids(await store.trash.list(0))).toEqual(['2601.00001', '2601.00002']);
    const kept = (await store.getPaper('2601.00003'))!;
    await store.applyPapers([], ['2601.00003'], undefined, [], 40);
    expect(ids(await store.trash.list(0))).toEqual(['2601.00001', '2601.00002', '2601.00003']);
    expect((await store.trash.list(35))[0]).toEqual({ ...kept, trashedAt: 40 });
    expect(await store.listPapers()).toEqual([]);
  });

  it('an import puts its file’s Trash in, never over a paper on the list or a later removal', async () => {
    const live = await noted('2601.00001');
    await noted('2601.00002');
    await store.act({ meta: meta('2601.00002'), action: 'unsave' }, 50);
    const file = (id: string, trashedAt: number) => ({ ...live, id, note: 'from file', trashedAt });
    await store.applyPapers([], [], undefined, [file('2601.00001', 60), file('2601.00002', 40), file('2601.00003', 5)]);
    expect(await store.getPaper('2601.00001')).toEqual(live);
    const trash = await store.trash.list(0);
    expect(trash.map((t) => [t.id, t.trashedAt, t.note])).toEqual([
      ['2601.00002', 50, 'see §3'],
      ['2601.00003', 5, 'from file'],
    ]);
    // An imported paper that was in the Trash is on the list again, once.
    await store.applyPapers([{ ...live, id: '2601.00003' }]);
    expect(ids(await store.trash.list(0))).toEqual(['2601.00002']);
  });

  it('an import naming a paper both on its list and in its Trash keeps it on the list only', async () => {
    const live = await noted('2601.00001');
    const file = { ...live, id: '2601.00005', note: 'from file', trashedAt: 5 };
    await store.applyPapers([{ ...live, id: '2601.00005' }], [], undefined, [file], 40);
    expect((await store.getPaper('2601.00005'))?.note).toBe('see §3');
    expect(await store.trash.count(0)).toBe(0);
  });

  it('the JSON export carries the Trash, and importing it into an empty library restores it to the Trash', async () => {
    await noted('2601.00001');
    await noted('2601.00002', 5);
    await store.act({ meta: meta('2601.00002'), action: 'unsave' }, 20);
    const before = await store.snapshot();
    expect(ids(before.trash)).toEqual(['2601.00002']);
    const r = parseImport(toJson(before.papers, before.settings, new Date(30), before.trash), 40);
    if (!r.ok || r.kind !== 'json') throw new Error('the export did not import');
    const empty = await openStore({ factory: new IDBFactory() });
    try {
      const plan = planImport([], r.papers, 'merge');
      await empty.applyPapers(plan.add, [], r.settings, r.trash, 40);
      const after = await empty.snapshot();
      // Brought onto a list that did not have it: a change made at import time (sync must not undo it).
      expect(after.papers).toEqual(before.papers.map((p) => ({ ...p, updatedAt: 40 })));
      expect(after.trash).toEqual(before.trash);
      expect(after.settings).toEqual(before.settings);
      expect(await empty.listPapers()).toHaveLength(1);
    } finally {
      empty.close();
    }
  });

  it('refuses a hostile Trash record in an import or a restore without writing anything', async () => {
    await noted('2601.00001');
    const bad = [
      { id: '2601.00009', trashedAt: 1 },
      { ...(await store.getPaper('2601.00001'))!, id: 'javascript:alert(1)', trashedAt: 1 },
      { ...(await store.getPaper('2601.00001'))!, id: '2601.00009', trashedAt: 'soon' },
    ];
    for (const t of bad) {
      await expect(store.applyPapers([], ['2601.00001'], undefined, [t as never])).rejects.toThrow();
      await expect(store.replaceAll({ papers: [], trash: [t as never], settings: DEFAULT_SETTINGS })).rejects.toThrow();
    }
    expect(ids(await store.listPapers())).toEqual(['2601.00001']);
    expect(await store.trash.count(0)).toBe(0);
  });

  it('lists newest first, purges what is older than 30 days, restores all and empties', async () => {
    const now = 100 * 24 * 3600_000;
    for (const [i, id] of ['2601.00001', '2601.00002', '2601.00003'].entries()) {
      await noted(id);
      await store.act({ meta: meta(id), action: 'unsave' }, now - (2 - i) * 20 * 24 * 3600_000);
    }
    const since = now - TRASH_KEEP_MS;
    expect((await store.trash.list(since)).map((t) => t.id)).toEqual(['2601.00003', '2601.00002']);
    expect(await store.trash.count(since)).toBe(2);
    expect(await store.trash.purge(since)).toBe(1);
    expect(await store.trash.count(0)).toBe(2);
    expect(ids(await store.trash.restore('all', now))).toEqual(['2601.00002', '2601.00003']);
    expect(ids(await store.listPapers())).toEqual(['2601.00002', '2601.00003']);
    await store.bulkUpdate(['2601.00002'], { remove: true }, now);
    await store.trash.empty();
    expect(await store.trash.count(0)).toBe(0);
    expect(await store.trash.restore('all', now)).toEqual([]);
  });

  it('undo of a removal takes the paper back out of the Trash', async () => {
    const before = await noted('2601.00001');
    await store.act({ meta: meta('2601.00001'), action: 'unsave' }, 10);
    await store.restorePapers([before], 30);
    expect(await store.getPaper('2601.00001')).toEqual({ ...before, updatedAt: 30 });
    expect(await store.trash.count(0)).toBe(0);
  });
});
