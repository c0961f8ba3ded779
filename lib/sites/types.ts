import type { PaperMeta } from '../model';

export interface Entry {
  meta: PaperMeta;
  /** The element that carries `data-dogear-id` (HF: the `article`; arXiv: the `dt` or the search result's `li`). */
  element: HTMLElement;
  /** Where `<dogear-card>` is inserted: appended to this element's children. */
  mount: HTMLElement;
  /** The overlay runs on within a line of text (arXiv's `dt`) instead of standing as its own block. */
  inline?: boolean;
  /** The boxes the entry takes on screen, hidden and moved together (arXiv: `dt` and `dd`; HF: the grid cell). */
  boxes: HTMLElement[];
  /** Elements whose text is searched for keyword highlights. */
  titleEl: HTMLElement | null;
  abstractEl: HTMLElement | null;
  /** The cut start of the abstract that the page shows until "More" swaps in `abstractEl` (arXiv search
   *  results): highlighted as well, so highlights follow whichever is shown; its matches are not counted again. */
  abstractPreview?: HTMLElement | null;
}

export interface Skipped {
  element: Element;
  reason: string;
}

export interface ExtractResult {
  entries: Entry[];
  skipped: Skipped[];
  /** What each of the adapter's ways of reading the page found (HF: papers in the island, cards;
   *  arXiv: entries in lists, legacy lists, search results): the diagnostic of a degraded page. */
  paths: Record<string, number>;
}

/** What a link to a paper looks like on a site's listings, however its markup changes. */
interface PaperLinks {
  /** Anchors that may link a paper (cheap to match: the page's every link is not parsed). */
  selector: string;
  /** The path of a paper's page on the site's origin; group 1 is the paper id. */
  path: RegExp;
}

export type PageKind = 'listing' | 'paper';

/**
 * Everything Dogear knows about one site. The registry (lib/sites/index.ts) derives the rest
 * from these: manifest host permissions, content-script matches, the router's allowed
 * origins and the `source` a content script may claim. Shared content-script code reads
 * site knowledge only from here.
 */
export interface SiteAdapter<Name extends string = string> {
  /** Recorded as the paper's source (`Paper.sources`) when it is first saved here. */
  name: Name;
  /** The one origin the adapter reads (`https://host`, no path); its host permission is `origin/*`. */
  origin: string;
  /** Content-script match patterns inside `origin`: the paths where `detect` can say yes. */
  matches: string[];
  /** What kind of page this is, or null when Dogear leaves it alone. */
  detect(url: string, doc: Document): PageKind | null;
  /** Listing entries in page order; a card that cannot be read is reported in `skipped`. */
  extract(doc: Document): ExtractResult;
  /** Counted against the entries read: a listing that links more papers than its adapter read is degraded. */
  paperLinks: PaperLinks;
  /** Single paper pages: the paper and where its overlay goes. */
  extractPaper(doc: Document, url: string): Entry | null;
  /** Elements that may hold entries: when the site adds, removes or replaces one, a new pass runs. */
  entryHolders: string;
  /** Matches the root element while the site shows its dark theme; null when it has none. */
  darkTheme: string | null;
  /** CSS for the site's own entry shapes (e.g. the `dd` that shows an arXiv `dt`'s details). */
  pageCss: string;
}
