import type { PaperStatus, Settings } from '@/lib/model';

export interface LayoutItem {
  element: HTMLElement;
  matches: number;
  status?: PaperStatus;
  score?: number;
}

const ORDERED = 'dogearOrder';

/**
 * The boxes that make up an entry on screen: an arXiv entry is a dt/dd pair;
 * a Hugging Face card sits alone in a grid cell, which is what must be hidden
 * or moved so the grid closes up.
 */
function boxesOf(el: HTMLElement): HTMLElement[] {
  if (el.tagName === 'DT') {
    const dd = el.nextElementSibling;
    return dd instanceof HTMLElement && dd.tagName === 'DD' ? [el, dd] : [el];
  }
  const parent = el.parentElement;
  return parent && parent.childElementCount === 1 && parent !== parent.ownerDocument.body ? [parent] : [el];
}

/**
 * Hides, dims and reorders entries from the display options, with CSS only
 * (attributes and `order`), so the site's own DOM order is never changed and
 * switching an option off restores the site's order exactly.
 */
export function applyLayout(items: LayoutItem[], settings: Settings, doc: Document): void {
  const hasKeywords = settings.keywords.length > 0;
  const reorder = settings.matchesFirst || settings.sortByRelevance;
  const containers = new Set<HTMLElement>();
  for (const it of items) {
    const kept = it.status === 'saved' || it.status === 'read';
    const unmatched = hasKeywords && it.matches === 0 && !kept;
    const hide = (settings.hideDismissed && it.status === 'dismissed') || (settings.unmatched === 'hide' && unmatched);
    const lowScore = settings.dimBelow > 0 && it.score !== undefined && it.score < settings.dimBelow && !kept;
    const dim = !hide && ((settings.unmatched === 'dim' && unmatched) || lowScore);
    toggle(it.element, 'dogearDim', dim);
    const boxes = boxesOf(it.element);
    for (const b of boxes) toggle(b, 'dogearHidden', hide);
    if (!reorder) continue;
    let key = settings.sortByRelevance && it.score !== undefined ? -Math.round(it.score * 1000) : 0;
    if (settings.matchesFirst && it.matches > 0) key -= 100_000;
    for (const b of boxes) {
      b.style.order = String(key);
      b.dataset[ORDERED] = '';
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
  }
  doc.documentElement.dataset.dogearReordered = '';
}

function clearOrder(doc: Document): void {
  if (doc.documentElement.dataset.dogearReordered === undefined) return;
  for (const b of doc.querySelectorAll<HTMLElement>('[data-dogear-order]')) {
    b.style.removeProperty('order');
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

function toggle(el: HTMLElement, key: string, on: boolean): void {
  if (on) el.dataset[key] = '';
  else delete el.dataset[key];
}
