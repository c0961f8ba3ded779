import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createService } from './service';
import { openStore } from './store';
import { createRouter } from './messages';
import { createRelevance } from './relevance';
import { blankPaper } from './model';
import { dumpStore } from './testing/faults';
import { fakeMirror } from './testing/fake-mirror';

/** Issue 12 §7: a private window's listing leaves nothing in the normal profile but what the user saves. */

const tab = (incognito: boolean) => ({ id: 'ext', url: 'https://huggingface.co/papers', tab: { id: 1, incognito } });
const shown = [
  { id: '2610.22092', title: 'An agent benchmark', authors: ['A B'] },
  { id: '2610.22093', title: 'Diffusion for agents', authors: ['C D'] },
];

async function setup() {
  const store = await openStore({ factory: new IDBFactory() });
  const svc = createService({
    store,
    mirror: fakeMirror(),
    relevance: createRelevance(store, () => 1),
    ruleTagsFor: () => [],
    now: () => 1000,
  });
  const route = createRouter(svc.handlers, {
    runtimeId: 'ext',
    extensionOrigin: 'chrome-extension://ext/',
    contentSites: [{ origin: 'https://huggingface.co', name: 'huggingface' }],
  });
  return { store, route };
}

const settle = () => new Promise((r) => setTimeout(r, 20));

describe('private windows', () => {
  it('seen marks and scoring write nothing; the same from a normal window does', async () => {
    for (const incognito of [true, false]) {
      const { store, route } = await setup();
      // A bare record (from sync) that a normal window's listing would fill in.
      await store.applyPapers([{ ...shown[0]!, ...blankPaper(shown[0]!.id, 1, 'import'), sources: [] }]);
      const before = await dumpStore(store);
      const ids = shown.map((p) => p.id);
      const seen = await route({ type: 'seen.record', payload: { ids } }, tab(incognito));
      expect(seen).toEqual({ ok: true, data: { fresh: ids } });
      expect(await route({ type: 'rank.score', payload: { papers: shown } }, tab(incognito))).toMatchObject({
        ok: true,
      });
      await settle();
      const after = await dumpStore(store);
      if (incognito) expect(after).toEqual(before);
      else {
        expect(after.seen).toHaveLength(2);
        expect((await store.getPaper(shown[0]!.id))?.title).toBe(shown[0]!.title);
      }
    }
  });

  it('an explicit save from a private window still works', async () => {
    const { store, route } = await setup();
    const reply = await route({ type: 'paper.act', payload: { meta: shown[1]!, action: 'save' } }, tab(true));
    expect(reply).toMatchObject({ ok: true, data: { paper: { id: shown[1]!.id, status: 'saved' } } });
    expect((await store.getPaper(shown[1]!.id))?.status).toBe('saved');
  });
});
