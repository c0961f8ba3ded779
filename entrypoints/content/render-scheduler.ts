/**
 * Decides when each overlay's contents are drawn. A month page has 500 cards
 * and a long listing thousands: drawing every overlay before the first frame
 * would hold the page's own load up. The first screenful is drawn at once,
 * overlays scrolled near are drawn before they show, and the rest are drawn in
 * idle time, so every overlay exists shortly after load without one long task.
 */

const FIRST_SCREEN = 12;
// Far enough ahead that a fast scroll meets drawn overlays.
const AHEAD = '1500px 0px';
const IDLE_TIMEOUT_MS = 300;

type Idle = (cb: (d: { timeRemaining(): number }) => void, opts: { timeout: number }) => number;

export class RenderScheduler<T extends object> {
  private pending = new Set<T>();
  private io: IntersectionObserver | null;
  private idleHandle: number | null = null;
  private readonly idle: Idle;
  private readonly cancelIdle: (h: number) => void;

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
    const ric = (win as { requestIdleCallback?: Idle }).requestIdleCallback;
    this.idle = ric ? ric.bind(win) : (cb) => win.setTimeout(() => cb({ timeRemaining: () => 8 }), 1);
    this.cancelIdle = ric ? win.cancelIdleCallback.bind(win) : win.clearTimeout.bind(win);
  }

  /** Queues new items; the first few of a pass (the top of the page) are drawn right away. */
  add(items: T[]): void {
    items.forEach((item, i) => {
      if (i < FIRST_SCREEN || !this.io) return this.draw(item);
      this.pending.add(item);
      this.io.observe(this.targetOf(item));
    });
    if (this.pending.size) this.scheduleIdle();
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
    if (this.idleHandle !== null) this.cancelIdle(this.idleHandle);
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

  private scheduleIdle(): void {
    if (this.idleHandle !== null) return;
    this.idleHandle = this.idle(
      (deadline) => {
        this.idleHandle = null;
        for (const item of this.pending) {
          if (deadline.timeRemaining() < 1) break;
          this.now(item);
        }
        if (this.pending.size) this.scheduleIdle();
      },
      { timeout: IDLE_TIMEOUT_MS },
    );
  }
}
