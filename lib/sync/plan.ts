import { BUCKETS, bucketKey, bucketOf, encodeBucket, encodeEntry, type Entry } from './codec';
import { BUDGET, utf8Bytes } from './quota';

/**
 * Which part of the library goes into `storage.sync` when not all of it fits,
 * and how it is laid out: entries bucketed by a hash of the id, each bucket one
 * key under the per-key limit, all buckets together under the index budget.
 *
 * Priority: recent removals (small, and they must travel or a removed paper
 * comes back), then papers still to read, then their titles (cut short, up to
 * a budget), then everything else; newest change first within each.
 * The result depends only on the set of entries, so two devices that know the
 * same entries want the same sync area and stop writing.
 */

/** A removal is remembered this long; a device away longer may bring the paper back. */
export const TOMBSTONE_TTL_MS = 30 * 24 * 3600_000;
/** Removals never take more than this share of the index. */
const TOMBSTONE_BUDGET = 20_000;

export interface IndexPlan {
  items: Record<string, string>;
  /** Papers (not removals) in the index. */
  synced: number;
  titles: number;
  bytes: number;
}

function rank(e: Entry): number {
  return e.status === null ? 0 : e.status === 'saved' ? 1 : 2;
}

/** Bytes an entry's text costs inside a JSON string, plus its separator. */
function cost(text: string): number {
  // Most entries are plain ASCII with nothing JSON escapes: their length is their cost.
  return /^[ !#-[\]-~]*$/.test(text) ? text.length + 1 : utf8Bytes(JSON.stringify(text)) - 1;
}

export function planIndex(entries: Iterable<Entry>, now: number): IndexPlan {
  const live = [...entries].filter((e) => e.status !== null || now - e.t < TOMBSTONE_TTL_MS);
  live.sort((a, b) => rank(a) - rank(b) || b.t - a.t || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // Each bucket: the key, two quotes, and its entries, under the per-key budget.
  const room = Array.from({ length: BUCKETS }, (_, b) => BUDGET.perKey - utf8Bytes(bucketKey(b)) - 2);
  const picked = new Map<Entry, boolean>();
  let total = 0;
  let tombBytes = 0;
  let titleBytes = 0;

  const fits = (e: Entry, c: number) => c <= room[bucketOf(e.id)]! && total + c <= BUDGET.index;
  const take = (e: Entry, c: number) => {
    room[bucketOf(e.id)]! -= c;
    total += c;
  };
  const pick = (e: Entry) => {
    const c = cost(encodeEntry(e, false));
    if (!fits(e, c) || (e.status === null && tombBytes + c > TOMBSTONE_BUDGET)) return;
    if (e.status === null) tombBytes += c;
    take(e, c);
    picked.set(e, false);
  };
  const first = live.filter((e) => rank(e) < 2);
  first.forEach(pick);
  // Titles of the papers to read come before papers already read or dismissed: they make the other device's list readable.
  for (const e of first) {
    if (!e.title || !picked.has(e)) continue;
    const extra = cost(encodeEntry(e, true)) - cost(encodeEntry(e, false));
    if (!fits(e, extra) || titleBytes + extra > BUDGET.titles) continue;
    take(e, extra);
    titleBytes += extra;
    picked.set(e, true);
  }
  live.slice(first.length).forEach(pick);

  const buckets: Array<Array<[Entry, boolean]>> = Array.from({ length: BUCKETS }, () => []);
  for (const [e, withTitle] of picked) buckets[bucketOf(e.id)]!.push([e, withTitle]);
  const items: Record<string, string> = {};
  let bytes = 0;
  buckets.forEach((bucket, b) => {
    if (!bucket.length) return;
    const value = encodeBucket(bucket);
    items[bucketKey(b)] = value;
    bytes += utf8Bytes(bucketKey(b)) + utf8Bytes(JSON.stringify(value));
  });
  const entriesIn = [...picked.keys()];
  return {
    items,
    synced: entriesIn.filter((e) => e.status !== null).length,
    titles: [...picked.values()].filter(Boolean).length,
    bytes,
  };
}
