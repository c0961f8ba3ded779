import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openStore, SCHEMA_VERSION, MIGRATIONS } from './store';
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
        { id: expect.any(Number), createdAt: 42, reason: 'migration', schemaVersion: from, papers: 250 },
      ]);
      const backup = await store.getBackup(backups[0]!.id);
      expect(backup?.papers).toEqual(papers.slice().sort((a, b) => (a.id < b.id ? -1 : 1)));
      // The new indexes work on migrated data.
      expect(await store.db.countFromIndex('papers', 'updatedAt', IDBKeyRange.lowerBound(0))).toBe(250);
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
