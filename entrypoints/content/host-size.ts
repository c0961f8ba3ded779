import { ONE_ROW_EM } from '@/components/overlay-css';
import { reserveHeight } from './overlay-style';

/**
 * A block overlay's host keeps a reserved height under size containment
 * (overlay-css.ts), drawn or not, which makes it a relayout boundary: drawing or
 * updating an overlay lays out only the overlay, not the site's card grid around
 * it, and moves nothing. The reserved height is one row to begin with; when an
 * overlay in its plain shape (status buttons, NEW, score: no tags, input, error
 * or undo) needs more, as every one does where the score wraps onto a second line
 * on a narrow card, the page's reserved height grows to it — one change to the
 * shared sheet, usually made for the first screen before it is painted. An
 * overlay taller than that for its own reasons (many tags, the open tag input)
 * gets `data-tall`, which lifts the containment for its host alone. Sizes are
 * read in a ResizeObserver, after the browser's own layout, so this never forces one.
 */
const observers = new WeakMap<Document, ResizeObserver>();
let reservedEm = ONE_ROW_EM;

/** Anything in a row beyond its plain shape, which the reserved height does not follow. */
const OWN_CONTENT = '.chip, input, .err, .msg';

function observerFor(doc: Document): ResizeObserver | null {
  const RO = doc.defaultView?.ResizeObserver;
  if (!RO) return null;
  let ro = observers.get(doc);
  if (!ro) {
    ro = new RO(onResize);
    observers.set(doc, ro);
  }
  return ro;
}

function onResize(entries: ResizeObserverEntry[]): void {
  // Every size is read before anything is written: a write (the shared sheet, data-tall) invalidates style,
  // and the next entry's font size would then force a style recalculation of the page's overlays.
  const sized = entries.flatMap((e) => {
    const host = (e.target.getRootNode() as ShadowRoot).host as HTMLElement | undefined;
    if (!host) return [];
    const fontSize = Number.parseFloat(host.ownerDocument.defaultView?.getComputedStyle(host).fontSize ?? '');
    if (!(fontSize > 0)) return [];
    const em = (e.borderBoxSize[0]?.blockSize ?? e.contentRect.height) / fontSize;
    return [{ host, em, plain: !e.target.querySelector(OWN_CONTENT) }];
  });
  // A hundredth of an em of slack: heights come back rounded to layout units.
  const tallest = Math.max(0, ...sized.filter((s) => s.plain).map((s) => s.em));
  if (tallest > reservedEm + 0.01 && reserveHeight(tallest)) reservedEm = tallest;
  for (const { host, em } of sized) {
    const tall = em > reservedEm + 0.01;
    if (tall !== host.hasAttribute('data-tall')) host.toggleAttribute('data-tall', tall);
  }
}

/** Follows a block overlay's row so its host grows when the row wraps. Inline and row layouts size themselves. */
export function followRowHeight(host: HTMLElement, row: HTMLElement): void {
  if (host.getAttribute('data-layout')) return;
  observerFor(host.ownerDocument)?.observe(row, { box: 'border-box' });
}

export function unfollowRowHeight(host: HTMLElement, row: HTMLElement): void {
  observers.get(host.ownerDocument)?.unobserve(row);
  host.removeAttribute('data-tall');
}
