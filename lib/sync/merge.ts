import { compact, type Paper } from '../model';
import { entryOfPaper, newer, sameState, type Entry } from './codec';

/**
 * What one entry from sync does to this device's record of the paper. Runs
 * inside the store's transaction, so a local edit can never slip in between
 * the comparison and the write: the later change wins, by the change's own
 * time, and nothing newer here is ever overwritten.
 *
 * Returns the record to write, null to remove it, undefined to leave it.
 */
export function decide(local: Paper | undefined, incoming: Entry, removedHereAt?: number): Paper | null | undefined {
  if (!local) {
    if (incoming.status === null) return undefined;
    // Removed on this device after that change was made: the removal stands (and travels as a tombstone).
    if (removedHereAt !== undefined && removedHereAt >= incoming.t) return undefined;
    return paperOf(incoming);
  }
  const mine = entryOfPaper(local);
  if (sameState(mine, incoming) || newer(mine, incoming) === mine) {
    // Not a change, but a title from sync fills a row that has none until a page shows the paper.
    return !local.title && incoming.title ? { ...local, title: incoming.title } : undefined;
  }
  return incoming.status === null ? null : paperOf(incoming, local);
}

/** The record for an entry: synced fields from sync, everything else (note, metadata, rule tags) as this device has it. */
function paperOf(e: Entry, base?: Paper): Paper {
  return compact({
    ...(base ?? { id: e.id, authors: [], ruleTags: [], note: '', sources: [] }),
    title: base?.title || e.title || '',
    status: e.status!,
    tags: e.tags,
    savedAt: e.savedAt,
    readAt: e.readAt,
    updatedAt: e.t,
  });
}
