import { useEffect, useRef, useState } from 'preact/hooks';
import type { Send } from '@/lib/message-client';
import { LIMITS, type Paper } from '@/lib/model';
import { chunks, papersWord } from './reading-list';
import type { ToastMessage } from './Toast';

interface Props {
  /** The papers the list shows: what every bulk action applies to. */
  shown: readonly Paper[];
  knownTags: readonly string[];
  send: Send;
  notify: (t: ToastMessage) => void;
  fail: (e: unknown) => void;
  /** Opens Send to Zotero for the shown papers (absent where the browser cannot ask for access). */
  onZotero?: () => void;
  /** While the popup shows only its first screen: the shown papers are not all there yet. */
  loading?: boolean;
}

/** Actions on every shown paper: mark read, add a tag, remove (confirmed), each undoable; send to Zotero. */
export function BulkBar({ shown, knownTags, send, notify, fail, onZotero, loading = false }: Props) {
  const [bulk, setBulk] = useState<null | 'tag' | 'remove'>(null);
  const [bulkTag, setBulkTag] = useState('');
  const bulkInputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (bulk === 'tag') bulkInputRef.current?.focus();
  }, [bulk]);

  const restoreAll = async (snapshot: Paper[]) => {
    for (const part of chunks(snapshot, LIMITS.batch)) await send('paper.restore', { papers: part });
  };

  const runBulk = async (patch: { action?: 'read'; addTag?: string; remove?: boolean }, done: string) => {
    const snapshot = shown.slice();
    setBulk(null);
    try {
      for (const ids of chunks(
        snapshot.map((p) => p.id),
        LIMITS.batch,
      ))
        await send('papers.bulk', { ids, ...patch });
      notify({ text: done, undo: () => restoreAll(snapshot) });
    } catch (e) {
      fail(e);
    }
  };

  const addBulkTag = () => {
    const name = bulkTag.trim();
    if (!name) return;
    setBulkTag('');
    void runBulk({ addTag: name.slice(0, LIMITS.tag) }, `Tagged ${papersWord(shown.length)} “${name}”`);
  };

  return (
    <div class="bulk" role="group" aria-label="Bulk actions on the shown papers">
      {bulk === 'remove' ? (
        <>
          <span class="bulk-ask">Remove {papersWord(shown.length)}?</span>
          <button
            type="button"
            class="danger"
            data-dogear-action="bulk-remove-confirm"
            onClick={() => void runBulk({ remove: true }, `Removed ${papersWord(shown.length)}`)}
          >
            Remove
          </button>
          <button type="button" onClick={() => setBulk(null)}>
            Cancel
          </button>
        </>
      ) : bulk === 'tag' ? (
        <form
          class="bulk-tag"
          onSubmit={(e) => {
            e.preventDefault();
            addBulkTag();
          }}
        >
          <input
            value={bulkTag}
            list="dogear-bulk-tags"
            maxLength={LIMITS.tag}
            placeholder="Tag name"
            aria-label={`Tag to add to ${papersWord(shown.length)}`}
            ref={bulkInputRef}
            onInput={(e) => setBulkTag((e.currentTarget as HTMLInputElement).value)}
            onKeyDown={(e) => e.key === 'Escape' && (e.preventDefault(), setBulk(null))}
          />
          <datalist id="dogear-bulk-tags">
            {knownTags.map((t) => (
              <option key={t} value={t} />
            ))}
          </datalist>
          <button type="submit" data-dogear-action="bulk-tag-confirm" disabled={!bulkTag.trim()}>
            Add tag
          </button>
          <button type="button" onClick={() => setBulk(null)}>
            Cancel
          </button>
        </form>
      ) : (
        <>
          <span class="bulk-label">All shown:</span>
          <button
            type="button"
            data-dogear-action="bulk-read"
            disabled={loading || !shown.length}
            aria-label={`Mark read: ${papersWord(shown.length)}`}
            onClick={() => void runBulk({ action: 'read' }, `Marked ${papersWord(shown.length)} read`)}
          >
            Mark read
          </button>
          <button
            type="button"
            data-dogear-action="bulk-tag"
            disabled={loading || !shown.length}
            aria-label={`Add tag to ${papersWord(shown.length)}`}
            onClick={() => setBulk('tag')}
          >
            Add tag…
          </button>
          <button
            type="button"
            data-dogear-action="bulk-remove"
            disabled={loading || !shown.length}
            aria-label={`Remove ${papersWord(shown.length)}`}
            onClick={() => setBulk('remove')}
          >
            Remove…
          </button>
          {onZotero && (
            <button
              type="button"
              data-dogear-action="bulk-zotero"
              disabled={loading || !shown.length}
              aria-label={`Send ${papersWord(shown.length)} to Zotero`}
              onClick={onZotero}
            >
              Zotero…
            </button>
          )}
        </>
      )}
    </div>
  );
}
