import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { SETTINGS_KEY, parseSettings } from '@/lib/mirror';
import type { Settings } from '@/lib/model';

/**
 * Settings changed elsewhere (sync from another device, an import) replace
 * what the page shows, unless an edit here is still waiting to be saved: the
 * page must never write stale values back over a newer change.
 */
export function useFollowSettings(pending: { current: Settings | null }, set: (s: Settings) => void): void {
  useEffect(() => {
    const onChange = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      const change = changes[SETTINGS_KEY];
      if (area === 'local' && change?.newValue !== undefined && !pending.current) set(parseSettings(change.newValue));
    };
    browser.storage.onChanged.addListener(onChange);
    return () => browser.storage.onChanged.removeListener(onChange);
  }, []);
}
