import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { send } from '@/lib/client';
import { compileMatcher } from '@/lib/match';
import { openStore } from '@/lib/store';
import type { Settings } from '@/lib/model';
import { KeywordsSection } from './KeywordsSection';
import { TagRulesSection } from './TagRulesSection';
import { DisplaySection } from './DisplaySection';
import { KeyboardSection } from './KeyboardSection';
import { PreviewSection } from './PreviewSection';
import { DataSection } from './DataSection';
import { RelevanceSection } from './RelevanceSection';
import { errorText } from '@/lib/errors';
import { SyncSection } from './SyncSection';
import { useFollowSettings } from './follow-settings';
import { ZoteroSection } from './ZoteroSection';

// Short enough that open listings follow within a second, long enough to batch typing.
const SAVE_DELAY_MS = 250;

type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

const SECTIONS: Array<[id: string, label: string]> = [
  ['keywords', 'Keywords'],
  ['tag-rules', 'Tag rules'],
  ['preview', 'Try it'],
  ['display', 'On listings'],
  ['keyboard', 'Keyboard'],
  ['learning', 'Learning'],
  ['sync', 'Sync'],
  ['zotero', 'Zotero'],
  ['data', 'Your data'],
];

export function App() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const [error, setError] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const pending = useRef<Settings | null>(null);
  // The stored settings what the page shows started from: a save sends only the edit from them,
  // so it never writes back another tab's older values (lib/settings-edit.ts).
  const base = useRef<Settings | null>(null);
  const show = (s: Settings) => {
    base.current = s;
    setSettings(s);
  };

  useEffect(() => {
    openStore()
      .then(async (store) => {
        show(await store.getSettings());
        store.close();
      })
      .catch((e: unknown) => setError(errorText(e)));
  }, []);

  useFollowSettings(pending, show);

  // A change still waiting for its autosave is written before the page goes away.
  useEffect(() => {
    const flush = () => {
      if (pending.current) void save(pending.current);
    };
    addEventListener('pagehide', flush);
    return () => removeEventListener('pagehide', flush);
  }, []);

  // Compiled once per settings change; the sections read its errors and the preview its matches.
  const matcher = useMemo(
    () => (settings ? compileMatcher({ keywords: settings.keywords, tagRules: settings.tagRules }) : null),
    [settings],
  );

  async function save(next: Settings) {
    clearTimeout(timer.current);
    pending.current = null;
    setSaveState('saving');
    try {
      const reply = await send('settings.set', { settings: next, base: base.current ?? undefined });
      // A newer change typed while this one was on its way keeps the page in "pending", and continues from
      // what was sent; otherwise the page shows what was stored, another tab's changes included.
      if (pending.current) base.current = next;
      else show(reply.settings);
      setSaveState(pending.current ? 'pending' : 'saved');
      setError('');
    } catch (e) {
      setSaveState('error');
      setError(errorText(e));
    }
  }

  function update(next: Settings) {
    setSettings(next);
    pending.current = next;
    setSaveState('pending');
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(next), SAVE_DELAY_MS);
  }

  if (!settings || !matcher)
    return (
      <main class="page">
        {error ? (
          <p role="alert" class="error">
            {error}
          </p>
        ) : (
          <p class="muted">Loading…</p>
        )}
      </main>
    );

  const problems = matcher.errors.length;
  return (
    <>
      <header class="top">
        <div class="top-inner">
          <div class="brand">
            <span class="logo" aria-hidden="true" />
            <h1>
              Dogear <span class="muted">settings</span>
            </h1>
          </div>
          <nav aria-label="Sections">
            {SECTIONS.map(([id, label]) => (
              <a key={id} href={`#${id}`}>
                {label}
              </a>
            ))}
          </nav>
          <div class="save">
            <span role="status" class={`save-state ${saveState}`}>
              {saveState === 'pending' || saveState === 'saving'
                ? 'Saving…'
                : saveState === 'saved'
                  ? problems
                    ? `Saved · ${problems === 1 ? '1 pattern' : `${problems} patterns`} skipped`
                    : 'Saved · open listings updated'
                  : saveState === 'error'
                    ? error
                    : 'Changes save as you type'}
            </span>
            <button
              type="button"
              class="primary"
              data-dogear-action="save-settings"
              onClick={() => void save(pending.current ?? settings)}
            >
              Save
            </button>
          </div>
        </div>
      </header>
      <main class="page">
        <KeywordsSection
          settings={settings}
          errors={matcher.errors.filter((e) => e.source === 'keyword')}
          onChange={update}
        />
        <TagRulesSection
          settings={settings}
          errors={matcher.errors.filter((e) => e.source !== 'keyword')}
          onChange={update}
        />
        <PreviewSection settings={settings} matcher={matcher} />
        <DisplaySection settings={settings} onChange={update} />
        <KeyboardSection settings={settings} onChange={update} />
        <RelevanceSection />
        <SyncSection />
        <ZoteroSection />
        <DataSection />
      </main>
    </>
  );
}
