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
      const { fresh } = await this.send('seen.record', { ids: todo });
      for (const id of fresh) this.fresh.add(id);
      return fresh;
    } catch (e) {
      logOnce('seen', 'could not record seen papers', e);
      return [];
    }
  }
}
