import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openStore } from './store';
import { createRelevance, readSuggestions } from './relevance';
import type { PaperMeta } from './model';

const TOPICS = {
  rl: [
    'reinforcement learning policy reward',
    'policy gradient reward shaping agents',
    'offline reinforcement learning value',
  ],
  vision: [
    'image segmentation convolutional',
    'object detection vision transformer',
    'image generation diffusion pixels',
  ],
};

function paper(i: number, topic: keyof typeof TOPICS): PaperMeta {
  const words = TOPICS[topic][i % 3]!;
  return {
    id: `2601.${String(10000 + i)}`,
    title: `${words} study ${i}`,
    abstract: `We study ${words} at scale ${i}.`,
    authors: [`Author ${i % 7}`],
  };
}

describe('relevance service', () => {
  it('is cold until it has enough labels, then ranks the saved topic first and explains why', async () => {
    const store = await openStore({ factory: new IDBFactory() });
    const rel = createRelevance(store, () => 1_000);
    const listing = Array.from({ length: 40 }, (_, i) => paper(i, i % 2 ? 'rl' : 'vision'));
    expect((await rel.score(listing, new Set())).basis).toBe('cold');

    // The reader saves RL papers and dismisses vision papers.
    for (const p of listing.slice(0, 24)) await store.act({ meta: p, action: labelOf(p) });
    await rel.retrain();

    const fresh = Array.from({ length: 10 }, (_, i) => paper(100 + i, i % 2 ? 'rl' : 'vision'));
    const { basis, scores } = await rel.score(fresh, new Set());
    expect(basis).toBe('model');
    const rl = fresh.filter((_, i) => i % 2).map((p) => scores[p.id]!.value);
    const vision = fresh.filter((_, i) => !(i % 2)).map((p) => scores[p.id]!.value);
    expect(Math.min(...rl)).toBeGreaterThan(Math.max(...vision));
    const words = scores[fresh[1]!.id]!.words.join(' ');
    expect(words).toMatch(/reinforcement|policy|reward|offline|gradient|value|agents/);

    // Unsaved high scorers become suggestions; labelled ones never do.
    const sugg = await readSuggestions(store, new Set([fresh[3]!.id]), 2_000);
    const rlIds = new Set(fresh.filter((_, i) => i % 2).map((p) => p.id));
    expect(sugg.slice(0, 4).every((s) => rlIds.has(s.meta.id))).toBe(true);
    expect(sugg[0]!.score).toBeGreaterThanOrEqual(sugg[1]!.score);
    expect(sugg.some((s) => s.meta.id === fresh[3]!.id)).toBe(false);
    store.close();
  });

  it('persists the model and recovers from corrupt state by rebuilding', async () => {
    const factory = new IDBFactory();
    const store = await openStore({ factory });
    const listing = Array.from({ length: 30 }, (_, i) => paper(i, i % 2 ? 'rl' : 'vision'));
    for (const p of listing) await store.act({ meta: p, action: labelOf(p) });
    await createRelevance(store).retrain();
    expect((await createRelevance(store).score(listing.slice(0, 2), new Set())).basis).toBe('model');

    await store.setMeta('ranker', { version: 99, junk: true });
    expect((await createRelevance(store).score(listing.slice(0, 2), new Set())).basis).toBe('model');
    store.close();
  });

  it('a failing save of the ranker state is no unhandled rejection; scores still come back', async () => {
    const store = await openStore({ factory: new IDBFactory() });
    const failing = Object.assign(Object.create(store) as typeof store, {
      setMeta: async () => {
        throw new Error('QuotaExceededError');
      },
    });
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => unhandled.push(e);
    process.on('unhandledRejection', onUnhandled);
    try {
      const listing = Array.from({ length: 10 }, (_, i) => paper(i, i % 2 ? 'rl' : 'vision'));
      expect((await createRelevance(failing).score(listing, new Set())).basis).toBe('cold');
      await new Promise((r) => setTimeout(r, 50));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
      store.close();
    }
  });

  it('reset forgets what was learned', async () => {
    const store = await openStore({ factory: new IDBFactory() });
    const rel = createRelevance(store);
    const listing = Array.from({ length: 30 }, (_, i) => paper(i, i % 2 ? 'rl' : 'vision'));
    for (const p of listing) await store.act({ meta: p, action: labelOf(p) });
    await rel.retrain();
    await rel.reset();
    expect((await rel.score(listing.slice(0, 2), new Set())).basis).toBe('cold');
    expect(await readSuggestions(store, new Set())).toEqual([]);
    store.close();
  });

  it('trains in slices, pausing between them; a reset under way stops the refit at its next pause', async () => {
    const store = await openStore({ factory: new IDBFactory() });
    const listing = Array.from({ length: 40 }, (_, i) => paper(i, i % 2 ? 'rl' : 'vision'));
    for (const p of listing) await store.act({ meta: p, action: labelOf(p) });
    let pauses = 0;
    let hold: Promise<void> | null = null;
    let release = () => {};
    let arrived = () => {};
    const rel = createRelevance(store, () => 1, {
      sliceMs: 0,
      pause: async () => {
        pauses++;
        if (hold) {
          arrived();
          await hold;
        }
      },
    });
    await rel.retrain();
    expect(pauses).toBeGreaterThan(3);
    expect((await rel.score(listing.slice(0, 2), new Set())).basis).toBe('model');

    // A second refit, held at its first pause; the reset arrives meanwhile.
    hold = new Promise((r) => (release = r));
    const atHold = new Promise<void>((r) => (arrived = r));
    await store.act({ meta: paper(99, 'rl'), action: 'save' });
    const refit = rel.retrain();
    await atHold;
    const reset = rel.reset();
    const held = pauses;
    release();
    await Promise.all([refit, reset]);
    // It stopped where it was held, instead of training on to the end for nothing.
    expect(pauses).toBe(held);
    expect(await store.getMeta('ranker', (raw) => raw)).toBeNull();
    expect((await rel.score(listing.slice(0, 2), new Set())).basis).toBe('cold');
    store.close();
  });

  it('stored suggestions that do not parse are dropped, not shown', async () => {
    const store = await openStore({ factory: new IDBFactory() });
    const good = { meta: paper(1, 'rl'), score: 0.9, words: ['rl'], seenAt: 1_000 };
    await store.setMeta('suggestions', [good, { meta: { id: 42 }, score: 'high' }, null]);
    expect(await readSuggestions(store, new Set(), 2_000)).toEqual([good]);
    await store.setMeta('suggestions', 'corrupt');
    expect(await readSuggestions(store, new Set(), 2_000)).toEqual([]);
    store.close();
  });
});

/** The simulated reader: saves RL, dismisses vision. */
function labelOf(p: PaperMeta) {
  return /image|object/.test(p.title) ? ('dismiss' as const) : ('save' as const);
}
