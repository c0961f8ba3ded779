import { errorText } from '@/lib/errors';
import { batchPlan, DONE_WORDS } from '@/lib/keys/batch';
import { keysBelongToPage, nothingFocused } from '@/lib/keys/guard';
import { commandFor, type KeyCommand } from '@/lib/keys/keymap';
import { readingOrder, scrollDelta, startIndex, step } from '@/lib/keys/navigate';
import { arxivPdfUrl } from '@/lib/model';
import { toggleAction, type Control } from '@/lib/status';
import { plural } from '@/lib/words';
import type { Undo } from './actions';
import { buttonOf, isShown, pageUrl, spanOf, statusOf } from './keys-dom';
import { TriageUi } from './keys-ui';
import { logOnce } from '@/lib/log';
import type { TriageHost } from './triage-host';

const FOCUS = 'dogearFocus';
const SELECTED = 'dogearSelected';

/**
 * Keyboard triage on a listing: j/k move a focus ring over the annotated
 * entries in reading order, s/r/d/t press the focused entry's own overlay
 * buttons (so a key does exactly what the button does, undo included), x
 * selects entries for a batch, and the rest is in the key map. Listens on the
 * window in the capture phase, so a key is seen before the page's handlers
 * and our overlays' own (which keep typed keys to themselves).
 */
export class KeyboardTriage {
  private focused: HTMLElement | null = null;
  private focusedId = '';
  private selected = new Set<HTMLElement>();
  /** Each selected entry's paper, kept apart: an entry's own attributes go when its card leaves the page. */
  private selectedIds = new WeakMap<HTMLElement, string>();
  /** The last action (by key or button) and the paper it was on (none for a batch): `u` undoes it. */
  private last: { id: string | null; done: Promise<Undo | undefined> } | null = null;
  /** Batch actions in flight: their entries' own actions are not "the last action" one by one. */
  private batching = 0;
  private ui: TriageUi;
  private readonly win: Window;

  constructor(
    private readonly host: TriageHost,
    private readonly doc: Document,
  ) {
    this.win = doc.defaultView ?? window;
    this.ui = new TriageUi(doc);
    host.onActed((id, done) => {
      if (!this.batching) this.last = { id, done };
    });
    this.win.addEventListener('keydown', this.onKey, true);
  }

  /** Forgets the focus and the selection: a client-side navigation brought other entries. */
  reset(): void {
    this.setFocus(null);
    this.clearSelection();
    this.last = null;
    this.ui.clearBatch();
  }

  /**
   * After a pass: a card the site rendered again (hydration) is a new element, without the old one's marks;
   * the focus and the selection follow their papers' ids onto it.
   */
  refresh(): void {
    if (this.focused && !this.focused.isConnected) this.current();
    for (const el of [...this.selected]) {
      if (el.isConnected) continue;
      this.selected.delete(el);
      const id = this.selectedIds.get(el);
      const again = id ? this.entryById(id) : null;
      if (!again) continue;
      this.selected.add(again);
      this.selectedIds.set(again, id!);
      again.dataset[SELECTED] = '';
    }
  }

  destroy(): void {
    this.win.removeEventListener('keydown', this.onKey, true);
    this.reset();
    this.host.onActed(null);
    this.ui.destroy();
  }

  private onKey = (e: KeyboardEvent): void => {
    // Keys the page makes up itself (synthetic events) never act on the reading list.
    if (!e.isTrusted || !this.host.settings().shortcuts) return;
    const cmd = commandFor(e, {
      nothingFocused: nothingFocused(this.doc),
      hasFocus: this.current() !== null,
      hasSelection: this.selected.size > 0,
      helpOpen: this.ui.helpOpen,
    });
    if (!cmd || keysBelongToPage(e, this.doc)) return;
    e.preventDefault();
    e.stopPropagation();
    try {
      this.run(cmd);
    } catch (err) {
      logOnce(`key:${cmd}`, `the ${cmd} key failed`, err);
    }
  };

  private run(cmd: KeyCommand): void {
    switch (cmd) {
      case 'next':
      case 'prev':
        return this.move(cmd === 'next' ? 1 : -1);
      case 'save':
      case 'read':
      case 'dismiss':
        return this.selected.size ? void this.actOnSelection(cmd) : this.press(cmd);
      case 'tag':
        return this.press('tag');
      case 'open':
      case 'pdf':
        return this.open(cmd);
      case 'undo':
        return void this.undo();
      case 'select':
        return this.toggleSelected();
      case 'help':
        this.ui.toggleHelp();
        return this.ui.announce(this.ui.helpOpen ? 'Keyboard shortcuts shown. Escape closes them.' : 'Closed');
      case 'close':
        return this.close();
    }
  }

  // ------------------------------------------------------------ focus

  /** Annotated entries in reading order (the layout options may reorder them with CSS). */
  private entries(): HTMLElement[] {
    const all = [...this.doc.querySelectorAll<HTMLElement>('[data-dogear-id]')];
    if (this.doc.documentElement.dataset.dogearReordered === undefined) return all;
    return readingOrder(all, (el) => el.getBoundingClientRect());
  }

  /** The focused entry, following a card the site re-rendered for the same paper. */
  private current(): HTMLElement | null {
    const el = this.focused;
    if (!el) return null;
    if (el.isConnected && el.dataset.dogearId === this.focusedId) return el;
    const again = this.entryById(this.focusedId);
    this.setFocus(again);
    return again;
  }

  private move(dir: 1 | -1): void {
    const list = this.entries();
    const shown = (i: number) => isShown(list[i]!);
    const from = this.current();
    const i = from ? list.indexOf(from) : -1;
    const next =
      i < 0
        ? startIndex(list.length, shown, (j) => list[j]!.getBoundingClientRect().top)
        : step(list.length, i, dir, shown);
    const el = list[next];
    if (!el) return this.ui.announce('No entries to move to');
    this.setFocus(el);
    this.host.drawNow(el);
    this.scrollTo(el);
    this.ui.announce(() => this.describe(el, next, list.length, next === i));
  }

  private entryById(id: string): HTMLElement | null {
    return this.doc.querySelector<HTMLElement>(`[data-dogear-id="${CSS.escape(id)}"]`);
  }

  private setFocus(el: HTMLElement | null): void {
    if (this.focused && this.focused !== el) delete this.focused.dataset[FOCUS];
    this.focused = el;
    this.focusedId = el?.dataset.dogearId ?? '';
    if (el) el.dataset[FOCUS] = '';
  }

  private scrollTo(el: HTMLElement): void {
    const entry = this.host.entryOf(el);
    const span = spanOf([el, entry?.titleEl, entry?.abstractEl]);
    const vh = this.win.innerHeight;
    const delta = scrollDelta(span, vh, Math.min(96, vh * 0.12));
    if (!delta) return;
    const reduce = this.win.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    this.win.scrollBy({ top: delta, behavior: reduce ? 'instant' : 'smooth' });
  }

  private describe(el: HTMLElement, index: number, count: number, atEnd: boolean): string {
    const title = this.host.titleOf(el);
    const status = statusOf(el);
    const parts = [
      title,
      status === 'none' ? '' : status,
      el.dataset[SELECTED] !== undefined ? 'selected' : '',
      `${index + 1} of ${count}`,
      atEnd ? 'end of the list' : '',
    ];
    return parts.filter(Boolean).join(', ');
  }

  // ------------------------------------------------------------ actions

  /** Presses one of the focused entry's overlay buttons: the same action, undo and error display as a click. */
  private press(control: Control | 'tag'): void {
    const el = this.current();
    if (!el) return this.ui.announce('Press j to choose an entry first');
    this.host.drawNow(el);
    const button = buttonOf(el, control);
    if (!button) return this.ui.announce('This entry has no Dogear buttons yet');
    // Named before the click, which changes the status: the same table the click goes through.
    const action = control === 'tag' ? null : toggleAction(control, statusOf(el));
    button.click();
    if (action) this.ui.announce(() => `${DONE_WORDS[action]}: ${this.host.titleOf(el)}`);
  }

  /** s, r or d on a selection: each entry through its own button's action path, one undo for the batch. */
  private async actOnSelection(control: Control): Promise<void> {
    const els = [...this.selected].filter((el) => el.isConnected);
    this.clearSelection();
    for (const el of els) this.host.drawNow(el);
    const { action, items } = batchPlan(control, els, statusOf);
    if (!action) return this.ui.announce('Nothing selected');
    this.batching++;
    const results = await Promise.allSettled(items.map((el) => this.host.act(el, control))).finally(
      () => this.batching--,
    );
    const undos = results.flatMap((r) => (r.status === 'fulfilled' && r.value ? [r.value] : []));
    const label = `${DONE_WORDS[action]}: ${plural(items.length, 'paper')}`;
    const undoAll = undos.length ? async () => void (await Promise.all(undos.map((u) => u()))) : undefined;
    this.last = { id: null, done: Promise.resolve(undoAll) };
    if (undoAll) this.ui.showBatch(label, () => void this.undo());
    const failed = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
    if (failed.length)
      this.ui.announce(
        `Could not change ${failed.length} of ${plural(items.length, 'paper')}: ${errorText(failed[0])}`,
      );
    else this.ui.announce(undos.length ? `${label}. Press u to undo.` : label);
  }

  /** Undoes the last action: in its overlay when it shows the undo (as clicking it would), else directly. */
  private async undo(): Promise<void> {
    const last = this.last;
    this.last = null;
    this.ui.clearBatch();
    const el = last?.id ? this.doc.querySelector<HTMLElement>(`[data-dogear-id="${CSS.escape(last.id)}"]`) : null;
    const inOverlay = el && buttonOf(el, 'undo');
    try {
      const run = inOverlay ? async () => inOverlay.click() : await last?.done;
      // Only changes the status table offers undo for come with one (a save is undone by pressing s again).
      if (!run) return this.ui.announce('Nothing to undo');
      await run();
      this.ui.announce('Undone');
    } catch (err) {
      this.ui.announce(`Could not undo: ${errorText(err)}`);
      logOnce('undo', 'could not undo', err);
    }
  }

  private toggleSelected(): void {
    const el = this.current();
    if (!el) return this.ui.announce('Press j to choose an entry first');
    if (this.selected.delete(el)) delete el.dataset[SELECTED];
    else {
      this.selected.add(el);
      this.selectedIds.set(el, this.focusedId);
      el.dataset[SELECTED] = '';
    }
    const n = this.selected.size;
    this.ui.announce(`${el.dataset[SELECTED] !== undefined ? 'Selected' : 'Unselected'}, ${n} selected`);
  }

  private clearSelection(): void {
    for (const el of this.selected) delete el.dataset[SELECTED];
    this.selected.clear();
  }

  private open(what: 'open' | 'pdf'): void {
    const el = this.current();
    if (!el) return this.ui.announce('Press j to choose an entry first');
    const id = el.dataset.dogearId ?? '';
    const url = what === 'pdf' ? arxivPdfUrl(id) : pageUrl(el, this.host.entryOf(el), id);
    // A new tab keeps this listing and the place in it.
    this.win.open(url, '_blank', 'noopener');
  }

  private close(): void {
    if (this.ui.helpOpen) {
      this.ui.closeHelp();
      return this.ui.announce('Closed');
    }
    if (this.selected.size) {
      this.clearSelection();
      return this.ui.announce('Selection cleared');
    }
    this.setFocus(null);
    this.ui.announce('Keyboard focus cleared');
  }
}
