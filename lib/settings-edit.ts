import type { Settings } from './model';
import { canonicalJson } from './sync/json';

/** What the options page shows when its edit started from settings another tab has changed since. */
export const STALE_SETTINGS = 'Settings changed in another tab — reload';

class StaleSettingsError extends Error {
  override name = 'StaleSettingsError';
  constructor() {
    super(STALE_SETTINGS);
  }
}

const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

/**
 * A page's edit (what changed from `base`, the settings it started from, to `next`) applied to the
 * settings as stored now: fields it did not touch keep their current value, so a stale tab's autosave
 * cannot undo another tab's change. An edited field that was changed meanwhile to something else
 * refuses the whole edit, as merging two versions of one keyword list could only guess.
 */
export function applySettingsEdit(current: Settings, base: Settings, next: Settings): Settings {
  const out: Record<string, unknown> = { ...current };
  for (const key of Object.keys(next) as Array<keyof Settings>) {
    if (same(next[key], base[key])) continue;
    if (!same(current[key], base[key]) && !same(current[key], next[key])) throw new StaleSettingsError();
    out[key] = next[key];
  }
  return out as Settings;
}
