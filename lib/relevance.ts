import * as z from 'zod/mini';
import { type Paper, type PaperMeta, PaperMetaSchema, type Settings } from './model';
import { GATE, gate, type Decision, type Verdict } from './rank/gate';
import { keywordFeatures, keywordScore, matchedLabels } from './rank/keywords';
import { createRanker, isRelevant, parseRankerState, type Ranker } from './rank/ranker';
import type { ResponseOf } from './messages';
import type { Store } from './store';
import { inSlices, type SliceOptions, type Steps } from './rank/steps';

/**
 * The background's side of relevance ranking: one ranker per user, kept in
 * IndexedDB, fed with every listing the user is shown, retrained when their
 * labels change. Runs in the background, never on a page's thread.
 */

const STATE_KEY = 'ranker';
const SUGGESTIONS_KEY = 'suggestions';
const GATE_KEY = 'rankGate';
/** Decisions kept for the gate; it measures the last GATE.window of them. */
const MAX_DECISIONS = 200;
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

/** The reply to `rank.score`: its basis is `model` once the model has earned its place (see rank/gate.ts), otherwise `keywords` or `cold`. */
type ScoreResult = ResponseOf<'rank.score'>;

/** What the gate remembers: which label each paper had when last trained on, and each decision as predicted. */
const GateStateSchema = z.object({
  known: z.array(z.tuple([z.string(), z.boolean()])),
  decisions: z.array(
    z.object({
      id: z.string(),
      label: z.boolean(),
      model: z.number().check(z.gte(0), z.lte(1)),
      keywords: z.number().check(z.gte(0), z.lte(1)),
    }),
  ),
});
type GateState = z.infer<typeof GateStateSchema>;
const EMPTY_GATE: GateState = { known: [], decisions: [] };
/** The stored gate state; an unreadable one (an older version's, a failed write) starts the measure afresh. */
const parseGate = (raw: unknown): GateState => {
  const parsed = GateStateSchema.safeParse(raw);
  return parsed.success ? parsed.data : EMPTY_GATE;
};

/** Papers that carry a decision the model can learn from: labelled, with text (an imported bare id has none). */
const decided = (papers: readonly Paper[]) =>
  papers.filter((p) => p.title).sort((a, b) => a.updatedAt - b.updatedAt || (a.id < b.id ? -1 : 1));

/** A refit that a reset made pointless: it stops at its next pause instead of writing back what was forgotten. */
class Superseded extends Error {}

/**
 * Training runs in slices (`slices.pause` is what it waits for between them; the background: until
 * no message is being handled, by default one turn of the event loop).
 */
export function createRelevance(store: Store, now: () => number = Date.now, slices: SliceOptions = {}) {
  const pause = slices.pause ?? (() => new Promise<void>((r) => setTimeout(r, 0)));
  /** Bumped by reset(): training started before it stops. */
  let generation = 0;
  /** Runs training steps in slices, so the worker answers messages in between. */
  const sliced = <T>(steps: Steps<T>): Promise<T> => {
    const mine = generation;
    return inSlices(steps, {
      ...slices,
      pause: async () => {
        await pause();
        if (mine !== generation) throw new Superseded();
      },
    });
  };
  let ranker: Promise<Ranker> | null = null;
  let saving: Promise<void> | null = null;
  let verdict: Promise<Verdict> | null = null;

  /** The ranker, with the keywords and tag rules of these settings as its keyword features. */
  const load = async (settings: Settings) => {
    const r = await (ranker ??= store.getMeta(STATE_KEY, parseRankerState).then(async (state) => {
      const fresh = createRanker(state, { keywords: keywordFeatures(settings) });
      // Unknown or corrupt state (a newer version, a failed write): rebuild from what is stored.
      if (!state) await sliced(fresh.trainSteps(await store.listPapers()));
      return fresh;
    }));
    r.keywords = keywordFeatures(settings);
    return r;
  };
  const loadGate = () => store.getMeta(GATE_KEY, parseGate);
  const currentVerdict = () => (verdict ??= loadGate().then((g) => gate(g.decisions)));

  const save = async () => {
    const r = await load(await store.getSettings());
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

  /** With `record` false (a private window), the papers teach nothing and become no suggestions. */
  async function score(papers: PaperMeta[], savedIds: ReadonlySet<string>, record = true): Promise<ScoreResult> {
    const settings = await store.getSettings();
    const r = await load(settings);
    // The saved state is a cache the next save rewrites (and `load` rebuilds when it is missing): a failed
    // save (quota, a closing database) must not fail the scores nor surface as an unhandled rejection.
    if (record && r.observe(papers)) scheduleSave().catch(() => {});
    const { basis } = await currentVerdict();
    const scores: ScoreResult['scores'] = {};
    if (basis !== 'model' || !r.model) {
      // The keywords as the user gave them; nothing to show when they gave none.
      if (!r.keywords.prior.size) return { basis, scores };
      for (const p of papers) {
        const f = r.keywords(p);
        scores[p.id] = { value: keywordScore(f), words: matchedLabels(f) };
      }
      return { basis: basis === 'model' ? 'keywords' : basis, scores };
    }
    const fresh: Suggestion[] = [];
    const t = now();
    for (const p of papers) {
      const value = r.score(p) ?? 0;
      const words = r.explain(p, 4).map((c) => c.term);
      scores[p.id] = { value, words };
      if (!savedIds.has(p.id)) fresh.push({ meta: p, score: value, words, seenAt: t });
    }
    if (record) await mergeSuggestions(fresh, savedIds);
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

  /**
   * Refits on every saved, read and dismissed paper; called after labels or
   * keywords change. Labels that are new since the last fit (or changed) are
   * first predicted, in the order they were made, each by a model fitted only
   * on the labels before it: those predictions are what the gate measures.
   */
  async function refit(): Promise<void> {
    const [settings, papers, g] = await Promise.all([store.getSettings(), store.listPapers(), loadGate()]);
    const r = await load(settings);
    const known = new Map(g.known);
    const all = decided(papers);
    const isOld = (p: Paper) => known.get(p.id) === isRelevant(p.status);
    const ordered = [...all.filter(isOld), ...all.filter((p) => !isOld(p))];
    const from = Math.max(all.filter(isOld).length, ordered.length - GATE.window);
    const predicted = await sliced(r.trainInOrder(ordered, from, GATE.window));
    const fresh: Decision[] = ordered.slice(from).map((p, i) => ({
      id: p.id,
      label: isRelevant(p.status),
      model: predicted[i] ?? 0.5,
      keywords: keywordScore(r.keywords(p)),
    }));
    // A decision stands while the paper keeps that label; a changed label is a new decision.
    const standing = new Map(ordered.map((p) => [p.id, isRelevant(p.status)]));
    const decisions = [
      ...g.decisions.filter((d) => standing.get(d.id) === d.label && known.get(d.id) === d.label),
      ...fresh,
    ].slice(-MAX_DECISIONS);
    await store.setMeta(GATE_KEY, { known: [...standing], decisions } satisfies GateState);
    verdict = Promise.resolve(gate(decisions));
    await save();
  }

  let training: Promise<void> | null = null;
  let queued: Promise<void> | null = null;
  /**
   * One refit at a time: two at once would both measure the same new labels
   * against the same stored gate state. Requests made while one runs share a
   * single refit after it, which sees every label they were made for.
   */
  function retrain(): Promise<void> {
    if (!training) {
      training = refit()
        .catch((e: unknown) => {
          if (!(e instanceof Superseded)) throw e;
        })
        .finally(() => {
          training = null;
        });
      return training;
    }
    queued ??= training
      .catch(() => {})
      .then(() => {
        queued = null;
        return retrain();
      });
    return queued;
  }

  /** The gate's figures, for the options page. */
  async function status(): Promise<Verdict> {
    return currentVerdict();
  }

  async function reset(): Promise<void> {
    // A refit under way would write back what is being forgotten: it stops at its next pause.
    generation++;
    await training?.catch(() => {});
    ranker = Promise.resolve(createRanker(null));
    verdict = null;
    await store.setMeta(STATE_KEY, null);
    await store.setMeta(GATE_KEY, null);
    await store.setMeta(SUGGESTIONS_KEY, []);
  }

  return { score, retrain, reset, status };
}

export async function readSuggestions(
  store: Store,
  labelled: ReadonlySet<string>,
  now = Date.now(),
): Promise<Suggestion[]> {
  const list = await store.getMeta(SUGGESTIONS_KEY, parseSuggestions);
  return list.filter((s) => !labelled.has(s.meta.id) && now - s.seenAt < SUGGESTION_TTL_MS);
}
