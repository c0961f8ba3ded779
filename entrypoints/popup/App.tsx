import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { afterPaint } from '@/lib/after-paint';
import { openStore, type Store } from '@/lib/store';
import { send } from '@/lib/client';
import { readChangedIds } from '@/lib/mirror';
import { PATCH_LIMIT, patchList } from '@/lib/list-patch';
import { TRASH_KEEP_MS, type Paper, type Settings, type TrashedPaper } from '@/lib/model';
import { readBackupFailure, type BackupFailure } from '@/lib/backup';
import { readSuggestions, type Suggestion } from '@/lib/relevance';
import { errorText } from '@/lib/errors';
import { ZOTERO_PERMISSION } from '@/lib/zotero/client';
import { parseZoteroPrefs, ZOTERO_PREFS_KEY } from '@/lib/zotero/prefs';
import type { ZoteroAccess } from '@/components/zotero/ZoteroSend';
import type { PageNoticeProps } from '@/components/PageNotice';
import { isDegraded, REPORT_QUERY } from '@/lib/page-report';
import { type PageReport, readAnswer } from '@/lib/page-report-read';
import { FIRST_SCREEN } from '@/components/reading-list';
import { Popup } from './Popup';

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
  const [pageNotice, setPageNotice] = useState<PageNoticeProps | null>(null);

  useEffect(() => {
    void activeTabReport().then((report) => {
      if (report && isDegraded(report))
        setPageNotice({
          report,
          versions: { extension: browser.runtime.getManifest().version, browser: navigator.userAgent },
          copy: (text) => navigator.clipboard.writeText(text),
        });
    });
  }, []);

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
      setPapers((prev) => prev && patchList(prev, byId));
    };
    const onChange = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'local') return;
      const { ids, settings: s } = readChangedIds(changes);
      if (s) setSettings(s);
      if (!ids.length) return;
      (ids.length > PATCH_LIMIT ? loadAll() : patch(ids)).catch(report);
      loadSide().catch(report);
    };
    // After the first screen's frame: reading and indexing the whole list then cannot delay it.
    loadFirst()
      .then(() => afterPaint())
      .then(loadAll)
      .catch(report);
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
      pageNotice={pageNotice}
    />
  );
}

/** How the active tab's listing was read; null when no content script of ours answers there
 *  (any other site's tab, a browser page): the popup then says nothing about the page. */
async function activeTabReport(): Promise<PageReport | null> {
  try {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab?.id === undefined ? null : readAnswer(await browser.tabs.sendMessage(tab.id, REPORT_QUERY));
  } catch {
    return null;
  }
}

/** The Trash as the popup lists it: the background purges what is past 30 days first (it is the only writer). */
async function loadTrash(): Promise<TrashedPaper[]> {
  await send('trash.purge', {});
  return (await getStore()).trash.list(Date.now() - TRASH_KEEP_MS);
}
