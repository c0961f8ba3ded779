import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import { openStore } from './store';
import { MIGRATIONS, SCHEMA_VERSION } from './store-schema';
import { samplePapers, writeOldDatabase } from './testing/old-db';

/**
 * Guards for the migration tests: the old databases they start from are built
 * by the shipped steps, so a step edited after release would silently change
 * its own test. The shape each version leaves is pinned here instead.
 */

type Shape = Record<
  string,
  { keyPath: string | null; autoIncrement: boolean; indexes: Record<string, [string, boolean]> }
>;

const V2: Shape = {
  backups: { keyPath: 'id', autoIncrement: true, indexes: { createdAt: ['createdAt', false] } },
  meta: { keyPath: null, autoIncrement: false, indexes: {} },
  papers: {
    keyPath: 'id',
    autoIncrement: false,
    indexes: {
      savedAt: ['savedAt', false],
      status: ['status', false],
      tags: ['tags', true],
      updatedAt: ['updatedAt', false],
    },
  },
  seen: { keyPath: 'id', autoIncrement: false, indexes: { lastSeen: ['lastSeen', false] } },
  settings: { keyPath: null, autoIncrement: false, indexes: {} },
};

// Version 3 added the Trash and the backups' metadata.
const V3: Shape = {
  ...V2,
  backupInfo: { keyPath: 'id', autoIncrement: false, indexes: { createdAt: ['createdAt', false] } },
  trash: { keyPath: 'id', autoIncrement: false, indexes: { trashedAt: ['trashedAt', false] } },
};

const SHAPES: Record<number, Shape> = {
  1: {
    backups: { keyPath: 'id', autoIncrement: true, indexes: { createdAt: ['createdAt', false] } },
    meta: { keyPath: null, autoIncrement: false, indexes: {} },
    papers: {
      keyPath: 'id',
      autoIncrement: false,
      indexes: { savedAt: ['savedAt', false], status: ['status', false], tags: ['tags', true] },
    },
    seen: { keyPath: 'id', autoIncrement: false, indexes: {} },
    settings: { keyPath: null, autoIncrement: false, indexes: {} },
  },
  2: V2,
  3: V3,
  // Version 4 only took two of the papers' indexes away.
  4: {
    ...V3,
    papers: {
      keyPath: 'id',
      autoIncrement: false,
      indexes: { savedAt: ['savedAt', false], status: ['status', false] },
    },
  },
};

async function shapeOf(factory: IDBFactory, name = 'dogear') {
  const g = globalThis as { indexedDB?: IDBFactory };
  const prev = g.indexedDB;
  g.indexedDB = factory;
  try {
    const db = await openDB(name);
    const tx = db.transaction([...db.objectStoreNames]);
    const out: Record<string, unknown> = {};
    for (const storeName of db.objectStoreNames) {
      const s = tx.objectStore(storeName);
      const indexes: Record<string, [string, boolean]> = {};
      for (const i of s.indexNames) indexes[i] = [s.index(i).keyPath as string, s.index(i).multiEntry];
      out[storeName] = { keyPath: s.keyPath, autoIncrement: s.autoIncrement, indexes };
    }
    db.close();
    return { version: db.version, stores: out };
  } finally {
    g.indexedDB = prev;
  }
}

describe('schema shapes', () => {
  it('every version has a pinned shape', () => {
    expect(Object.keys(SHAPES).map(Number)).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1));
  });

  for (let v = 1; v <= SCHEMA_VERSION; v++) {
    it(`the shipped steps still build version ${v} as it shipped`, async () => {
      const factory = new IDBFactory();
      await writeOldDatabase(factory, v, { papers: [] });
      expect(await shapeOf(factory)).toEqual({ version: v, stores: SHAPES[v] });
    });
  }

  it('a fresh install has the current shape', async () => {
    const factory = new IDBFactory();
    (await openStore({ factory })).close();
    expect(await shapeOf(factory)).toEqual({ version: SCHEMA_VERSION, stores: SHAPES[SCHEMA_VERSION] });
  });
});

describe('a migration that fails', () => {
  const steps = MIGRATIONS as Array<(typeof MIGRATIONS)[number]>;
  const last = steps[SCHEMA_VERSION - 1]!;
  afterEach(() => {
    steps[SCHEMA_VERSION - 1] = last;
  });

  it('leaves the old database, its data and its version untouched, and says so', async () => {
    const factory = new IDBFactory();
    const papers = samplePapers(40);
    await writeOldDatabase(factory, SCHEMA_VERSION - 1, { papers });
    const before = await shapeOf(factory);
    steps[SCHEMA_VERSION - 1] = (db, tx) => {
      last(db, tx);
      throw new Error('step failed half-way');
    };
    await expect(openStore({ factory })).rejects.toThrow(/could not update its database.*Nothing was changed/);
    steps[SCHEMA_VERSION - 1] = last;

    expect(await shapeOf(factory)).toEqual(before);
    // Opening again with the fixed step migrates everything.
    const store = await openStore({ factory });
    expect(await store.listPapers()).toHaveLength(40);
    expect((await store.listBackups()).map((b) => b.reason)).toEqual(['migration']);
    store.close();
  });
});

describe('a database from a newer Dogear', () => {
  it('is refused with a message that says so, and left untouched', async () => {
    const factory = new IDBFactory();
    await new Promise<void>((resolve, reject) => {
      const req = factory.open('dogear', SCHEMA_VERSION + 1);
      req.onupgradeneeded = () => req.result.createObjectStore('future');
      req.onsuccess = () => (req.result.close(), resolve());
      req.onerror = () => reject(req.error);
    });
    await expect(openStore({ factory })).rejects.toThrow(/newer version of Dogear.*nothing was changed/);
  });
});
