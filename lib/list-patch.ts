import type { Paper } from './model';

/**
 * Pages that hold the whole list (the popup, the options page) follow the
 * background's storage mirror by re-reading only the papers a change names:
 * a click on a listing must not make every open page read the whole library.
 */

/** Past this many changed papers one full read is cheaper than many single reads. */
export const PATCH_LIMIT = 200;

/**
 * The list with the re-read papers in place: a changed paper keeps its position,
 * one no longer stored (`undefined`: in the Trash) leaves, a new one goes at the end.
 */
export function patchList(prev: readonly Paper[], fresh: ReadonlyMap<string, Paper | undefined>): Paper[] {
  const left = new Map(fresh);
  const next: Paper[] = [];
  for (const p of prev) {
    if (!left.has(p.id)) next.push(p);
    else {
      const f = left.get(p.id);
      if (f) next.push(f);
      left.delete(p.id);
    }
  }
  for (const f of left.values()) if (f) next.push(f);
  return next;
}
