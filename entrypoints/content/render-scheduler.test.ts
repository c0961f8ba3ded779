import { describe, expect, it } from 'vitest';
import { RenderScheduler } from './render-scheduler';

/** A window with a controllable IntersectionObserver, and an idle callback that must never be asked for. */
function fakeWindow() {
  const observed = new Set<Element>();
  let onIntersect: ((e: Array<{ isIntersecting: boolean; target: Element }>) => void) | null = null;
  const idle: Array<(d: { timeRemaining(): number }) => void> = [];
  class IO {
    constructor(cb: typeof onIntersect) {
      onIntersect = cb;
    }
    observe(el: Element) {
      observed.add(el);
    }
    unobserve(el: Element) {
      observed.delete(el);
    }
    disconnect() {
      observed.clear();
    }
  }
  const win = {
    IntersectionObserver: IO,
    requestIdleCallback: (cb: (d: { timeRemaining(): number }) => void) => idle.push(cb),
    cancelIdleCallback: () => {},
    setTimeout,
    clearTimeout,
  } as unknown as Window & typeof globalThis;
  return {
    win,
    observed,
    scroll: (els: Element[]) => onIntersect!(els.map((target) => ({ isIntersecting: true, target }))),
    idleAsked: () => idle.length,
  };
}

function setup(n: number) {
  const f = fakeWindow();
  const items = Array.from({ length: n }, (_, i) => ({ i, el: { i } as unknown as Element }));
  const byEl = new Map(items.map((it) => [it.el, it]));
  const drawn: number[] = [];
  const settled: boolean[] = [];
  const s = new RenderScheduler(
    (it: (typeof items)[number]) => drawn.push(it.i),
    (it) => it.el,
    (el) => byEl.get(el),
    (all) => settled.push(all),
    f.win,
  );
  return { f, items, drawn, settled, s };
}

describe('RenderScheduler', () => {
  it('draws the first screenful at once and nothing else until it comes near, then says all are drawn', () => {
    const { f, items, drawn, settled, s } = setup(40);
    s.add(items);
    expect(drawn).toEqual(Array.from({ length: 12 }, (_, i) => i));
    expect(settled.at(-1)).toBe(false);
    expect(f.observed.size).toBe(28);
    expect(f.idleAsked()).toBe(0);
    f.scroll(items.slice(12, 14).map((it) => it.el));
    expect(drawn).toHaveLength(12 + 24);
    expect(settled.at(-1)).toBe(false);
    f.scroll(items.slice(36).map((it) => it.el));
    expect(drawn).toHaveLength(40);
    expect(new Set(drawn).size).toBe(40);
    expect(settled.at(-1)).toBe(true);
    expect(f.observed.size).toBe(0);
  });

  it('an entry that comes near brings the pending ones after it, two dozen in all, then the nearest before it', () => {
    const { f, items, drawn, s } = setup(100);
    s.add(items);
    drawn.length = 0;
    f.scroll([items[50]!.el]);
    expect(drawn).toEqual(Array.from({ length: 24 }, (_, i) => 50 + i));
    expect(f.observed.has(items[60]!.el)).toBe(false);
    // Up from there: the batch stops at what is already drawn and goes on past it.
    drawn.length = 0;
    f.scroll([items[40]!.el]);
    expect(drawn).toEqual([
      ...Array.from({ length: 10 }, (_, i) => 40 + i),
      ...Array.from({ length: 14 }, (_, i) => 74 + i),
    ]);
    // Near the end, with everything after it drawn, the batch takes the nearest ones before it.
    drawn.length = 0;
    f.scroll([items[95]!.el]);
    expect(drawn).toEqual([
      95, 96, 97, 98, 99, 94, 93, 92, 91, 90, 89, 88, 39, 38, 37, 36, 35, 34, 33, 32, 31, 30, 29, 28,
    ]);
    // One that was drawn by keyboard is not drawn again when it comes near.
    s.now(items[12]!);
    drawn.length = 0;
    f.scroll([items[12]!.el]);
    expect(drawn).toEqual([]);
  });

  it('draws an item reached by keyboard or scrolled near once', () => {
    const { f, items, drawn, s } = setup(30);
    s.add(items);
    s.now(items[20]!);
    s.now(items[20]!);
    expect(drawn).toHaveLength(13);
    expect(s.isPending(items[20]!)).toBe(false);
    f.scroll([items[29]!.el, items[29]!.el]);
    s.now(items[29]!);
    expect(drawn).toHaveLength(30);
    expect(new Set(drawn).size).toBe(30);
  });

  it('forgets removed items and stops on destroy', () => {
    const { f, items, drawn, s } = setup(20);
    s.add(items);
    s.remove(items[15]!);
    expect(s.isPending(items[15]!)).toBe(false);
    s.destroy();
    expect(f.observed.size).toBe(0);
    expect(drawn).toHaveLength(12);
  });

  it('without IntersectionObserver draws everything at once', () => {
    const drawn: number[] = [];
    const win = { setTimeout, clearTimeout } as unknown as Window & typeof globalThis;
    const items = Array.from({ length: 30 }, (_, i) => ({ i }));
    const s = new RenderScheduler(
      (it: { i: number }) => drawn.push(it.i),
      () => ({}) as Element,
      () => undefined,
      () => {},
      win,
    );
    s.add(items);
    expect(drawn).toHaveLength(30);
  });
});
