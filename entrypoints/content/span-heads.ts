/**
 * Which pending overlays the render scheduler's IntersectionObserver keeps watching once it has
 * told where each one is. The observer's cost is paid on every frame of a scroll for every target
 * it watches: on a 3,000-card listing, watching every pending host was the largest cost Dogear added
 * to a scroll over a page with every overlay drawn at load (bench/RESULTS.md, issue 13). So after the first
 * report, only the head of each span is kept: an entry at least STEP pixels below the head before
 * it. A span is at most STEP plus one entry tall, far less than the observer's reach (the viewport
 * and AHEAD on each side), so whenever an entry of a span is near, its head or the next head is
 * too, and drawing a head's span and the span before it draws that entry. Entries with no box
 * (hidden) and entries above the head before them (a layout that is not one column or rows) are
 * kept watched, as is the last one, whose span has no next head.
 */
export const STEP = 600;

/** A reported position: the top and the size of the target's box when the observer first saw it. */
export interface Spot {
  top: number;
  width: number;
  height: number;
}

/**
 * Given the watched items in page order and the first reports of some of them, returns the reported
 * items to stop watching. An item with no report in hand (not yet reported, or a head kept from an
 * earlier report) is a head whose place is not known: the item after it is kept.
 */
export function itemsToUnwatch<T>(order: readonly T[], reported: ReadonlyMap<T, Spot>): T[] {
  const drop: T[] = [];
  let headTop: number | undefined;
  order.forEach((item, i) => {
    const spot = reported.get(item);
    if (!spot?.width || !spot.height) {
      headTop = undefined;
      return;
    }
    const last = i === order.length - 1;
    if (headTop === undefined || last || spot.top < headTop || spot.top - headTop >= STEP) headTop = spot.top;
    else drop.push(item);
  });
  return drop;
}
