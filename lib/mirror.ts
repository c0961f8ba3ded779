import * as z from 'zod/mini';
import {
  PaperStatusSchema,
  SettingsSchema,
  DEFAULT_SETTINGS,
  type Paper,
  type PaperStatus,
  type Settings,
} from './model';
import { canonicalJson } from './sync/json';

/**
 * The snapshot the background mirrors into `storage.local` after each write, so
 * content scripts paint at once (even while the service worker sleeps) and
 * every tab hears about changes through `storage.onChanged`.
 *
 * One key per paper rather than one big object: a page asks only for the ids it
 * shows, and a change event carries only the papers that changed, whatever the
 * size of the library.
 */

export const SETTINGS_KEY = 'dogear:settings';
const STATE_PREFIX = 'p:';

/** A paper's entry: [status, the user's tags, tags rules gave it when saved]. */
type StateValue = [PaperStatus, string[], string[]];
/**
 * An entry's three parts, checked as the object they make: a z.tuple would bring its own code into the
 * content script, which parses every entry it reads (issue 13). parseState checks the array's length.
 */
const PaperStateSchema = z.object({
  status: PaperStatusSchema,
  tags: z.array(z.string()),
  ruleTags: z.array(z.string()),
});
export type PaperState = z.infer<typeof PaperStateSchema>;

export function stateKey(id: string): string {
  return STATE_PREFIX + id;
}

export function idOfKey(key: string): string | null {
  return key.startsWith(STATE_PREFIX) ? key.slice(STATE_PREFIX.length) : null;
}

function stateValue(p: Paper): StateValue {
  return [p.status, p.tags, p.ruleTags];
}

/** Storage items that mirror `papers`. */
export function mirrorItems(papers: Paper[]): Record<string, StateValue> {
  const out: Record<string, StateValue> = {};
  for (const p of papers) out[stateKey(p.id)] = stateValue(p);
  return out;
}

/**
 * What to write and remove so that the mirror holds exactly these papers and settings, given what it
 * holds now. Entries already right are left alone: a worker start rewriting them all would send every
 * tab a change event the size of the library. Keys that are not ours are never touched.
 */
export function mirrorRepairs(
  papers: Paper[],
  settings: Settings,
  current: Record<string, unknown>,
): { set: Record<string, unknown>; remove: string[] } {
  const want: Record<string, unknown> = { ...mirrorItems(papers), [SETTINGS_KEY]: settings };
  const set: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(want))
    if (!Object.hasOwn(current, key) || canonicalJson(current[key]) !== canonicalJson(value)) set[key] = value;
  const remove = Object.keys(current).filter((key) => idOfKey(key) !== null && !Object.hasOwn(want, key));
  return { set, remove };
}

export function parseState(raw: unknown): PaperState | null {
  if (!Array.isArray(raw) || raw.length !== 3) return null;
  const r = PaperStateSchema.safeParse({ status: raw[0], tags: raw[1], ruleTags: raw[2] });
  return r.success ? r.data : null;
}

export function parseSettings(raw: unknown): Settings {
  const r = SettingsSchema.safeParse(raw ?? {});
  return r.success ? r.data : DEFAULT_SETTINGS;
}

/** Turns a `storage.onChanged` batch into per-paper updates (null = removed) and new settings, if any. */
export function readChanges(changes: Record<string, { newValue?: unknown }>): {
  papers: Map<string, PaperState | null>;
  settings?: Settings;
} {
  const papers = new Map<string, PaperState | null>();
  let settings: Settings | undefined;
  for (const [key, change] of Object.entries(changes)) {
    if (key === SETTINGS_KEY) settings = parseSettings(change.newValue);
    const id = idOfKey(key);
    if (id) papers.set(id, change.newValue === undefined ? null : parseState(change.newValue));
  }
  return settings ? { papers, settings } : { papers };
}

/**
 * What an extension page needs of a batch: the ids of the papers that changed (it reads them from the
 * store) and new settings, if any. The states are left unparsed: 10,000 of them after an import cost the
 * page a tenth of a second before it could show that the import was done.
 */
export function readChangedIds(changes: Record<string, { newValue?: unknown }>): {
  ids: string[];
  settings?: Settings;
} {
  const ids = Object.keys(changes).flatMap((key) => idOfKey(key) ?? []);
  return SETTINGS_KEY in changes ? { ids, settings: parseSettings(changes[SETTINGS_KEY]!.newValue) } : { ids };
}
