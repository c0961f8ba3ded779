import type { Handlers } from './messages';
import { mirrorItems, mirrorRepairs, SETTINGS_KEY, stateKey, idOfKey } from './mirror';
import { mergeMeta, TRASH_KEEP_MS, type Paper, type PaperMeta, type Settings, type TrashedPaper } from './model';
import { createImportHandlers } from './import-stage';
import type { SyncConfigChange, SyncStatus } from './sync/status';
import { SEEN_FOR_MS, type Store } from './store';
import type { createRelevance } from './relevance';
import { dailyBackupQueue, logDailyFailure, noteChange, restoreBackup, takeBackup } from './backup';
import { applySettingsEdit } from './settings-edit';
import { createUndoTokens } from './undo-tokens';
import { createZoteroHandlers, NO_ZOTERO, type ZoteroEnv } from './zotero/handlers';
import { logOnce } from './log';

/**
 * What the background does for each message, independent of browser APIs so it
 * can be tested with a fake store and mirror. The background is the only writer:
 * every write goes through here and is then mirrored for content scripts.
 */

export interface Mirror {
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
  /** Everything in the mirror's area (to compare with the store). */
  get(): Promise<Record<string, unknown>>;
}

/** The sync engine as the options page sees it. */
export interface SyncControl {
  status(): Promise<SyncStatus>;
  configure(config: SyncConfigChange): Promise<void>;
}

export interface ServiceDeps {
  store: Store;
  mirror: Mirror;
  /** Tags the user's rules give a paper; computed at save time so the record keeps them. */
  ruleTagsFor: (meta: PaperMeta, settings: Settings) => string[];
  relevance: ReturnType<typeof createRelevance>;
  /** Called after any change to papers (badge, backups, ranking). */
  onPapersChanged?: () => void;
  /** Called right after a change made on this device is stored (sync sends it on; removals become tombstones). */
  onLocalChange?: (change: { removed?: string[]; settings?: boolean }) => void;
  sync?: () => SyncControl;
  /** Called when keywords or tag rules change: they are features of the ranking model. */
  onKeywordsChanged?: () => void;
  now?: () => number;
  /** The browser side of Send to Zotero; without it nothing is ever sent. */
  zotero?: ZoteroEnv;
}

export function createService(deps: ServiceDeps) {
  const { store, mirror } = deps;
  const now = deps.now ?? Date.now;
  const undos = createUndoTokens();

  async function mirrorPapers(changed: Paper[], removedIds: string[] = [], local = true): Promise<void> {
    // Synchronously after the store's transaction, before any other task: sync must know of a removal before it next reads.
    if (local && (changed.length || removedIds.length)) deps.onLocalChange?.({ removed: removedIds });
    // Both issued at once: the browser applies storage calls in the order they are made, so a later change's
    // mirror write cannot land between these two.
    await tellPages(async () => {
      await Promise.all([
        removedIds.length && mirror.remove(removedIds.map(stateKey)),
        changed.length && mirror.set(mirrorItems(changed)),
      ]);
    });
    if (changed.length || removedIds.length) await papersChanged();
  }

  /**
   * A mirror write after IndexedDB committed. If it fails (storage.local full, the worker stopping), the
   * change is saved all the same: say so, never the storage error's "nothing was saved". The next worker
   * start compares the mirror with the store and repairs it.
   */
  async function tellPages(write: () => Promise<void>): Promise<void> {
    try {
      await write();
    } catch (e) {
      throw new Error(
        `Your change was saved, but open pages could not be told (${e instanceof Error ? e.name || e.message : String(e)}). They catch up when Dogear next starts.`,
      );
    }
  }

  const dailyBackup = dailyBackupQueue(store);

  async function papersChanged(): Promise<void> {
    const t = now();
    // The user's change is already written: a failure here (storage full) must not report it as lost.
    await noteChange(store, t).catch(logDailyFailure);
    // A daily backup copies the whole list (a second on a 10,000-paper import): it follows the reply instead
    // of delaying it. The change is noted first, so a worker that stops before the backup takes it at its next start.
    void dailyBackup(t);
    deps.onPapersChanged?.();
  }

  const handlers: Handlers = {
    async 'paper.act'({ meta, action, source }, from) {
      const settings = await store.getSettings();
      const ruleTags = deps.ruleTagsFor(meta, settings);
      const at = now();
      // From a listing, a removal may not take a note off the list: only the popup, which shows the note, may.
      const keepNoted = from?.audience === 'content';
      const { before, after, undoable } = await store.act({ meta, action, ruleTags, source, keepNoted }, at);
      if (after) await mirrorPapers([after]);
      else if (before) await mirrorPapers([], [before.id]);
      const undo = !after && before && undoable ? undos.issue(before.id, at) : undefined;
      return { paper: after, previous: before ?? null, undoable, ...(undo && { undo }) };
    },
    async 'paper.tag'(req) {
      const paper = await store.updatePaper(
        req.id,
        'add' in req ? { addTags: [req.add] } : { removeTags: [req.remove] },
        now(),
      );
      if (paper) await mirrorPapers([paper]);
      return { paper };
    },
    async 'paper.undo'({ undo }) {
      const taken = undos.take(undo);
      if (!taken) throw new Error('This can no longer be undone here: the paper is in the Trash (Dogear popup).');
      const [paper] = await store.trash.restore([taken.id], now(), taken.at);
      if (paper) await mirrorPapers([paper]);
      return { paper: paper ?? null };
    },
    async 'paper.update'({ id, ...patch }) {
      const paper = await store.updatePaper(id, patch, now());
      if (paper) await mirrorPapers([paper]);
      return { paper };
    },
    async 'paper.restore'({ papers }) {
      await store.restorePapers(papers, now());
      await mirrorPapers(papers);
      return {};
    },
    async 'papers.bulk'({ ids, ...patch }) {
      // The Trash keeps what is removed; a backup also keeps the list as it was, in one piece.
      if (patch.remove) await takeBackup(store, 'before-bulk', now());
      const changed = await store.bulkUpdate(ids, patch, now());
      if (patch.remove)
        await mirrorPapers(
          [],
          changed.map((p) => p.id),
        );
      else await mirrorPapers(changed);
      return { changed };
    },
    async 'seen.record'({ ids }, from) {
      // A private window's listing is marked as such a listing would be, but nothing of it is kept.
      if (from?.incognito) return { fresh: await store.freshAmong(ids, now()) };
      return { fresh: await store.recordSeen(ids, now()) };
    },
    async 'settings.set'({ settings, base }) {
      return { settings: await writeSettings(settings, base) };
    },
    async 'rank.score'({ papers }, from) {
      const stored = await store.getPapers(papers.map((p) => p.id));
      // A private window's papers are scored, never learnt from, suggested or written into records.
      const record = !from?.incognito;
      if (record) await fillTitles(stored, papers);
      return deps.relevance.score(papers, new Set(stored.map((p) => p.id)), record);
    },
    async 'backup.take'() {
      return { id: await takeBackup(store, 'manual', now()) };
    },
    async 'backup.restore'({ id }) {
      await restoreBackup(store, id, now());
      deps.onLocalChange?.({ settings: true });
      await tellPages(resyncMirror);
      await papersChanged();
      return {};
    },
    async 'trash.restore'(req) {
      const restored = await store.trash.restore('all' in req ? 'all' : req.ids, now());
      await mirrorPapers(restored);
      return { restored: restored.length };
    },
    async 'trash.purge'() {
      return { purged: await purgeTrash() };
    },
    async 'trash.empty'() {
      await store.trash.empty();
      return {};
    },
    async 'rank.reset'() {
      await deps.relevance.reset();
      return {};
    },
    async 'sync.status'() {
      return syncControl().status();
    },
    async 'sync.configure'(config) {
      await syncControl().configure(config);
      return syncControl().status();
    },
    ...createImportHandlers({ store, write: writeImport }),
    ...createZoteroHandlers({ store, env: deps.zotero ?? NO_ZOTERO, now, written: (papers) => mirrorPapers(papers) }),
    async 'rank.status'() {
      const v = await deps.relevance.status();
      const figure = (x: number) => (Number.isFinite(x) ? x : null);
      return { basis: v.basis, decisions: v.decisions, modelAuc: figure(v.modelAuc), keywordAuc: figure(v.keywordAuc) };
    },
  };

  async function writeImport(put: Paper[], remove: string[], settings?: Settings, trash?: TrashedPaper[]) {
    // An import can replace the whole list: keep what it replaces.
    await takeBackup(store, 'before-import', now());
    // Papers, Trash and settings in one transaction: a failed import leaves nothing half-written.
    await store.applyPapers(put, remove, settings, trash, now());
    if (settings) {
      deps.onLocalChange?.({ settings: true });
      const saved = await store.getSettings();
      await tellPages(() => mirror.set({ [SETTINGS_KEY]: saved }));
    }
    // Written: the reply does not wait for open pages to be told (a tenth of a second at 10,000 papers). A
    // failure to tell them is logged, and the next worker start makes the mirror equal to the store.
    mirrorPapers(put, remove).catch((e) => logOnce('import-mirror', 'open pages were not told of an import', e));
  }

  function syncControl(): SyncControl {
    const control = deps.sync?.();
    if (!control) throw new Error('Sync is not available here.');
    return control;
  }

  /**
   * Papers that came from sync know only their id (and, for papers to read, a
   * short title): a page showing them fills in title and authors. Not a change
   * to sync, so `updatedAt` stays.
   */
  async function fillTitles(stored: Paper[], shown: PaperMeta[]): Promise<void> {
    const bare = new Set(stored.filter((p) => !p.authors.length).map((p) => p.id));
    const metas = new Map(shown.filter((m) => bare.has(m.id) && m.title).map((m) => [m.id, m]));
    if (!metas.size) return;
    await store.mergePapers([...metas.keys()], (id, before) =>
      before && !before.authors.length ? { ...before, ...mergeMeta(before, metas.get(id)!) } : undefined,
    );
  }

  /** Replaces the settings, or with `base` applies only the edit from it to them as stored now (two options tabs). */
  async function writeSettings(settings: Settings, base?: Settings): Promise<Settings> {
    const said = (s: Settings) => JSON.stringify([s.keywords, s.tagRules]);
    let before = '';
    const saved = (await store.mergeSettings((current) => {
      before = said(current);
      return base ? applySettingsEdit(current, base, settings) : settings;
    }))!;
    deps.onLocalChange?.({ settings: true });
    if (said(saved) !== before) deps.onKeywordsChanged?.();
    await tellPages(() => mirror.set({ [SETTINGS_KEY]: saved }));
    return saved;
  }

  /** Changes that came from another device through sync: mirrored and followed like local ones, not sent back as new changes. */
  async function applySynced(put: Paper[], removedIds: string[]): Promise<void> {
    await mirrorPapers(put, removedIds, false);
  }

  async function applySyncedSettings(settings: Settings): Promise<void> {
    await mirror.set({ [SETTINGS_KEY]: settings });
    // Another device's keywords and tag rules are this one's model features too.
    deps.onKeywordsChanged?.();
  }

  /**
   * Makes the mirror equal to the store (every worker start, after a restore): compared entry by entry,
   * only what differs is written. The mirror falls behind when a worker stops between the two writes.
   */
  async function resyncMirror(): Promise<void> {
    const [papers, settings, current] = await Promise.all([store.listPapers(), store.getSettings(), mirror.get()]);
    const { set, remove } = mirrorRepairs(papers, settings, current);
    if (remove.length) {
      // Papers the mirror still had are gone from the store (a restore, or a worker stopped between the two writes).
      deps.onLocalChange?.({ removed: remove.map((k) => idOfKey(k)!) });
      await mirror.remove(remove);
    }
    if (Object.keys(set).length) await mirror.set(set);
  }

  function purgeTrash(): Promise<number> {
    return store.trash.purge(now() - TRASH_KEEP_MS);
  }

  /** On every worker start: the mirror matches the store, the badge is right, the daily backup is due or not. */
  async function startup(): Promise<void> {
    await resyncMirror();
    await store.pruneSeen(now() - SEEN_FOR_MS);
    await purgeTrash();
    await dailyBackup(now());
    deps.onPapersChanged?.();
  }

  return { handlers, resyncMirror, startup, applySynced, applySyncedSettings };
}
