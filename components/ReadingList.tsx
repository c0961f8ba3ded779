import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Send } from '@/lib/message-client';
import type { Paper, PaperStatus, Settings } from '@/lib/model';
import { toggleAction, type StatusAction } from '@/lib/status';
import { BulkBar } from './BulkBar';
import { ExportButtons } from './ExportButtons';
import { Icon } from './icons';
import { onListKey } from './list-keys';
import { PopupEditor } from './PopupEditor';
import type { RowAction } from './PopupRow';
import { quoteTitle, VIEW_STATUSES, type ViewStatus } from './reading-list';
import type { ToastMessage } from './Toast';
import { SORTS, type ListFilter } from './use-list-filter';
import { useVirtualScroll, VirtualList } from './VirtualList';
import { ZoteroSend, type ZoteroAccess } from './zotero/ZoteroSend';

export interface ReadingListProps {
  papers: readonly Paper[];
  /** False while `papers` is only the first screen (the rest still loading): no counts, bulk actions or export yet. */
  complete?: boolean;
  settings: Settings;
  /** Search, filters and sort, held by the popup. */
  filter: ListFilter;
  send: Send;
  openUrl: (url: string) => void;
  /** Shown when the list is empty: the way to Import & export. */
  openData: () => void;
  notify: (t: ToastMessage) => void;
  fail: (e: unknown) => void;
  /** Passed to the export buttons; tests capture files with it. */
  download?: (filename: string, mime: string, text: string) => void;
  /** Used until the list can be measured (and in tests, where nothing has a layout). */
  initialViewport?: number;
  /** The popup's header and the toast, drawn inside the list's keyboard scope. */
  header: ComponentChildren;
  children?: ComponentChildren;
  /** Send to Zotero: the browser's permission calls (the actions are hidden without them). */
  zotero?: ZoteroAccess;
  /** Records the background changed outside the storage mirror (sent to Zotero). */
  onPapersChanged?: (papers: Paper[]) => void;
}

/** The reading list: search, filters, a virtualized list, per-row and bulk actions, the row editor. */
export function ReadingList({
  papers,
  complete = true,
  settings,
  filter,
  send,
  openUrl,
  openData,
  notify,
  fail,
  download,
  initialViewport = 440,
  header,
  children,
  zotero,
  onPapersChanged,
}: ReadingListProps) {
  const { query, setQuery, status, setStatus, tag, setTag, sort, setSort, shown, knownTags, counts } = filter;
  const [active, setActive] = useState(0);
  const [editing, setEditing] = useState<string | null>(null);
  const [zoteroJob, setZoteroJob] = useState<Paper[] | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const scroll = useVirtualScroll(initialViewport, papers.length > 0);
  // The row to focus after the next render. An index, not a flag: an effect of an older render may run
  // after a newer key press, and must focus the row that press chose, not the one it saw.
  const focusPending = useRef<number | null>(null);

  const current = Math.min(active, Math.max(0, shown.length - 1));
  // The first screen of the list or of a search: no bulk actions or export until the rest is there.
  const partial = !complete || filter.searching;
  const editPaper = editing ? papers.find((p) => p.id === editing) : undefined;

  // A new filter starts at the top.
  useEffect(() => {
    setActive(0);
    scroll.toTop();
  }, [query, status, tag, sort]);

  useEffect(() => {
    const row = focusPending.current;
    if (row === null) return;
    focusPending.current = null;
    scroll.focus(row, shown.length);
  });

  const moveTo = (i: number) => {
    const next = Math.max(0, Math.min(shown.length - 1, i));
    setActive(next);
    focusPending.current = next;
    scroll.reveal(next);
  };

  // Rows, keys and the toast's undo all go through the status table (`lib/status.ts`).
  const act = async (p: Paper, action: StatusAction) => {
    const { previous, paper, undoable } = await send('paper.act', { meta: p, action });
    if (!undoable || !previous) return;
    const undo = () =>
      paper?.status === 'dismissed'
        ? send('paper.act', { meta: p, action: 'undismiss' })
        : send('paper.restore', { papers: [previous] });
    notify({ text: `${paper ? 'Dismissed' : 'Removed'} ${quoteTitle(p)}`, undo });
  };

  const rowAction = useCallback(
    (action: RowAction, p: Paper, i: number) => {
      setActive(i);
      const run = (): Promise<unknown> | undefined => {
        switch (action) {
          case 'read':
          case 'dismiss':
            return act(p, toggleAction(action, p.status));
          case 'remove':
            return act(p, 'unsave');
          case 'edit':
            setEditing(p.id);
            return undefined;
          case 'select':
            return undefined;
          case 'zotero':
            setZoteroJob([p]);
            return undefined;
        }
      };
      run()?.catch(fail);
    },
    // `send` is stable for the life of the popup; the rest are setters.
    [send],
  );

  const onKeyDown = (e: KeyboardEvent) =>
    onListKey(e, {
      filter,
      search: searchRef.current,
      current,
      busy: !!editing || !!zoteroJob,
      moveTo,
      focusAfterRender: (i) => (focusPending.current = i),
      rowAction,
      openUrl,
    });

  return (
    // One handler for the keys pressed anywhere in the popup's list (rows, buttons, the filter box).
    // biome-ignore lint/a11y/noStaticElementInteractions: see above
    <div class="app" onKeyDown={onKeyDown}>
      {header}
      {!papers.length ? (
        <div class="empty" data-dogear-empty>
          <h2>Your reading list is empty</h2>
          <p>Open Hugging Face Daily Papers or an arXiv listing and press Save on a paper.</p>
          <button type="button" class="link" onClick={openData}>
            Import a list instead
          </button>
        </div>
      ) : (
        <>
          <div class="toolbar">
            <label class="search">
              <Icon name="search" />
              <input
                ref={searchRef}
                type="search"
                value={query}
                placeholder="Search   tag:  status:  year:"
                aria-label="Search the reading list (press / to focus)"
                aria-controls="dogear-list"
                onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)}
              />
            </label>
            <div class="filters">
              <select
                aria-label="Status filter"
                data-dogear-filter="status"
                value={status}
                onChange={(e) => setStatus((e.currentTarget as HTMLSelectElement).value as ViewStatus)}
              >
                {VIEW_STATUSES.map((s) => (
                  <option key={s.value} value={s.value}>
                    {complete ? `${s.label} (${statusCount(s.value, counts)})` : s.label}
                  </option>
                ))}
              </select>
              <select
                aria-label="Tag filter"
                data-dogear-filter="tag"
                value={tag}
                onChange={(e) => setTag((e.currentTarget as HTMLSelectElement).value)}
              >
                <option value="">All tags</option>
                {knownTags.map((t) => (
                  <option key={t} value={t}>
                    {t}
                  </option>
                ))}
              </select>
              <select
                aria-label="Sort order"
                data-dogear-filter="sort"
                value={sort}
                onChange={(e) => setSort((e.currentTarget as HTMLSelectElement).value)}
              >
                {SORTS.map((s) => (
                  <option key={s.value} value={s.value}>
                    {s.label}
                  </option>
                ))}
              </select>
            </div>
          </div>

          <BulkBar
            shown={shown}
            knownTags={knownTags}
            send={send}
            notify={notify}
            fail={fail}
            onZotero={zotero && (() => setZoteroJob(shown.slice()))}
            loading={partial}
          />

          <VirtualList
            scroll={scroll}
            shown={shown}
            searching={filter.searching}
            current={current}
            onAction={rowAction}
            onClear={filter.clear}
          />

          <footer class="foot">
            <ExportButtons papers={shown} settings={settings} download={download} disabled={partial} />
            <span class="keys" aria-hidden="true">
              j/k · r read · x remove · / search
            </span>
          </footer>
        </>
      )}

      {editPaper && (
        <div class="sheet">
          <PopupEditor
            paper={editPaper}
            knownTags={knownTags}
            onClose={() => {
              setEditing(null);
              focusPending.current = current;
            }}
            onSave={async ({ tags, note }) => {
              // Only the edit is sent, so a tag another tab adds meanwhile is kept.
              const addTags = tags.filter((t) => !editPaper.tags.includes(t));
              const removeTags = editPaper.tags.filter((t) => !tags.includes(t));
              await send('paper.update', { id: editPaper.id, addTags, removeTags, note });
              setEditing(null);
              focusPending.current = current;
            }}
          />
        </div>
      )}

      {zoteroJob && zotero && (
        <div class="sheet">
          <ZoteroSend
            papers={zoteroJob}
            send={send}
            access={zotero}
            onSent={(changed) => onPapersChanged?.(changed)}
            onClose={(summary) => {
              setZoteroJob(null);
              if (summary) notify({ text: summary });
              focusPending.current = current;
            }}
          />
        </div>
      )}

      {children}
    </div>
  );
}

function statusCount(v: ViewStatus, c: Record<PaperStatus, number>): number {
  switch (v) {
    case 'list':
      return c.saved + c.read;
    case 'toread':
      return c.saved;
    case 'read':
      return c.read;
    case 'dismissed':
      return c.dismissed;
    case 'all':
      return c.saved + c.read + c.dismissed;
  }
}
