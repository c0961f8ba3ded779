import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { MessageType, RequestOf, ResponseOf } from '@/lib/messages';
import { allTags, type Paper, type PaperStatus, type Settings } from '@/lib/model';
import { buildIndex, sortPapers, type SortDir, type SortKey } from '@/lib/search';
import { ExportButtons } from './ExportButtons';
import { ImportPanel } from './ImportPanel';
import { Icon } from './icons';
import { PopupEditor } from './PopupEditor';
import { PopupRow, type RowAction } from './PopupRow';
import { Suggestions } from './Suggestions';
import type { Suggestion } from '@/lib/relevance';
import {
  applyView,
  chunks,
  primaryUrl,
  scrollToRow,
  VIEW_STATUSES,
  visibleRange,
  type ViewStatus,
} from './reading-list';

export type Send = <T extends MessageType>(type: T, payload: RequestOf<T>) => Promise<ResponseOf<T>>;

export interface ReadingListProps {
  papers: readonly Paper[];
  settings: Settings;
  send: Send;
  openUrl: (url: string) => void;
  openOptions: () => void;
  /** Passed to the export buttons; tests capture files with it. */
  download?: (filename: string, mime: string, text: string) => void;
  /** Used until the list can be measured (and in tests, where nothing has a layout). */
  initialViewport?: number;
  /** Unsaved papers from recent listings that the on-device model ranks highest. */
  suggestions?: Suggestion[];
}

export const ROW_HEIGHT = 76;
const OVERSCAN = 6;
// The catalogue caps id arrays per message.
const BATCH = 5_000;
const TOAST_MS = 10_000;

const SORTS: { value: string; label: string; key: SortKey; dir: SortDir }[] = [
  { value: 'saved-desc', label: 'Newest saved', key: 'savedAt', dir: 'desc' },
  { value: 'saved-asc', label: 'Oldest saved', key: 'savedAt', dir: 'asc' },
  { value: 'published-desc', label: 'Newest published', key: 'published', dir: 'desc' },
  { value: 'published-asc', label: 'Oldest published', key: 'published', dir: 'asc' },
  { value: 'title-asc', label: 'Title A–Z', key: 'title', dir: 'asc' },
];

interface Toast {
  text: string;
  undo?: () => Promise<unknown>;
}

const quoteTitle = (p: Paper) => {
  const t = p.title || p.id;
  return `“${t.length > 48 ? `${t.slice(0, 47)}…` : t}”`;
};
const papersWord = (n: number) => `${n} paper${n === 1 ? '' : 's'}`;

/** The reading list: search, filters, a virtualized list, per-row and bulk actions, import/export. */
export function ReadingList({
  papers,
  settings,
  send,
  openUrl,
  openOptions,
  download,
  initialViewport = 440,
  suggestions = [],
}: ReadingListProps) {
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<ViewStatus>('list');
  const [tag, setTag] = useState('');
  const [sort, setSort] = useState('saved-desc');
  const [active, setActive] = useState(0);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(initialViewport);
  const [editing, setEditing] = useState<string | null>(null);
  const [view, setView] = useState<'list' | 'data' | 'suggested'>('list');
  const [bulk, setBulk] = useState<null | 'tag' | 'remove'>(null);
  const [bulkTag, setBulkTag] = useState('');
  const [toast, setToast] = useState<Toast | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const bulkInputRef = useRef<HTMLInputElement>(null);
  // The row to focus after the next render. An index, not a flag: an effect of an older render may run
  // after a newer key press, and must focus the row that press chose, not the one it saw.
  const focusPending = useRef<number | null>(null);

  // Sorting and indexing happen once per data load; typing only filters the index, which keeps sort order.
  const sortDef = SORTS.find((s) => s.value === sort) ?? SORTS[0]!;
  const index = useMemo(() => buildIndex(sortPapers(papers, sortDef.key, sortDef.dir)), [papers, sortDef]);
  const shown = useMemo(() => applyView(index, { query, status, tag }), [index, query, status, tag]);
  const knownTags = useMemo(() => [...new Set(papers.flatMap(allTags))].sort((a, b) => a.localeCompare(b)), [papers]);
  const counts = useMemo(() => {
    const c: Record<PaperStatus, number> = { saved: 0, read: 0, dismissed: 0 };
    for (const p of papers) c[p.status]++;
    return c;
  }, [papers]);

  const current = Math.min(active, Math.max(0, shown.length - 1));
  const editPaper = editing ? papers.find((p) => p.id === editing) : undefined;

  useLayoutEffect(() => {
    const el = listRef.current;
    if (!el) return;
    const measure = () => el.clientHeight > 0 && setViewport(el.clientHeight);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [view, papers.length > 0]);

  // A new filter starts at the top.
  useEffect(() => {
    setActive(0);
    setScrollTop(0);
    if (listRef.current) listRef.current.scrollTop = 0;
  }, [query, status, tag, sort]);

  useEffect(() => {
    if (bulk === 'tag') bulkInputRef.current?.focus();
  }, [bulk]);

  useEffect(() => {
    if (!toast) return;
    const t = setTimeout(() => setToast(null), TOAST_MS);
    return () => clearTimeout(t);
  }, [toast]);

  useEffect(() => {
    const row = focusPending.current;
    if (row === null) return;
    focusPending.current = null;
    listRef.current
      ?.querySelector<HTMLElement>(`#dogear-row-${Math.min(row, Math.max(0, shown.length - 1))}`)
      ?.focus({ preventScroll: true });
  });

  const fail = (e: unknown) => setToast({ text: `Failed: ${e instanceof Error ? e.message : String(e)}` });

  const moveTo = (i: number) => {
    const next = Math.max(0, Math.min(shown.length - 1, i));
    setActive(next);
    focusPending.current = next;
    const el = listRef.current;
    const top = scrollToRow(next, ROW_HEIGHT, el?.scrollTop ?? scrollTop, viewport);
    if (el && el.scrollTop !== top) el.scrollTop = top;
    setScrollTop(top);
  };

  const remove = async (p: Paper) => {
    const { previous } = await send('paper.setStatus', { meta: p, status: null });
    if (previous)
      setToast({ text: `Removed ${quoteTitle(p)}`, undo: () => send('paper.restore', { papers: [previous] }) });
  };

  const rowAction = useCallback(
    (action: RowAction, p: Paper, i: number) => {
      setActive(i);
      const run = (): Promise<unknown> | undefined => {
        switch (action) {
          case 'read':
            return send('paper.update', { id: p.id, status: p.status === 'read' ? 'saved' : 'read' });
          case 'dismiss':
            return send('paper.update', { id: p.id, status: p.status === 'dismissed' ? 'saved' : 'dismissed' });
          case 'remove':
            return remove(p);
          case 'edit':
            setEditing(p.id);
            return undefined;
          case 'select':
            return undefined;
        }
      };
      run()?.catch(fail);
    },
    // `send` is stable for the life of the popup; the rest are setters.
    [send],
  );

  const restoreAll = async (snapshot: Paper[]) => {
    for (const part of chunks(snapshot, BATCH)) await send('paper.restore', { papers: part });
  };

  const runBulk = async (patch: { status?: 'read'; addTag?: string; remove?: boolean }, done: string) => {
    const snapshot = shown.slice();
    setBulk(null);
    try {
      for (const ids of chunks(
        snapshot.map((p) => p.id),
        BATCH,
      ))
        await send('papers.bulk', { ids, ...patch });
      setToast({ text: done, undo: () => restoreAll(snapshot) });
    } catch (e) {
      fail(e);
    }
  };

  const addBulkTag = () => {
    const name = bulkTag.trim();
    if (!name) return;
    setBulkTag('');
    void runBulk({ addTag: name.slice(0, 60) }, `Tagged ${papersWord(shown.length)} “${name}”`);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const target = e.target as HTMLElement;
    const typing = target.matches('input, textarea, select');
    if (e.metaKey || e.ctrlKey || e.altKey || editing || view !== 'list') return;
    if (target === searchRef.current) {
      if (e.key === 'Escape' && query) {
        e.preventDefault();
        setQuery('');
      } else if ((e.key === 'ArrowDown' || e.key === 'Enter') && shown.length) {
        e.preventDefault();
        moveTo(current);
      }
      return;
    }
    if (typing) return;
    const p = shown[current];
    const onRow = target.getAttribute('role') === 'listitem';
    switch (e.key) {
      case '/':
        e.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
        return;
      case 'Escape':
        if (!query && !tag && status === 'list') return;
        e.preventDefault();
        setQuery('');
        setTag('');
        setStatus('list');
        return;
      case 'ArrowDown':
      case 'j':
        e.preventDefault();
        moveTo(current + 1);
        return;
      case 'ArrowUp':
      case 'k':
        e.preventDefault();
        moveTo(current - 1);
        return;
      case 'Home':
        e.preventDefault();
        moveTo(0);
        return;
      case 'End':
        e.preventDefault();
        moveTo(shown.length - 1);
        return;
    }
    if (!p) return;
    if (e.key === 'Enter' && onRow) {
      e.preventDefault();
      openUrl(primaryUrl(p));
    } else if (e.key === 'r' || e.key === 'd' || e.key === 'x' || e.key === 't' || e.key === 'n') {
      e.preventDefault();
      focusPending.current = current;
      rowAction(e.key === 'r' ? 'read' : e.key === 'd' ? 'dismiss' : e.key === 'x' ? 'remove' : 'edit', p, current);
    }
  };

  const { start, end } = visibleRange(shown.length, ROW_HEIGHT, scrollTop, viewport, OVERSCAN);
  const rows: preact.JSX.Element[] = [];
  for (let i = start; i < end; i++) {
    const p = shown[i]!;
    rows.push(
      <PopupRow
        key={p.id}
        paper={p}
        index={i}
        count={shown.length}
        active={i === current}
        top={i * ROW_HEIGHT}
        onAction={rowAction}
      />,
    );
  }

  const filtered = query || tag || status !== 'list';
  const needsSetup = !settings.keywords.length && !settings.tagRules.length;

  return (
    <div class="app" onKeyDown={onKeyDown}>
      <header class="top">
        {view !== 'list' ? (
          <button type="button" class="icon" aria-label="Back to the list" onClick={() => setView('list')}>
            <Icon name="back" />
          </button>
        ) : null}
        <h1>
          {view === 'data' ? 'Import & export' : view === 'suggested' ? 'Suggested from recent pages' : 'Reading list'}
        </h1>
        <span class="count" aria-live="polite">
          {view === 'list' && papers.length
            ? filtered
              ? `${shown.length} of ${papers.length}`
              : papersWord(shown.length)
            : ''}
        </span>
        {view === 'list' && settings.relevance && (
          <button
            type="button"
            class="icon suggest"
            data-dogear-action="suggested"
            aria-label={`Suggested papers (${suggestions.length})`}
            title="Suggested from recent pages"
            onClick={() => setView('suggested')}
          >
            <Icon name="spark" />
            {suggestions.length > 0 && <span class="dot" aria-hidden="true" />}
          </button>
        )}
        {view === 'list' && (
          <button
            type="button"
            class="icon"
            data-dogear-action="data"
            aria-label="Import and export"
            title="Import and export"
            onClick={() => setView('data')}
          >
            <Icon name="more" />
          </button>
        )}
        <button
          type="button"
          class="icon"
          data-dogear-action="options"
          aria-label="Open settings"
          title="Settings"
          onClick={openOptions}
        >
          <Icon name="sliders" />
        </button>
      </header>

      {needsSetup && view === 'list' && (
        <p class="hint" data-dogear-hint>
          Tip: add keywords or tag rules to highlight papers ·{' '}
          <button type="button" class="link" onClick={openOptions}>
            Open settings
          </button>
        </p>
      )}

      {view === 'suggested' ? (
        <Suggestions suggestions={suggestions} send={send} openUrl={openUrl} />
      ) : view === 'data' ? (
        <div class="data">
          <h2>Export</h2>
          <ExportButtons papers={shown} all={papers} settings={settings} download={download} />
          <h2>Import</h2>
          <ImportPanel
            existing={papers}
            apply={(r) => send('papers.apply', r)}
            onApplied={(text) => (setView('list'), setToast({ text }))}
          />
        </div>
      ) : !papers.length ? (
        <div class="empty" data-dogear-empty>
          <h2>Your reading list is empty</h2>
          <p>Open Hugging Face Daily Papers or an arXiv listing and press Save on a paper.</p>
          <button type="button" class="link" onClick={() => setView('data')}>
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
                    {s.label} ({statusCount(s.value, counts)})
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
                  maxLength={60}
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
                  disabled={!shown.length}
                  aria-label={`Mark ${papersWord(shown.length)} read`}
                  onClick={() => void runBulk({ status: 'read' }, `Marked ${papersWord(shown.length)} read`)}
                >
                  Mark read
                </button>
                <button
                  type="button"
                  data-dogear-action="bulk-tag"
                  disabled={!shown.length}
                  aria-label={`Add a tag to ${papersWord(shown.length)}`}
                  onClick={() => setBulk('tag')}
                >
                  Add tag…
                </button>
                <button
                  type="button"
                  data-dogear-action="bulk-remove"
                  disabled={!shown.length}
                  aria-label={`Remove ${papersWord(shown.length)}`}
                  onClick={() => setBulk('remove')}
                >
                  Remove…
                </button>
              </>
            )}
          </div>

          <div
            ref={listRef}
            id="dogear-list"
            class="list"
            role="list"
            aria-label="Reading list"
            onScroll={(e) => setScrollTop((e.currentTarget as HTMLDivElement).scrollTop)}
          >
            {shown.length ? (
              <div class="list-inner" style={{ height: `${shown.length * ROW_HEIGHT}px` }}>
                {rows}
              </div>
            ) : (
              <div class="no-match">
                <p>No papers match.</p>
                <button type="button" class="link" onClick={() => (setQuery(''), setTag(''), setStatus('list'))}>
                  Clear search and filters
                </button>
              </div>
            )}
          </div>

          <footer class="foot">
            <ExportButtons papers={shown} settings={settings} download={download} />
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

      {toast && (
        <div class="toast" role="status">
          <span>{toast.text}</span>
          {toast.undo && (
            <button
              type="button"
              data-dogear-action="undo"
              onClick={() => {
                const undo = toast.undo;
                setToast(null);
                undo?.().catch(fail);
              }}
            >
              Undo
            </button>
          )}
          <button type="button" class="icon" aria-label="Close message" onClick={() => setToast(null)}>
            <Icon name="x" />
          </button>
        </div>
      )}
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
