import { BUCKETS, INDEX_PREFIX, MAX_CLOCK_SKEW_MS, decodeBucket, type Entry } from './codec';
import { itemBytes } from './quota';
import { SETTINGS_PREFIX, decodeSetting, type SettingName, type SyncedSetting } from './settings';

/**
 * Reads everything in `storage.sync` as strictly as an import: every key of
 * ours is checked, and one bad key makes the whole area "unreadable" so that
 * nothing at all is taken from it (the engine reports it and writes over the
 * bad keys). Keys of a later format (`dg2:`…) and other extensions' keys are
 * left alone.
 */

const OUR_PREFIX = 'dg1:';

interface AreaProblem {
  key: string;
  reason: string;
}

export interface ParsedArea {
  entries: Map<string, Entry>;
  settings: Map<SettingName, SyncedSetting>;
  problems: AreaProblem[];
  /** Our keys as found (bad ones included), with their values. */
  ours: Record<string, unknown>;
  /** Bytes and keys the whole area uses, ours and anyone else's. */
  bytes: number;
  keys: number;
}

export function parseArea(raw: Record<string, unknown>, now: number): ParsedArea {
  const out: ParsedArea = { entries: new Map(), settings: new Map(), problems: [], ours: {}, bytes: 0, keys: 0 };
  for (const [key, value] of Object.entries(raw)) {
    out.keys++;
    out.bytes += itemBytes(key, value);
    if (!key.startsWith(OUR_PREFIX)) continue;
    out.ours[key] = value;
    const problem = readKey(out, key, value, now);
    if (problem) out.problems.push({ key, reason: problem });
  }
  if (out.problems.length) {
    out.entries.clear();
    out.settings.clear();
  }
  return out;
}

function readKey(out: ParsedArea, key: string, value: unknown, now: number): string | null {
  if (key.startsWith(INDEX_PREFIX)) {
    const hex = key.slice(INDEX_PREFIX.length);
    const b = /^[0-9a-f]$/.test(hex) ? parseInt(hex, 16) : -1;
    if (b < 0 || b >= BUCKETS) return 'unknown index key';
    const entries = decodeBucket(b, value, now);
    if (typeof entries === 'string') return entries;
    for (const e of entries) out.entries.set(e.id, e);
    return null;
  }
  if (key.startsWith(SETTINGS_PREFIX)) {
    const name = key.slice(SETTINGS_PREFIX.length);
    const s = decodeSetting(name, value, now, MAX_CLOCK_SKEW_MS);
    if (typeof s === 'string') return s;
    out.settings.set(name as SettingName, s);
    return null;
  }
  return 'unknown key';
}
