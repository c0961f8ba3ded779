import { describe, expect, it } from 'vitest';
import { RenderScheduler } from './render-scheduler';

type Box = { top: number; width: number; height: number };
const VIEWPORT = 900;
const AHEAD = 1500;

/**
 * A window whose IntersectionObserver behaves as the browser's does at each frame: every newly observed
 * target is reported once with its box, whether near or not; after that only a change of nearness is.
 * Boxes come from a layout the test sets and can change (a resize).
 */
function fakeWindow(layout: (i: number) => Box) {
  const observed = new Map<Element, boolean | undefined>();
  let onIntersect: ((e: unknown[]) => void) | null = null;
  const listeners = new Set<() => void>();
  const timers: Array<() => void> = [];
  let scrollY = 0;
  const state = { layout };
  class IO {
    constructor(cb: typeof onIntersect) {
      onIntersect = cb;
    }
    observe(el: Element) {
      if (!observed.has(el)) observed.set(el, undefined);
    }
    unobserve(el: Element) {
      observed.delete(el);
    }
    disconnect() {
      observed.clear();
    }
  }
  const boxOf = (el: Element) => state.layout((el as unknown as { i: number }).i);
  const isNear = (b: Box) =>
    b.width > 0 && b.height > 0 && b.top + b.height >= scrollY - AHEAD && b.top <= scrollY + VIEWPORT + AHEAD;
  const frame = () => {
    const entries: unknown[] = [];
    for (const [el, was] of observed) {
      const b = boxOf(el);
      const near = isNear(b);
      if (was === near) continue;
      observed.set(el, near);
      entries.push({ target: el, isIntersecting: near, boundingClientRect: { ...b, top: b.top - scrollY } });
    }
    if (entries.length) onIntersect!(entries);
  };
  const win = {
    IntersectionObserver: IO,
    addEventListener: (_: string, f: () => void) => listeners.add(f),
    removeEventListener: (_: string, f: () => void) => listeners.delete(f),
    setTimeout: (f: () => void) => timers.push(f),
    clearTimeout: () => timers.splice(0),
  } as unknown as Window & typeof globalThis;
  return {
    win,
    observed,
    /** Scrolls to `y` and runs a frame or two, as the browser would while a reader rests there. */
    scrollTo(y: number) {
      scrollY = y;
      frame();
      frame();
    },
    frame,
    resize(next: (i: number) => Box) {
      state.layout = next;
      for (const f of listeners) f();
      for (const t of timers.splice(0)) t();
      frame();
    },
    listeners,
    inViewport: (i: number) => {
      const b = state.layout(i);
      return b.width > 0 && b.height > 0 && b.top + b.height > scrollY && b.top < scrollY + VIEWPORT;
    },
  };
}

/** Hugging Face's month grid: three cards a row, 350 px a row. */
const grid = (i: number): Box => ({ top: Math.floor(i / 3) * 350, width: 400, height: 330 });
/** One column of entries of uneven height (an arXiv listing with abstracts), summed from a fixed pattern. */
const column = (heights: number[]) => {
  const tops = [0];
  for (const h of heights) tops.push(tops.at(-1)! + h + 10);
  return (i: number): Box => ({ top: tops[i]!, width: 900, height: heights[i]! });
};

/** A grid whose every fifth row holds one card of 3,000 px beside short ones: the row's head is short. */
const tallInRow = (() => {
  const tops = [0];
  for (let r = 0; r < 200; r++) tops.push(tops.at(-1)! + (r % 5 === 2 ? 3000 : 330) + 20);
  return (i: number): Box => {
    const r = Math.floor(i / 3);
    return { top: tops[r]!, width: 400, height: r % 5 === 2 && i % 3 === 1 ? 3000 : 330 };
  };
})();

function setup(n: number, layout: (i: number) => Box = grid) {
  const f = fakeWindow(layout);
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
  const undrawnInView = () => items.filter((it) => s.isPending(it) && f.inViewport(it.i)).map((it) => it.i);
  return { f, items, drawn, settled, s, undrawnInView };
}

/** A fixed pseudo-random sequence, so a failure can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
}

describe('RenderScheduler', () => {
  it('draws the first screenful at once, the near ones at the first frame, and then watches only span heads', () => {
    const { f, items, drawn, settled, s } = setup(600);
    s.add(items);
    expect(drawn).toEqual(Array.from({ length: 12 }, (_, i) => i));
    expect(settled.at(-1)).toBe(false);
    expect(f.observed.size).toBe(588);
    f.scrollTo(0);
    // Near: the rows up to 2,400 px, with their spans and the batch's fill.
    expect(drawn.length).toBeGreaterThanOrEqual(24);
    expect(new Set(drawn).size).toBe(drawn.length);
    // A head every 600 px (two rows of three), and the last one.
    const pending = items.filter((it) => s.isPending(it)).length;
    expect(f.observed.size).toBeLessThanOrEqual(Math.ceil(pending / 6) + 2);
    expect(f.observed.size).toBeGreaterThan(pending / 6 - 2);
  });

  for (const [name, layout] of [
    ['a three-card grid', grid],
    ['one column of uneven entries', column(Array.from({ length: 400 }, (_, i) => [120, 340, 90, 700, 260][i % 5]!))],
    ['one column of entries taller than the step', column(Array.from({ length: 400 }, () => 1200))],
    ['a grid with a card far taller than its row', tallInRow],
    [
      'a grid with hidden cards',
      (i: number) => (i % 7 === 3 ? { top: 0, width: 0, height: 0 } : grid(i - Math.floor((i + 3) / 7))),
    ],
  ] as const)
    it(`never leaves an entry in view undrawn, scrolling or jumping (${name})`, () => {
      const { f, items, s, undrawnInView } = setup(400, layout);
      s.add(items);
      f.scrollTo(0);
      const rnd = random(7);
      const end = layout(399).top;
      for (let k = 0; k < 60; k++) {
        f.scrollTo(Math.floor(rnd() * end));
        expect(undrawnInView()).toEqual([]);
      }
      for (let y = end; y >= 0; y -= VIEWPORT) {
        f.scrollTo(y);
        expect(undrawnInView()).toEqual([]);
      }
    });

  it('places every pending entry again after a resize, so spans follow a grid that became one column', () => {
    const { f, items, s, undrawnInView } = setup(300);
    s.add(items);
    f.scrollTo(0);
    const heads = f.observed.size;
    const narrow = (i: number): Box => ({ top: i * 460, width: 600, height: 440 });
    f.resize(narrow);
    expect(f.observed.size).toBeGreaterThan(heads);
    const rnd = random(3);
    for (let k = 0; k < 40; k++) {
      f.scrollTo(Math.floor(rnd() * narrow(299).top));
      expect(undrawnInView()).toEqual([]);
    }
  });

  it('a batch takes the pending ones after the near entry, two dozen in all, and not what is drawn', () => {
    const { f, items, drawn, s } = setup(300);
    s.add(items);
    f.scrollTo(0);
    drawn.length = 0;
    f.scrollTo(60 * 350);
    expect(drawn.length).toBeGreaterThanOrEqual(24);
    const first = Math.min(...drawn);
    // From the span before the near head on, in the page's order, with no gap.
    expect(drawn).toEqual(Array.from({ length: drawn.length }, (_, i) => first + i));
    // It starts no further up than the span before the first head near the reach of the observer.
    expect(grid(first).top).toBeGreaterThanOrEqual(60 * 350 - AHEAD - 2 * 700);
  });

  it('a head drawn by keyboard hands its span to the next entry', () => {
    const { f, items, drawn, s, undrawnInView } = setup(300);
    s.add(items);
    f.scrollTo(0);
    const head = items.find((it) => it.i > 60 && f.observed.has(it.el))!;
    s.now(head);
    s.now(head);
    expect(drawn.filter((i) => i === head.i)).toHaveLength(1);
    expect(f.observed.has(items[head.i + 1]!.el)).toBe(true);
    f.scrollTo(grid(head.i + 1).top);
    expect(undrawnInView()).toEqual([]);
  });

  it('draws an item scrolled near once, says when all are drawn, forgets removed items and stops on destroy', () => {
    const { f, items, drawn, settled, s } = setup(100);
    s.add(items);
    s.remove(items[50]!);
    expect(s.isPending(items[50]!)).toBe(false);
    for (let y = 0; y < grid(99).top + VIEWPORT; y += VIEWPORT) f.scrollTo(y);
    expect(drawn).toHaveLength(99);
    expect(new Set(drawn).size).toBe(99);
    expect(settled.at(-1)).toBe(true);
    expect(f.observed.size).toBe(0);
    s.destroy();
    expect(f.observed.size).toBe(0);
    expect(f.listeners.size).toBe(0);
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
    s.destroy();
  });
});
