import type { ContentSend } from '@/lib/content-client';
import { logOnce } from '@/lib/log';

/**
 * The "new" marker: each paper shown is reported once to the background, which
 * answers with those the user has never been shown before.
 */
export class SeenTracker {
  private recorded = new Set<string>();
  private fresh = new Set<string>();

  constructor(private send: ContentSend) {}

  isNew(id: string): boolean {
    return this.fresh.has(id);
  }

  /** Records the ids not yet reported; resolves with those that are new to the user. */
  async record(ids: string[]): Promise<string[]> {
    const todo = ids.filter((id) => !this.recorded.has(id));
    if (!todo.length) return [];
    for (const id of todo) this.recorded.add(id);
    try {
      const answer = new Set((await this.send('seen.record', { ids: todo })).fresh);
      // Our own id strings are kept, not the answer's copies of them: one string per entry, not two.
      const fresh = todo.filter((id) => answer.has(id));
      for (const id of fresh) this.fresh.add(id);
      return fresh;
    } catch (e) {
      logOnce('seen', 'could not record seen papers', e);
      return [];
    }
  }
}
