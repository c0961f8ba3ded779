import type { Paper } from '@/lib/model';
import { shortDate } from '../reading-list';

/** The small "sent to Zotero" mark on a reading-list row. */
export function ZoteroMark({ sent }: { sent: NonNullable<Paper['sentToZotero']> }) {
  const text = `Sent to Zotero on ${shortDate(sent.date)} (${sent.collection})`;
  return (
    <span class="zotero-mark" role="img" data-dogear-zotero="sent" title={text} aria-label={text}>
      Z
    </span>
  );
}
