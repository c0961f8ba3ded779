// size: every IndexedDB transaction of the app is written here, so each write is validated and atomic in one
// place; the schema and migrations are in store-schema.ts, the Trash in trash.ts.
import { openDB, unwrap, type IDBPDatabase, type IDBPTransaction } from 'idb';
import {
  DEFAULT_SETTINGS,
  LIMITS,
  validPaper,
  SettingsSchema,
  TrashedPaperSchema,
  compact,
  mergeMeta,
  type Paper,
  type SentToZotero,
  type PaperMeta,
  type PaperStatus,
  type Settings,
  type Source,
  type TrashedPaper,
} from './model';
import { applyAction, type StatusAction } from './status';
import { errorText } from './errors';
import { moveToTrash, Trash, untrashed } from './trash';
import { NOTED_REMOVAL } from './page-safe';
import {
  SCHEMA_VERSION,
  upgradeSchema,
  writeBackup,
  type BackupInfo,
  type BackupRecord,
  type DogearDB,
  type SeenRecord,
  type Snapshot,
} from './store-schema';

/**
 * The only module that opens IndexedDB. In the extension it runs in the
 * extension's own origin (background, popup, options), never in a content
 * script, where indexedDB would be the host page's.
 */

const DB_NAME = 'dogear';

/** How long an entry stays "new" after it was first shown: long enough to survive a reload, short of the next day's visit. */
export const NEW_FOR_MS = 30 * 60_000;
/** Seen marks older than this are forgotten (at worker start). */
export const SEEN_FOR_MS = 180 * 24 * 3600_000;
/**
 * At most this many seen marks are kept, the least recently seen forgotten first: age alone does not bound
 * what a page can send within 180 days. Well above what a heavy reader's listings show in that time.
 */
const SEEN_MAX = 200_000;
/** The one rule for the "new" marker, whether the visit is recorded or not (a private window). */
const isNew = (firstSeen: number, now: number, newFor: number) => now - firstSeen < newFor;
/** After this many ids recorded, `recordSeen` prunes too: a worker kept awake by a busy page may never start again. */
export const SEEN_PRUNE_EVERY = 5_000;

export class StoreUnavailableError extends Error {
  override name = 'StoreUnavailableError';
}

export interface OpenOptions {
  name?: string;
  /** Tests pass a fresh fake-indexeddb factory. */
  factory?: IDBFactory;
  now?: () => number;
}

export async function openStore(opts: OpenOptions = {}): Promise<Store> {
  const name = opts.name ?? DB_NAME;
  const restore = swapFactory(opts.factory);
  try {
    const db = await openDB<DogearDB>(name, SCHEMA_VERSION, {
      upgrade(database, oldVersion, _newVersion, tx) {
        // openDB rejects when the upgrade fails; the transaction's own `done` would be a second, unobserved rejection.
        tx.done.catch(() => {});
        upgradeSchema(database, oldVersion, tx, opts.now?.() ?? Date.now());
      },
    });
    return new Store(db);
  } catch (err) {
    throw new StoreUnavailableError(openFailureMessage(err));
  } finally {
    restore();
  }
}

function openFailureMessage(err: unknown): string {
  const detail = errorText(err);
  const name = err instanceof Error || err instanceof DOMException ? err.name : '';
  if (name === 'VersionError')
    return `This reading list was written by a newer version of Dogear (${detail}). Update Dogear; nothing was changed.`;
  if (name === 'AbortError' || name === 'ConstraintError')
    return `Dogear could not update its database (${detail}). Nothing was changed; your list is as it was before the update.`;
  return `IndexedDB is not available (${detail}). Private windows and "never remember history" block it.`;
}

/** idb calls the global `indexedDB`; tests swap in an isolated factory for the open call only. */
function swapFactory(factory?: IDBFactory): () => void {
  if (!factory) return () => {};
  const g = globalThis as { indexedDB?: IDBFactory };
  const prev = g.indexedDB;
  g.indexedDB = factory;
  return () => {
    g.indexedDB = prev;
  };
}

export interface StatusChange {
  meta: PaperMeta;
  /** Resolved by the status table (`lib/status.ts`) against the stored status. */
  action: StatusAction;
  ruleTags?: string[];
  source?: Source;
  /** Refuse to take a paper with a note off the list (asked from a listing, which never shows the note). */
  keepNoted?: boolean;
}

/** Edits of what the user wrote; status changes go through `act`. */
export interface PaperPatch {
  /** Replaces the whole tag list (the popup's editor). */
  tags?: string[];
  /** Added to / removed from the tags as stored now, so edits from two tabs at once both survive. */
  addTags?: string[];
  removeTags?: string[];
  note?: string;
}

export interface BulkPatch {
  action?: StatusAction;
  addTag?: string;
  removeTag?: string;
  remove?: boolean;
  /** Recorded after a send to Zotero. */
  sentToZotero?: SentToZotero;
}

export class Store {
  readonly trash: Trash;
  /** Ids recorded as seen since the last prune. */
  private seenSincePrune = 0;

  constructor(readonly db: IDBPDatabase<DogearDB>) {
    this.trash = new Trash(db);
  }

  close(): void {
    this.db.close();
  }

  getPaper(id: string): Promise<Paper | undefined> {
    return this.db.get('papers', id);
  }

  async getPapers(ids: string[]): Promise<Paper[]> {
    const tx = this.db.transaction('papers');
    const found = await Promise.all(ids.map((id) => tx.store.get(id)));
    await tx.done;
    return found.filter((p): p is Paper => p !== undefined);
  }

  async listPapers(): Promise<Paper[]> {
    return this.db.getAll('papers');
  }

  /**
   * The popup's first screen: the head of the reading list as the popup sorts it by default (newest
   * saved first, dismissed left out), read from the savedAt index — a few records instead of the whole
   * list, whatever its size, and in a few requests: a key cursor skips to the savedAt of the
   * `2 × limit`-th newest paper and one `getAll` reads every paper saved since (a window doubled while
   * dismissed papers leave too few). A request waits behind any other reader of the database (the
   * background's training reads the whole list), so one per paper made the first screen wait many
   * times over. Papers saved at the same moment are read as a group and ordered as the popup's stable
   * sort of the whole list orders them (by id), so the rows do not move when the whole list arrives.
   */
  async newestSaved(limit: number): Promise<Paper[]> {
    if (limit <= 0) return [];
    const tx = this.db.transaction('papers');
    const index = tx.store.index('savedAt');
    let kept: Paper[] = [];
    for (let window = 2 * limit; ; window *= 2) {
      const newest = await index.openKeyCursor(null, 'prev');
      const edge = newest && (await newest.advance(window - 1));
      kept = (await index.getAll(edge ? IDBKeyRange.lowerBound(edge.key) : null)).filter(
        (p) => p.status !== 'dismissed',
      );
      // No edge: the window held the whole list.
      if (kept.length >= limit || !edge) break;
    }
    await tx.done;
    kept.sort((a, b) => b.savedAt - a.savedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return kept.slice(0, limit);
  }

  async countByStatus(status: PaperStatus): Promise<number> {
    return this.db.countFromIndex('papers', 'status', status);
  }

  /**
   * Every status change: the status table decides the next status from the
   * stored one, creating the record when needed. Returns the record before and
   * after (null when the paper left the list: it is in the Trash) and whether to offer undo.
   */
  async act(
    change: StatusChange,
    now = Date.now(),
  ): Promise<{ before?: Paper; after: Paper | null; undoable: boolean }> {
    const { id } = change.meta;
    const tx = this.db.transaction(['papers', 'trash'], 'readwrite');
    const papers = tx.objectStore('papers');
    const trash = tx.objectStore('trash');
    const before = await papers.get(id);
    // A paper in the Trash is not on the list; put back on it, it brings its note, tags and dates along.
    const trashed = before ? undefined : await trash.get(id);
    const t = applyAction(before ?? (trashed && { readAt: trashed.readAt }), change.action, now);
    if (t.next === 'none') {
      if (before?.note && change.keepNoted) throw new Error(NOTED_REMOVAL);
      if (before) await moveToTrash(papers, trash, before, now);
      await tx.done;
      return { before, after: null, undoable: t.undoable };
    }
    const base = before ?? (trashed && untrashed(trashed));
    const after = buildPaper(base, change, { status: t.next, readAt: t.readAt, dismissedFrom: t.dismissedFrom }, now);
    await papers.put(after);
    if (trashed) await trash.delete(id);
    await tx.done;
    return { before, after, undoable: t.undoable };
  }

  async updatePaper(id: string, patch: PaperPatch, now = Date.now()): Promise<Paper | null> {
    const tx = this.db.transaction('papers', 'readwrite');
    const before = await tx.store.get(id);
    if (!before) {
      await tx.done;
      return null;
    }
    const { addTags = [], removeTags = [], ...fields } = patch;
    const drop = new Set(removeTags.map((t) => t.trim()));
    const after = validPaper(
      compact({
        ...before,
        ...compact(fields),
        tags: dedupe([...(fields.tags ?? before.tags), ...addTags]).filter((t) => !drop.has(t)),
        updatedAt: now,
      }),
    );
    await tx.store.put(after);
    await tx.done;
    return after;
  }

  /** Apply one change to many papers atomically (bulk actions in the popup). */
  async bulkUpdate(ids: string[], patch: BulkPatch, now = Date.now()): Promise<Paper[]> {
    const tx = this.db.transaction(['papers', 'trash'], 'readwrite');
    // Awaited in bulkIn; an abort while a request is awaited must not surface as an unhandled rejection.
    tx.done.catch(() => {});
    try {
      return await this.bulkIn(tx, ids, patch, now);
    } catch (err) {
      // A put that fails part-way (quota, a bad record) must not leave the earlier ones written.
      await abortQuietly(tx);
      throw err;
    }
  }

  private async bulkIn(
    tx: IDBPTransaction<DogearDB, ('papers' | 'trash')[], 'readwrite'>,
    ids: string[],
    patch: BulkPatch,
    now: number,
  ): Promise<Paper[]> {
    const papers = tx.objectStore('papers');
    const changed: Paper[] = [];
    for (const id of ids) {
      const p = await papers.get(id);
      if (!p) continue;
      if (patch.remove) {
        await moveToTrash(papers, tx.objectStore('trash'), p, now);
        changed.push(p);
        continue;
      }
      let tags = p.tags;
      if (patch.addTag) tags = dedupe([...tags, patch.addTag]);
      if (patch.removeTag) tags = tags.filter((t) => t !== patch.removeTag);
      const t = patch.action ? applyAction(p, patch.action, now) : null;
      // Bulk actions apply to papers on the list; one that would take a paper off it is `remove`.
      if (t?.next === 'none') continue;
      // Checked like every write: a 51st tag refuses the whole bulk change (the transaction is aborted).
      const next = validPaper(
        compact({
          ...p,
          ...(t && { status: t.next as PaperStatus, readAt: t.readAt, dismissedFrom: t.dismissedFrom }),
          tags,
          sentToZotero: patch.sentToZotero ?? p.sentToZotero,
          updatedAt: now,
        }),
      );
      await papers.put(next);
      changed.push(next);
    }
    await tx.done;
    return changed;
  }

  /** Put records back as they were (undo, out of the Trash again), as a change made now: sync must not take the undone state back in. */
  async restorePapers(papers: Paper[], now = Date.now()): Promise<void> {
    await this.applyPapers(
      papers.map((p) => ({ ...p, updatedAt: now })),
      [],
      undefined,
      [],
      now,
    );
  }

  /**
   * An import, in one transaction: replace or add `put` (out of the Trash if
   * there), move `removeIds` to the Trash, put the file's `trash` in it (for
   * ids neither on the list nor removed later than the file says), and, when
   * given, replace the settings.
   */
  async applyPapers(
    put: Paper[],
    removeIds: string[] = [],
    settings?: Settings,
    trash: TrashedPaper[] = [],
    now = Date.now(),
  ): Promise<void> {
    // Validate everything before the transaction starts: a bad record changes nothing.
    const valid = put.map(validPaper);
    const validTrash = trash.map((t) => TrashedPaperSchema.parse(t));
    const s = settings && SettingsSchema.parse(settings);
    const tx = this.db.transaction(['papers', 'trash', 'settings'], 'readwrite');
    await atomically(tx, [() => this.applyIn(tx, valid, removeIds, validTrash, s, now)]);
  }

  private async applyIn(
    tx: IDBPTransaction<DogearDB, ('papers' | 'trash' | 'settings')[], 'readwrite'>,
    valid: Paper[],
    removeIds: string[],
    validTrash: TrashedPaper[],
    settings: Settings | undefined,
    now: number,
  ): Promise<void> {
    const papers = tx.objectStore('papers');
    const bin = tx.objectStore('trash');
    await Promise.all(
      removeIds.map(async (id) => {
        const p = await papers.get(id);
        if (p) await moveToTrash(papers, bin, p, now);
      }),
    );
    // What is on the list and in the Trash, read once: asking for each paper was two requests per paper.
    const [listed, binned] = await Promise.all([papers.getAllKeys(), bin.getAllKeys()]);
    const live = new Set<string>(listed);
    const inBin = new Set<string>(binned);
    // The writes are sent without a promise each (10,000 of them cost more than the writes): a write that
    // fails aborts the transaction, which `atomically` reports; nothing here waits for one write.
    const rawPapers = unwrap(papers);
    const rawBin = unwrap(bin);
    for (const p of valid) {
      // Brought back onto the list (new here, or from the Trash): a change made now, so it is newer
      // than the removal that sync still carries; updating a kept record keeps the file's time.
      rawPapers.put(live.has(p.id) ? p : { ...p, updatedAt: now });
      if (inBin.has(p.id)) rawBin.delete(p.id);
    }
    // The file's Trash, for ids not on the list (the list wins, as in a restore) unless removed here later.
    const onList = new Set([...live, ...valid.map((p) => p.id)]);
    const candidates = validTrash.filter((t) => !onList.has(t.id));
    const kept = await Promise.all(candidates.map((t) => (inBin.has(t.id) ? bin.get(t.id) : undefined)));
    candidates.forEach((t, i) => {
      const k = kept[i];
      if (!(k && k.trashedAt >= t.trashedAt)) rawBin.put(t);
    });
    if (settings) unwrap(tx).objectStore('settings').put(settings, 'settings');
  }

  /**
   * Read, decide and write many papers in one transaction (changes from sync):
   * `decide` sees each record as stored at that moment and returns the record
   * to put, null to delete it, or undefined to leave it. Every record put is
   * validated; one bad record aborts the whole transaction.
   */
  async mergePapers(
    ids: string[],
    decide: (id: string, before: Paper | undefined) => Paper | null | undefined,
  ): Promise<{ put: Paper[]; removed: string[] }> {
    const tx = this.db.transaction(['papers', 'trash'], 'readwrite');
    const papers = tx.objectStore('papers');
    const bin = tx.objectStore('trash');
    const out = { put: [] as Paper[], removed: [] as string[] };
    const ops: Array<() => Promise<unknown>> = [];
    const before = await Promise.all(ids.map((id) => papers.get(id)));
    ids.forEach((id, i) => {
      const next = decide(id, before[i]);
      const was = before[i];
      if (next === undefined) return;
      if (next === null) {
        if (!was) return;
        // Removed on another device: into this one's Trash too, like any removal.
        ops.push(() => moveToTrash(papers, bin, was, Date.now()));
        out.removed.push(id);
        return;
      }
      const valid = validPaper(next);
      ops.push(() => Promise.all([papers.put(valid), bin.delete(valid.id)]));
      out.put.push(valid);
    });
    await atomically(tx, ops);
    return out;
  }

  /** Read, decide and write the settings in one transaction; undefined from `decide` leaves them. */
  async mergeSettings(decide: (before: Settings) => Settings | undefined): Promise<Settings | undefined> {
    const tx = this.db.transaction('settings', 'readwrite');
    const raw = await tx.store.get('settings');
    const next = decide(SettingsSchema.safeParse(raw ?? {}).data ?? DEFAULT_SETTINGS);
    const valid = next && SettingsSchema.parse(next);
    await atomically(tx, valid ? [() => tx.store.put(valid, 'settings')] : []);
    return valid;
  }

  async getSettings(): Promise<Settings> {
    const raw = await this.db.get('settings', 'settings');
    const parsed = SettingsSchema.safeParse(raw ?? {});
    return parsed.success ? parsed.data : DEFAULT_SETTINGS;
  }

  async setSettings(settings: Settings): Promise<Settings> {
    const s = SettingsSchema.parse(settings);
    await this.db.put('settings', s, 'settings');
    return s;
  }

  /**
   * Records that the ids were shown on a listing; returns those first shown
   * within `newFor` ms (never shown before included), so a reload soon after
   * a visit still marks what arrived since the one before.
   */
  async recordSeen(ids: string[], now = Date.now(), newFor = NEW_FOR_MS): Promise<string[]> {
    const tx = this.db.transaction('seen', 'readwrite');
    const fresh = new Set<string>();
    const ops = ids.map(async (id) => {
      const rec = await tx.store.get(id);
      const firstSeen = rec?.firstSeen ?? now;
      if (isNew(firstSeen, now, newFor)) fresh.add(id);
      await tx.store.put({ id, firstSeen, lastSeen: now });
    });
    await Promise.all(ops);
    await tx.done;
    this.seenSincePrune += ids.length;
    if (this.seenSincePrune >= SEEN_PRUNE_EVERY) await this.pruneSeen(now - SEEN_FOR_MS);
    return ids.filter((id) => fresh.has(id));
  }

  /**
   * Forgets papers not shown since `before`, then the least recently shown beyond `max`, so listings
   * cannot grow the seen store without bound. Both walk the `lastSeen` index; returns how many went.
   */
  async pruneSeen(before: number, max = SEEN_MAX): Promise<number> {
    this.seenSincePrune = 0;
    const tx = this.db.transaction('seen', 'readwrite');
    const byAge = tx.store.index('lastSeen');
    let n = 0;
    let cursor = await byAge.openCursor(IDBKeyRange.upperBound(before, true));
    while (cursor) {
      await cursor.delete();
      n++;
      cursor = await cursor.continue();
    }
    let over = (await tx.store.count()) - max;
    cursor = over > 0 ? await byAge.openCursor() : null;
    while (cursor && over-- > 0) {
      await cursor.delete();
      n++;
      cursor = await cursor.continue();
    }
    await tx.done;
    return n;
  }

  /** What `recordSeen` would answer, writing nothing (a private window's listing). */
  async freshAmong(ids: string[], now = Date.now(), newFor = NEW_FOR_MS): Promise<string[]> {
    const seen = await this.getSeen(ids);
    return ids.filter((id) => isNew(seen.get(id)?.firstSeen ?? now, now, newFor));
  }

  async getSeen(ids: string[]): Promise<Map<string, SeenRecord>> {
    const tx = this.db.transaction('seen');
    const recs = await Promise.all(ids.map((id) => tx.store.get(id)));
    await tx.done;
    const out = new Map<string, SeenRecord>();
    recs.forEach((r) => r && out.set(r.id, r));
    return out;
  }

  // ------------------------------------------------------------ backups

  /** Papers, Trash and settings as one consistent whole (what a backup holds). */
  async snapshot(): Promise<Snapshot> {
    const tx = this.db.transaction(['papers', 'trash', 'settings']);
    const [papers, trash, raw] = await Promise.all([
      tx.objectStore('papers').getAll(),
      tx.objectStore('trash').getAll(),
      tx.objectStore('settings').get('settings'),
      tx.done,
    ]);
    return { papers, trash, settings: SettingsSchema.safeParse(raw ?? {}).data ?? DEFAULT_SETTINGS };
  }

  async addBackup(b: Omit<BackupRecord, 'id'>): Promise<number> {
    const tx = this.db.transaction(['backups', 'backupInfo'], 'readwrite');
    const [id] = await Promise.all([writeBackup(tx.objectStore('backups'), tx.objectStore('backupInfo'), b), tx.done]);
    return id;
  }

  /** Newest first; reads only the metadata, never a backup's body. */
  async listBackups(): Promise<BackupInfo[]> {
    return (await this.db.getAllFromIndex('backupInfo', 'createdAt')).reverse();
  }

  getBackup(id: number): Promise<BackupRecord | undefined> {
    return this.db.get('backups', id);
  }

  async deleteBackups(ids: number[]): Promise<void> {
    const tx = this.db.transaction(['backups', 'backupInfo'], 'readwrite');
    const bodies = tx.objectStore('backups');
    const infos = tx.objectStore('backupInfo');
    await Promise.all([...ids.flatMap((id) => [bodies.delete(id), infos.delete(id)]), tx.done]);
  }

  /**
   * Makes the list, the Trash and the settings exactly these, in one transaction (restoring a backup);
   * with `now`, as a change made then (so sync sends the restored state on).
   */
  async replaceAll({ papers, trash, settings }: Snapshot, now?: number): Promise<void> {
    const valid = papers.map((p) => validPaper(now === undefined ? p : { ...p, updatedAt: now }));
    const live = new Set(valid.map((p) => p.id));
    // A hand-edited backup could hold an id in both: the list wins.
    const validTrash = trash.map((t) => TrashedPaperSchema.parse(t)).filter((t) => !live.has(t.id));
    const s = SettingsSchema.parse(settings);
    const tx = this.db.transaction(['papers', 'trash', 'settings'], 'readwrite');
    const store = tx.objectStore('papers');
    const bin = tx.objectStore('trash');
    await atomically(tx, [
      () => store.clear(),
      () => bin.clear(),
      ...valid.map((p) => () => store.put(p)),
      ...validTrash.map((t) => () => bin.put(t)),
      () => tx.objectStore('settings').put(s, 'settings'),
    ]);
  }

  /** A meta record through its parser, which decides what a missing or corrupt record becomes. */
  async getMeta<T>(key: string, parse: (raw: unknown) => T): Promise<T> {
    return parse(await this.db.get('meta', key));
  }

  async setMeta(key: string, value: unknown): Promise<void> {
    await this.db.put('meta', value, key);
  }

  async deleteMeta(key: string): Promise<void> {
    await this.db.delete('meta', key);
  }
}

/**
 * Waits for every request of a transaction; if one fails (quota, a DataError),
 * aborts the transaction so nothing is half-written, then reports the failure.
 */
async function atomically(
  tx: { abort(): void; done: Promise<void> },
  requests: Array<() => Promise<unknown>>,
): Promise<void> {
  // The transaction can abort while its requests are awaited; `done` is awaited later, so mark it observed now.
  tx.done.catch(() => {});
  // Started one by one so that, when one throws (quota), those already queued are still awaited, not left to reject unobserved.
  const ops: Promise<unknown>[] = [];
  let failure: unknown = null;
  try {
    for (const start of requests) ops.push(start());
  } catch (err) {
    failure = err;
  }
  const results = await Promise.allSettled(ops);
  failure ??= results.find((r): r is PromiseRejectedResult => r.status === 'rejected')?.reason ?? null;
  if (failure === null) return tx.done;
  await abortQuietly(tx);
  throw failure;
}

async function abortQuietly(tx: { abort(): void; done: Promise<void> }): Promise<void> {
  try {
    tx.abort();
  } catch {
    // the transaction had already finished
  }
  await tx.done.catch(() => {});
}

function dedupe(tags: string[]): string[] {
  return [...new Set(tags.map((t) => t.trim()).filter(Boolean))];
}

function buildPaper(
  before: Paper | undefined,
  change: StatusChange,
  status: { status: PaperStatus; readAt?: number; dismissedFrom?: Paper['dismissedFrom'] },
  now: number,
): Paper {
  const source = change.source;
  const meta = before ? mergeMeta(before, change.meta) : change.meta;
  // Rules are automatic: past the cap the earliest ones are kept rather than the save refused.
  const ruleTags = dedupe([...(before?.ruleTags ?? []), ...(change.ruleTags ?? [])]).slice(0, LIMITS.tags);
  return validPaper(
    compact({
      ...meta,
      ...status,
      tags: before?.tags ?? [],
      ruleTags,
      note: before?.note ?? '',
      sources: source ? dedupe([...(before?.sources ?? []), source]) : (before?.sources ?? []),
      savedAt: before?.savedAt ?? now,
      updatedAt: now,
    }),
  );
}
