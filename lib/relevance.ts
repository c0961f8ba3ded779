import * as z from 'zod/mini';
import { PaperMetaSchema, type PaperMeta } from './model';
import { createRanker, parseRankerState, type Ranker } from './rank/ranker';
import type { Store } from './store';

/**
 * The background's side of relevance ranking: one ranker per user, kept in
 * IndexedDB, fed with every listing the user is shown, retrained when their
 * labels change. Runs in the background, never on a page's thread.
 */

const STATE_KEY = 'ranker';
const SUGGESTIONS_KEY = 'suggestions';
/** How long a scored, unsaved paper stays a suggestion. */
const SUGGESTION_TTL_MS = 3 * 24 * 3600_000;
const MAX_SUGGESTIONS = 30;

const SuggestionSchema = z.object({
  meta: PaperMetaSchema,
  score: z.number(),
  words: z.array(z.string()),
  seenAt: z.number(),
});
export type Suggestion = z.infer<typeof SuggestionSchema>;

/** Stored suggestions, dropping any record that does not parse (an older version's, a failed write). */
function parseSuggestions(raw: unknown): Suggestion[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((s) => {
    const r = SuggestionSchema.safeParse(s);
    return r.success ? [r.data] : [];
  });
}

export interface ScoreResult {
  basis: 'model' | 'cold';
  scores: Record<string, { value: number; words: string[] }>;
}

export function createRelevance(store: Store, now: () => number = Date.now) {
  let ranker: Promise<Ranker> | null = null;
  let saving: Promise<void> | null = null;

  const load = () =>
    (ranker ??= store.getMeta(STATE_KEY, parseRankerState).then(async (state) => {
      const r = createRanker(state);
      // Unknown or corrupt state (a newer version, a failed write): rebuild from what is stored.
      if (!state) r.train(await store.listPapers());
      return r;
    }));

  const save = async () => {
    const r = await load();
    await store.setMeta(STATE_KEY, r.toJSON());
  };
  /** Coalesces saves: a burst of scored pages writes the state once. */
  const scheduleSave = () => {
    saving ??= Promise.resolve().then(async () => {
      try {
        await save();
      } finally {
        saving = null;
      }
    });
    return saving;
  };

  async function score(papers: PaperMeta[], savedIds: ReadonlySet<string>): Promise<ScoreResult> {
    const r = await load();
    if (r.observe(papers)) void scheduleSave();
    if (!r.model) return { basis: 'cold', scores: {} };
    const scores: ScoreResult['scores'] = {};
    const fresh: Suggestion[] = [];
    const t = now();
    for (const p of papers) {
      const value = r.score(p) ?? 0;
      const words = r.explain(p, 4).map((c) => c.term);
      scores[p.id] = { value, words };
      if (!savedIds.has(p.id)) fresh.push({ meta: p, score: value, words, seenAt: t });
    }
    await mergeSuggestions(fresh, savedIds);
    return { basis: 'model', scores };
  }

  async function mergeSuggestions(fresh: Suggestion[], labelled: ReadonlySet<string>): Promise<void> {
    const old = (await store.getMeta(SUGGESTIONS_KEY, parseSuggestions)).filter(
      (s) => now() - s.seenAt < SUGGESTION_TTL_MS,
    );
    const byId = new Map(old.map((s) => [s.meta.id, s]));
    for (const s of fresh) byId.set(s.meta.id, s);
    const top = [...byId.values()]
      .filter((s) => !labelled.has(s.meta.id))
      .sort((a, b) => b.score - a.score)
      .slice(0, MAX_SUGGESTIONS);
    await store.setMeta(SUGGESTIONS_KEY, top);
  }

  /** Refits on every saved, read and dismissed paper; called after labels change. */
  async function retrain(): Promise<void> {
    const r = await load();
    r.train(await store.listPapers());
    await save();
  }

  async function reset(): Promise<void> {
    ranker = Promise.resolve(createRanker(null));
    await store.setMeta(STATE_KEY, null);
    await store.setMeta(SUGGESTIONS_KEY, []);
  }

  return { score, retrain, reset };
}

export async function readSuggestions(
  store: Store,
  labelled: ReadonlySet<string>,
  now = Date.now(),
): Promise<Suggestion[]> {
  const list = await store.getMeta(SUGGESTIONS_KEY, parseSuggestions);
  return list.filter((s) => !labelled.has(s.meta.id) && now - s.seenAt < SUGGESTION_TTL_MS);
}
