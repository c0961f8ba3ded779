import type { ScoreInfo } from '@/components/OverlayCard';
import type { send as sendFn } from '@/lib/client';
import type { Settings } from '@/lib/model';
import { coldStartScore } from '@/lib/rank/ranker';
import type { Mounted } from './mount';

/** Relevance scores of the page's entries, from the background's on-device ranker. */
export class Scores {
  private scores = new Map<string, ScoreInfo>();

  constructor(
    private send: typeof sendFn,
    private doc: Document,
  ) {}

  get(id: string): ScoreInfo | undefined {
    return this.scores.get(id);
  }

  /** Asks the background to score these entries and replaces the known scores with its answer. */
  async update(mounted: Mounted[], settings: Settings): Promise<void> {
    const { basis, scores } = await this.send('rank.score', { papers: mounted.map((m) => m.entry.meta) });
    // Tells tests and the benchmark that scoring is done, and on what basis.
    this.doc.documentElement.dataset.dogearRank = basis;
    this.scores = new Map();
    for (const m of mounted) {
      const id = m.entry.meta.id;
      const s = scores[id];
      if (basis === 'model' && s) this.scores.set(id, { value: s.value, words: s.words, basis: 'model' });
      // Cold start: keyword matches stand in for a model, when the user has keywords at all.
      else if (basis === 'cold' && settings.keywords.length)
        this.scores.set(id, { value: coldStartScore(m.matches), words: [], basis: 'keywords' });
    }
  }
}
