import { CATALOGUE } from '../messages';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../model';
import { SETTINGS_KEY, stateKey } from '../mirror';
import { bucketKey, bucketOf } from './codec';
import { meta, network, settle, startClock, syncedView } from '../testing/sync-devices';

beforeEach(() => startClock());
afterEach(() => vi.useRealTimers());

describe('sync between devices', () => {
  it('a paper saved on one device appears on the other with its title; notes stay home', async () => {
    const net = network();
    const a = await net.device('laptop');
    const b = await net.device('desktop');
    await a.svc.handlers['paper.act']({ meta: meta('2506.02355', 'Scaling laws'), action: 'save' });
    await a.svc.handlers['paper.update']({ id: '2506.02355', note: 'my private note', addTags: ['rl'] });
    await settle([a, b]);
    const onB = await b.store.getPaper('2506.02355');
    expect(onB).toMatchObject({ status: 'saved', tags: ['rl'], title: 'Scaling laws', note: '' });
    // B's mirror (what listings and the popup follow) has it too.
    expect(b.mirror.data.get(stateKey('2506.02355'))).toEqual(['saved', ['rl'], []]);
    await b.svc.handlers['paper.act']({ meta: meta('2506.02355', 'Scaling laws'), action: 'read' });
    await b.svc.handlers['paper.update']({ id: '2506.02355', note: 'desktop note' });
    await settle([a, b]);
    expect(await a.store.getPaper('2506.02355')).toMatchObject({ status: 'read', note: 'my private note' });
    expect(await syncedView(a)).toEqual(await syncedView(b));
  });

  it('concurrent edits on three devices converge to the later change of each paper', async () => {
    const net = network(400);
    const [a, b, c] = [await net.device('a'), await net.device('b'), await net.device('c')];
    for (const id of ['2501.00001', '2501.00002', '2501.00003'])
      await a.svc.handlers['paper.act']({ meta: meta(id), action: 'save' });
    await settle([a, b, c]);
    // Within the same second, before any device hears of the others:
    await a.svc.handlers['paper.act']({ meta: meta('2501.00001'), action: 'read' });
    await vi.advanceTimersByTimeAsync(10);
    await b.svc.handlers['paper.act']({ meta: meta('2501.00001'), action: 'dismiss' }); // later: wins
    await c.svc.handlers['paper.update']({ id: '2501.00002', addTags: ['from-c'] });
    await a.svc.handlers['paper.update']({ id: '2501.00003', addTags: ['from-a'] });
    await b.svc.handlers['paper.act']({ meta: meta('2501.00004'), action: 'save' });
    await settle([a, b, c]);
    const views = await Promise.all([a, b, c].map(syncedView));
    expect(views[1]).toEqual(views[0]);
    expect(views[2]).toEqual(views[0]);
    expect(await c.store.getPaper('2501.00001')).toMatchObject({ status: 'dismissed' });
    expect((await a.store.getPaper('2501.00002'))?.tags).toEqual(['from-c']);
    expect((await b.store.getPaper('2501.00003'))?.tags).toEqual(['from-a']);
    expect(await c.store.getPaper('2501.00004')).toBeTruthy();
  });

  it('removals stay removed, also on a device that was away; a later save brings the paper back', async () => {
    const net = network();
    const a = await net.device('a');
    const b = await net.device('b');
    await a.svc.handlers['paper.act']({ meta: meta('2502.00001'), action: 'save' });
    await settle([a, b]);
    b.online = false;
    await a.svc.handlers['paper.act']({ meta: meta('2502.00001'), action: 'unsave' });
    await settle([a, b]);
    expect(await a.store.getPaper('2502.00001')).toBeUndefined();
    expect(await b.store.getPaper('2502.00001')).toBeTruthy(); // away, still has its old copy
    b.online = true;
    await b.engine.start();
    await settle([a, b]);
    expect(await b.store.getPaper('2502.00001')).toBeUndefined();
    expect(await a.store.getPaper('2502.00001')).toBeUndefined(); // b's old copy did not bring it back
    expect(b.mirror.data.has(stateKey('2502.00001'))).toBe(false);
    await b.svc.handlers['paper.act']({ meta: meta('2502.00001'), action: 'read' });
    await settle([a, b]);
    expect(await a.store.getPaper('2502.00001')).toMatchObject({ status: 'read' });
  });

  it('a removal is carried on by every device, not only the one that made it', async () => {
    const net = network();
    const [a, b, c] = [await net.device('a'), await net.device('b'), await net.device('c')];
    await a.svc.handlers['paper.act']({ meta: meta('2502.00002'), action: 'save' });
    await settle([a, b, c]);
    c.online = false;
    await a.svc.handlers['paper.act']({ meta: meta('2502.00002'), action: 'unsave' });
    await settle([a, b]);
    a.online = false; // the device that removed it is gone for good
    await b.svc.handlers['paper.act']({ meta: meta('2502.00003'), action: 'save' });
    await settle([b]);
    c.online = true;
    await c.engine.start();
    await settle([b, c]);
    expect(await c.store.getPaper('2502.00002')).toBeUndefined();
    expect(await b.store.getPaper('2502.00002')).toBeUndefined();
    expect(await c.store.getPaper('2502.00003')).toBeTruthy();
  });

  it('an undo is a new change: sync does not take the undone removal back in', async () => {
    const net = network();
    const a = await net.device('a');
    const b = await net.device('b');
    const { paper } = await a.svc.handlers['paper.act']({ meta: meta('2502.00009'), action: 'save' });
    await settle([a, b]);
    await a.svc.handlers['paper.act']({ meta: meta('2502.00009'), action: 'unsave' });
    await settle([a, b]);
    await a.svc.handlers['paper.restore']({ papers: [paper!] });
    await settle([a, b]);
    expect(await a.store.getPaper('2502.00009')).toBeTruthy();
    expect(await b.store.getPaper('2502.00009')).toBeTruthy();
  });

  it('importing an export made before a removal brings the paper back, and sync keeps it back', async () => {
    const net = network();
    const a = await net.device('a');
    const b = await net.device('b');
    const { paper } = await a.svc.handlers['paper.act']({ meta: meta('2502.00010'), action: 'save' });
    await settle([a, b]);
    await a.svc.handlers['paper.act']({ meta: meta('2502.00010'), action: 'unsave' });
    await settle([a, b]);
    // The file's record is older than the removal sync carries; the import is still the later change.
    await a.svc.handlers['papers.apply']({ put: [paper!], remove: [] });
    await settle([a, b]);
    expect((await a.store.getPaper('2502.00010'))?.status).toBe('saved');
    expect((await b.store.getPaper('2502.00010'))?.status).toBe('saved');
    expect(await a.store.trash.list(0)).toEqual([]);
  });

  it('nothing newer is lost: changes made while away win over older ones in sync', async () => {
    const net = network();
    const a = await net.device('a');
    const b = await net.device('b');
    await a.svc.handlers['paper.act']({ meta: meta('2503.00001'), action: 'save' });
    await settle([a, b]);
    b.online = false;
    await a.svc.handlers['paper.update']({ id: '2503.00001', addTags: ['older'] });
    await settle([a, b]);
    await b.svc.handlers['paper.act']({ meta: meta('2503.00001'), action: 'read' }); // newer, made while away
    await b.svc.handlers['paper.act']({ meta: meta('2503.00002'), action: 'save' });
    b.online = true;
    await b.engine.start();
    await settle([a, b]);
    expect(await a.store.getPaper('2503.00001')).toMatchObject({ status: 'read', tags: [] });
    expect(await b.store.getPaper('2503.00001')).toMatchObject({ status: 'read', tags: [] });
    expect(await a.store.getPaper('2503.00002')).toBeTruthy();
  });

  it('settings: last writer wins per setting, and open listings follow (the mirror)', async () => {
    const net = network();
    const a = await net.device('a');
    const b = await net.device('b');
    const kw = [{ pattern: 'diffusion', caseSensitive: false, wholeWord: true }];
    await a.svc.handlers['settings.set']({ settings: { ...DEFAULT_SETTINGS, keywords: kw } });
    await vi.advanceTimersByTimeAsync(5);
    await b.svc.handlers['settings.set']({ settings: { ...DEFAULT_SETTINGS, hideDismissed: true } });
    await settle([a, b]);
    for (const d of [a, b]) {
      expect(await d.store.getSettings()).toMatchObject({ keywords: kw, hideDismissed: true });
      expect(d.mirror.data.get(SETTINGS_KEY)).toMatchObject({ keywords: kw, hideDismissed: true });
    }
  });

  it('a device can keep a setting to itself', async () => {
    const net = network();
    const a = await net.device('a');
    const b = await net.device('b');
    await b.engine.configure({ deviceOnly: ['badge'] });
    await a.svc.handlers['settings.set']({ settings: { ...DEFAULT_SETTINGS, badge: false, showNew: false } });
    await settle([a, b]);
    expect(await b.store.getSettings()).toMatchObject({ badge: true, showNew: false });
  });

  it('a corrupt or hostile sync area changes nothing, is reported, and is written over', async () => {
    const net = network();
    const a = await net.device('a');
    const b = await net.device('b');
    await a.svc.handlers['paper.act']({ meta: meta('2504.00001'), action: 'save' });
    await settle([a, b]);
    const before = await syncedView(b);
    const key = bucketKey(bucketOf('2504.00002'));
    await a.area.set({ [key]: '2504.00002|s1|1;<img src=x onerror=alert(1)>', 'dg1:s:keywords': [Date.now(), 'x'] });
    await vi.advanceTimersByTimeAsync(400);
    await b.engine.flush();
    expect((await b.engine.status()).error).toMatch(/Refused/);
    expect(await syncedView(b)).toEqual(before);
    expect(await b.store.getSettings()).toEqual(DEFAULT_SETTINGS);
    await settle([a, b]);
    expect((await b.engine.status()).error).toBeNull();
    expect(await syncedView(a)).toEqual(await syncedView(b));
  });

  it('switching the index off removes our keys; settings keep syncing; each choice stays as made', async () => {
    // As the options page sends them: through the message's own validation.
    const change = (c: unknown) => CATALOGUE['sync.configure'].request.parse(c);
    const net = network();
    const a = await net.device('a');
    await a.svc.handlers['paper.act']({ meta: meta('2505.00001'), action: 'save' });
    await settle([a]);
    expect([...a.area.data.keys()].some((k) => k.startsWith('dg1:i:'))).toBe(true);
    await a.engine.configure(change({ index: false }));
    await settle([a]);
    expect([...a.area.data.keys()].some((k) => k.startsWith('dg1:i:'))).toBe(false);
    expect([...a.area.data.keys()].some((k) => k.startsWith('dg1:s:'))).toBe(true);
    await a.engine.configure(change({ settings: false }));
    await settle([a]);
    expect(a.area.data.size).toBe(0);
    expect((await a.engine.status()).config).toMatchObject({ index: false, settings: false });
  });
});
