import { describe, expect, it } from 'vitest';
import {
  BUCKETS,
  bucketOf,
  decodeBucket,
  decodeEntry,
  encodeBucket,
  encodeEntry,
  entryOfPaper,
  newer,
  tombstone,
  type Entry,
} from './codec';
import { blankPaper } from '../model';

const NOW = Date.UTC(2026, 11, 5, 9);

const entry = (over: Partial<Entry> = {}): Entry => ({
  id: '2506.02355',
  status: 'saved',
  t: NOW - 5_000,
  tags: [],
  savedAt: Math.floor((NOW - 86_400_000) / 1000) * 1000,
  ...over,
});

describe('sync codec', () => {
  it('round-trips entries, escaping the separators in tags and titles', () => {
    const cases: Entry[] = [
      entry(),
      entry({ status: 'read', readAt: Math.floor(NOW / 1000) * 1000, tags: ['rl', 'a,b|c;d%e'] }),
      entry({ status: 'dismissed', id: 'hep-th/9901001' }),
      entry({ title: 'Scaling | laws; 100% "real", émigré ✓' }),
      tombstone('2401.00001', NOW - 1),
    ];
    for (const e of cases) expect(decodeEntry(encodeEntry(e), NOW)).toEqual(e);
  });

  it('is compact: a paper to read with no tags is under 30 bytes', () => {
    expect(encodeEntry(entry()).length).toBeLessThan(30);
    expect(encodeEntry(tombstone('2506.02355', NOW)).length).toBeLessThan(22);
  });

  it('never carries notes, authors or abstracts, and titles only for papers to read', () => {
    const p = { ...blankPaper('2506.02355', NOW, 'arxiv'), title: 'T', note: 'secret note', authors: ['A. Author'] };
    const text = encodeEntry(entryOfPaper(p));
    expect(text).not.toContain('secret');
    expect(text).not.toContain('Author');
    expect(text.endsWith('|T')).toBe(true);
    expect(encodeEntry(entryOfPaper({ ...p, status: 'read' }))).not.toContain('|T');
  });

  it('refuses hostile or malformed entries', () => {
    const bad = [
      '',
      'not-an-id|s1|1',
      '2506.02355v2|s1|1', // not canonical
      '2506.02355|q1|1',
      '2506.02355|s1', // no saved time
      '2506.02355|x1|1', // a removal with fields
      `2506.02355|s${(NOW + 2 * 86_400_000).toString(36)}|1`, // from the future
      '2506.02355|s1|1||a,a', // duplicate tags
      `2506.02355|s1|1||${Array.from({ length: 51 }, (_, i) => `t${i}`).join(',')}`,
      '2506.02355|s1|1||%41', // not one of our escapes
      '2506.02355|s1|1|| padded ',
      `2506.02355|s1|1|||${'x'.repeat(1001)}`,
      '2506.02355|s1|1|||tab\there',
      '2506.02355|s1|1|||a|b',
    ];
    for (const text of bad) expect(typeof decodeEntry(text, NOW), text).toBe('string');
  });

  it('buckets by a stable hash of the id, and a bucket is refused as a whole', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => `2501.${String(i).padStart(5, '0')}`);
    const counts = new Array(BUCKETS).fill(0);
    for (const id of ids) counts[bucketOf(id)]++;
    expect(Math.min(...counts)).toBeGreaterThan(2000 / BUCKETS / 2);
    const a = entry({ id: ids[0]! });
    const b = ids.map((id) => entry({ id })).find((e) => bucketOf(e.id) === bucketOf(a.id) && e.id !== a.id)!;
    const text = encodeBucket([
      [b, true],
      [a, true],
    ]);
    expect(text.startsWith(a.id)).toBe(true); // sorted, so every device writes the same text
    expect(decodeBucket(bucketOf(a.id), text, NOW)).toEqual([a, b]);
    expect(decodeBucket((bucketOf(a.id) + 1) % BUCKETS, text, NOW)).toBe('entry in the wrong bucket');
    expect(decodeBucket(bucketOf(a.id), `${text};${encodeEntry(a)}`, NOW)).toBe('duplicate entry');
    expect(decodeBucket(bucketOf(a.id), `${text};garbage`, NOW)).toBe('malformed entry');
    expect(decodeBucket(0, 42, NOW)).toBe('not text');
  });

  it('the later change wins; equal times fall the same way on every device', () => {
    const old = entry({ t: 1 });
    const late = tombstone(old.id, 2);
    expect(newer(old, late)).toBe(late);
    expect(newer(late, old)).toBe(late);
    const x = entry({ t: 5, status: 'read' });
    const y = entry({ t: 5, status: 'dismissed' });
    expect(newer(x, y)).toBe(newer(y, x));
  });
});
