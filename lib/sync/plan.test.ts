import { describe, expect, it } from 'vitest';
import { BUCKETS, bucketKey, decodeBucket, tombstone, type Entry } from './codec';
import { TOMBSTONE_TTL_MS, planIndex } from './plan';
import { BUDGET, SYNC_QUOTA, itemBytes } from './quota';

const NOW = Date.UTC(2026, 11, 5, 9);

/** A library like a heavy user's: ids across years, some tags, every status, long titles. */
function library(n: number, start = 0): Entry[] {
  return Array.from({ length: n }, (_, i) => {
    const k = start + i;
    const status = k % 8 === 0 ? 'saved' : k % 4 === 3 ? 'dismissed' : 'read';
    return {
      id: `${String(15 + (k % 10)).padStart(2, '0')}${String(1 + (k % 12)).padStart(2, '0')}.${String(10000 + k).slice(-5)}`,
      status,
      t: NOW - (k + 1) * 60_000,
      tags: k % 3 === 0 ? ['rl', 'to-cite'] : [],
      savedAt: Math.floor((NOW - k * 3_600_000) / 1000) * 1000,
      ...(status === 'read' ? { readAt: Math.floor((NOW - k * 1_800_000) / 1000) * 1000 } : {}),
      ...(status === 'saved'
        ? { title: `A long title about scaling laws for paper number ${k}, with extra words` }
        : {}),
    } as Entry;
  });
}

function decodeAll(items: Record<string, string>): Entry[] {
  const out: Entry[] = [];
  for (let b = 0; b < BUCKETS; b++) {
    const v = items[bucketKey(b)];
    if (v === undefined) continue;
    const es = decodeBucket(b, v, NOW);
    if (typeof es === 'string') throw new Error(es);
    out.push(...es);
  }
  return out;
}

describe('index plan', () => {
  it('a small library syncs whole, titles included, each key well under the limits', () => {
    const lib = library(300);
    const plan = planIndex(lib, NOW);
    expect(plan.synced).toBe(300);
    expect(plan.titles).toBe(38);
    const back = decodeAll(plan.items);
    expect(back).toHaveLength(300);
    for (const [k, v] of Object.entries(plan.items)) expect(itemBytes(k, v)).toBeLessThanOrEqual(BUDGET.perKey);
  });

  it('a 10,000-paper library: to-read first, then the most recently changed; inside every quota', () => {
    const lib = library(10_000);
    const plan = planIndex(lib, NOW);
    const bytes = Object.entries(plan.items).reduce((n, [k, v]) => n + itemBytes(k, v), 0);
    expect(bytes).toBe(plan.bytes);
    expect(bytes).toBeLessThanOrEqual(BUDGET.index + BUCKETS * 2 + 200);
    expect(bytes + BUDGET.settings).toBeLessThan(SYNC_QUOTA.bytes);
    expect(Object.keys(plan.items).length).toBeLessThanOrEqual(BUCKETS);
    for (const [k, v] of Object.entries(plan.items))
      expect(itemBytes(k, v)).toBeLessThan(SYNC_QUOTA.bytesPerItem - 1000);
    expect(plan.synced).toBeGreaterThan(1500);
    expect(plan.synced).toBeLessThan(10_000);
    const synced = new Set(decodeAll(plan.items).map((e) => e.id));
    // Every paper to read is in (all 1,250 of them fit), and of the rest the newest changes.
    const toRead = lib.filter((e) => e.status === 'saved');
    expect(toRead.every((e) => synced.has(e.id))).toBe(true);
    const rest = lib.filter((e) => e.status !== 'saved');
    const cut = rest.findIndex((e) => !synced.has(e.id));
    expect(cut).toBeGreaterThan(0);
    // Past the cut only a few stragglers fit into buckets that still had room.
    expect(rest.slice(cut).filter((e) => synced.has(e.id)).length).toBeLessThan(rest.length / 20);
  });

  it('a full library of papers to read keeps the newest, with titles for the newest only', () => {
    const lib = library(8_000).map((e) => ({ ...e, status: 'saved' as const, readAt: undefined, title: 'Title' }));
    const plan = planIndex(lib, NOW);
    const back = decodeAll(plan.items);
    const ids = new Set(back.map((e) => e.id));
    const oldestIn = Math.min(...back.map((e) => e.t));
    const newerOut = lib.filter((e) => e.t > oldestIn && !ids.has(e.id));
    expect(newerOut.length).toBeLessThan(lib.length / 50);
    expect(back.find((e) => e.t === NOW - 60_000)?.title).toBe('Title');
  });

  it('removals travel first, expire after their time, and never take more than their share', () => {
    const lib = library(10_000);
    const tombs = Array.from({ length: 3_000 }, (_, i) => tombstone(`2605.${String(10000 + i)}`, NOW - i * 1000));
    const expired = tombstone('2605.99999', NOW - TOMBSTONE_TTL_MS - 1);
    const plan = planIndex([...lib, ...tombs, expired], NOW);
    const back = decodeAll(plan.items);
    const removals = back.filter((e) => e.status === null);
    expect(removals.length).toBeGreaterThan(500);
    expect(removals.length).toBeLessThan(3_000);
    expect(removals.some((e) => e.id === '2605.10000')).toBe(true); // the newest
    expect(removals.some((e) => e.id === expired.id)).toBe(false);
    expect(back.filter((e) => e.status === 'saved').length).toBeGreaterThan(1000);
  });

  it('depends only on the set of entries: any order gives the same keys and text', () => {
    const lib = library(5_000);
    const a = planIndex(lib, NOW).items;
    const b = planIndex([...lib].reverse(), NOW).items;
    expect(b).toEqual(a);
  });
});
