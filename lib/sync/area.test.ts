import { describe, expect, it } from 'vitest';
import { bucketKey, bucketOf, encodeEntry, type Entry } from './codec';
import { parseArea } from './area';
import { settingKey } from './settings';

const NOW = Date.UTC(2026, 11, 5, 9);
const e: Entry = { id: '2506.02355', status: 'saved', t: NOW - 1, tags: ['rl'], savedAt: 1_700_000_000_000 };
const good = {
  [bucketKey(bucketOf(e.id))]: encodeEntry(e),
  [settingKey('hideDismissed')]: [NOW - 5, true],
  'other-extension-key': { anything: 1 },
  'dg2:i:0': 'a later format, left alone',
};

describe('reading the sync area', () => {
  it('takes in a clean area and counts every byte and key', () => {
    const a = parseArea(good, NOW);
    expect(a.problems).toEqual([]);
    expect(a.entries.get(e.id)).toEqual(e);
    expect(a.settings.get('hideDismissed')).toEqual({ t: NOW - 5, value: true });
    expect(a.keys).toBe(4);
    expect(a.bytes).toBeGreaterThan(60);
  });

  it('one bad key makes the whole area refused: nothing is taken from it', () => {
    const hostile: Array<Record<string, unknown>> = [
      { 'dg1:i:0': { not: 'text' } },
      { 'dg1:i:g': '' },
      { 'dg1:i:10': '' },
      { 'dg1:x': 1 },
      { [settingKey('keywords')]: [NOW, [{ pattern: '(a+)+'.repeat(200) }]] },
      { [bucketKey((bucketOf(e.id) + 1) % 16)]: encodeEntry(e) },
    ];
    for (const extra of hostile) {
      const a = parseArea({ ...good, ...extra }, NOW);
      expect(a.problems.length, JSON.stringify(extra)).toBeGreaterThan(0);
      expect(a.entries.size).toBe(0);
      expect(a.settings.size).toBe(0);
    }
  });
});
