import type { ScoreInfo } from './overlay-view';
import type { ContentSend } from '@/lib/content-client';
import type { Mounted } from './mount';

/** Relevance scores of the page's entries, from the background's on-device ranker. */
export class Scores {
  private scores = new Map<string, ScoreInfo>();

  constructor(
    private send: ContentSend,
    private doc: Document,
  ) {}

  get(id: string): ScoreInfo | undefined {
    return this.scores.get(id);
  }

  /** Asks the background to score these entries and replaces the known scores with its answer. */
  async update(mounted: Mounted[]): Promise<void> {
    const { basis, scores } = await this.send('rank.score', { papers: mounted.map((m) => m.entry.meta) });
    // Tells tests and the benchmark that scoring is done, and on what basis.
    this.doc.documentElement.dataset.dogearRank = basis;
    this.scores = new Map();
    for (const m of mounted) {
      const id = m.entry.meta.id;
      const s = scores[id];
      // Until the model beats the keywords on the user's own decisions, the background sends keyword scores.
      if (s) this.scores.set(id, { value: s.value, words: s.words, basis: basis === 'model' ? 'model' : 'keywords' });
    }
  }
}
