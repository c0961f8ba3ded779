/**
 * Undo of a removal made on a listing: the background hands the content script a random token for the
 * record it moved to the Trash, and the undo puts back exactly that record. The page never supplies a
 * record, and cannot bring back a paper it did not just remove. Kept in the worker's memory: after the
 * worker stopped, the paper is still in the Trash, restorable from the popup.
 */
const KEEP = 200;

export function createUndoTokens(random: () => string = () => crypto.randomUUID()) {
  const tokens = new Map<string, { id: string; at: number }>();
  return {
    issue(id: string, at: number): string {
      const token = random();
      tokens.set(token, { id, at });
      // Oldest first out: a page acting in a loop cannot grow this without bound.
      if (tokens.size > KEEP) tokens.delete(tokens.keys().next().value!);
      return token;
    },
    /** Each token undoes once. */
    take(token: string): { id: string; at: number } | undefined {
      const t = tokens.get(token);
      tokens.delete(token);
      return t;
    },
  };
}
