/**
 * The browser's `storage.sync` limits (Chromium's `storage.json`; Firefox has the
 * same byte and item limits and does not enforce the write rates) and the share
 * of them Dogear allows itself, with headroom for rounding and for other writers.
 */
export const SYNC_QUOTA = {
  bytes: 102_400,
  bytesPerItem: 8_192,
  maxItems: 512,
  writesPerMinute: 120,
  writesPerHour: 1_800,
} as const;

/** What Dogear allows itself: well inside every limit above. */
export const BUDGET = {
  /** Per key (key + JSON of the value), a kilobyte below the browser's limit. */
  perKey: 7_168,
  /** All of Dogear's settings keys together. */
  settings: 16_000,
  /** All index buckets together. */
  index: 78_000,
  /** Titles of papers still to read, within the index budget. */
  titles: 20_000,
  /** Writes (one `set` or `remove` call each) in any minute and any hour. */
  writesPerMinute: 20,
  writesPerHour: 600,
} as const;

const encoder = new TextEncoder();

/** Bytes the browser counts for one item: the key plus the JSON of its value, in UTF-8. */
export function itemBytes(key: string, value: unknown): number {
  return encoder.encode(key).length + encoder.encode(JSON.stringify(value)).length;
}

export function utf8Bytes(s: string): number {
  return encoder.encode(s).length;
}
