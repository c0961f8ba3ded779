import { useEffect, useState } from 'preact/hooks';
import type { Send } from '@/lib/message-client';
import type { TrashedPaper } from '@/lib/model';
import { papersWord } from './reading-list';
import type { ToastMessage } from './Toast';

// Past this many rows the list says how many more; "Restore all" still brings every one back.
const SHOWN = 300;

interface Props {
  /** Purges what is older than 30 days, then reads the Trash, newest first. */
  load: () => Promise<TrashedPaper[]>;
  send: Send;
  notify: (t: ToastMessage) => void;
  fail: (e: unknown) => void;
}

const when = (t: number) => new Date(t).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** "Recently removed": restore one, restore all, empty the Trash (confirmed). */
export function TrashView({ load, send, notify, fail }: Props) {
  const [items, setItems] = useState<TrashedPaper[] | null>(null);
  const [confirming, setConfirming] = useState(false);
  const refresh = () => load().then(setItems, fail);
  useEffect(() => void refresh(), []);

  const run = (work: () => Promise<string>) =>
    void work()
      .then((text) => (notify({ text }), refresh()))
      .catch(fail);
  const restore = (req: { ids: string[] } | { all: true }) =>
    run(async () => `Restored ${papersWord((await send('trash.restore', req)).restored)}`);

  if (!items) return <p class="loading">Loading…</p>;
  return (
    <div class="trash">
      <p class="muted small">Removed papers stay here for 30 days, with their notes and tags.</p>
      {!items.length ? (
        <p class="muted" data-dogear-trash-empty>
          Nothing was removed recently.
        </p>
      ) : (
        <>
          <div class="trash-actions">
            {confirming ? (
              <>
                <span>Delete {papersWord(items.length)} for good?</span>
                <button
                  type="button"
                  class="danger"
                  data-dogear-action="empty-trash-confirm"
                  onClick={() => (
                    setConfirming(false), run(async () => (await send('trash.empty', {}), 'Trash emptied'))
                  )}
                >
                  Delete
                </button>
                <button type="button" onClick={() => setConfirming(false)}>
                  Cancel
                </button>
              </>
            ) : (
              <>
                <button type="button" data-dogear-action="restore-all" onClick={() => restore({ all: true })}>
                  Restore all
                </button>
                <button type="button" data-dogear-action="empty-trash" onClick={() => setConfirming(true)}>
                  Empty Trash…
                </button>
              </>
            )}
          </div>
          <ul class="trash-list">
            {items.slice(0, SHOWN).map((p) => (
              <li key={p.id} data-dogear-item={p.id}>
                <span class="trash-title">{p.title || p.id}</span>
                <span class="muted small">removed {when(p.trashedAt)}</span>
                <button
                  type="button"
                  data-dogear-action="restore"
                  aria-label={`Restore ${p.title || p.id}`}
                  onClick={() => restore({ ids: [p.id] })}
                >
                  Restore
                </button>
              </li>
            ))}
            {items.length > SHOWN && <li class="muted small">…and {items.length - SHOWN} more</li>}
          </ul>
        </>
      )}
    </div>
  );
}
