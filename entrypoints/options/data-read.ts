import { openStore } from '@/lib/store';
import type { BackupInfo, BackupRecord } from '@/lib/store-schema';
import { TRASH_KEEP_MS, type Paper, type Settings, type TrashedPaper } from '@/lib/model';
import { readBackupFailure, type BackupFailure } from '@/lib/backup';

/** What "Your data" reads from the database, each read in its own short-lived connection. */

export interface Data {
  papers: Paper[];
  settings: Settings;
  backups: BackupInfo[];
  failure: BackupFailure | null;
}

export async function load(): Promise<Data> {
  const store = await openStore();
  try {
    const [papers, settings, backups, failure] = await Promise.all([
      store.listPapers(),
      store.getSettings(),
      store.listBackups(),
      readBackupFailure(store),
    ]);
    return { papers, settings, backups, failure };
  } finally {
    store.close();
  }
}

/** The papers a change names (undefined: no longer on the list), with the backups and their failure notice. */
export async function loadSome(ids: string[]) {
  const store = await openStore();
  try {
    const [papers, backups, failure] = await Promise.all([
      Promise.all(ids.map((id) => store.getPaper(id))),
      store.listBackups(),
      readBackupFailure(store),
    ]);
    return { fresh: new Map(ids.map((id, i) => [id, papers[i]])), backups, failure };
  } finally {
    store.close();
  }
}

/** What the Trash shows (the background purges older papers; until then they are not exported either). */
export async function readTrash(): Promise<TrashedPaper[]> {
  const store = await openStore();
  try {
    return await store.trash.list(Date.now() - TRASH_KEEP_MS);
  } finally {
    store.close();
  }
}

export async function readBackup(id: number): Promise<BackupRecord> {
  const store = await openStore();
  try {
    const backup = await store.getBackup(id);
    if (!backup) throw new Error('That backup no longer exists.');
    return backup;
  } finally {
    store.close();
  }
}
