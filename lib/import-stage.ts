import { planImport, type ImportMode, type ImportPlan } from './import-plan';
import type { Paper, Settings, TrashedPaper } from './model';
import type { Handlers } from './messages';
import type { Store } from './store';

/**
 * An import file handed to the background once, when its preview is asked for: the background validates
 * it, plans it against the list it holds and keeps it until Import is clicked, so the click sends a token
 * instead of the file's papers (13 MB at 10,000 papers, checked again on arrival).
 */

export interface StagedImport {
  /** An id list only adds papers; a JSON export merges into the list or replaces it. */
  kind: 'json' | 'ids';
  papers: Paper[];
  trash?: TrashedPaper[];
  settings?: Settings;
}

/** What the preview says and the summary repeats; `unchanged` counts the file's papers already on the list as they are. */
export interface ImportCounts {
  add: number;
  update: number;
  remove: number;
  unchanged: number;
}

/** The plan for one mode; ids already on the list are left out of an id list, which would reset their status. */
export function stagedPlan(existing: readonly Paper[], staged: StagedImport, mode: ImportMode): ImportPlan {
  if (staged.kind === 'json') return planImport(existing, staged.papers, mode);
  const have = new Set(existing.map((p) => p.id));
  const incoming = staged.papers.filter((p) => !have.has(p.id));
  const plan = planImport(existing, incoming, 'merge');
  return { ...plan, unchanged: plan.unchanged + staged.papers.length - incoming.length };
}

const countsOf = (plan: ImportPlan): ImportCounts => ({
  add: plan.add.length,
  update: plan.update.length,
  remove: plan.remove.length,
  unchanged: plan.unchanged,
});

/**
 * One staged import at a time, in the worker's memory: a newer preview (another tab, another file) takes
 * its place, so a page cannot pile files up. A worker that stopped meanwhile has forgotten it; the page
 * then stages its file again.
 */
export function createImportStages(random: () => string = () => crypto.randomUUID()) {
  let slot: { token: string; staged: StagedImport } | null = null;
  return {
    put(staged: StagedImport): string {
      slot = { token: random(), staged };
      return slot.token;
    },
    /** Each token imports once. */
    take(token: string): StagedImport | undefined {
      if (slot?.token !== token) return undefined;
      const { staged } = slot;
      slot = null;
      return staged;
    },
  };
}

type ImportHandlers = Pick<Handlers, 'papers.apply' | 'import.stage' | 'import.apply'>;

/** The import messages; `write` is the service's import write (backup, one transaction, the mirror). */
export function createImportHandlers(deps: {
  store: Store;
  write: (put: Paper[], remove: string[], settings?: Settings, trash?: TrashedPaper[]) => Promise<void>;
  stages?: ReturnType<typeof createImportStages>;
}): ImportHandlers {
  const { store, write, stages = createImportStages() } = deps;
  return {
    async 'papers.apply'({ put, remove, settings, trash }) {
      await write(put, remove, settings, trash);
      return {};
    },
    async 'import.stage'(staged) {
      const existing = await store.listPapers();
      const token = stages.put(staged);
      const preview = (mode: ImportMode) => countsOf(stagedPlan(existing, staged, mode));
      return { token, merge: preview('merge'), replace: preview('replace') };
    },
    async 'import.apply'({ token, mode, settings }) {
      const staged = stages.take(token);
      if (!staged) return { expired: true as const };
      // Planned again: the list may have changed since the preview (a save on a listing, another tab).
      const plan = stagedPlan(await store.listPapers(), staged, mode);
      await write(
        [...plan.add, ...plan.update.map((u) => u.after)],
        plan.remove.map((p) => p.id),
        settings ? staged.settings : undefined,
        staged.trash,
      );
      return { done: countsOf(plan) };
    },
  };
}
