import type { PaperMeta } from '../model';

/** Facts a listing shows beside the paper itself; shown or used for ranking, never stored as truth. */
export interface EntryExtra {
  /** Hugging Face: when the paper was put on Daily Papers (ISO). */
  featuredAt?: string;
  upvotes?: number;
  comments?: number;
  organization?: string;
  githubRepo?: string;
  githubStars?: number;
  aiKeywords?: string[];
  /** arXiv: journal-ref / comments line. */
  arxivComments?: string;
  subjects?: string[];
  /** arXiv /new: which section the entry is in. */
  listingType?: 'new' | 'cross' | 'replaced';
  section?: string;
}

export interface Entry {
  meta: PaperMeta;
  extra: EntryExtra;
  /** The element that carries `data-dogear-id` (HF: the `article`; arXiv: the `dt`). */
  element: HTMLElement;
  /** Where `<dogear-card>` is inserted: appended to this element's children. */
  mount: HTMLElement;
  /** Elements whose text is searched for keyword highlights. */
  titleEl: HTMLElement | null;
  abstractEl: HTMLElement | null;
}

export interface Skipped {
  element: Element;
  reason: string;
}

export interface ExtractResult {
  entries: Entry[];
  skipped: Skipped[];
}

export type PageKind = 'listing' | 'paper';

export interface SiteAdapter {
  name: 'huggingface' | 'arxiv';
  /** What kind of page this is, or null when Dogear leaves it alone. */
  detect(url: string, doc: Document): PageKind | null;
  /** Listing entries in page order; a card that cannot be read is reported in `skipped`. */
  extract(doc: Document): ExtractResult;
  /** Single paper pages: the paper and where its overlay goes. */
  extractPaper(doc: Document, url: string): Entry | null;
}
