import { SCHEMA_VERSION, type BackupInfo, type BackupRecord, type Store } from './store';

/**
 * Rolling backups inside the extension: one a day while the list changes, the
 * last seven kept, plus the newest one of every older schema version (taken
 * before each migration), so an update can always be walked back.
 */

export const KEEP_RECENT = 7;
const DAY_MS = 24 * 3600_000;
const LAST_CHANGE_KEY = 'lastChangeAt';

export async function noteChange(store: Store, now = Date.now()): Promise<void> {
  await store.setMeta(LAST_CHANGE_KEY, now);
}

export async function takeBackup(store: Store, reason: BackupRecord['reason'], now = Date.now()): Promise<number> {
  const [papers, settings] = await Promise.all([store.listPapers(), store.getSettings()]);
  const id = await store.addBackup({ createdAt: now, reason, schemaVersion: SCHEMA_VERSION, papers, settings });
  await prune(store);
  return id;
}

/** Takes the daily backup when the list changed since the last one and a day has passed. */
export async function maybeDailyBackup(store: Store, now = Date.now()): Promise<number | null> {
  const lastChange = await store.getMeta(LAST_CHANGE_KEY, (raw) =>
    typeof raw === 'number' && Number.isFinite(raw) ? raw : 0,
  );
  const newest = (await store.listBackups())[0];
  if (newest && (lastChange <= newest.createdAt || now - newest.createdAt < DAY_MS)) return null;
  if (!newest && lastChange === 0) return null;
  return takeBackup(store, 'daily', now);
}

/** Which backups to delete: all but the newest KEEP_RECENT, except the newest of each older schema version. */
export function backupsToDrop(list: BackupInfo[]): number[] {
  const keep = new Set(list.slice(0, KEEP_RECENT).map((b) => b.id));
  const perVersion = new Set<number>();
  for (const b of list) {
    if (b.schemaVersion !== SCHEMA_VERSION && !perVersion.has(b.schemaVersion)) {
      perVersion.add(b.schemaVersion);
      keep.add(b.id);
    }
  }
  return list.filter((b) => !keep.has(b.id)).map((b) => b.id);
}

async function prune(store: Store): Promise<void> {
  const drop = backupsToDrop(await store.listBackups());
  if (drop.length) await store.deleteBackups(drop);
}

/**
 * Replaces the list and settings with a backup's, after backing up the
 * current state, so a restore can itself be undone. Papers and settings are
 * written in one transaction.
 */
export async function restoreBackup(store: Store, id: number, now = Date.now()): Promise<BackupRecord> {
  const backup = await store.getBackup(id);
  if (!backup) throw new Error('That backup no longer exists.');
  await takeBackup(store, 'before-restore', now);
  await store.replaceAll(backup.papers, backup.settings, now);
  return backup;
}
