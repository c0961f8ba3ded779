import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openStore, SCHEMA_VERSION, type BackupInfo } from './store';
import { backupsToDrop, KEEP_RECENT, maybeDailyBackup, noteChange, restoreBackup, takeBackup } from './backup';

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

  it('keeps the last seven plus the newest backup of each older schema version', () => {
    const list: BackupInfo[] = [];
    for (let i = 20; i >= 1; i--)
      list.push({
        id: i,
        createdAt: i,
        reason: 'daily',
        schemaVersion: i <= 3 ? 0 : i <= 6 ? 1 : SCHEMA_VERSION,
        papers: 0,
      });
    const drop = backupsToDrop(list);
    const kept = list.map((b) => b.id).filter((id) => !drop.includes(id));
    expect(kept).toEqual([20, 19, 18, 17, 16, 15, 14, 6, 3]);
    expect(kept.length).toBe(KEEP_RECENT + 2);
  });

  it('prunes as it goes', async () => {
    const store = await openStore({ factory: new IDBFactory() });
    for (let i = 0; i < 10; i++) await takeBackup(store, 'manual', i);
    expect((await store.listBackups()).map((b) => b.createdAt)).toEqual([9, 8, 7, 6, 5, 4, 3]);
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
