import { DEFAULT_SETTINGS, SettingsSchema, type Settings } from '../model';
import { BUDGET, itemBytes } from './quota';
import { canonicalJson } from './json';

/**
 * Settings in `storage.sync`: one key per setting, `[changed, value]`, so two
 * devices changing different settings never touch the same key, and the later
 * change of one setting wins (last writer wins per setting).
 */

export const SETTINGS_PREFIX = 'dg1:s:';
export type SettingName = keyof Settings;
export const SETTING_NAMES = Object.keys(DEFAULT_SETTINGS) as SettingName[];

export const settingKey = (name: SettingName) => SETTINGS_PREFIX + name;

/** What this device last knew of each setting: when it changed and its value (as JSON). */
export type SettingsClock = Partial<Record<SettingName, [t: number, json: string]>>;

export interface SyncedSetting {
  t: number;
  value: unknown;
}

// Values read back from sync may have their keys in another order (see canonicalJson).
const json = canonicalJson;

/**
 * Notes the settings' values as changed at `t` where they differ from what the
 * clock knew. A setting the clock has never seen counts as changed at 0 when it
 * still has its default value, else at 1: a device's own choices beat another's
 * defaults on the first sync, and any real edit beats both.
 */
export function stamp(clock: SettingsClock, current: Settings, t: number): SettingsClock {
  const out: SettingsClock = { ...clock };
  for (const name of SETTING_NAMES) {
    const value = json(current[name]);
    const known = clock[name];
    if (!known) out[name] = [value === json(DEFAULT_SETTINGS[name]) ? 0 : 1, value];
    else if (known[1] !== value) out[name] = [t, value];
  }
  return out;
}

/** Validates one setting from sync exactly as an import would. */
export function decodeSetting(name: string, raw: unknown, now: number, maxSkewMs: number): SyncedSetting | string {
  if (!(SETTING_NAMES as string[]).includes(name)) return 'unknown setting';
  if (!Array.isArray(raw) || raw.length !== 2) return 'malformed setting';
  const [t, value] = raw as [unknown, unknown];
  if (typeof t !== 'number' || !Number.isSafeInteger(t) || t < 0) return 'bad change time';
  if (t > now + maxSkewMs) return 'change time in the future';
  if (value === undefined) return 'no value';
  const parsed = SettingsSchema.safeParse({ ...DEFAULT_SETTINGS, [name]: value });
  if (!parsed.success) return 'invalid value';
  // The parse may have trimmed or defaulted parts: only the exact value is taken.
  if (json(parsed.data[name as SettingName]) !== json(value)) return 'invalid value';
  return { t, value };
}

function wins(incoming: SyncedSetting, local: [number, string]): boolean {
  if (incoming.t !== local[0]) return incoming.t > local[0];
  return json(incoming.value) > local[1];
}

/** Applies the settings from sync that are newer than this device's, except the names this device keeps to itself. */
export function mergeSettings(
  current: Settings,
  clock: SettingsClock,
  incoming: Map<SettingName, SyncedSetting>,
  deviceOnly: ReadonlySet<string>,
): { settings: Settings; clock: SettingsClock; changed: SettingName[] } {
  const next: Record<string, unknown> = { ...current };
  const out: SettingsClock = { ...clock };
  const changed: SettingName[] = [];
  for (const [name, remote] of incoming) {
    const local = clock[name];
    if (deviceOnly.has(name) || !local || !wins(remote, local)) continue;
    out[name] = [remote.t, json(remote.value)];
    if (json(remote.value) === local[1]) continue;
    next[name] = remote.value;
    changed.push(name);
  }
  return { settings: SettingsSchema.parse(next), clock: out, changed };
}

/** The settings keys this device wants in sync, and the settings too large to sync. */
export function settingsItems(
  clock: SettingsClock,
  deviceOnly: ReadonlySet<string>,
): { items: Record<string, [number, unknown]>; tooLarge: SettingName[] } {
  const items: Record<string, [number, unknown]> = {};
  const tooLarge: SettingName[] = [];
  let total = 0;
  for (const name of SETTING_NAMES) {
    const known = clock[name];
    if (!known || deviceOnly.has(name)) continue;
    const key = settingKey(name);
    const value: [number, unknown] = [known[0], JSON.parse(known[1])];
    const size = itemBytes(key, value);
    if (size > BUDGET.perKey || total + size > BUDGET.settings) {
      tooLarge.push(name);
      continue;
    }
    total += size;
    items[key] = value;
  }
  return { items, tooLarge };
}
