/**
 * Decides when each overlay's contents are drawn. A month page has 500 cards
 * and a long listing thousands, most of which a reader never scrolls to:
 * drawing them all, even in idle time, cost the page more than drawing every
 * overlay eagerly would (bench/RESULTS.md, issue 13). The first screenful is
 * drawn at once; every other overlay when its entry comes within AHEAD of the
 * viewport, or when the keys reach it (`now`). Until then its host keeps the
 * overlay's room, and a drawn block overlay's host is a relayout boundary of
 * that same size (overlay-css.ts), so drawing during a scroll moves nothing and
 * lays out only the overlay, not the page's card grid.
 */

const FIRST_SCREEN = 12;
// Far enough ahead that a fast scroll meets drawn overlays.
const AHEAD = '1500px 0px';
/**
 * An entry that comes near brings the pending ones next to it, up to this many in all: each frame that
 * draws repaints the page around the new overlays, so a scroll through a month page cost more paint than
 * drawing every overlay at load when each screen's few were drawn in a frame of their own (bench/RESULTS.md).
 * Two dozen overlays take a few milliseconds to draw: no long task.
 */
const BATCH = 24;

export class RenderScheduler<T extends object> {
  /** In the order they were added, which is the page's order: a batch takes the ones after the entry that came near. */
  private pending = new Set<T>();
  private io: IntersectionObserver | null;

  constructor(
    private readonly draw: (item: T) => void,
    private readonly targetOf: (item: T) => Element,
    private readonly byTarget: (el: Element) => T | undefined,
    /** Told whether every queued item is drawn (true) or some wait (false). */
    private readonly onSettled: (allDrawn: boolean) => void,
    win: Window & typeof globalThis = window,
  ) {
    this.io =
      typeof win.IntersectionObserver === 'function'
        ? new win.IntersectionObserver((entries) => this.onIntersect(entries), { rootMargin: AHEAD })
        : null;
  }

  /** Queues new items; the first few of a pass (the top of the page) are drawn right away. */
  add(items: T[]): void {
    items.forEach((item, i) => {
      if (i < FIRST_SCREEN || !this.io) return this.draw(item);
      this.pending.add(item);
      this.io.observe(this.targetOf(item));
    });
    this.onSettled(this.pending.size === 0);
  }

  isPending(item: T): boolean {
    return this.pending.has(item);
  }

  /** Draws an item now if it was waiting (the user reached it some other way, e.g. by keyboard). */
  now(item: T): void {
    if (!this.take(item)) return;
    this.draw(item);
    if (!this.pending.size) this.onSettled(true);
  }

  remove(item: T): void {
    this.take(item);
  }

  destroy(): void {
    this.io?.disconnect();
    this.pending.clear();
  }

  private take(item: T): boolean {
    if (!this.pending.delete(item)) return false;
    this.io?.unobserve(this.targetOf(item));
    return true;
  }

  private onIntersect(entries: IntersectionObserverEntry[]): void {
    const near = entries.flatMap((e) => {
      const item = e.isIntersecting ? this.byTarget(e.target) : undefined;
      return item && this.pending.has(item) ? [item] : [];
    });
    if (!near.length) return;
    const batch = new Set(near);
    // The next ones after them, which a reader scrolling down meets next; then, when the page below is drawn
    // (a reader going up from the end), the nearest ones before them.
    const order = [...this.pending];
    const first = order.indexOf(near[0]!);
    for (let i = order.indexOf(near[near.length - 1]!) + 1; i < order.length && batch.size < BATCH; i++)
      batch.add(order[i]!);
    for (let i = first - 1; i >= 0 && batch.size < BATCH; i--) batch.add(order[i]!);
    for (const item of batch) this.now(item);
  }
}
