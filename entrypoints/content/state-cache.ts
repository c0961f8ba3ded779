import { idOfKey, parseSettings, parseState, SETTINGS_KEY, stateKey, type PaperState } from '@/lib/mirror';
import type { Settings } from '@/lib/model';
import { logOnce } from '@/lib/log';

export interface StorageLike {
  /** The given keys, or everything with null. */
  get(keys: string[] | null): Promise<Record<string, unknown>>;
}

/**
 * The page's copy of the background's mirror: each shown paper's state, read on
 * demand and then kept current by `storage.onChanged`. Content scripts never open
 * IndexedDB; this is all they know of the reading list.
 */
export class StateCache {
  private states = new Map<string, PaperState | null>();
  /**
   * States shown ahead of the mirror while the paper's own changes are on their way to the background. The
   * mirror's events for the earlier of two quick clicks arrive after the later click was shown: applied, they
   * would flash the older state and turn a click made meanwhile into the wrong action.
   */
  private ahead = new Map<string, PaperState | null>();
  /**
   * Whether `states` holds every paper's state (see loadAll): then a paper it lacks is on no list, and is not
   * kept as a null per entry (a 3,000-entry page is mostly papers not on the list; issue 13: heap per entry).
   */
  private all = false;

  // Not named `storage`: WXT's auto-import takes a bare `storage` in the compiled constructor for its
  // own storage helper and bundles it (7 KiB), which nothing here uses.
  constructor(private area: StorageLike) {}

  /** What the page shows for the paper: its own change under way, else the mirror's state. */
  get(id: string): PaperState | null | undefined {
    if (this.ahead.has(id)) return this.ahead.get(id);
    const state = this.states.get(id);
    return state === undefined && this.all ? null : state;
  }

  /** Keeps the mirror's state; says whether the page shows it (not while a change of its own is under way). */
  set(id: string, state: PaperState | null): boolean {
    if (state === null && this.all) this.states.delete(id);
    else this.states.set(id, state);
    return !this.ahead.has(id);
  }

  /** Shows a change of the page's own at once, before the mirror confirms it. */
  showAhead(id: string, state: PaperState | null): void {
    this.ahead.set(id, state);
  }

  /**
   * The paper's changes are all answered: the mirror, written before each answer, is shown again. Says
   * whether anything was shown ahead of it.
   */
  caughtUp(id: string): boolean {
    return this.ahead.delete(id);
  }

  /** The ids whose state must still be read; with every state known, a paper missing from the mirror is simply not on the list. */
  missing(ids: Iterable<string>): string[] {
    const needed: string[] = [];
    for (const id of ids) if (!this.all && !this.states.has(id)) needed.push(id);
    return needed;
  }

  /** Reads the given papers' states and, when asked, the settings (returned). */
  async load(ids: string[], withSettings: boolean): Promise<Settings | undefined> {
    const keys = ids.map(stateKey);
    if (withSettings) keys.push(SETTINGS_KEY);
    let got: Record<string, unknown> = {};
    try {
      got = await this.area.get(keys);
    } catch (e) {
      logOnce('storage', 'could not read the reading-list mirror', e);
    }
    // A change that arrived while this read was under way is newer than what the read returned, and so is a copy
    // of every state read meanwhile (kept current since; it lacks the papers on no list).
    if (!this.all) for (const id of ids) if (!this.states.has(id)) this.states.set(id, parseState(got[stateKey(id)]));
    return withSettings ? parseSettings(got[SETTINGS_KEY]) : undefined;
  }

  /**
   * After the first paint, reads every paper's state once, so cards a client-side navigation brings
   * are drawn with no storage round trip (which can wait behind the page's rendering); changes keep
   * the copy current. A few bytes per saved paper.
   */
  async loadAll(): Promise<void> {
    try {
      const all = await this.area.get(null);
      for (const [key, value] of Object.entries(all)) {
        const id = idOfKey(key);
        if (id && !this.states.has(id)) this.states.set(id, parseState(value));
      }
      this.all = true;
      for (const [id, state] of this.states) if (state === null) this.states.delete(id);
    } catch (e) {
      logOnce('storage-all', 'could not read the reading-list mirror', e);
    }
  }
}
