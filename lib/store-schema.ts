import {
  unwrap,
  type DBSchema,
  type IDBPDatabase,
  type IDBPObjectStore,
  type IDBPTransaction,
  type StoreNames,
} from 'idb';
import { DEFAULT_SETTINGS, SettingsSchema, type Paper, type Settings, type TrashedPaper } from './model';

/**
 * What the database holds and how each version became the next: the object stores' shapes, the
 * append-only migrations and the backup taken before any of them runs. `store.ts` does the reading and writing.
 */

export const SCHEMA_VERSION = 4;

export interface SeenRecord {
  id: string;
  firstSeen: number;
  lastSeen: number;
}

export const BACKUP_REASONS = [
  'daily',
  'migration',
  'manual',
  'before-import',
  'before-restore',
  'before-bulk',
] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

/** What a backup holds; its `BackupInfo` is stored beside it under the same id. */
export interface BackupRecord {
  id?: number;
  createdAt: number;
  reason: BackupReason;
  schemaVersion: number;
  papers: Paper[];
  /** The Trash as it was; absent in backups taken before the Trash existed. */
  trash?: TrashedPaper[];
  settings: Settings;
}

/** A backup without its body: all that listing backups, pruning them and deciding on the next one read. */
export interface BackupInfo {
  id: number;
  createdAt: number;
  reason: BackupReason;
  schemaVersion: number;
  papers: number;
  trash: number;
}

/** What the list is right now: papers, Trash and settings, read in one transaction. */
export interface Snapshot {
  papers: Paper[];
  trash: TrashedPaper[];
  settings: Settings;
}

/** The current shape. Steps that made indexes since removed reach them through `unwrap`, untyped. */
export interface DogearDB extends DBSchema {
  papers: {
    key: string;
    value: Paper;
    indexes: { status: string; savedAt: number };
  };
  settings: { key: string; value: Settings };
  seen: { key: string; value: SeenRecord; indexes: { lastSeen: number } };
  backups: { key: number; value: BackupRecord; indexes: { createdAt: number } };
  meta: { key: string; value: unknown };
  trash: { key: string; value: TrashedPaper; indexes: { trashedAt: number } };
  backupInfo: { key: number; value: BackupInfo; indexes: { createdAt: number } };
}

export type Tx = IDBPTransaction<DogearDB, StoreNames<DogearDB>[], 'versionchange'>;

/** An object store open for writing, in any transaction that includes it. */
export type Writable<N extends StoreNames<DogearDB>> = IDBPObjectStore<
  DogearDB,
  ArrayLike<StoreNames<DogearDB>>,
  N,
  'readwrite' | 'versionchange'
>;

/**
 * Each entry brings the schema from version i to i+1. Never edit a shipped
 * step: add a new one, and a test that opens a database written by the
 * previous version.
 */
export const MIGRATIONS: ReadonlyArray<(db: IDBPDatabase<DogearDB>, tx: Tx) => void> = [
  // 0 → 1: initial schema
  (db) => {
    const papers = db.createObjectStore('papers', { keyPath: 'id' });
    papers.createIndex('status', 'status');
    papers.createIndex('savedAt', 'savedAt');
    unwrap(papers).createIndex('tags', 'tags', { multiEntry: true });
    db.createObjectStore('settings');
    db.createObjectStore('seen', { keyPath: 'id' });
    const backups = db.createObjectStore('backups', { keyPath: 'id', autoIncrement: true });
    backups.createIndex('createdAt', 'createdAt');
    db.createObjectStore('meta');
  },
  // 1 → 2: find papers changed since the last backup; prune papers not seen for a long time
  (_db, tx) => {
    unwrap(tx.objectStore('papers')).createIndex('updatedAt', 'updatedAt');
    tx.objectStore('seen').createIndex('lastSeen', 'lastSeen');
  },
  // 2 → 3: removed papers go to a Trash; backups' metadata kept apart from their bodies
  (db, tx) => {
    db.createObjectStore('trash', { keyPath: 'id' }).createIndex('trashedAt', 'trashedAt');
    const infos = db.createObjectStore('backupInfo', { keyPath: 'id' });
    infos.createIndex('createdAt', 'createdAt');
    // The one time bodies are read for their metadata; from now on it is written beside each backup.
    const step = async () => {
      let cursor = await tx.objectStore('backups').openCursor();
      while (cursor) {
        const b = cursor.value;
        const info = { createdAt: b.createdAt, reason: b.reason, schemaVersion: b.schemaVersion };
        await infos.put({ id: cursor.key, ...info, papers: b.papers.length, trash: 0 });
        cursor = await cursor.continue();
      }
    };
    // A failure aborts the upgrade, which openStore reports.
    step().catch(() => {});
  },
  // 3 → 4: two indexes nothing reads, each a write per paper (and `tags` one per tag) on every save and import
  (_db, tx) => {
    const papers = unwrap(tx.objectStore('papers'));
    for (const name of ['tags', 'updatedAt']) papers.deleteIndex(name);
  },
];

/**
 * Copies every paper and the settings into the backups store inside the
 * upgrade transaction, before any step runs: the requests are queued first,
 * so they read the data as the old version left it. If the upgrade fails, the
 * transaction rolls back and the old database is untouched anyway.
 */
function backupBeforeMigration(tx: Tx, fromVersion: number, now: number): void {
  const papers = tx.objectStore('papers').getAll();
  const trash = tx.objectStoreNames.contains('trash') ? tx.objectStore('trash').getAll() : Promise.resolve([]);
  const settings = tx.objectStore('settings').get('settings');
  // Written after every step has run, so into the stores of the new version.
  Promise.all([papers, trash, settings])
    .then(([p, t, s]) =>
      writeBackup(tx.objectStore('backups'), tx.objectStore('backupInfo'), {
        createdAt: now,
        reason: 'migration',
        schemaVersion: fromVersion,
        papers: p,
        trash: t,
        settings: SettingsSchema.safeParse(s ?? {}).data ?? DEFAULT_SETTINGS,
      }),
    )
    // A failed upgrade rolls everything back and openStore reports it; this chain has nothing to add.
    .catch(() => {});
}

/** A backup's body and its metadata, under one id, in the caller's transaction. */
export async function writeBackup(
  bodies: Writable<'backups'>,
  infos: Writable<'backupInfo'>,
  b: Omit<BackupRecord, 'id'>,
): Promise<number> {
  const id = await bodies.add(b as BackupRecord);
  const { createdAt, reason, schemaVersion } = b;
  await infos.put({ id, createdAt, reason, schemaVersion, papers: b.papers.length, trash: b.trash?.length ?? 0 });
  return id;
}

/** The upgrade from `oldVersion` (0 for a new database) to `SCHEMA_VERSION`, backing up first. */
export function upgradeSchema(db: IDBPDatabase<DogearDB>, oldVersion: number, tx: Tx, now: number): void {
  if (oldVersion > 0) backupBeforeMigration(tx, oldVersion, now);
  for (let v = oldVersion; v < SCHEMA_VERSION; v++) MIGRATIONS[v]!(db, tx);
}
