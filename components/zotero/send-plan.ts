import type { Paper } from '@/lib/model';
import { papersWord } from '../reading-list';

/** View logic of "Send to Zotero", free of Preact. */

export interface SendPlan {
  all: Paper[];
  /** Sent by Dogear before: Zotero does not spot duplicates, so sending again adds them again. */
  sentBefore: Paper[];
  /** Found in the Zotero library by the (optional) local-API check. */
  inLibrary: Paper[];
  /** Neither of the two. */
  fresh: Paper[];
}

export function planSend(papers: readonly Paper[], found: ReadonlySet<string> = new Set()): SendPlan {
  const sentBefore = papers.filter((p) => p.sentToZotero);
  const inLibrary = papers.filter((p) => !p.sentToZotero && found.has(p.id));
  const fresh = papers.filter((p) => !p.sentToZotero && !found.has(p.id));
  return { all: [...papers], sentBefore, inLibrary, fresh };
}

/** "Sent 48 papers to My Library › Reading" */
export function sentSummary(count: number, target: string): string {
  return `Sent ${papersWord(count)} to ${target || 'Zotero'}`;
}
