import * as z from 'zod/mini';
import { errorText } from './errors';
import { logOnce } from './log';
import type { Store } from './store';
import { BACKUP_REASONS, SCHEMA_VERSION, type BackupInfo, type BackupReason } from './store-schema';

/**
 * Rolling backups inside the extension, in slots by kind, so that one kind
 * never evicts another: the last 7 daily ones (one a day while the list
 * changes); the last 5 taken before an import, a restore or a bulk removal,
 * or by hand; and the newest of every older schema version (taken before each
 * migration), so an update can always be walked back. Deciding on a backup and
 * pruning read only the backups' metadata, never their bodies.
 */

export const SLOTS = { daily: 7, events: 5 } as const;
const DAY_MS = 24 * 3600_000;
const LAST_CHANGE_KEY = 'lastChangeAt';
const FAILURE_KEY = 'backupFailure';

/** The last backup that failed, kept until one succeeds, so the user is told rather than only the console. */
const BackupFailureSchema = z.object({
  at: z.number(),
  reason: z.enum(BACKUP_REASONS),
  message: z.string().check(z.maxLength(500)),
});
export type BackupFailure = z.infer<typeof BackupFailureSchema>;

/** A missing or unreadable record is "no failure": the notice is a hint, never a reason to fail. */
export function readBackupFailure(store: Store): Promise<BackupFailure | null> {
  return store.getMeta(FAILURE_KEY, (raw) => BackupFailureSchema.safeParse(raw).data ?? null);
}

export async function noteChange(store: Store, now = Date.now()): Promise<void> {
  await store.setMeta(LAST_CHANGE_KEY, now);
}

export async function takeBackup(store: Store, reason: BackupReason, now = Date.now()): Promise<number> {
  const id = await addBackup(store, reason, now);
  await prune(store);
  return id;
}

/** Writes one backup of the list as it is, recording a failure (or clearing an earlier one). */
async function addBackup(store: Store, reason: BackupReason, now: number): Promise<number> {
  try {
    const snapshot = await store.snapshot();
    const id = await store.addBackup({ createdAt: now, reason, schemaVersion: SCHEMA_VERSION, ...snapshot });
    await store.deleteMeta(FAILURE_KEY);
    return id;
  } catch (e) {
    const name = e instanceof Error || e instanceof DOMException ? e.name : '';
    const message = name === 'QuotaExceededError' ? 'storage is full' : errorText(e).slice(0, 500);
    // Best effort: when even this small record cannot be written, the caller's error still reaches the console.
    await store.setMeta(FAILURE_KEY, { at: now, reason, message } satisfies BackupFailure).catch(() => {});
    throw e;
  }
}

/**
 * Daily backups taken one after another: a worker's start and a change arriving meanwhile must not both find
 * the day's backup due. A failure is logged, never thrown: the change it follows is already written.
 */
export function dailyBackupQueue(store: Store): (now: number) => Promise<void> {
  let last = Promise.resolve();
  return (now) => (last = last.then(() => maybeDailyBackup(store, now)).then(() => {}, logDailyFailure));
}

/** A failure of the daily backup's bookkeeping, logged once: the change it follows is already written. */
export const logDailyFailure = (e: unknown): void => logOnce('daily-backup', 'daily backup failed', e);

/** Takes the daily backup when the list changed since the newest daily one and a day has passed. */
export async function maybeDailyBackup(store: Store, now = Date.now()): Promise<number | null> {
  const lastChange = await store.getMeta(LAST_CHANGE_KEY, (raw) =>
    typeof raw === 'number' && Number.isFinite(raw) ? raw : 0,
  );
  const newest = (await store.listBackups()).find((b) => b.reason === 'daily');
  if (newest && (lastChange <= newest.createdAt || now - newest.createdAt < DAY_MS)) return null;
  if (!newest && lastChange === 0) return null;
  return takeBackup(store, 'daily', now);
}

/** Which backups to delete (the list newest first): whatever no slot keeps. */
export function backupsToDrop(list: BackupInfo[]): number[] {
  const keep = new Set<number>();
  let daily = 0;
  let events = 0;
  const perVersion = new Set<number>();
  for (const b of list) {
    if (b.reason === 'daily' && daily++ < SLOTS.daily) keep.add(b.id);
    if (b.reason !== 'daily' && b.reason !== 'migration' && events++ < SLOTS.events) keep.add(b.id);
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
 * Replaces the list, the Trash and the settings with a backup's, after backing
 * up the present, so a restore can itself be undone. Nothing is pruned until
 * the restore has committed: the backup restored may be the oldest one kept.
 */
export async function restoreBackup(store: Store, id: number, now = Date.now()) {
  const backup = await store.getBackup(id);
  if (!backup) throw new Error('That backup no longer exists.');
  await addBackup(store, 'before-restore', now);
  await store.replaceAll({ papers: backup.papers, trash: backup.trash ?? [], settings: backup.settings }, now);
  await prune(store);
  return backup;
}
