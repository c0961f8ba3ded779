import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { parsePatternLine } from './pattern-line';
import { DEFAULT_SETTINGS, type PaperMeta, type PaperStatus } from './model';
import { createRelevance } from './relevance';
import type { StatusAction } from './status';
import { openStore } from './store';

/**
 * The gate inside the background's relevance service: listings get the
 * model's scores only once it predicts the user's own decisions better than
 * their keywords, measured on decisions it had not learned from.
 */

const RL = [
  'reinforcement learning reward policy',
  'reward model policy gradient',
  'offline reinforcement learning value',
];
const VISION = [
  'image segmentation pixels',
  'video generation diffusion frames',
  'object detection vision transformer',
];

function paper(i: number, topic: 'rl' | 'vision'): PaperMeta {
  const words = (topic === 'rl' ? RL : VISION)[i % 3]!;
  return { id: `2601.${String(10000 + i)}`, title: `${words} study ${i}`, abstract: `We study ${words}.`, authors: [] };
}

const listing = Array.from({ length: 80 }, (_, i) => paper(i, i % 2 ? 'rl' : 'vision'));
/** The action that gives a paper this status, from any status these tests start from. */
const ACTION: Record<PaperStatus, StatusAction> = { saved: 'save', read: 'read', dismissed: 'dismiss' };

const isRl = (p: PaperMeta) => /reward|reinforcement/.test(p.title);

async function setup(keywords: string[]) {
  const store = await openStore({ factory: new IDBFactory() });
  await store.setSettings({ ...DEFAULT_SETTINGS, keywords: keywords.map(parsePatternLine) });
  let t = 1_000;
  const rel = createRelevance(store, () => t);
  /** The user labels papers one by one; the background refits after each, as it does after a burst settles. */
  const decide = async (papers: PaperMeta[], statusOf: (p: PaperMeta) => PaperStatus) => {
    for (const p of papers) {
      await store.act({ meta: p, action: ACTION[statusOf(p)] }, (t += 1_000));
      await rel.retrain();
    }
  };
  return { store, rel, decide };
}

/** Scoring schedules a save of the word counts; let it finish before the database closes. */
async function closeAfterSaves(store: { close(): void }) {
  await new Promise((r) => setTimeout(r, 20));
  store.close();
}

const order = (scores: Record<string, { value: number }>, papers: PaperMeta[]) =>
  [...papers].sort((a, b) => scores[b.id]!.value - scores[a.id]!.value);

describe('relevance gate', () => {
  it('ranks by keywords, then switches to the model once it predicts a reader who contradicts them', async () => {
    // The reader typed vision keywords, but saves RL papers and dismisses vision ones.
    const { store, rel, decide } = await setup(['video', 'image']);
    const fresh = listing.slice(60);
    const cold = await rel.score(fresh, new Set());
    expect(cold.basis).toBe('cold');
    // Keyword scores, explained by the keywords that matched.
    const video = fresh.find((p) => /video/.test(p.title))!;
    expect(cold.scores[video.id]).toMatchObject({ words: ['“video”'] });
    expect(cold.scores[video.id]!.value).toBeGreaterThan(0);

    await decide(listing.slice(0, 40), (p) => (isRl(p) ? 'saved' : 'dismissed'));
    const v = await rel.status();
    expect(v.basis).toBe('model');
    expect(v.decisions).toBe(40);
    expect(v.modelAuc).toBeGreaterThan(v.keywordAuc + 0.05);
    expect(v.keywordAuc).toBeLessThan(0.5);

    const learned = await rel.score(fresh, new Set());
    expect(learned.basis).toBe('model');
    const top = order(learned.scores, fresh).slice(0, 10);
    expect(top.every(isRl)).toBe(true);
    await closeAfterSaves(store);
  });

  it('never shows a model that predicts no better than the keywords', async () => {
    // Keywords that describe the reader exactly: nothing for a model to add.
    const { store, rel, decide } = await setup(['reward', 'reinforcement learning']);
    await decide(listing.slice(0, 40), (p) => (isRl(p) ? 'read' : 'dismissed'));
    const v = await rel.status();
    expect(v.decisions).toBe(40);
    expect(v.keywordAuc).toBe(1);
    expect(v.basis).toBe('keywords');
    const shown = await rel.score(listing.slice(60), new Set());
    expect(shown.basis).toBe('keywords');
    // What is shown is the keyword score, with the matching keywords as its explanation.
    for (const p of listing.slice(60)) expect(shown.scores[p.id]!.words.length > 0).toBe(isRl(p));
    await closeAfterSaves(store);
  });

  it('measures each decision once, before learning from it, and again when the user changes their mind', async () => {
    const { store, rel, decide } = await setup(['video']);
    await decide(listing.slice(0, 12), (p) => (isRl(p) ? 'saved' : 'dismissed'));
    expect((await rel.status()).decisions).toBe(12);
    // Retraining without new labels adds no decisions (they would be predicted by a model that saw them).
    await rel.retrain();
    expect((await rel.status()).decisions).toBe(12);
    // Saved → read keeps the label; dismissed → saved is a new decision replacing the old one.
    await decide([listing[1]!], () => 'read');
    expect((await rel.status()).decisions).toBe(12);
    await decide([listing[0]!], () => 'saved');
    expect((await rel.status()).decisions).toBe(12);
    await decide([listing[12]!], () => 'dismissed');
    expect((await rel.status()).decisions).toBe(13);
    await closeAfterSaves(store);
  });

  it('a burst of labels is still measured one decision at a time, in the order they were made', async () => {
    const one = await setup(['video', 'image']);
    await one.decide(listing.slice(0, 30), (p) => (isRl(p) ? 'saved' : 'dismissed'));
    const burst = await setup(['video', 'image']);
    let t = 1_000;
    for (const p of listing.slice(0, 30))
      await burst.store.act({ meta: p, action: isRl(p) ? 'save' : 'dismiss' }, (t += 1_000));
    await burst.rel.retrain();
    const [a, b] = [await one.rel.status(), await burst.rel.status()];
    expect(b.decisions).toBe(30);
    expect(b.basis).toBe(a.basis);
    // Close, not equal: word counts (IDF) grow differently when the papers arrive one by one.
    expect(Math.abs(b.modelAuc - a.modelAuc)).toBeLessThan(0.05);
    await closeAfterSaves(one.store);
    await closeAfterSaves(burst.store);
  });

  it('runs one refit at a time: requests made during one share a single refit after it', async () => {
    const { store, rel } = await setup(['video']);
    let t = 1_000;
    for (const p of listing.slice(0, 12))
      await store.act({ meta: p, action: isRl(p) ? 'save' : 'dismiss' }, (t += 1_000));
    // Loaded first: a first load rebuilds from the stored papers, which would count as a fit.
    await rel.score([], new Set());
    let fits = 0;
    const list = store.listPapers.bind(store);
    store.listPapers = () => {
      fits++;
      return list();
    };
    await Promise.all([rel.retrain(), rel.retrain(), rel.retrain(), rel.retrain()]);
    expect(fits).toBe(2);
    // Each decision measured once, not once per overlapping refit.
    expect((await rel.status()).decisions).toBe(12);
    await rel.retrain();
    expect(fits).toBe(3);
    await closeAfterSaves(store);
  });

  it('shows nothing without keywords until the model has earned its place, and forgets the measure on reset', async () => {
    const { store, rel, decide } = await setup([]);
    expect(await rel.score(listing.slice(60), new Set())).toEqual({ basis: 'cold', scores: {} });
    await decide(listing.slice(0, 30), (p) => (isRl(p) ? 'saved' : 'dismissed'));
    expect((await rel.score(listing.slice(60), new Set())).basis).toBe('model');
    await rel.reset();
    expect(await rel.status()).toMatchObject({ basis: 'cold', decisions: 0 });
    await closeAfterSaves(store);
  });
});
