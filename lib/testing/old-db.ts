import { openDB } from 'idb';
import { MIGRATIONS, type BackupRecord, type DogearDB } from '../store-schema';
import type { Paper, Settings } from '../model';

/**
 * Writes a database as schema version `version` of Dogear left it, by running
 * only the migrations up to that version: the starting point of every
 * migration test. Records are written raw, as the old code stored them.
 */
export async function writeOldDatabase(
  factory: IDBFactory,
  version: number,
  data: {
    papers: Paper[];
    settings?: Settings;
    seen?: { id: string; firstSeen: number; lastSeen: number }[];
    /** Backups as that version stored them (bodies only). */
    backups?: Omit<BackupRecord, 'id'>[];
  },
  name = 'dogear',
): Promise<void> {
  const g = globalThis as { indexedDB?: IDBFactory };
  const prev = g.indexedDB;
  g.indexedDB = factory;
  try {
    const db = await openDB<DogearDB>(name, version, {
      upgrade(database, oldVersion, _n, tx) {
        for (let v = oldVersion; v < version; v++) MIGRATIONS[v]!(database, tx);
      },
    });
    const tx = db.transaction(['papers', 'settings', 'seen', 'backups'], 'readwrite');
    await Promise.all([
      ...(data.backups ?? []).map((b) => tx.objectStore('backups').add(b as BackupRecord)),
      ...data.papers.map((p) => tx.objectStore('papers').put(p)),
      ...(data.settings ? [tx.objectStore('settings').put(data.settings, 'settings')] : []),
      ...(data.seen ?? []).map((s) => tx.objectStore('seen').put(s)),
      tx.done,
    ]);
    db.close();
  } finally {
    g.indexedDB = prev;
  }
}

/** A varied set of papers: statuses, tags, notes with markup, old-style ids. */
export function samplePapers(n: number): Paper[] {
  const statuses = ['saved', 'read', 'dismissed'] as const;
  return Array.from({ length: n }, (_, i) => {
    const id =
      i % 10 === 9
        ? `hep-th/99${String(1 + (i % 12)).padStart(2, '0')}${String(i).padStart(3, '0').slice(-3)}`
        : `26${String(1 + (i % 12)).padStart(2, '0')}.${String(10000 + i).slice(-5)}`;
    return {
      id,
      title: `Paper ${i}: <b>bold</b> & "quoted"`,
      authors: [`Author ${i}`, 'Zoë Ünicode'],
      abstract: i % 3 ? `Abstract ${i}` : undefined,
      status: statuses[i % 3]!,
      tags: i % 4 ? ['rl'] : [],
      ruleTags: i % 5 ? [] : ['agents'],
      note: i % 7 ? '' : `note ${i} <script>alert(1)</script>`,
      sources: ['huggingface'],
      savedAt: 1_700_000_000_000 + i,
      updatedAt: 1_700_000_000_000 + i,
    } as Paper;
  });
}
