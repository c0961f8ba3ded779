import { itemsToUnwatch, type Spot } from './span-heads';

/**
 * Decides when each overlay's contents are drawn. A month page has 500 cards
 * and a long listing thousands, most of which a reader never scrolls to:
 * drawing them all, even in idle time, cost the page more than drawing every
 * overlay eagerly would (bench/RESULTS.md, issue 13). The first screenful is
 * drawn at once; every other overlay when its entry comes within AHEAD of the
 * viewport, or when the keys reach it (`now`). Until then its host keeps the
 * overlay's room, and a drawn block overlay's host is a relayout boundary of
 * that same size (overlay-css.ts), so drawing during a scroll moves nothing and
 * lays out only the overlay, not the page's card grid. The observer watches
 * every pending entry until it has said where each is, then only the heads of
 * spans (span-heads.ts).
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
/** A window resize can stretch spans (a grid becomes one column): every pending entry is placed again. */
const RESIZE_SETTLE_MS = 200;

export class RenderScheduler<T extends object> {
  /** In the order they were added, which is the page's order: a batch takes the ones after the entry that came near. */
  private pending = new Set<T>();
  /** The pending items the observer watches. */
  private watched = new Set<T>();
  private io: IntersectionObserver | null;
  private resizeTimer: number | undefined;
  private readonly onResize = () => {
    this.win.clearTimeout(this.resizeTimer);
    this.resizeTimer = this.win.setTimeout(() => this.placeAgain(), RESIZE_SETTLE_MS);
  };

  constructor(
    private readonly draw: (item: T) => void,
    private readonly targetOf: (item: T) => Element,
    private readonly byTarget: (el: Element) => T | undefined,
    /** Told whether every queued item is drawn (true) or some wait (false). */
    private readonly onSettled: (allDrawn: boolean) => void,
    private readonly win: Window & typeof globalThis = window,
  ) {
    this.io =
      typeof win.IntersectionObserver === 'function'
        ? new win.IntersectionObserver((entries) => this.onIntersect(entries), { rootMargin: AHEAD })
        : null;
    if (this.io) win.addEventListener('resize', this.onResize, { passive: true });
  }

  /** Queues new items; the first few of a pass (the top of the page) are drawn right away. */
  add(items: T[]): void {
    items.forEach((item, i) => {
      if (i < FIRST_SCREEN || !this.io) return this.draw(item);
      this.pending.add(item);
      this.watch(item);
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
    if (this.io) {
      this.io.disconnect();
      this.win.removeEventListener('resize', this.onResize);
      this.win.clearTimeout(this.resizeTimer);
    }
    this.pending.clear();
    this.watched.clear();
  }

  /** Watching again from scratch reports every target's place anew. */
  private watch(item: T): void {
    if (this.watched.has(item)) this.io?.unobserve(this.targetOf(item));
    this.watched.add(item);
    this.io?.observe(this.targetOf(item));
  }

  private unwatch(item: T): void {
    if (this.watched.delete(item)) this.io?.unobserve(this.targetOf(item));
  }

  private placeAgain(): void {
    for (const item of this.pending) this.watch(item);
  }

  private take(item: T): boolean {
    if (!this.pending.has(item)) return false;
    const order = this.watched.has(item) ? [...this.pending] : null;
    this.pending.delete(item);
    this.unwatch(item);
    if (order) this.handOver(order, order.indexOf(item));
    return true;
  }

  /** A head that left hands its span to the next pending entry (`order`: the pending ones before it left). */
  private handOver(order: T[], at: number): void {
    let j = at + 1;
    while (j < order.length && !this.pending.has(order[j]!)) j++;
    const next = order[j];
    if (next && !this.watched.has(next)) this.watch(next);
  }

  private onIntersect(entries: IntersectionObserverEntry[]): void {
    const reported = new Map<T, Spot>();
    const near: T[] = [];
    for (const e of entries) {
      const item = this.byTarget(e.target);
      if (!item || !this.pending.has(item)) continue;
      const { top, width, height } = e.boundingClientRect;
      reported.set(item, { top, width, height });
      if (e.isIntersecting) near.push(item);
    }
    if (near.length) this.drawNear(near);
    const order = [...this.pending].filter((item) => this.watched.has(item));
    for (const item of itemsToUnwatch(order, reported)) this.unwatch(item);
  }

  /**
   * The near ones, their spans and the spans before them, then the pending ones next to them up to BATCH.
   * The batch is drawn whole before any head hands its span on: most spans go with their heads.
   */
  private drawNear(near: T[]): void {
    const order = [...this.pending];
    const pos = new Map(order.map((item, i) => [item, i]));
    const batch = new Set<T>();
    for (const item of near) {
      const at = pos.get(item)!;
      let from = at - 1;
      while (from > 0 && !this.watched.has(order[from]!)) from--;
      for (let j = Math.max(from, 0); j <= at; j++) batch.add(order[j]!);
      for (let j = at + 1; j < order.length && !this.watched.has(order[j]!); j++) batch.add(order[j]!);
    }
    // The next ones after them, which a reader scrolling down meets next; then, when the page below is drawn
    // (a reader going up from the end), the nearest ones before them.
    const ranks = [...batch].map((item) => pos.get(item)!);
    for (let j = Math.max(...ranks) + 1; j < order.length && batch.size < BATCH; j++) batch.add(order[j]!);
    for (let j = Math.min(...ranks) - 1; j >= 0 && batch.size < BATCH; j--) batch.add(order[j]!);
    const heads = [...batch].filter((item) => this.watched.has(item)).map((item) => pos.get(item)!);
    for (const item of batch) {
      this.pending.delete(item);
      this.unwatch(item);
      this.draw(item);
    }
    for (const at of heads) this.handOver(order, at);
    if (!this.pending.size) this.onSettled(true);
  }
}
