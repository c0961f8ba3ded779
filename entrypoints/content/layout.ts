import type { PaperStatus, Settings } from '@/lib/model';

export interface LayoutItem {
  element: HTMLElement;
  /** The boxes the entry takes on screen (the adapter's `Entry.boxes`). */
  boxes: HTMLElement[];
  matches: number;
  status?: PaperStatus;
  score?: number;
}

const ORDERED = 'dogearOrder';

/**
 * Hides, dims and reorders entries from the display options, with CSS only
 * (attributes and `order`), so the site's own DOM order is never changed and
 * switching an option off restores the site's order exactly.
 */
export function applyLayout(items: LayoutItem[], settings: Settings, doc: Document): void {
  const hasKeywords = settings.keywords.length > 0;
  const reorder = settings.matchesFirst || settings.sortByRelevance;
  const containers = new Set<HTMLElement>();
  const moved = new Set<Element>();
  for (const it of items) {
    const kept = it.status === 'saved' || it.status === 'read';
    const unmatched = hasKeywords && it.matches === 0 && !kept;
    const hide = (settings.hideDismissed && it.status === 'dismissed') || (settings.unmatched === 'hide' && unmatched);
    const lowScore = settings.dimBelow > 0 && it.score !== undefined && it.score < settings.dimBelow && !kept;
    const dim = !hide && ((settings.unmatched === 'dim' && unmatched) || lowScore);
    it.element.toggleAttribute('data-dogear-dim', dim);
    const boxes = it.boxes;
    for (const b of boxes) b.toggleAttribute('data-dogear-hidden', hide);
    if (!reorder) continue;
    let key = settings.sortByRelevance && it.score !== undefined ? -Math.round(it.score * 1000) : 0;
    if (settings.matchesFirst && it.matches > 0) key -= 100_000;
    for (const b of boxes) {
      setOrder(b, key);
      moved.add(b);
    }
    if (boxes[0]?.parentElement) containers.add(boxes[0].parentElement);
  }
  if (!reorder) {
    clearOrder(doc);
    return;
  }
  for (const c of containers) {
    const display = doc.defaultView?.getComputedStyle(c).display ?? '';
    if (!/flex|grid/.test(display) || c.dataset.dogearFlex !== undefined) c.dataset.dogearFlex = '';
    pinEdges(c, moved);
  }
  doc.documentElement.dataset.dogearReordered = '';
}

function clearOrder(doc: Document): void {
  if (doc.documentElement.dataset.dogearReordered === undefined) return;
  for (const b of doc.querySelectorAll<HTMLElement>('[data-dogear-order]')) {
    b.style.removeProperty('order');
    // Leave no empty style attribute behind where the site had none.
    if (!b.getAttribute('style')) b.removeAttribute('style');
    delete b.dataset[ORDERED];
  }
  for (const c of doc.querySelectorAll<HTMLElement>('[data-dogear-flex]')) delete c.dataset.dogearFlex;
  delete doc.documentElement.dataset.dogearReordered;
}

export function clearLayout(doc: Document): void {
  clearOrder(doc);
  for (const el of doc.querySelectorAll<HTMLElement>('[data-dogear-hidden], [data-dogear-dim]')) {
    delete el.dataset.dogearHidden;
    delete el.dataset.dogearDim;
  }
}

function setOrder(el: HTMLElement, order: number): void {
  el.style.order = String(order);
  el.dataset[ORDERED] = '';
}

// Beyond any entry key (matches first: -100000, relevance: -1000…0).
const LEADING = -1_000_000;
const TRAILING = 1_000_000;

/**
 * Keeps what the site puts around its entries in place while they move
 * (a section heading before them, a cell that is no entry after them). Without an order of their own they would sort among
 * the entries (order 0).
 */
function pinEdges(container: HTMLElement, moved: ReadonlySet<Element>): void {
  let afterEntries = false;
  for (const child of container.children) {
    if (moved.has(child)) afterEntries = true;
    else if (child instanceof HTMLElement) setOrder(child, afterEntries ? TRAILING : LEADING);
  }
}
