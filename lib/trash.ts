import type { IDBPDatabase } from 'idb';
import { validPaper, type Paper, type TrashedPaper } from './model';
import type { DogearDB, Writable } from './store-schema';

/**
 * The Trash: removed papers, kept whole (note, tags, dates) in their own
 * object store, so every query of the list (search, export, badge, mirror)
 * ignores them without a filter. A paper id is never in both stores.
 */

/**
 * The one way a paper leaves the list: its record goes to the Trash. Callers
 * report the id as removed (the mirror drops it, sync sends a tombstone).
 */
export async function moveToTrash(
  papers: Writable<'papers'>,
  trash: Writable<'trash'>,
  paper: Paper,
  now: number,
): Promise<void> {
  await Promise.all([trash.put({ ...paper, trashedAt: now }), papers.delete(paper.id)]);
}

/** The record as it was on the list. */
export function untrashed(t: TrashedPaper): Paper {
  const { trashedAt: _, ...paper } = t;
  return paper;
}

export class Trash {
  constructor(private readonly db: IDBPDatabase<DogearDB>) {}

  /** Removed since `since`, newest first; older ones wait for `purge`. */
  async list(since: number): Promise<TrashedPaper[]> {
    const out: TrashedPaper[] = [];
    const index = this.db.transaction('trash').store.index('trashedAt');
    let cursor = await index.openCursor(IDBKeyRange.lowerBound(since), 'prev');
    while (cursor) {
      out.push(cursor.value);
      cursor = await cursor.continue();
    }
    return out;
  }

  count(since: number): Promise<number> {
    return this.db.countFromIndex('trash', 'trashedAt', IDBKeyRange.lowerBound(since));
  }

  /** Deletes what was removed before `before`; returns how many. */
  async purge(before: number): Promise<number> {
    const tx = this.db.transaction('trash', 'readwrite');
    let n = 0;
    let cursor = await tx.store.index('trashedAt').openCursor(IDBKeyRange.upperBound(before, true));
    while (cursor) {
      await cursor.delete();
      n++;
      cursor = await cursor.continue();
    }
    await tx.done;
    return n;
  }

  /**
   * Puts papers back on the list as they were, in one transaction; `all`
   * takes everything in the Trash. A restore is a change of its own, so
   * `updatedAt` is now. Returns the records now on the list. With `removedAt`, only records removed
   * at that time (an undo: a paper removed again since is not the one to put back).
   */
  async restore(ids: string[] | 'all', now: number, removedAt?: number): Promise<Paper[]> {
    const tx = this.db.transaction(['papers', 'trash'], 'readwrite');
    const papers = tx.objectStore('papers');
    const trash = tx.objectStore('trash');
    const found = ids === 'all' ? await trash.getAll() : await Promise.all(ids.map((id) => trash.get(id)));
    const back: Paper[] = [];
    for (const t of found) {
      if (!t || (removedAt !== undefined && t.trashedAt !== removedAt)) continue;
      await trash.delete(t.id);
      // The list's record wins (none should exist: re-saving takes a paper out of the Trash).
      if (await papers.getKey(t.id)) continue;
      const paper = validPaper({ ...untrashed(t), updatedAt: now });
      await papers.put(paper);
      back.push(paper);
    }
    await tx.done;
    return back;
  }

  async empty(): Promise<void> {
    await this.db.clear('trash');
  }
}
