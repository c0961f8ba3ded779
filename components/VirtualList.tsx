import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Paper } from '@/lib/model';
import { PopupRow, type RowAction } from './PopupRow';
import { scrollToRow, visibleRange } from './reading-list';

export const ROW_HEIGHT = 76;
const OVERSCAN = 6;

/** Scroll position and height of the list, and moving a row into view; `shown` tells when the list element exists. */
export function useVirtualScroll(initialViewport: number, shown: boolean) {
  const listRef = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(initialViewport);

  useLayoutEffect(() => {
    const el = listRef.current;
    if (!el) return;
    const measure = () => el.clientHeight > 0 && setViewport(el.clientHeight);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [shown]);

  return {
    listRef,
    scrollTop,
    setScrollTop,
    viewport,
    /** Scrolls just enough that row `i` is fully visible. */
    reveal(i: number) {
      const el = listRef.current;
      const top = scrollToRow(i, ROW_HEIGHT, el?.scrollTop ?? scrollTop, viewport);
      if (el && el.scrollTop !== top) el.scrollTop = top;
      setScrollTop(top);
    },
    toTop() {
      setScrollTop(0);
      if (listRef.current) listRef.current.scrollTop = 0;
    },
    /** Focuses row `i` (clamped to the list). */
    focus(i: number, count: number) {
      listRef.current
        ?.querySelector<HTMLElement>(`#dogear-row-${Math.min(i, Math.max(0, count - 1))}`)
        ?.focus({ preventScroll: true });
    },
  };
}

type VirtualScroll = ReturnType<typeof useVirtualScroll>;

interface Props {
  scroll: VirtualScroll;
  shown: readonly Paper[];
  /** The rest of a search is still running: none found yet is not "no match". */
  searching?: boolean;
  current: number;
  onAction: (action: RowAction, p: Paper, i: number) => void;
  onClear: () => void;
}

/** The list with only the rows near the viewport in the DOM: 50,000 papers scroll like 50. */
export function VirtualList({ scroll, shown, searching = false, current, onAction, onClear }: Props) {
  const { start, end } = visibleRange(shown.length, ROW_HEIGHT, scroll.scrollTop, scroll.viewport, OVERSCAN);
  const rows: preact.JSX.Element[] = [];
  for (let i = start; i < end; i++) {
    const p = shown[i]!;
    rows.push(
      // Keyed by position: a keystroke's new matches patch the rows on screen in place instead of
      // building each row's elements again, which was most of a search's render.
      <PopupRow
        key={i}
        paper={p}
        index={i}
        count={shown.length}
        active={i === current}
        top={i * ROW_HEIGHT}
        onAction={onAction}
      />,
    );
  }
  return (
    <div
      ref={scroll.listRef}
      id="dogear-list"
      class="list"
      role="list"
      aria-label="Reading list"
      onScroll={(e) => scroll.setScrollTop((e.currentTarget as HTMLDivElement).scrollTop)}
    >
      {shown.length || searching ? (
        <div class="list-inner" style={{ height: `${shown.length * ROW_HEIGHT}px` }}>
          {rows}
        </div>
      ) : (
        <div class="no-match">
          <p>No papers match.</p>
          <button type="button" class="link" onClick={onClear}>
            Clear search and filters
          </button>
        </div>
      )}
    </div>
  );
}
