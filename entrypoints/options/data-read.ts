import { openStore, type Store } from '@/lib/store';
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

async function withStore<T>(read: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore();
  try {
    return await read(store);
  } finally {
    store.close();
  }
}

export const load = (): Promise<Data> =>
  withStore(async (store) => {
    const [papers, settings, backups, failure] = await Promise.all([
      store.listPapers(),
      store.getSettings(),
      store.listBackups(),
      readBackupFailure(store),
    ]);
    return { papers, settings, backups, failure };
  });

/** The papers a change names (undefined: no longer on the list), with the backups and their failure notice. */
export const loadSome = (ids: string[]) =>
  withStore(async (store) => {
    const [papers, backups, failure] = await Promise.all([
      Promise.all(ids.map((id) => store.getPaper(id))),
      store.listBackups(),
      readBackupFailure(store),
    ]);
    return { fresh: new Map(ids.map((id, i) => [id, papers[i]])), backups, failure };
  });

/** What the Trash shows (the background purges older papers; until then they are not exported either). */
export const readTrash = (): Promise<TrashedPaper[]> =>
  withStore((store) => store.trash.list(Date.now() - TRASH_KEEP_MS));

export const readBackup = (id: number): Promise<BackupRecord> =>
  withStore(async (store) => {
    const backup = await store.getBackup(id);
    if (!backup) throw new Error('That backup no longer exists.');
    return backup;
  });
