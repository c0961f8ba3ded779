import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { openStore, type Store } from '@/lib/store';
import { send } from '@/lib/client';
import { readChanges } from '@/lib/mirror';
import { TRASH_KEEP_MS, type Paper, type Settings, type TrashedPaper } from '@/lib/model';
import { readBackupFailure, type BackupFailure } from '@/lib/backup';
import { TrashView } from '@/components/TrashView';
import { ExportButtons } from '@/components/ExportButtons';
import { Header } from '@/components/Header';
import { Icon } from '@/components/icons';
import { ImportPanel } from '@/components/ImportPanel';
import { papersWord } from '@/components/reading-list';
import { ReadingList } from '@/components/ReadingList';
import { Suggestions } from '@/components/Suggestions';
import { Toast, type ToastMessage } from '@/components/Toast';
import { useListFilter } from '@/components/use-list-filter';
import type { Send } from '@/lib/messages';
import { readSuggestions, type Suggestion } from '@/lib/relevance';
import { errorText } from '@/lib/errors';
import { ZOTERO_PERMISSION } from '@/lib/zotero/client';
import { parseZoteroPrefs, ZOTERO_PREFS_KEY } from '@/lib/zotero/prefs';
import type { ZoteroAccess } from '@/components/zotero/ZoteroSend';

const zoteroAccess: ZoteroAccess = {
  has: () => browser.permissions.contains({ origins: [ZOTERO_PERMISSION] }),
  request: () => browser.permissions.request({ origins: [ZOTERO_PERMISSION] }),
  checkLibrary: async () =>
    parseZoteroPrefs((await browser.storage.local.get(ZOTERO_PREFS_KEY))[ZOTERO_PREFS_KEY]).checkLibrary,
};

/** Puts changed records in place (a send to Zotero changes records without a mirror change). */
function replaceIn(prev: Paper[] | null, changed: Paper[]): Paper[] | null {
  if (!prev || !changed.length) return prev;
  const byId = new Map(changed.map((p) => [p.id, p]));
  return prev.map((p) => byId.get(p.id) ?? p);
}

let storePromise: Promise<Store> | null = null;
const getStore = () => (storePromise ??= openStore());

// Past this many changed papers one full read is cheaper than many single reads.
const PATCH_LIMIT = 200;
// More rows than the popup shows at once (its list is about eight rows high, plus overscan).
const FIRST_SCREEN = 30;

/**
 * The popup reads IndexedDB directly and follows the background's storage
 * mirror: every write (from here, a listing tab or the options page) changes
 * `storage.local`, and only the papers named in the change are re-read.
 *
 * It opens on its first screen — the newest saved papers, read with an index
 * cursor — and reads the whole list (for search, filters, counts, bulk actions
 * and export) after that screen is painted: a long list costs the opening nothing.
 */
export function App() {
  const [papers, setPapers] = useState<Paper[] | null>(null);
  const [complete, setComplete] = useState(false);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState('');
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [trashCount, setTrashCount] = useState(0);
  const [backupFailure, setBackupFailure] = useState<BackupFailure | null>(null);

  useEffect(() => {
    const report = (e: unknown) => setError(errorText(e));
    // Cheap (a count and one meta record): re-read after every change to the list.
    const loadSide = async () => {
      const store = await getStore();
      setTrashCount(await store.trash.count(Date.now() - TRASH_KEEP_MS));
      setBackupFailure(await readBackupFailure(store));
    };
    const loadFirst = async () => {
      const store = await getStore();
      const [first, s] = await Promise.all([store.newestSaved(FIRST_SCREEN), store.getSettings()]);
      // The whole list may have arrived first (a change right at opening): it wins. An empty first
      // screen may still hide dismissed papers, so the empty state waits for the whole list.
      if (first.length) setPapers((prev) => prev ?? first);
      setSettings((prev) => prev ?? s);
    };
    // After the first screen's frame: reading and indexing the whole list then cannot delay it.
    const afterPaint = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const loadAll = async () => {
      const store = await getStore();
      const [list, s] = await Promise.all([store.listPapers(), store.getSettings()]);
      setPapers(list);
      setSettings(s);
      setComplete(true);
      setSuggestions(await readSuggestions(store, new Set(list.map((p) => p.id))));
    };
    const patch = async (ids: string[]) => {
      const store = await getStore();
      const fresh = await Promise.all(ids.map((id) => store.getPaper(id)));
      const byId = new Map(ids.map((id, i) => [id, fresh[i]]));
      setPapers((prev) => {
        if (!prev) return prev;
        const next: Paper[] = [];
        for (const p of prev) {
          if (!byId.has(p.id)) next.push(p);
          else {
            const f = byId.get(p.id);
            if (f) next.push(f);
            byId.delete(p.id);
          }
        }
        for (const f of byId.values()) if (f) next.push(f);
        return next;
      });
    };
    const onChange = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'local') return;
      const { papers: changed, settings: s } = readChanges(changes);
      if (s) setSettings(s);
      if (!changed.size) return;
      (changed.size > PATCH_LIMIT ? loadAll() : patch([...changed.keys()])).catch(report);
      loadSide().catch(report);
    };
    loadFirst().then(afterPaint).then(loadAll).catch(report);
    loadSide().catch(report);
    browser.storage.onChanged.addListener(onChange);
    return () => browser.storage.onChanged.removeListener(onChange);
  }, []);

  // A suggestion saved or dismissed since the popup opened leaves the list.
  const fresh = useMemo(() => {
    const ids = new Set(papers?.map((p) => p.id));
    return suggestions.filter((s) => !ids.has(s.meta.id));
  }, [papers, suggestions]);

  if (error)
    return (
      <p role="alert" class="fatal">
        {error}
      </p>
    );
  if (!papers || !settings) return <p class="loading">Loading…</p>;
  return (
    <Popup
      papers={papers}
      complete={complete}
      settings={settings}
      send={send}
      openUrl={(url) => void browser.tabs.create({ url })}
      openOptions={() => void browser.runtime.openOptionsPage()}
      suggestions={fresh}
      zotero={zoteroAccess}
      onPapersChanged={(changed) => setPapers((prev) => replaceIn(prev, changed))}
      trashCount={trashCount}
      loadTrash={loadTrash}
      backupFailure={backupFailure}
    />
  );
}

/** The Trash as the popup lists it: the background purges what is past 30 days first (it is the only writer). */
async function loadTrash(): Promise<TrashedPaper[]> {
  await send('trash.purge', {});
  return (await getStore()).trash.list(Date.now() - TRASH_KEEP_MS);
}

export interface PopupProps {
  papers: readonly Paper[];
  /** False while `papers` is only the first screen (the whole list still loading). */
  complete?: boolean;
  settings: Settings;
  send: Send;
  openUrl: (url: string) => void;
  openOptions: () => void;
  /** Passed to the export buttons; tests capture files with it. */
  download?: (filename: string, mime: string, text: string) => void;
  /** Used until the list can be measured (and in tests, where nothing has a layout). */
  initialViewport?: number;
  /** Unsaved papers from recent listings that the on-device model ranks highest. */
  suggestions?: Suggestion[];
  /** Send to Zotero: the browser's permission calls (the actions are hidden without them). */
  zotero?: ZoteroAccess;
  /** Records the background changed outside the storage mirror (sent to Zotero). */
  onPapersChanged?: (papers: Paper[]) => void;
  /** Papers in the Trash ("Recently removed"). */
  trashCount?: number;
  loadTrash?: () => Promise<TrashedPaper[]>;
  /** The last backup failed: said until one succeeds. */
  backupFailure?: BackupFailure | null;
}

type View = 'list' | 'data' | 'suggested' | 'trash';

const TITLES: Record<View, string> = {
  list: 'Reading list',
  data: 'Import & export',
  suggested: 'Suggested from recent pages',
  trash: 'Recently removed',
};

/** The popup's views (the list, Import & export, suggestions), its header and its message line. */
export function Popup({
  papers,
  complete = true,
  settings,
  send,
  openUrl,
  openOptions,
  download,
  initialViewport,
  suggestions = [],
  zotero,
  onPapersChanged,
  trashCount = 0,
  loadTrash,
  backupFailure,
}: PopupProps) {
  const [view, setView] = useState<View>('list');
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const filter = useListFilter(papers);
  const { shown } = filter;
  const fail = (e: unknown) => setToast({ text: `Failed: ${errorText(e)}` });

  const needsSetup = !settings.keywords.length && !settings.tagRules.length;
  const count =
    view === 'list' && papers.length && complete
      ? filter.filtered
        ? `${shown.length} of ${papers.length}`
        : papersWord(shown.length)
      : '';
  const header = (
    <>
      <Header
        title={TITLES[view]}
        count={count}
        onBack={view === 'list' ? undefined : () => setView('list')}
        openOptions={openOptions}
      >
        {view === 'list' && settings.relevance && (
          <button
            type="button"
            class="icon suggest"
            data-dogear-action="suggested"
            aria-label={`Suggested papers (${suggestions.length})`}
            title="Suggested from recent pages"
            onClick={() => setView('suggested')}
          >
            <Icon name="spark" />
            {suggestions.length > 0 && <span class="dot" aria-hidden="true" />}
          </button>
        )}
        {view === 'list' && loadTrash && (
          <button
            type="button"
            class="icon trash-open"
            data-dogear-action="trash"
            aria-label={`Recently removed (${trashCount})`}
            title="Recently removed"
            onClick={() => setView('trash')}
          >
            <Icon name="trash" />
            {trashCount > 0 && <span class="trash-count">{trashCount > 99 ? '99+' : trashCount}</span>}
          </button>
        )}
        {view === 'list' && complete && (
          <button
            type="button"
            class="icon"
            data-dogear-action="data"
            aria-label="Import and export"
            title="Import and export"
            onClick={() => setView('data')}
          >
            <Icon name="more" />
          </button>
        )}
      </Header>
      {backupFailure && view === 'list' && (
        <p role="alert" class="hint warn" data-dogear-backup-failed>
          The last backup failed ({new Date(backupFailure.at).toLocaleString()}: {backupFailure.message}). Your list is
          fine; Dogear tries again with the next change ·{' '}
          <button type="button" class="link" onClick={openOptions}>
            Backups
          </button>
        </p>
      )}
      {needsSetup && view === 'list' && (
        <p class="hint" data-dogear-hint>
          Tip: add keywords or tag rules to highlight papers ·{' '}
          <button type="button" class="link" onClick={openOptions}>
            Open settings
          </button>
        </p>
      )}
    </>
  );
  const message = toast && <Toast toast={toast} onClose={() => setToast(null)} onError={fail} />;

  if (view === 'list')
    return (
      <ReadingList
        papers={papers}
        complete={complete}
        settings={settings}
        filter={filter}
        send={send}
        openUrl={openUrl}
        openData={() => setView('data')}
        notify={setToast}
        fail={fail}
        download={download}
        initialViewport={initialViewport}
        header={header}
        zotero={zotero}
        onPapersChanged={onPapersChanged}
      >
        {message}
      </ReadingList>
    );
  return (
    <div class="app">
      {header}
      {view === 'trash' && loadTrash ? (
        <TrashView load={loadTrash} send={send} notify={setToast} fail={fail} />
      ) : view === 'suggested' ? (
        <Suggestions suggestions={suggestions} send={send} openUrl={openUrl} />
      ) : (
        <div class="data">
          <h2>Export</h2>
          <ExportButtons papers={shown} all={papers} settings={settings} download={download} />
          <h2>Import</h2>
          <ImportPanel
            existing={papers}
            apply={(r) => send('papers.apply', r)}
            onApplied={(text) => (setView('list'), setToast({ text }))}
          />
        </div>
      )}
      {message}
    </div>
  );
}
