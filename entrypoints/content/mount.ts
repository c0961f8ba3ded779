import type { Entry, PageKind } from '@/lib/sites/types';
import { styleShadowRoot } from './overlay-style';

/**
 * Where an entry sits on the page: the adapter's entry without its paper data. That data (title, authors,
 * abstract) is read from the page again when it is needed — a save, a settings change — rather than kept per
 * entry: kept, it was most of the heap Dogear added to a listing (bench/RESULTS.md, issue 13). Nor its mount
 * point, which the host's parent is: a page node held keeps a wrapper in the content script's world.
 */
export type Place = Omit<Entry, 'meta' | 'mount'>;

/** One entry on the page and the overlay Dogear put beside it. */
export interface Mounted {
  id: string;
  entry: Place;
  /** The overlay's host; its shadow root is found again when drawn, rather than held (a wrapper per entry). */
  host: HTMLElement;
  matches: number;
  pageTags: string[];
  /** A hash of the title and abstract text when last painted: a mutation that leaves it unchanged needs no repaint. */
  paintedText: number;
  /** The overlay's row, once drawn. */
  row?: HTMLElement;
}

export const HOST_TAG = 'dogear-card';

/**
 * Every attribute Dogear sets on an entry element; removed when its overlay goes. Entries and hosts are given
 * attributes, never through `dataset`: that is an object of its own, which once touched keeps a wrapper in the
 * content script's world for as long as its element lives (issue 13: heap per entry).
 */
const ENTRY_ATTRS = ['id', 'status', 'matches', 'new', 'dim', 'score'].map((a) => `data-dogear-${a}`);

/** Whether an existing overlay still sits where this (possibly re-read) entry wants it. */
export function stillMounted(m: Mounted, entry: Entry): boolean {
  return m.id === entry.meta.id && m.host.isConnected && m.host.parentNode === entry.mount;
}

/** Creates the overlay's host element and shadow root and appends it to the entry's mount point. */
export function createHost(entry: Entry, doc: Document, kind: PageKind): Mounted {
  // A leftover host (extension reloaded, or the site cloned our node) is replaced.
  for (const child of [...entry.mount.children]) if (child.localName === HOST_TAG) child.remove();
  const host = doc.createElement(HOST_TAG);
  if (entry.inline) host.setAttribute('data-layout', 'inline');
  // A paper page may seat the overlay in a row of buttons (Hugging Face: beside Upvote), where the
  // space a block overlay keeps above itself would push it off the row's centre line.
  else if (kind === 'paper' && isFlexRow(entry.mount)) host.setAttribute('data-layout', 'row');
  const root = host.attachShadow({ mode: 'open' });
  styleShadowRoot(root, doc);
  // Keeps the overlay's room until its contents are drawn, so drawing moves nothing.
  host.setAttribute('data-pending', '');
  // Clicks inside the overlay must not reach the card's own links and handlers.
  for (const type of ['click', 'mousedown', 'pointerdown', 'keydown']) host.addEventListener(type, stop);
  entry.mount.append(host);
  entry.element.setAttribute('data-dogear-id', entry.meta.id);
  return { id: entry.meta.id, entry: placeOf(entry), host, matches: 0, pageTags: NO_TAGS, paintedText: 0 };
}

/** Shared by every entry without rule tags, so most entries hold no list of their own. */
export const NO_TAGS: string[] = [];

export function placeOf({ element, inline, boxes, titleEl, abstractEl, abstractPreview }: Entry): Place {
  return { element, inline, boxes, titleEl, abstractEl, abstractPreview };
}

/** Removes the host and every attribute Dogear set on the entry. */
export function removeHost(m: Mounted): void {
  m.host.remove();
  for (const a of ENTRY_ATTRS) m.entry.element.removeAttribute(a);
}

function isFlexRow(el: HTMLElement): boolean {
  const s = el.ownerDocument.defaultView?.getComputedStyle(el);
  return !!s && s.display.endsWith('flex') && s.flexDirection.startsWith('row');
}

function stop(e: Event): void {
  e.stopPropagation();
}
