import type { PaperMeta } from '@/lib/model';
import type { Entry } from '@/lib/sites/types';
import type { Mounted } from './mount';

/** How long a reader's action keeps the page's reading (see PageReading.held): a triage run's pauses are shorter. */
const HOLD_MS = 30_000;

type Reading = Map<HTMLElement, PaperMeta>;

/**
 * The page's papers as last read, by entry element: what an entry shows is read from the page when it is needed
 * (a save, a settings change) rather than kept per entry, which was most of the heap Dogear added to a listing.
 */
export class PageReading {
  /** The last reading, for as long as the collector leaves it: reading the page again gives the same. */
  private last: WeakRef<Reading> | null = null;
  /**
   * The same reading, held for a while after a reader's action used it: a run of saves or keys on a 3,000-card
   * page would otherwise read the whole page again at each click once the collector took it (100–300 ms each).
   */
  private held: { read: Reading; timer: ReturnType<typeof setTimeout> } | null = null;

  /** `readPage` reads every entry of the page: the adapter's listing, or the paper page's one. */
  constructor(private readonly readPage: () => Entry[]) {}

  /** Keeps a pass's reading, as long as the collector leaves it. */
  remember(found: Entry[]): Reading {
    const read = new Map(found.map((e) => [e.element, e.meta]));
    this.last = new WeakRef(read);
    return read;
  }

  /**
   * The paper an entry shows, from the last reading while it is the page's, else from the page read again. A
   * reader's action (`forReader`) holds the reading for the run of actions that follows. A card gone from the
   * page meanwhile keeps its id.
   */
  metaOf(m: Mounted, forReader = false): PaperMeta {
    const el = m.entry.element;
    let read = this.held?.read ?? this.last?.deref();
    let meta = read?.get(el);
    if (meta?.id !== m.id) {
      read = this.remember(this.readPage());
      meta = read.get(el);
    }
    if (forReader && read) this.hold(read);
    return meta?.id === m.id ? meta : { id: m.id, title: '', authors: [] };
  }

  private hold(read: Reading): void {
    this.release();
    this.held = { read, timer: setTimeout(() => (this.held = null), HOLD_MS) };
  }

  /** Lets the held reading go: the annotator is leaving the page. */
  release(): void {
    if (this.held) clearTimeout(this.held.timer);
    this.held = null;
  }
}
