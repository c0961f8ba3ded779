import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { createService } from '../service';
import { openStore } from '../store';
import { createRelevance } from '../relevance';
import { fakeMirror } from '../testing/fake-mirror';
import { freePort, startZoteroStandin } from '../../tests/support/zotero-standin.mjs';
import type { ZoteroEnv } from './handlers';
import { DEFAULT_ZOTERO_PREFS } from './prefs';

const NOW = Date.parse('2026-12-05T09:30:00.000Z');
const meta = (id: string) => ({ id, title: `Paper ${id}`, authors: ['Ada Lovelace'], primaryClass: 'cs.LG' });

let closers: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  await Promise.all(closers.map((c) => c()));
  closers = [];
});

async function setup(env: Partial<ZoteroEnv> & { port?: number } = {}) {
  const zotero = await startZoteroStandin();
  closers.push(zotero.close);
  const store = await openStore({ factory: new IDBFactory() });
  const port = env.port ?? zotero.port;
  const svc = createService({
    store,
    mirror: fakeMirror(),
    relevance: createRelevance(store, () => NOW),
    ruleTagsFor: () => [],
    now: () => NOW,
    zotero: {
      hasPermission: env.hasPermission ?? (async () => true),
      prefs: async () => ({ ...DEFAULT_ZOTERO_PREFS, port }),
    },
  });
  for (const id of ['2610.00001', '2610.00002']) {
    await svc.handlers['paper.act']({ meta: meta(id), action: 'save' });
  }
  return { zotero, store, h: svc.handlers };
}

describe('zotero handlers', () => {
  it('without the permission nothing is requested at all', async () => {
    const { zotero, h } = await setup({ hasPermission: async () => false });
    expect(await h['zotero.target']({})).toMatchObject({ ok: false, kind: 'no-permission' });
    expect(await h['zotero.save']({ ids: ['2610.00001'] })).toMatchObject({ ok: false, kind: 'no-permission' });
    expect(zotero.requests).toEqual([]);
  });

  it('target: version and "library › collection"', async () => {
    const { h } = await setup();
    expect(await h['zotero.target']({})).toEqual({
      ok: true,
      version: '10.0.0-standin',
      target: { libraryName: 'My Library', collection: 'Reading', editable: true, label: 'My Library › Reading' },
    });
  });

  it('save: items arrive, the papers record when and where', async () => {
    const { zotero, store, h } = await setup();
    const res = await h['zotero.save']({ ids: ['2610.00001', '2610.00002'] });
    expect(res).toMatchObject({ ok: true, target: 'My Library › Reading' });
    expect(zotero.saved.map((i: { archiveID: string }) => i.archiveID)).toEqual([
      'arXiv:2610.00001',
      'arXiv:2610.00002',
    ]);
    const sent = { date: '2026-12-05T09:30:00.000Z', collection: 'My Library › Reading' };
    expect((await store.getPaper('2610.00001'))?.sentToZotero).toEqual(sent);
    expect(res.ok && res.papers.map((p) => p.sentToZotero)).toEqual([sent, sent]);
    // A fresh session for every save, so sending again is never a 409.
    await h['zotero.save']({ ids: ['2610.00001'] });
    expect(zotero.sessions.size).toBe(2);
  });

  it('a failed save records nothing', async () => {
    const { zotero, store, h } = await setup();
    zotero.set({ libraryEditable: false });
    expect(await h['zotero.save']({ ids: ['2610.00001'] })).toMatchObject({ ok: false, kind: 'read-only' });
    zotero.set({ libraryEditable: true, saveFails: true });
    expect(await h['zotero.save']({ ids: ['2610.00001'] })).toMatchObject({ ok: false, kind: 'failed' });
    expect((await store.getPaper('2610.00001'))?.sentToZotero).toBeUndefined();
  });

  it('Zotero not running: the message the user sees, nothing recorded', async () => {
    const { store, h } = await setup({ port: await freePort() });
    expect(await h['zotero.save']({ ids: ['2610.00001'] })).toEqual({
      ok: false,
      kind: 'not-running',
      message: 'Zotero is not running — start Zotero and try again',
    });
    expect((await store.getPaper('2610.00001'))?.sentToZotero).toBeUndefined();
  });

  it('unknown ids are skipped; none known sends nothing', async () => {
    const { zotero, h } = await setup();
    expect(await h['zotero.save']({ ids: ['2611.00009'] })).toEqual({ ok: true, target: '', papers: [] });
    expect(zotero.requests).toEqual([]);
  });

  it('check: null while the local API is off, then found / not found', async () => {
    const { zotero, h } = await setup();
    expect(await h['zotero.check']({ ids: ['2610.00001'] })).toEqual({ ok: true, found: { '2610.00001': null } });
    await h['zotero.save']({ ids: ['2610.00001'] });
    zotero.set({ localApi: true });
    expect(await h['zotero.check']({ ids: ['2610.00001', '2610.00002'] })).toEqual({
      ok: true,
      found: { '2610.00001': true, '2610.00002': false },
    });
  });
});
