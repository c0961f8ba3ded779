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

export class RenderScheduler<T extends object> {
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
    for (const e of entries) {
      if (!e.isIntersecting) continue;
      const item = this.byTarget(e.target);
      if (item) this.now(item);
    }
  }
}
