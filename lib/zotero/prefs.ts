import * as z from 'zod/mini';
import { DEFAULT_PORT } from './client';

/**
 * Per-device Zotero preferences, kept in `storage.local` (never synced with the
 * settings): the port belongs to the Zotero on this computer.
 */

export const ZOTERO_PREFS_KEY = 'dogear:zotero';

export const ZoteroPrefsSchema = z.object({
  port: z._default(z.int().check(z.gte(1), z.lte(65_535)), DEFAULT_PORT),
  /** Ask Zotero's local API whether a paper is in the library before sending (off by default). */
  checkLibrary: z._default(z.boolean(), false),
});
export type ZoteroPrefs = z.infer<typeof ZoteroPrefsSchema>;

export const DEFAULT_ZOTERO_PREFS: ZoteroPrefs = ZoteroPrefsSchema.parse({});

/** Whatever is stored, a usable value: unreadable prefs fall back to the defaults. */
export function parseZoteroPrefs(raw: unknown): ZoteroPrefs {
  const r = ZoteroPrefsSchema.safeParse(raw ?? {});
  return r.success ? r.data : DEFAULT_ZOTERO_PREFS;
}
