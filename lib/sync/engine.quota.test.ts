import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { blankPaper, type Paper } from '../model';
import { SYNC_QUOTA, itemBytes } from './quota';
import { peakWrites } from '../testing/fake-sync-area';
import { meta, network, run, settle, startClock, type Device } from '../testing/sync-devices';

beforeEach(() => startClock());
afterEach(() => vi.useRealTimers());

function expectInsideQuota(devices: Device[]) {
  for (const d of devices) {
    expect(d.area.refused).toEqual([]);
    expect(peakWrites(d.area.writes, 60_000)).toBeLessThanOrEqual(SYNC_QUOTA.writesPerMinute / 6);
    expect(peakWrites(d.area.writes, 3600_000)).toBeLessThanOrEqual(SYNC_QUOTA.writesPerHour / 3);
    const items = [...d.area.data];
    expect(items.length).toBeLessThanOrEqual(SYNC_QUOTA.maxItems);
    expect(items.reduce((n, [k, v]) => n + itemBytes(k, v), 0)).toBeLessThanOrEqual(SYNC_QUOTA.bytes);
    for (const [k, v] of items) expect(itemBytes(k, v)).toBeLessThanOrEqual(SYNC_QUOTA.bytesPerItem);
  }
}

/** An import file's worth of papers: one in eight still to read, with titles and tags. */
function importFile(n: number, now: number): Paper[] {
  return Array.from({ length: n }, (_, i) => ({
    ...blankPaper(
      `${String(16 + (i % 9))}${String(1 + (i % 12)).padStart(2, '0')}.${String(10000 + i)}`,
      now,
      'import',
    ),
    title: `Imported paper ${i} on the scaling of things`,
    status: i % 8 === 0 ? 'saved' : i % 5 === 0 ? 'dismissed' : 'read',
    tags: i % 7 === 0 ? ['imported'] : [],
    savedAt: now - i * 3_600_000,
    updatedAt: now - i * 60_000,
  }));
}

describe('sync quotas and write rates', () => {
  it('a 10,000-paper import: one batched write, inside every quota, papers to read first on the other device', async () => {
    const net = network();
    const a = await net.device('a');
    const b = await net.device('b');
    const papers = importFile(10_000, Date.now());
    await settle([a, b]);
    const [writesA, writesB] = [a.area.writes.length, b.area.writes.length];
    await a.svc.handlers['papers.apply']({ put: papers, remove: [] });
    await settle([a, b]);
    expectInsideQuota([a, b]);
    expect(a.area.writes.length - writesA).toBe(1);
    const status = await a.engine.status();
    expect(status.papersTotal).toBe(10_000);
    expect(status.papersSynced).toBeGreaterThan(1_500);
    expect(status.papersSynced).toBeLessThan(10_000);
    const onB = await b.store.listPapers();
    expect(onB).toHaveLength(status.papersSynced);
    const toRead = papers.filter((p) => p.status === 'saved');
    const ids = new Set(onB.map((p) => p.id));
    expect(toRead.every((p) => ids.has(p.id))).toBe(true);
    expect(onB.filter((p) => p.status === 'saved' && p.title).length).toBe(status.titles);
    expect(status.titles).toBeGreaterThan(100);
    // B agrees with what is in sync and writes nothing of its own.
    expect(b.area.writes.length).toBe(writesB);

    // Overflow: a new paper to read on B pushes out the oldest read paper, and reaches A.
    await b.svc.handlers['paper.act']({ meta: meta('2612.00001', 'Fresh'), action: 'save' });
    await settle([a, b]);
    expect(await a.store.getPaper('2612.00001')).toMatchObject({ title: 'Fresh', status: 'saved' });
    expect((await b.engine.status()).papersSynced).toBe((await a.engine.status()).papersSynced);
    expectInsideQuota([a, b]);
  });

  it('bulk actions on two devices at once are batched into a few writes', async () => {
    const net = network();
    const a = await net.device('a');
    const b = await net.device('b');
    const ids = Array.from({ length: 400 }, (_, i) => `2607.${String(10000 + i)}`);
    for (const id of ids) await a.svc.handlers['paper.act']({ meta: meta(id), action: 'save' });
    // Bulk actions the popup sends in batches, back to back, on both devices.
    for (let round = 0; round < 10; round++) {
      await a.svc.handlers['papers.bulk']({ ids, action: round % 2 ? 'read' : 'unread' });
      await b.svc.handlers['papers.bulk']({ ids: ids.slice(0, 100), addTag: `t${round}` });
      await vi.advanceTimersByTimeAsync(700);
    }
    await settle([a, b]);
    expectInsideQuota([a, b]);
    expect(a.area.writes.length + b.area.writes.length).toBeLessThan(20);
    const views = await Promise.all([a, b].map((d) => d.store.listPapers()));
    const key = (p: Paper) => `${p.id}|${p.status}|${p.tags.join(',')}|${p.updatedAt}`;
    expect(views[1]!.map(key).sort()).toEqual(views[0]!.map(key).sort());
  });

  it('a click every three seconds for an hour on each of two devices stays inside the hourly budget', async () => {
    const net = network();
    const a = await net.device('a');
    const b = await net.device('b');
    const ids = Array.from({ length: 20 }, (_, i) => `2608.${String(10000 + i)}`);
    for (const id of ids) await a.svc.handlers['paper.act']({ meta: meta(id), action: 'save' });
    for (let s = 0; s < 3600; s += 3) {
      await a.svc.handlers['paper.act']({ meta: meta(ids[s % 20]!), action: s % 4 ? 'read' : 'unread' });
      await b.svc.handlers['paper.update']({ id: ids[(s * 3) % 20]!, addTags: [`c${s % 5}`] });
      await run([a, b], 3_000);
    }
    await settle([a, b], 600_000);
    expectInsideQuota([a, b]);
    // The budget held writes back; nothing was lost by it.
    expect(a.area.writes.length).toBeGreaterThan(300);
    const views = await Promise.all([a, b].map((d) => d.store.listPapers()));
    const key = (p: Paper) => `${p.id}|${p.status}|${p.tags.join(',')}|${p.updatedAt}`;
    expect(views[1]!.map(key).sort()).toEqual(views[0]!.map(key).sort());
  }, 300_000);
});
