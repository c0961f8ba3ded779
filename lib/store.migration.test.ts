import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openStore } from './store';
import { SCHEMA_VERSION, MIGRATIONS } from './store-schema';
import { writeOldDatabase, samplePapers } from './testing/old-db';
import { DEFAULT_SETTINGS, PaperSchema } from './model';

describe('schema migrations', () => {
  it('has one step per version', () => {
    expect(MIGRATIONS).toHaveLength(SCHEMA_VERSION);
  });

  // Every version a user may still have, walked forward to the current one.
  for (let from = 1; from < SCHEMA_VERSION; from++) {
    it(`opens a version-${from} database with every record intact and a backup taken first`, async () => {
      const factory = new IDBFactory();
      const papers = samplePapers(250);
      const settings = {
        ...DEFAULT_SETTINGS,
        keywords: [{ pattern: 'diffusion', caseSensitive: false, wholeWord: true }],
      };
      const seen = [{ id: '2601.00001', firstSeen: 1, lastSeen: 2 }];
      await writeOldDatabase(factory, from, { papers, settings, seen });

      const store = await openStore({ factory, now: () => 42 });
      expect(store.db.version).toBe(SCHEMA_VERSION);
      const after = await store.listPapers();
      expect(after).toHaveLength(papers.length);
      const byId = new Map(after.map((p) => [p.id, p]));
      for (const p of papers) expect(byId.get(p.id)).toEqual(p);
      for (const p of after) expect(PaperSchema.safeParse(p).success).toBe(true);
      expect(await store.getSettings()).toEqual(settings);
      expect((await store.getSeen(['2601.00001'])).get('2601.00001')).toEqual(seen[0]);

      const backups = await store.listBackups();
      expect(backups).toEqual([
        { id: expect.any(Number), createdAt: 42, reason: 'migration', schemaVersion: from, papers: 250, trash: 0 },
      ]);
      const backup = await store.getBackup(backups[0]!.id);
      expect(backup?.papers).toEqual(papers.slice().sort((a, b) => (a.id < b.id ? -1 : 1)));
      // The index the popup's first screen reads works on migrated data.
      expect(await store.db.countFromIndex('papers', 'savedAt', IDBKeyRange.lowerBound(0))).toBe(250);
      store.close();
    });
  }

  it('a fresh install takes no migration backup', async () => {
    const store = await openStore({ factory: new IDBFactory() });
    expect(await store.listBackups()).toEqual([]);
    store.close();
  });

  it('opening an already current database changes nothing', async () => {
    const factory = new IDBFactory();
    const first = await openStore({ factory });
    await first.act({ meta: { id: '2601.00001', title: 't', authors: [] }, action: 'save' }, 1);
    first.close();
    const again = await openStore({ factory });
    expect(await again.listPapers()).toHaveLength(1);
    expect(await again.listBackups()).toEqual([]);
    again.close();
  });
});

describe('migration to version 3 (Trash, backup metadata)', () => {
  it('gives every existing backup its metadata, read once from the bodies, and starts with an empty Trash', async () => {
    const factory = new IDBFactory();
    const papers = samplePapers(12);
    const backup = (createdAt: number, reason: 'daily' | 'manual', n: number) => ({
      createdAt,
      reason,
      schemaVersion: 2,
      papers: papers.slice(0, n),
      settings: DEFAULT_SETTINGS,
    });
    await writeOldDatabase(factory, 2, {
      papers,
      backups: [backup(10, 'daily', 3), backup(20, 'manual', 7), backup(30, 'daily', 12)],
    });
    const store = await openStore({ factory, now: () => 42 });
    const list = await store.listBackups();
    expect(list.map((b) => [b.createdAt, b.reason, b.schemaVersion, b.papers, b.trash])).toEqual([
      [42, 'migration', 2, 12, 0],
      [30, 'daily', 2, 12, 0],
      [20, 'manual', 2, 7, 0],
      [10, 'daily', 2, 3, 0],
    ]);
    for (const b of list) expect((await store.getBackup(b.id))?.papers).toHaveLength(b.papers);
    expect(await store.trash.count(0)).toBe(0);
    expect(await store.listPapers()).toHaveLength(12);
    store.close();
  });
});
