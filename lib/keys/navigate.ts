/**
 * Moving the focus ring through a listing, as arithmetic over entry positions:
 * no DOM here, so the rules (skip hidden entries, where triage starts, how far
 * to scroll) are tested without layout. The content script supplies positions.
 */

export interface Span {
  top: number;
  bottom: number;
}

/**
 * The next (dir 1) or previous (dir -1) shown entry after index `from`; `from`
 * itself when there is none (the ring stays at the ends of the list).
 */
export function step(count: number, from: number, dir: 1 | -1, shown: (i: number) => boolean): number {
  for (let i = from + dir; i >= 0 && i < count; i += dir) if (shown(i)) return i;
  return from;
}

/**
 * Where triage starts: the first shown entry whose top is at or below the top
 * of the viewport (positions relative to it), else the last shown entry above
 * it (the user scrolled past the end); -1 when nothing is shown.
 */
export function startIndex(count: number, shown: (i: number) => boolean, top: (i: number) => number): number {
  let last = -1;
  for (let i = 0; i < count; i++) {
    if (!shown(i)) continue;
    // Half a pixel of slack: a card aligned to the viewport's top by scrolling can sit at -0.4.
    if (top(i) >= -0.5) return i;
    last = i;
  }
  return last;
}

/**
 * How far to scroll so an entry spanning `span` (relative to the viewport) is
 * in view with `margin` to spare: 0 when it already is; otherwise the least
 * movement, but never so far that a tall entry's top leaves the view.
 */
export function scrollDelta(span: Span, viewport: number, margin: number): number {
  const room = Math.max(0, viewport - 2 * margin);
  if (span.top < margin) return span.top - margin;
  if (span.bottom > viewport - margin) {
    const toBottom = span.bottom - (viewport - margin);
    return span.bottom - span.top > room ? span.top - margin : toBottom;
  }
  return 0;
}

/**
 * Entries in reading order when the layout may have moved them with CSS
 * `order` (matching entries first, sorted by relevance): by row, then column.
 * Entries on the same row within `tolerance` pixels keep their left-to-right order.
 */
export function readingOrder<T>(items: T[], pos: (t: T) => { top: number; left: number }, tolerance = 4): T[] {
  const keyed = items.map((item, i) => ({ item, i, ...pos(item) }));
  keyed.sort((a, b) => (Math.abs(a.top - b.top) > tolerance ? a.top - b.top : a.left - b.left || a.i - b.i));
  return keyed.map((k) => k.item);
}
