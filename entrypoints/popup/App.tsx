import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { openStore, type Store } from '@/lib/store';
import { send } from '@/lib/client';
import { readChanges } from '@/lib/mirror';
import type { Paper, Settings } from '@/lib/model';
import { ReadingList } from '@/components/ReadingList';
import { readSuggestions, type Suggestion } from '@/lib/relevance';

let storePromise: Promise<Store> | null = null;
const getStore = () => (storePromise ??= openStore());

// Past this many changed papers one full read is cheaper than many single reads.
const PATCH_LIMIT = 200;

/**
 * The popup reads IndexedDB directly and follows the background's storage
 * mirror: every write (from here, a listing tab or the options page) changes
 * `storage.local`, and only the papers named in the change are re-read.
 */
export function App() {
  const [papers, setPapers] = useState<Paper[] | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState('');
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);

  useEffect(() => {
    const report = (e: unknown) => setError(e instanceof Error ? e.message : String(e));
    const loadAll = async () => {
      const store = await getStore();
      const [list, s] = await Promise.all([store.listPapers(), store.getSettings()]);
      setPapers(list);
      setSettings(s);
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
    };
    loadAll().catch(report);
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
    <ReadingList
      papers={papers}
      settings={settings}
      send={send}
      openUrl={(url) => void browser.tabs.create({ url })}
      openOptions={() => void browser.runtime.openOptionsPage()}
      suggestions={fresh}
    />
  );
}
