import { canonicalId, compact, LIMITS, type PaperMeta } from '../model';
import { cleanText, fromIsland, readListingIsland, readPaperIsland } from './hf-island';
import * as SEL from './huggingface.selectors';
import type { Entry, ExtractResult, PageKind, SiteAdapter, Skipped } from './types';

/**
 * Hugging Face Daily Papers. Data comes from the page's JSON island; cards are found
 * structurally (an `article` holding `h3 a[href^="/papers/"]`) and matched to island
 * entries by the id in that link. A card the island does not describe (island missing,
 * stale after client-side navigation, or corrupt) is read from its own DOM instead.
 */

const LISTING_PATH = /^\/papers(?:\/date\/\d{4}-\d{2}-\d{2}|\/week\/\d{4}-W\d{2}|\/month\/\d{4}-\d{2}|\/trending)?$/;
const PAPER_PATH = /^\/papers\/([^/]+)$/;

function hfPath(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' || u.hostname !== 'huggingface.co') return null;
  return u.pathname.replace(/\/+$/, '') || '/';
}

function paperIdFromPath(path: string | null): string | null {
  const m = path ? PAPER_PATH.exec(path) : null;
  return m?.[1] ? canonicalId(m[1]) : null;
}

/** Canonical id from a card's `/papers/<id>` href; `/papers/date/…` and the like give null. */
function idFromHref(href: string | null): string | null {
  return href ? canonicalId(`huggingface.co${href}`) : null;
}

function linksPaper(doc: Document): boolean {
  for (const a of doc.querySelectorAll(SEL.PAPER_LINK)) if (idFromHref(a.getAttribute('href'))) return true;
  return false;
}

function detect(url: string, doc: Document): PageKind | null {
  const path = hfPath(url);
  if (!path) return null;
  if (LISTING_PATH.test(path)) {
    const hasCards =
      doc.querySelector(SEL.LISTING_ISLAND) ??
      doc.querySelector(`${SEL.CARD} ${SEL.CARD_TITLE_LINK}`) ??
      // Neither island nor cards, yet papers linked: a listing whose markup changed, said to be
      // degraded rather than left alone. A paper page still shown mid-navigation is not one.
      (doc.querySelector(SEL.PAPER_ISLAND) ? null : linksPaper(doc));
    return hasCards ? 'listing' : null;
  }
  // The island, not just the URL: mid client-side navigation the URL can run ahead of the DOM.
  if (paperIdFromPath(path)) return doc.querySelector(SEL.PAPER_ISLAND) ? 'paper' : null;
  return null;
}

/** Reads a card without the island: what a daily, search or trending card shows. */
function fromCard(id: string, card: Element, link: Element, abstractEl: Element | null): PaperMeta {
  const authors: string[] = [];
  for (const li of card.querySelectorAll(SEL.CARD_AUTHOR)) {
    const name = cleanText(li.getAttribute('title') ?? '', LIMITS.author);
    if (name) authors.push(name);
  }
  // The avatar row is `flex-row-reverse`: DOM order is the reverse of the paper's author order.
  authors.reverse();
  const abstract = abstractEl ? cleanText(abstractEl.textContent ?? '', LIMITS.abstract) : '';
  return compact({
    id,
    title: cleanText(link.textContent ?? '', LIMITS.title),
    authors: authors.slice(0, LIMITS.authors),
    abstract: abstract || undefined,
  });
}

function extract(doc: Document): ExtractResult {
  const island = readListingIsland(doc.querySelector(SEL.LISTING_ISLAND));
  const entries: Entry[] = [];
  const skipped: Skipped[] = [];
  let cards = 0;
  for (const card of doc.querySelectorAll<HTMLElement>(SEL.CARD)) {
    const link = card.querySelector<HTMLElement>(SEL.CARD_TITLE_LINK);
    // Comments and collections are articles too; an article wrapping another card is not the card.
    if (!link || link.closest(SEL.CARD) !== card) continue;
    cards++;
    const href = link.getAttribute('href');
    const id = idFromHref(href);
    if (!id) {
      skipped.push({ element: card, reason: `no arXiv id in title link ${JSON.stringify(href?.slice(0, 100))}` });
      continue;
    }
    const abstractEl = card.querySelector<HTMLElement>(SEL.CARD_ABSTRACT);
    const known = island?.get(id);
    const meta = known ? fromIsland(id, known.paper, known) : fromCard(id, card, link, abstractEl);
    if (!meta.title) meta.title = cleanText(link.textContent ?? '', LIMITS.title);
    entries.push({
      meta,
      element: card,
      boxes: [cellOf(card)],
      // The h3's container is the title/authors column on every card layout, clear of the
      // vote widget and thumbnail, so an appended overlay lands under the title block.
      mount: link.closest('h3')?.parentElement ?? card,
      titleEl: link,
      abstractEl,
    });
  }
  return { entries, skipped, paths: { island: island?.size ?? 0, cards } };
}

/** A card alone in its grid cell: the cell is what must be hidden or moved so the grid closes up. */
function cellOf(card: HTMLElement): HTMLElement {
  const parent = card.parentElement;
  return parent && parent.childElementCount === 1 && parent !== card.ownerDocument.body ? parent : card;
}

/** The direct child of `container` that holds `el` (the vote widget's button row), if any. */
function rowOf(container: HTMLElement, el: Element | null): HTMLElement | null {
  for (let node = el?.parentElement ?? null; node && node !== container; node = node.parentElement) {
    if (node.parentElement === container) return node;
  }
  return null;
}

function extractPaper(doc: Document, url: string): Entry | null {
  const islandEl = doc.querySelector(SEL.PAPER_ISLAND);
  const h1 = islandEl?.querySelector<HTMLElement>(SEL.PAPER_TITLE) ?? doc.querySelector<HTMLElement>(SEL.PAPER_TITLE);
  const container = h1?.parentElement;
  if (!h1 || !container) return null;
  const props = readPaperIsland(islandEl);
  const urlId = paperIdFromPath(hfPath(url));
  const islandId = props ? canonicalId(props.paper.id) : null;
  const id = urlId ?? islandId;
  if (!id) return null;
  // After a client-side move to another paper the island may still describe the old one.
  const meta: PaperMeta = props && islandId === id ? fromIsland(id, props.paper) : { id, title: '', authors: [] };
  if (!meta.title) meta.title = cleanText(h1.textContent ?? '', LIMITS.title);
  return {
    meta,
    element: container,
    boxes: [container],
    mount: rowOf(container, container.querySelector(SEL.VOTE_WIDGET)) ?? container,
    titleEl: h1,
    abstractEl: doc.querySelector<HTMLElement>(SEL.PAPER_ABSTRACT),
  };
}

export const huggingface: SiteAdapter<'huggingface'> = {
  name: 'huggingface',
  origin: 'https://huggingface.co',
  matches: ['https://huggingface.co/papers*'],
  detect,
  extract,
  paperLinks: { selector: SEL.PAPER_LINK, path: /^\/papers\/([^/]+)$/ },
  extractPaper,
  // Cards are re-rendered wholesale on client-side navigation and hydration.
  entryHolders: SEL.CARD,
  darkTheme: 'html.dark',
  pageCss: '',
};
