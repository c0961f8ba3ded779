import * as z from 'zod/mini';
import { SETTING_NAMES } from './settings';

/** What the user chose for sync on this device, and what the options page shows about it. */

const SettingNameSchema = z.enum(SETTING_NAMES as [string, ...string[]]);

const DeviceOnlySchema = z.array(SettingNameSchema).check(z.maxLength(SETTING_NAMES.length));

export const SyncConfigSchema = z.object({
  /** Keywords, tag rules and display options follow the user's other browsers. */
  settings: z._default(z.boolean(), true),
  /** The library index (ids, status, own tags, dates; titles of papers to read). */
  index: z._default(z.boolean(), true),
  /** Settings this device keeps to itself: neither sent nor taken from sync. */
  deviceOnly: z._default(DeviceOnlySchema, []),
});
export type SyncConfig = z.infer<typeof SyncConfigSchema>;
export const DEFAULT_SYNC_CONFIG: SyncConfig = SyncConfigSchema.parse({});

/** A change of some of the choices. No defaults here: a field left out must stay as it is, not become its default. */
export const SyncConfigChangeSchema = z.object({
  settings: z.optional(z.boolean()),
  index: z.optional(z.boolean()),
  deviceOnly: z.optional(DeviceOnlySchema),
});
export type SyncConfigChange = z.infer<typeof SyncConfigChangeSchema>;

export const SyncStatusSchema = z.object({
  config: SyncConfigSchema,
  /** The last time this device and the sync area were brought in step. */
  lastSyncAt: z.nullable(z.number()),
  error: z.nullable(z.string()),
  /** Writes wait for Dogear's write budget until then. */
  waitingUntil: z.nullable(z.number()),
  /** Bytes and keys in use: the sync area and its quota belong to this extension alone. */
  bytes: z.number(),
  keys: z.number(),
  papersSynced: z.number(),
  papersTotal: z.number(),
  titles: z.number(),
  settingsSynced: z.array(z.string()),
  settingsTooLarge: z.array(z.string()),
});
export type SyncStatus = z.infer<typeof SyncStatusSchema>;

/** Where the background publishes the status in `storage.local`, for the options page to read and follow. */
export const SYNC_STATUS_KEY = 'dogear:sync';
