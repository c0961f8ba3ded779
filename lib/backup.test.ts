import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openStore } from './store';
import { SCHEMA_VERSION, type BackupInfo } from './store-schema';
import {
  backupsToDrop,
  SLOTS,
  maybeDailyBackup,
  noteChange,
  readBackupFailure,
  restoreBackup,
  takeBackup,
} from './backup';
import { failWrites } from './testing/faults';

let undo = () => {};
afterEach(() => undo());

const DAY = 24 * 3600_000;
const meta = (id: string) => ({ id, title: `T ${id}`, authors: [] });

describe('rolling backups', () => {
  it('takes a daily backup only when the list changed and a day has passed', async () => {
    const store = await openStore({ factory: new IDBFactory() });
    expect(await maybeDailyBackup(store, 10 * DAY)).toBeNull(); // nothing ever changed
    await store.act({ meta: meta('2601.00001'), action: 'save' });
    await noteChange(store, 10 * DAY);
    expect(await maybeDailyBackup(store, 10 * DAY + 1)).toEqual(expect.any(Number));
    await noteChange(store, 10 * DAY + 5);
    expect(await maybeDailyBackup(store, 10 * DAY + 10)).toBeNull(); // changed, but less than a day ago
    expect(await maybeDailyBackup(store, 11 * DAY + 10)).toEqual(expect.any(Number));
    expect(await maybeDailyBackup(store, 13 * DAY)).toBeNull(); // a day passed, nothing changed
    expect((await store.listBackups()).map((b) => b.papers)).toEqual([1, 1]);
    store.close();
  });

  it('keeps the last seven daily ones plus the newest backup of each older schema version', () => {
    const list: BackupInfo[] = [];
    for (let i = 20; i >= 1; i--)
      list.push({
        id: i,
        createdAt: i,
        reason: 'daily',
        schemaVersion: i <= 3 ? 0 : i <= 6 ? 1 : SCHEMA_VERSION,
        papers: 0,
        trash: 0,
      });
    const drop = backupsToDrop(list);
    const kept = list.map((b) => b.id).filter((id) => !drop.includes(id));
    expect(kept).toEqual([20, 19, 18, 17, 16, 15, 14, 6, 3]);
    expect(kept.length).toBe(SLOTS.daily + 2);
  });

  it('gives each kind its own slots: other kinds never evict a daily backup', () => {
    const info = (id: number, reason: BackupInfo['reason'], schemaVersion = SCHEMA_VERSION): BackupInfo => ({
      id,
      createdAt: id,
      reason,
      schemaVersion,
      papers: 0,
      trash: 0,
    });
    const kinds = ['manual', 'before-import', 'before-restore', 'before-bulk'] as const;
    // Newest first: 30 event backups after 7 daily ones and a migration backup.
    const list = [
      ...Array.from({ length: 30 }, (_, i) => info(100 - i, kinds[i % 4]!)),
      ...Array.from({ length: 9 }, (_, i) => info(50 - i, 'daily')),
      info(1, 'migration', SCHEMA_VERSION - 1),
    ];
    const drop = new Set(backupsToDrop(list));
    const kept = list.filter((b) => !drop.has(b.id));
    expect(kept.filter((b) => b.reason === 'daily').map((b) => b.id)).toEqual([50, 49, 48, 47, 46, 45, 44]);
    expect(kept.filter((b) => kinds.includes(b.reason as never)).map((b) => b.id)).toEqual([100, 99, 98, 97, 96]);
    expect(kept.filter((b) => b.reason === 'migration').map((b) => b.id)).toEqual([1]);
    expect(backupsToDrop([])).toEqual([]);
  });

  it('prunes as it goes', async () => {
    const store = await openStore({ factory: new IDBFactory() });
    for (let i = 0; i < 10; i++) await takeBackup(store, 'manual', i);
    expect((await store.listBackups()).map((b) => b.createdAt)).toEqual([9, 8, 7, 6, 5]);
    // Bodies go with their metadata.
    expect(await store.db.count('backups')).toBe(5);
    store.close();
  });

  it('an import, a restore and bulk removals never evict the daily backups', async () => {
    const store = await openStore({ factory: new IDBFactory() });
    await store.act({ meta: meta('2601.00001'), action: 'save' });
    for (let d = 1; d <= 7; d++) {
      await noteChange(store, d * DAY);
      expect(await maybeDailyBackup(store, d * DAY + 1)).toEqual(expect.any(Number));
    }
    for (let i = 0; i < 12; i++) await takeBackup(store, i % 2 ? 'before-import' : 'before-bulk', 8 * DAY + i);
    const list = await store.listBackups();
    expect(list.filter((b) => b.reason === 'daily')).toHaveLength(7);
    expect(list.filter((b) => b.reason !== 'daily')).toHaveLength(5);
    store.close();
  });

  it('deciding on a daily backup reads no backup body', async () => {
    const store = await openStore({ factory: new IDBFactory() });
    await store.act({ meta: meta('2601.00001'), action: 'save' });
    await noteChange(store, DAY);
    await maybeDailyBackup(store, DAY + 1);
    await noteChange(store, DAY + 2);
    // Every read goes through a transaction: record which stores each one opens.
    const opened: string[] = [];
    const original = IDBDatabase.prototype.transaction;
    const tx = vi.spyOn(IDBDatabase.prototype, 'transaction').mockImplementation(function (
      this: IDBDatabase,
      names,
      ...rest
    ) {
      opened.push(...(typeof names === 'string' ? [names] : names));
      return original.call(this, names, ...rest);
    });
    expect(await maybeDailyBackup(store, DAY + 3)).toBeNull();
    expect(opened).toContain('backupInfo');
    expect(opened).not.toContain('backups');
    tx.mockRestore();
    store.close();
  });

  it('restores a backup after backing up the present, so a restore can be undone', async () => {
    const store = await openStore({ factory: new IDBFactory() });
    await store.act({ meta: meta('2601.00001'), action: 'read' });
    await store.setSettings({ ...(await store.getSettings()), badge: false });
    const id = await takeBackup(store, 'manual', 1);
    await store.act({ meta: meta('2601.00001'), action: 'unsave' });
    await store.act({ meta: meta('2601.00002'), action: 'save' });
    await store.setSettings({ ...(await store.getSettings()), badge: true });
    await restoreBackup(store, id, 2);
    expect((await store.listPapers()).map((p) => [p.id, p.status])).toEqual([['2601.00001', 'read']]);
    expect((await store.getSettings()).badge).toBe(false);
    const [newest] = await store.listBackups();
    expect(newest).toMatchObject({ reason: 'before-restore', papers: 1, createdAt: 2 });
    await expect(restoreBackup(store, 999)).rejects.toThrow(/no longer exists/);
    store.close();
  });
});

describe('backups that must hold', () => {
  it('restoring the oldest kept backup deletes nothing until the restore has committed', async () => {
    const store = await openStore({ factory: new IDBFactory() });
    await store.act({ meta: meta('2601.00001'), action: 'read' });
    const oldest = await takeBackup(store, 'manual', 1);
    await store.act({ meta: meta('2601.00002'), action: 'save' });
    for (let i = 2; i <= SLOTS.events; i++) await takeBackup(store, 'manual', i);
    // The restore's own writes fail: the backup it restores from must still be there.
    // (The one put that succeeds is the before-restore backup's metadata.)
    undo = failWrites({ after: 1, mode: { throw: 'QuotaExceededError' } });
    await expect(restoreBackup(store, oldest, 10)).rejects.toMatchObject({ name: 'QuotaExceededError' });
    undo();
    expect((await store.listBackups())[0]).toMatchObject({ reason: 'before-restore', createdAt: 10 });
    expect(await store.getBackup(oldest)).toBeDefined();
    expect((await store.listPapers()).map((p) => p.id).sort()).toEqual(['2601.00001', '2601.00002']);
    // And when it succeeds, the list is the backup's; only then may the slot let it go.
    await restoreBackup(store, oldest, 11);
    expect((await store.listPapers()).map((p) => p.id)).toEqual(['2601.00001']);
    expect((await store.listBackups())[0]).toMatchObject({ reason: 'before-restore', papers: 2 });
    store.close();
  });

  it('a backup holds the Trash, and restoring it brings the Trash back', async () => {
    const store = await openStore({ factory: new IDBFactory() });
    await store.act({ meta: meta('2601.00001'), action: 'save' }, 1);
    await store.act({ meta: meta('2601.00002'), action: 'save' }, 1);
    await store.act({ meta: meta('2601.00002'), action: 'unsave' }, 2);
    const id = await takeBackup(store, 'manual', 3);
    expect((await store.listBackups())[0]).toMatchObject({ papers: 1, trash: 1 });
    await store.trash.empty();
    await restoreBackup(store, id, 4);
    expect((await store.trash.list(0)).map((t) => [t.id, t.trashedAt])).toEqual([['2601.00002', 2]]);
    store.close();
  });

  it('a damaged backup body is refused and changes nothing', async () => {
    const store = await openStore({ factory: new IDBFactory() });
    await store.act({ meta: meta('2601.00001'), action: 'save' }, 1);
    const id = await store.addBackup({
      createdAt: 1,
      reason: 'manual',
      schemaVersion: SCHEMA_VERSION,
      papers: [{ id: '../../etc', title: 1 } as never],
      trash: 'not a list' as never,
      settings: { keywords: 'x' } as never,
    });
    await expect(restoreBackup(store, id, 2)).rejects.toThrow();
    expect((await store.listPapers()).map((p) => p.id)).toEqual(['2601.00001']);
    store.close();
  });

  it('a failed backup is recorded until the next one succeeds', async () => {
    const store = await openStore({ factory: new IDBFactory() });
    expect(await readBackupFailure(store)).toBeNull();
    undo = failWrites({ after: 0, mode: { throw: 'QuotaExceededError' }, method: 'add' });
    await expect(takeBackup(store, 'daily', 5)).rejects.toMatchObject({ name: 'QuotaExceededError' });
    undo();
    expect(await readBackupFailure(store)).toEqual({ at: 5, reason: 'daily', message: 'storage is full' });
    await takeBackup(store, 'manual', 6);
    expect(await readBackupFailure(store)).toBeNull();
    // A corrupt record reads as none.
    await store.setMeta('backupFailure', { at: 'yesterday', reason: 'x'.repeat(9999) });
    expect(await readBackupFailure(store)).toBeNull();
    store.close();
  });
});
