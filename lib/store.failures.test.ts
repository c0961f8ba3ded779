import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openStore, StoreUnavailableError, type Store } from './store';
import { createService } from './service';
import { createRouter, type Handlers, type MessageType, type RouterOptions } from './messages';
import { createRelevance } from './relevance';
import { restoreBackup, takeBackup } from './backup';
import { DEFAULT_SETTINGS, type Paper } from './model';
import { samplePapers } from './testing/old-db';
import { describeError } from './errors';
import { dumpStore, failWrites } from './testing/faults';
import { fakeMirror as mirror } from './testing/fake-mirror';

const OPTS: RouterOptions = {
  runtimeId: 'ext',
  extensionOrigin: 'chrome-extension://ext/',
  contentSites: [{ origin: 'https://huggingface.co', name: 'huggingface' }],
};
const PAGE = { id: 'ext', url: 'chrome-extension://ext/options.html' };
const CONTENT = { id: 'ext', url: 'https://huggingface.co/papers', tab: { id: 1 } };
const STORAGE_FULL = /storage is full: nothing was saved/i;

let undo: (() => void) | null = null;
afterEach(() => {
  undo?.();
  undo = null;
});

async function seeded(n = 20): Promise<{ store: Store; papers: Paper[] }> {
  const store = await openStore({ factory: new IDBFactory() });
  const papers = samplePapers(n);
  await store.applyPapers(papers);
  await store.setSettings({ ...DEFAULT_SETTINGS, hideDismissed: true });
  return { store, papers };
}

function routerFor(store: Store, m = mirror()) {
  const svc = createService({ store, mirror: m, ruleTagsFor: () => [], relevance: createRelevance(store, () => 1) });
  return { route: createRouter(svc.handlers, OPTS), mirror: m };
}

describe('storage full (QuotaExceededError)', () => {
  const quota = (after: number, method: 'put' | 'add' = 'put') =>
    (undo = failWrites({ after, mode: { throw: 'QuotaExceededError' }, method }));

  it('an import that fills the disk part-way writes no paper and no setting', async () => {
    const { store } = await seeded();
    const before = await dumpStore(store);
    quota(50);
    const incoming = samplePapers(120).map((p) => ({ ...p, id: p.id.replace(/^26/, '25'), note: 'imported' }));
    await expect(
      store.applyPapers(incoming, ['2601.10000'], { ...DEFAULT_SETTINGS, badge: false }),
    ).rejects.toMatchObject({ name: 'QuotaExceededError' });
    expect(await dumpStore(store)).toEqual(before);
  });

  it('a bulk action that fills the disk part-way changes no paper', async () => {
    const { store, papers } = await seeded();
    const before = await dumpStore(store);
    quota(3);
    await expect(
      store.bulkUpdate(
        papers.map((p) => p.id),
        { action: 'read', addTag: 'bulk' },
        9,
      ),
    ).rejects.toMatchObject({ name: 'QuotaExceededError' });
    expect(await dumpStore(store)).toEqual(before);
  });

  it('restoring a backup that fills the disk part-way keeps the current list', async () => {
    const { store } = await seeded();
    const id = await takeBackup(store, 'manual', 5);
    await store.bulkUpdate(['2601.10000'], { remove: true });
    const before = await dumpStore(store);
    // The before-restore backup is an `add`; the restore's puts are what fail.
    quota(4);
    await expect(restoreBackup(store, id, 6)).rejects.toMatchObject({ name: 'QuotaExceededError' });
    undo!();
    const after = await dumpStore(store);
    expect(after.papers).toEqual(before.papers);
    expect(after.settings).toEqual(before.settings);
  });

  it('the user is told the storage is full and nothing is half-written, through the router', async () => {
    const { store } = await seeded();
    const { route, mirror: m } = routerFor(store);
    const before = await dumpStore(store);
    quota(0);
    const meta = { id: '2610.22092', title: 'New', authors: [] };
    expect(await route({ type: 'paper.act', payload: { meta, action: 'save' } }, CONTENT)).toEqual({
      ok: false,
      error: expect.stringMatching(STORAGE_FULL),
    });
    expect(await route({ type: 'paper.tag', payload: { id: '2601.10000', add: 'x' } }, CONTENT)).toMatchObject({
      ok: false,
      error: expect.stringMatching(STORAGE_FULL),
    });
    expect(await route({ type: 'settings.set', payload: { settings: DEFAULT_SETTINGS } }, PAGE)).toMatchObject({
      ok: false,
      error: expect.stringMatching(STORAGE_FULL),
    });
    expect(await dumpStore(store)).toEqual(before);
    expect(m.data.size).toBe(0);
  });

  it('an import through the router keeps its backup but writes nothing else', async () => {
    const { store, papers } = await seeded();
    const { route, mirror: m } = routerFor(store);
    const before = await dumpStore(store);
    quota(5);
    const put = papers.map((p) => ({ ...p, note: 'changed' }));
    const reply = await route(
      { type: 'papers.apply', payload: { put, remove: [], settings: { ...DEFAULT_SETTINGS, badge: false } } },
      PAGE,
    );
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(STORAGE_FULL) });
    undo!();
    const after = await dumpStore(store);
    expect(after.papers).toEqual(before.papers);
    expect(after.settings).toEqual(before.settings);
    expect((await store.listBackups()).map((b) => b.reason)).toEqual(['before-import']);
    expect(m.data.size).toBe(0);
  });

  it('a daily backup that fails does not turn a successful save into an error', async () => {
    const { store } = await seeded(0);
    const { route, mirror: m } = routerFor(store);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    quota(0, 'add');
    const meta = { id: '2610.22092', title: 'New', authors: [] };
    const reply = await route({ type: 'paper.act', payload: { meta, action: 'save' } }, CONTENT);
    expect(reply).toMatchObject({ ok: true });
    expect((await store.getPaper(meta.id))?.status).toBe('saved');
    expect(m.data.get('p:2610.22092')).toEqual(['saved', [], []]);
    // The daily backup follows the reply.
    await vi.waitFor(() =>
      expect(warn).toHaveBeenCalledWith(
        '[dogear] daily backup failed',
        expect.objectContaining({ name: 'QuotaExceededError' }),
        expect.any(String),
      ),
    );
    warn.mockRestore();
  });
});

describe('a write interrupted mid-way (transaction aborted)', () => {
  const interrupt = (after: number) => (undo = failWrites({ after, mode: 'abort' }));

  it.each([
    [
      'an import',
      (s: Store, p: Paper[]) =>
        s.applyPapers(
          p.map((x) => ({ ...x, note: 'n' })),
          ['2601.10000'],
        ),
    ],
    [
      'a bulk action',
      (s: Store, p: Paper[]) =>
        s.bulkUpdate(
          p.map((x) => x.id),
          { action: 'dismiss' },
        ),
    ],
    [
      'a restore',
      (s: Store, p: Paper[]) =>
        s.replaceAll({ papers: p.slice(0, 3), trash: [{ ...p[4]!, trashedAt: 1 }], settings: DEFAULT_SETTINGS }),
    ],
  ])('%s leaves the database as it was', async (_name, write) => {
    const { store, papers } = await seeded();
    const before = await dumpStore(store);
    interrupt(2);
    // Which error depends on where the write was when the transaction died; the user sees the same sentence for each.
    const err = await write(store, papers).catch((e: unknown) => e);
    expect(describeError(err)).toMatch(/not saved|nothing was saved/);
    expect(await dumpStore(store)).toEqual(before);
  });

  it('the user is told the change was not saved', async () => {
    const { store } = await seeded();
    const { route } = routerFor(store);
    interrupt(0);
    const reply = await route(
      { type: 'papers.bulk', payload: { ids: ['2601.10000', '2602.10001'], action: 'read' } },
      PAGE,
    );
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(/nothing was saved|not saved/) });
    undo!();
    expect((await store.getPaper('2601.10000'))?.status).toBe('saved');
  });
});

describe('IndexedDB unavailable (private windows, history disabled)', () => {
  const broken = {
    open: () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    },
  } as unknown as IDBFactory;

  it('openStore says so in words a user understands', async () => {
    const err = await openStore({ factory: broken }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreUnavailableError);
    expect((err as Error).message).toMatch(/IndexedDB is not available.*Private windows/);
  });

  it('every request gets that message back, as the background builds its handlers lazily', async () => {
    const opening = () => openStore({ factory: broken }).then((store) => routerFor(store));
    // Mirrors entrypoints/background: each handler awaits the store first.
    const lazy = new Proxy({} as Handlers, {
      get: (_t, _type: MessageType) => async () => {
        await opening();
        throw new Error('unreachable');
      },
    });
    const route = createRouter(lazy, OPTS);
    const meta = { id: '2610.22092', title: 'New', authors: [] };
    const reply = await route({ type: 'paper.act', payload: { meta, action: 'save' } }, CONTENT);
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(/IndexedDB is not available/) });
  });
});
