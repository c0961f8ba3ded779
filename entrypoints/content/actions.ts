import type { CardAction } from './overlay-view';
import type { ContentSend } from '@/lib/content-client';
import type { PaperState } from '@/lib/mirror';
import type { PaperMeta } from '@/lib/model';
import { listStatus, toggleAction, transition, type StatusAction } from '@/lib/status';
import type { SiteName } from '@/lib/sites';

/** What the overlay's actions need of the annotator. */
export interface ActionHost {
  send: ContentSend;
  source: SiteName;
  state(id: string): PaperState | null | undefined;
  /** Shows a state at once (optimistic); the mirror confirms it later. */
  show(id: string, state: PaperState | null): void;
  /** Every message about the paper is answered: what the mirror says is shown again. */
  settled(id: string): void;
  /** Reads the paper as the page shows it when called, if it is still on the page. */
  metaOf(id: string): ReadMeta | undefined;
  /** Resolves once the frame showing what a click did is painted (`lib/after-paint.ts`). */
  afterPaint(): Promise<void>;
}

/**
 * The paper's details, read when called: on a listing that is a read of the whole page (100 ms and more on
 * 3,000 cards, issue 13), which the id-only optimistic state does not need.
 */
export type ReadMeta = () => PaperMeta;

export type Undo = () => Promise<void>;

/** The overlay's buttons: status changes with undo, and tag edits. */
export class Actions {
  /** Told of every status change as it starts (buttons and keys alike), with its undo once done: keyboard triage's `u`. */
  onActed: ((id: string, done: Promise<Undo | undefined>) => void) | null = null;

  /** The last message under way for each paper. */
  private pending = new Map<string, Promise<unknown>>();

  constructor(private host: ActionHost) {}

  /**
   * Messages about one paper reach the background one after another: the background handles messages
   * concurrently, so a tag sent while its save was still on the way found no record to tag and was lost.
   */
  private inOrder<T>(id: string, send: () => Promise<T>): Promise<T> {
    const next = (this.pending.get(id) ?? Promise.resolve()).then(send, send);
    this.pending.set(id, next);
    const settled = () => {
      if (this.pending.get(id) !== next) return;
      this.pending.delete(id);
      this.host.settled(id);
    };
    void next.then(settled, settled);
    return next;
  }

  /**
   * A button press (or its key): the status table (`lib/status.ts`) turns it into the action for the current
   * status. Resolves with a function that undoes it when the change is one to offer undo for.
   */
  act(id: string, meta: ReadMeta, control: CardAction): Promise<Undo | undefined> {
    const done = this.toggle(id, once(meta), control);
    this.onActed?.(id, done);
    return done;
  }

  private async toggle(id: string, meta: ReadMeta, control: CardAction): Promise<Undo | undefined> {
    const action = toggleAction(control, listStatus(this.host.state(id)));
    const { paper, undoable, undo } = await this.setStatus(id, meta, action);
    if (!undoable) return undefined;
    // Undoing a dismissal goes back through the table, which knows what the paper was before.
    return paper?.status === 'dismissed'
      ? async () => void (await this.setStatus(id, meta, 'undismiss'))
      : () => this.restore(id, undo);
  }

  private async setStatus(id: string, meta: ReadMeta, action: StatusAction) {
    const before = this.host.state(id) ?? null;
    // Optimistic when the outcome is known here: the overlay answers at once; storage.onChanged confirms,
    // and an error puts it back. Un-dismissing depends on what the stored record remembers, so it waits.
    const { next } = transition(listStatus(before), action);
    if (action !== 'undismiss')
      this.host.show(
        id,
        next === 'none' ? null : { status: next, tags: before?.tags ?? [], ruleTags: before?.ruleTags ?? [] },
      );
    // The page is read for the paper only once the state shown above is painted, in a task of its own: the
    // click's frame never waits for it. The read waits its turn in the queue, so a second click follows the first.
    const painted = this.host.afterPaint();
    try {
      return await this.inOrder(id, async () => {
        await painted;
        return this.host.send('paper.act', { meta: meta(), action, source: this.host.source });
      });
    } catch (e) {
      this.host.show(id, before);
      throw e;
    }
  }

  /** A removal is undone by the background, from the record it kept in the Trash: the page supplies none. */
  private async restore(id: string, undo: string | undefined): Promise<void> {
    if (undo) await this.inOrder(id, () => this.host.send('paper.undo', { undo }));
    else {
      const meta = this.host.metaOf(id);
      if (meta) await this.setStatus(id, meta, 'unsave');
    }
  }

  /**
   * Sends the edit, not the resulting list: the background applies it to the
   * tags as stored, so a tag another tab added meanwhile is kept. The overlay
   * follows the mirror; the reply is not applied, since a later change from
   * another tab may already have arrived and the reply would undo it on screen.
   */
  async changeTag(id: string, meta: ReadMeta, edit: { add: string } | { remove: string }): Promise<void> {
    const state = this.host.state(id);
    // Tagging a paper keeps it: it goes on the reading list first.
    if (!state) await this.setStatus(id, meta, 'save');
    await this.inOrder(id, () => this.host.send('paper.tag', { id, ...edit }));
  }
}

/** The undo of an action sends the paper as its action read it, not as a page that changed since shows it. */
function once(read: ReadMeta): ReadMeta {
  let meta: PaperMeta | undefined;
  return () => (meta ??= read());
}
