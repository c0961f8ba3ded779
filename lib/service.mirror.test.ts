import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { createService } from './service';
import { openStore, SEEN_FOR_MS } from './store';
import { createRouter, type RouterOptions } from './messages';
import { mirrorItems, SETTINGS_KEY, stateKey } from './mirror';
import { DEFAULT_SETTINGS } from './model';
import { createRelevance } from './relevance';
import { takeBackup } from './backup';
import { samplePapers } from './testing/old-db';
import { fakeMirror } from './testing/fake-mirror';

/** A worker stopped between the IndexedDB write and the mirror write, and storage.local refusing writes. */

const OPTS: RouterOptions = {
  runtimeId: 'ext',
  extensionOrigin: 'chrome-extension://ext/',
  contentSites: [{ origin: 'https://huggingface.co', name: 'huggingface' }],
};
const PAGE = { id: 'ext', url: 'chrome-extension://ext/options.html' };
const NOW = 1_000_000;
const meta = { id: '2610.22092', title: 'A paper', authors: ['A B'] };
const PAPER = { status: 'saved', tags: [], ruleTags: [], note: '', sources: [], savedAt: 1, updatedAt: 1 } as const;

async function setup() {
  const store = await openStore({ factory: new IDBFactory() });
  const mirror = fakeMirror();
  const svc = createService({
    store,
    mirror,
    relevance: createRelevance(store, () => NOW),
    ruleTagsFor: () => [],
    now: () => NOW,
  });
  const route = createRouter(svc.handlers, OPTS);
  // What the browser does with a full storage.local.
  const breakMirror = () => {
    const set = vi.spyOn(mirror, 'set').mockRejectedValue(new DOMException('quota', 'QuotaExceededError'));
    return () => set.mockRestore();
  };
  return { store, mirror, svc, route, breakMirror };
}

describe('mirror repair at worker start', () => {
  it('a worker stopped between the two writes: the next start writes exactly what the mirror missed', async () => {
    const { store, mirror, svc } = await setup();
    const papers = samplePapers(12);
    await svc.handlers['papers.apply']({ put: papers, remove: [], settings: DEFAULT_SETTINGS });
    // IndexedDB moves on without the mirror: one added, one retagged, one removed.
    await store.act({ meta, action: 'save' }, NOW);
    await store.updatePaper(papers[1]!.id, { tags: ['later'] }, NOW);
    await store.act({ meta: papers[2]!, action: 'unsave' }, NOW);
    const set = vi.spyOn(mirror, 'set');
    const remove = vi.spyOn(mirror, 'remove');
    await svc.startup();
    expect(set).toHaveBeenCalledTimes(1);
    expect(Object.keys(set.mock.calls[0]![0]).sort()).toEqual([stateKey(meta.id), stateKey(papers[1]!.id)].sort());
    expect(remove).toHaveBeenCalledWith([stateKey(papers[2]!.id)]);
    const want = { ...mirrorItems(await store.listPapers()), [SETTINGS_KEY]: await store.getSettings() };
    expect(Object.fromEntries([...mirror.data].filter(([k]) => k.startsWith('p:') || k === SETTINGS_KEY))).toEqual(
      want,
    );
  });

  it('a mirror already in step is left alone (no change event to every tab), settings in any key order', async () => {
    const { store, mirror, svc } = await setup();
    await svc.handlers['papers.apply']({ put: samplePapers(5), remove: [], settings: DEFAULT_SETTINGS });
    const s = await store.getSettings();
    mirror.data.set(SETTINGS_KEY, Object.fromEntries(Object.entries(s).reverse()));
    mirror.data.set('dogear:sync-status', { anything: 1 });
    const set = vi.spyOn(mirror, 'set');
    const remove = vi.spyOn(mirror, 'remove');
    await svc.startup();
    expect(set).not.toHaveBeenCalled();
    expect(remove).not.toHaveBeenCalled();
    expect(mirror.data.get('dogear:sync-status')).toEqual({ anything: 1 });
  });

  it('junk under our keys is rewritten or removed', async () => {
    const { mirror, svc } = await setup();
    await svc.handlers['paper.act']({ meta, action: 'read' });
    mirror.data.set(stateKey(meta.id), ['hacked', 1]);
    mirror.data.set(stateKey('not an id'), ['saved', [], []]);
    mirror.data.set(SETTINGS_KEY, 'junk');
    await svc.startup();
    expect(mirror.data.get(stateKey(meta.id))).toEqual(['read', [], []]);
    expect(mirror.data.has(stateKey('not an id'))).toBe(false);
    expect(mirror.data.get(SETTINGS_KEY)).toEqual(DEFAULT_SETTINGS);
  });

  it('also forgets seen marks older than 180 days', async () => {
    const { store, svc } = await setup();
    await store.recordSeen(['2401.00001'], NOW - SEEN_FOR_MS - 1);
    await store.recordSeen(['2401.00002'], NOW - SEEN_FOR_MS + 1);
    await svc.startup();
    expect([...(await store.getSeen(['2401.00001', '2401.00002'])).keys()]).toEqual(['2401.00002']);
  });
});

describe('a mirror write that fails after IndexedDB committed', () => {
  const SAVED = /^Your change was saved, but open pages could not be told/;

  const settings = { ...DEFAULT_SETTINGS, badge: false };
  it.each([
    ['a status change', { type: 'paper.act', payload: { meta, action: 'save' } }],
    ['settings', { type: 'settings.set', payload: { settings } }],
    [
      'an import with settings',
      { type: 'papers.apply', payload: { put: [{ ...meta, ...PAPER }], remove: [], settings } },
    ],
  ])('%s: the reply says it was saved, never "nothing was saved"; the next start repairs', async (_n, message) => {
    const { store, mirror, svc, route, breakMirror } = await setup();
    const fixed = breakMirror();
    const reply = await route(message, PAGE);
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(SAVED) });
    expect(JSON.stringify(reply)).not.toMatch(/nothing was saved|not saved/i);
    fixed();
    await svc.startup();
    expect(mirror.data.get(SETTINGS_KEY)).toEqual(await store.getSettings());
    // What was asked for is in IndexedDB, and now in the mirror too.
    if (message.type !== 'settings.set') expect(mirror.data.get(stateKey(meta.id))).toEqual(['saved', [], []]);
    if (message.type !== 'paper.act') expect(mirror.data.get(SETTINGS_KEY)).toMatchObject({ badge: false });
  });

  it('an import replies once IndexedDB committed: open pages are told after, a failure to tell them is logged', async () => {
    const { store, mirror, svc, route } = await setup();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const set = mirror.set;
    vi.spyOn(mirror, 'set').mockImplementationOnce(async (items) => {
      await gate;
      return set(items);
    });
    const put = { type: 'papers.apply', payload: { put: [{ ...meta, ...PAPER }], remove: [] } };
    expect(await route(put, PAGE)).toEqual({ ok: true, data: {} });
    expect((await store.getPaper(meta.id))?.status).toBe('saved');
    expect(mirror.data.has(stateKey(meta.id))).toBe(false);
    release();
    await vi.waitFor(() => expect(mirror.data.get(stateKey(meta.id))).toEqual(['saved', [], []]));

    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.spyOn(mirror, 'set').mockRejectedValueOnce(new DOMException('quota', 'QuotaExceededError'));
    const again = { type: 'papers.apply', payload: { put: [{ ...meta, ...PAPER, status: 'read' }], remove: [] } };
    expect(await route(again, PAGE)).toEqual({ ok: true, data: {} });
    await vi.waitFor(() =>
      expect(warn).toHaveBeenCalledWith(
        expect.stringMatching(/not told of an import/),
        expect.anything(),
        expect.anything(),
      ),
    );
    await svc.startup();
    expect(mirror.data.get(stateKey(meta.id))).toEqual(['read', [], []]);
    warn.mockRestore();
  });

  it('a restored backup: the reply says it was saved, and the next start repairs', async () => {
    const { store, mirror, svc, route, breakMirror } = await setup();
    await svc.handlers['paper.act']({ meta, action: 'save' });
    const id = await takeBackup(store, 'manual', NOW);
    await svc.handlers['paper.act']({ meta, action: 'unsave' });
    const fixed = breakMirror();
    const reply = await route({ type: 'backup.restore', payload: { id } }, PAGE);
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(SAVED) });
    expect((await store.getPaper(meta.id))?.status).toBe('saved');
    expect(mirror.data.has(stateKey(meta.id))).toBe(false);
    fixed();
    await svc.startup();
    expect(mirror.data.get(stateKey(meta.id))).toEqual(['saved', [], []]);
  });
});
