import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { createService } from './service';
import { openStore } from './store';
import { readChanges, SETTINGS_KEY, stateKey } from './mirror';
import { DEFAULT_SETTINGS } from './model';
import { createRelevance } from './relevance';
import { fakeMirror } from './testing/fake-mirror';

async function setup() {
  const store = await openStore({ factory: new IDBFactory() });
  const mirror = fakeMirror();
  const onPapersChanged = vi.fn();
  const svc = createService({
    store,
    mirror,
    relevance: createRelevance(store, () => 1000),
    ruleTagsFor: (m) => (/agent/i.test(m.title) ? ['agents'] : []),
    onPapersChanged,
    now: () => 1000,
  });
  return { store, mirror, svc, onPapersChanged };
}

const meta = { id: '2610.22092', title: 'An agent benchmark', authors: ['A B'] };

describe('service', () => {
  it('a mirror write that fails after the store committed says the change was saved, and resync repairs it', async () => {
    const { svc, mirror, store } = await setup();
    const set = mirror.set;
    mirror.set = async () => {
      throw new DOMException('quota', 'QuotaExceededError');
    };
    await expect(svc.handlers['paper.act']({ meta, action: 'save' })).rejects.toThrow(/was saved/);
    await expect(svc.handlers['paper.act']({ meta, action: 'save' })).rejects.not.toThrow(/nothing was saved/);
    expect((await store.getPaper(meta.id))?.status).toBe('saved');
    expect(mirror.data.get(stateKey(meta.id))).toBeUndefined();
    mirror.set = set;
    await svc.startup();
    expect(mirror.data.get(stateKey(meta.id))).toEqual(['saved', [], ['agents']]);
  });

  it('mirrors every write so content scripts see it', async () => {
    const { svc, mirror, onPapersChanged } = await setup();
    const { paper } = await svc.handlers['paper.act']({ meta, action: 'save', source: 'huggingface' });
    expect(paper).toMatchObject({ ruleTags: ['agents'], status: 'saved' });
    expect(mirror.data.get(stateKey(meta.id))).toEqual(['saved', [], ['agents']]);
    await svc.handlers['paper.update']({ id: meta.id, tags: ['mine'] });
    expect(mirror.data.get(stateKey(meta.id))).toEqual(['saved', ['mine'], ['agents']]);
    const removed = await svc.handlers['paper.act']({ meta, action: 'unsave' });
    expect(removed.paper).toBeNull();
    expect(removed.previous?.tags).toEqual(['mine']);
    expect(mirror.data.has(stateKey(meta.id))).toBe(false);
    await svc.handlers['paper.restore']({ papers: [removed.previous!] });
    expect(mirror.data.get(stateKey(meta.id))).toEqual(['saved', ['mine'], ['agents']]);
    expect(onPapersChanged).toHaveBeenCalledTimes(4);
  });

  it('settings are stored and mirrored', async () => {
    const { svc, mirror, store } = await setup();
    await svc.handlers['settings.set']({ settings: { ...DEFAULT_SETTINGS, hideDismissed: true } });
    expect((await store.getSettings()).hideDismissed).toBe(true);
    expect(mirror.data.get(SETTINGS_KEY)).toMatchObject({ hideDismissed: true });
  });

  it('resyncs a stale mirror to the store', async () => {
    const { svc, mirror } = await setup();
    await svc.handlers['paper.act']({ meta, action: 'read' });
    mirror.data.set(stateKey('2401.00001'), ['saved', [], []]);
    mirror.data.delete(stateKey(meta.id));
    mirror.data.set('unrelated', 1);
    await svc.resyncMirror();
    expect(mirror.data.has(stateKey('2401.00001'))).toBe(false);
    expect(mirror.data.get(stateKey(meta.id))).toEqual(['read', [], ['agents']]);
    expect(mirror.data.get('unrelated')).toBe(1);
    expect(mirror.data.has(SETTINGS_KEY)).toBe(true);
  });

  it('bulk removal clears the mirror', async () => {
    const { svc, mirror } = await setup();
    await svc.handlers['paper.act']({ meta, action: 'save' });
    await svc.handlers['papers.bulk']({ ids: [meta.id], remove: true });
    expect(mirror.data.has(stateKey(meta.id))).toBe(false);
  });
});

describe('mirror changes', () => {
  it('reads paper and settings changes, ignoring junk', () => {
    const out = readChanges({
      [stateKey('2401.00001')]: { newValue: ['read', ['a'], []] },
      [stateKey('2401.00002')]: {},
      [stateKey('2401.00003')]: { newValue: ['hacked', 1] },
      [SETTINGS_KEY]: { newValue: { hideDismissed: true } },
      other: { newValue: 1 },
    });
    expect(out.papers.get('2401.00001')).toEqual({ status: 'read', tags: ['a'], ruleTags: [] });
    expect(out.papers.get('2401.00002')).toBeNull();
    expect(out.papers.get('2401.00003')).toBeNull();
    expect(out.settings?.hideDismissed).toBe(true);
  });
});

describe('service: Trash and backups', () => {
  it('a bulk removal takes a backup first; the Trash restores, mirrors and purges', async () => {
    const { svc, store, mirror } = await setup();
    await svc.handlers['paper.act']({ meta, action: 'save' });
    await svc.handlers['papers.bulk']({ ids: [meta.id], remove: true });
    expect((await store.listBackups()).map((b) => b.reason)).toContain('before-bulk');
    expect(mirror.data.has(stateKey(meta.id))).toBe(false);
    expect(await svc.handlers['trash.restore']({ ids: [meta.id] })).toEqual({ restored: 1 });
    expect(mirror.data.get(stateKey(meta.id))).toEqual(['saved', [], ['agents']]);
    await svc.handlers['paper.act']({ meta, action: 'unsave' });
    expect(await svc.handlers['trash.restore']({ all: true })).toEqual({ restored: 1 });
    await svc.handlers['paper.act']({ meta, action: 'unsave' });
    // Removed at 1000; 30 days on it is gone at the next purge.
    expect(await svc.handlers['trash.purge']({})).toEqual({ purged: 0 });
    await store.trash.purge(1001);
    expect(await store.trash.count(0)).toBe(0);
    await svc.handlers['paper.act']({ meta, action: 'save' });
    await svc.handlers['paper.act']({ meta, action: 'unsave' });
    await svc.handlers['trash.empty']({});
    expect(await store.trash.count(0)).toBe(0);
  });
  it('an import replies once it is written and backed up; the day’s backup follows, one at a time', async () => {
    const { svc, store } = await setup();
    const addBackup = store.addBackup.bind(store);
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    const reasons: string[] = [];
    store.addBackup = async (b) => {
      reasons.push(b.reason);
      if (b.reason === 'daily') await held;
      return addBackup(b);
    };
    const put = [
      { ...meta, status: 'saved' as const, tags: [], ruleTags: [], note: '', sources: [], savedAt: 1, updatedAt: 1 },
    ];
    await svc.handlers['papers.apply']({ put, remove: [] });
    await vi.waitFor(() => expect(reasons).toEqual(['before-import', 'daily']));
    expect((await store.listBackups()).map((b) => b.reason)).toEqual(['before-import']);
    // A second change while the first day's backup is taken does not take another.
    await svc.handlers['paper.act']({ meta, action: 'read' });
    release();
    await vi.waitFor(async () =>
      expect((await store.listBackups()).map((b) => b.reason)).toEqual(['daily', 'before-import']),
    );
    await new Promise((r) => setTimeout(r, 20));
    expect(reasons).toEqual(['before-import', 'daily']);
  });
  it('a change while the worker starts: the start and the change take the day’s backup once between them', async () => {
    const { svc, store } = await setup();
    await svc.handlers['paper.act']({ meta, action: 'save' });
    await vi.waitFor(async () => expect((await store.listBackups()).map((b) => b.reason)).toEqual(['daily']));
    // A day later a new worker starts, and a save arrives before its start-up work is done.
    await store.deleteBackups([(await store.listBackups())[0]!.id]);
    await Promise.all([svc.startup(), svc.handlers['paper.act']({ meta, action: 'read' })]);
    await new Promise((r) => setTimeout(r, 20));
    expect((await store.listBackups()).map((b) => b.reason)).toEqual(['daily']);
  });
});
