import type { ScoreInfo } from './overlay-view';
import type { ContentSend } from '@/lib/content-client';
import type { PaperMeta } from '@/lib/model';

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

  /**
   * Asks the background to score these entries and replaces the known scores with its answer. `ids` are the
   * entries' own id strings, kept as keys: the papers, read again from the page, carry copies of them.
   */
  async update(ids: string[], papers: PaperMeta[]): Promise<void> {
    const { basis, scores } = await this.send('rank.score', { papers });
    // Tells tests and the benchmark that scoring is done, and on what basis.
    this.doc.documentElement.dataset.dogearRank = basis;
    this.scores = new Map();
    // Entries share their lists of words (a few keywords, mostly the same ones), instead of each holding copies.
    const lists = new Map<string, string[]>();
    for (const id of ids) {
      const s = scores[id];
      if (!s) continue;
      const key = s.words.join('\u0000');
      let words = lists.get(key);
      if (!words) lists.set(key, (words = s.words));
      // Until the model beats the keywords on the user's own decisions, the background sends keyword scores.
      this.scores.set(id, { value: s.value, words, basis: basis === 'model' ? 'model' : 'keywords' });
    }
  }
}
