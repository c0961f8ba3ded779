import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { send } from '@/lib/client';
import { compileMatcher } from '@/lib/match';
import { openStore } from '@/lib/store';
import type { Settings } from '@/lib/model';
import { KeywordsSection } from './KeywordsSection';
import { TagRulesSection } from './TagRulesSection';
import { DisplaySection } from './DisplaySection';
import { PreviewSection } from './PreviewSection';

// Short enough that open listings follow within a second, long enough to batch typing.
const SAVE_DELAY_MS = 250;

export function App() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [saveState, setSaveState] = useState<'idle' | 'saving' | 'saved' | 'error'>('idle');
  const [error, setError] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const pending = useRef<Settings | null>(null);

  useEffect(() => {
    openStore()
      .then(async (store) => {
        setSettings(await store.getSettings());
        store.close();
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);

  const matcher = useMemo(() => (settings ? compileMatcher({ keywords: settings.keywords, tagRules: settings.tagRules }) : null), [settings]);

  async function save(next: Settings) {
    clearTimeout(timer.current);
    pending.current = null;
    setSaveState('saving');
    try {
      await send('settings.set', { settings: next });
      setSaveState('saved');
      setError('');
    } catch (e) {
      setSaveState('error');
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  function update(next: Settings) {
    setSettings(next);
    pending.current = next;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(next), SAVE_DELAY_MS);
  }

  if (!settings || !matcher)
    return <main class="page">{error ? <p role="alert" class="error">{error}</p> : <p>Loading…</p>}</main>;

  return (
    <main class="page">
      <header class="head">
        <h1>Dogear settings</h1>
        <div class="save">
          <span role="status" class={saveState === 'error' ? 'error' : 'muted'}>
            {saveState === 'saving' ? 'Saving…' : saveState === 'saved' ? 'Saved — open listings are updated' : saveState === 'error' ? error : ''}
          </span>
          <button type="button" class="primary" data-dogear-action="save-settings" onClick={() => void save(pending.current ?? settings)}>
            Save
          </button>
        </div>
      </header>
      <KeywordsSection settings={settings} errors={matcher.errors.filter((e) => e.source === 'keyword')} onChange={update} />
      <TagRulesSection settings={settings} errors={matcher.errors.filter((e) => e.source !== 'keyword')} onChange={update} />
      <PreviewSection settings={settings} matcher={matcher} />
      <DisplaySection settings={settings} onChange={update} />
    </main>
  );
}
