// size: one overlay and everything it does in place (status buttons, chips and tag input, score and tooltip,
// undo and errors): one object per drawn overlay, which a split into parts would multiply (issue 13: heap per entry).
import type { PaperState } from '@/lib/mirror';
import { errorText } from '@/lib/errors';
import { button, chipElement, labelOf, scoreElement, setAttr, setText, template, tipText } from './overlay-dom';

/**
 * The per-entry overlay: reading-list state at a glance, and the actions beside it. Written as plain DOM
 * cloned from one template per document rather than as a component: a month page draws 500 of these and a
 * long listing thousands, and a component tree per entry cost several times the DOM itself in time and heap.
 * Every text it shows is set as text. The view is its own event listener (`handleEvent`) and keeps of its props
 * only what a later event needs: a drawn overlay holds no closures and no props object (issue 13: heap per entry).
 */

export type CardAction = 'save' | 'read' | 'dismiss';

export interface ScoreInfo {
  value: number;
  /** What raised the score: words and keywords for the model, the matching keywords otherwise. */
  words: string[];
  basis: 'model' | 'keywords';
}

/** What the overlay's controls do, shared by every overlay of a page: each call names the overlay's host. */
export interface OverlayHandlers {
  /** Performs the action; resolves with a function that undoes it when the change is one to offer undo for. */
  onAction: (host: HTMLElement, action: CardAction) => Promise<(() => Promise<void>) | void>;
  onAddTag: (host: HTMLElement, tag: string) => Promise<void>;
  onRemoveTag: (host: HTMLElement, tag: string) => Promise<void>;
}

export interface OverlayProps {
  state: PaperState | null;
  /** Tags keyword rules give this entry on the page right now. */
  pageTags: string[];
  tagColors: ReadonlyMap<string, string>;
  isNew: boolean;
  score: ScoreInfo | null;
  handlers: OverlayHandlers;
}

export const UNDO_MS = 8_000;

export class OverlayView implements EventListenerObject {
  private readonly doc: Document;
  private readonly host: HTMLElement;
  /** The overlay's one element in its shadow root. */
  readonly row: HTMLElement;
  private readonly save: HTMLButtonElement;
  private readonly read: HTMLButtonElement;
  private readonly dismiss: HTMLButtonElement;
  private readonly tagButton: HTMLButtonElement;
  private state: PaperState | null = null;
  private score: ScoreInfo | null = null;
  private handlers!: OverlayHandlers;
  private newMark: HTMLElement | null = null;
  private chipsKey = '';
  private input: HTMLInputElement | null = null;
  private scoreEl: HTMLElement | null = null;
  private tip: HTMLElement | null = null;
  private undo: { label: string; run: () => Promise<void>; el: HTMLElement } | null = null;
  private error: HTMLElement | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The newest action's number: only it may offer an undo. */
  private latest = 0;

  constructor(root: ShadowRoot) {
    this.doc = root.ownerDocument;
    this.host = root.host as HTMLElement;
    this.row = template(this.doc).cloneNode(true) as HTMLElement;
    // A static list: the row's live `children` collection would keep a wrapper of its own.
    [this.save, this.read, this.dismiss, this.tagButton] = [
      ...this.row.querySelectorAll<HTMLButtonElement>(':scope > button'),
    ] as [HTMLButtonElement, HTMLButtonElement, HTMLButtonElement, HTMLButtonElement];
    // One listener per overlay: clicks find their control by its data attribute.
    this.row.addEventListener('click', this);
    root.append(this.row);
  }

  update(props: OverlayProps): void {
    this.state = props.state;
    this.score = props.score;
    this.handlers = props.handlers;
    const status = props.state?.status;
    const inList = status === 'saved' || status === 'read';
    this.setNew(props.isNew);

    if (setAttr(this.save, 'aria-pressed', String(inList))) {
      this.save.title = inList ? 'In your reading list — click to remove' : 'Save to your reading list';
      this.save.replaceChildren(labelOf(this.doc, inList ? 'Saved' : 'Save'));
    }

    const isRead = status === 'read';
    if (setAttr(this.read, 'aria-pressed', String(isRead))) {
      this.read.title = isRead ? 'Marked read — click to mark unread' : 'Mark as read';
      this.read.replaceChildren(labelOf(this.doc, isRead ? 'Read' : 'Mark read'));
    }

    const dismissed = status === 'dismissed';
    const dismissLabel = dismissed ? 'Dismissed — click to restore' : 'Dismiss (not interested)';
    setAttr(this.dismiss, 'aria-pressed', String(dismissed));
    setAttr(this.dismiss, 'aria-label', dismissLabel);
    this.dismiss.title = dismissLabel;

    this.drawChips(props);
    this.drawScore(props.score);
  }

  destroy(): void {
    clearTimeout(this.timer);
    this.row.remove();
  }

  handleEvent(e: Event): void {
    if (e.type === 'click') this.onClick(e);
    // The score's tooltip: the only other events an overlay listens to.
    else this.showTip(e.type === 'mouseenter' || e.type === 'focus');
  }

  private onClick(e: Event): void {
    const target = (e.target as Element).closest<HTMLElement>('button');
    if (!target) return;
    const action = target.dataset.dogearAction;
    if (action === 'save' || action === 'read' || action === 'dismiss') void this.act(action);
    else if (action === 'tag') this.openTagInput();
    else if (action === 'undo') void this.runUndo();
    else if (target.dataset.dogearUntag !== undefined) {
      const tag = target.dataset.dogearUntag;
      void this.tagOp(() => this.handlers.onRemoveTag(this.host, tag));
    }
  }

  private async act(action: CardAction): Promise<void> {
    const before = this.state?.status;
    this.setError('');
    // A new action supersedes the undo on offer, and any still on its way: offered, it would revert an older change.
    const mine = ++this.latest;
    this.setUndo(null);
    try {
      const revert = await this.handlers.onAction(this.host, action);
      // Only changes the status table marks undoable come with a revert.
      if (revert && mine === this.latest) {
        const dismissed = action === 'dismiss' && before !== 'dismissed';
        this.setUndo({ label: dismissed ? 'Dismissed' : 'Removed from your list', run: revert });
      }
    } catch (e) {
      this.setError(errorText(e, 'Could not save the change'));
    }
  }

  private async runUndo(): Promise<void> {
    const undo = this.undo;
    if (!undo) return;
    this.setUndo(null);
    try {
      await undo.run();
    } catch (e) {
      this.setError(errorText(e, 'Undo failed'));
    }
  }

  private async tagOp(op: () => Promise<void>): Promise<void> {
    this.setError('');
    try {
      await op();
    } catch (e) {
      this.setError(errorText(e, 'Could not change tags'));
    }
  }

  private setNew(isNew: boolean): void {
    if (isNew && !this.newMark) {
      this.newMark = this.doc.createElement('span');
      this.newMark.className = 'new';
      this.newMark.title = 'Not shown to you before';
      this.newMark.textContent = 'new';
      this.row.prepend(this.newMark);
    } else if (!isNew && this.newMark) {
      this.newMark.remove();
      this.newMark = null;
    }
  }

  /** The user's tags (removable), then the rule tags not among them; redrawn only when they or their colours change. */
  private drawChips({ state, pageTags, tagColors }: OverlayProps): void {
    const own = state?.tags ?? [];
    const rules = [...new Set([...(state?.ruleTags ?? []), ...pageTags])].filter((t) => !own.includes(t));
    // No tags at all (most entries): one shared empty key, not a string per entry.
    const key =
      own.length || rules.length
        ? JSON.stringify([own, rules, [...own, ...rules].map((t) => tagColors.get(t) ?? '')])
        : '';
    if (key === this.chipsKey) return;
    this.chipsKey = key;
    // Found again rather than kept: a list per overlay for the few that have chips.
    for (const c of this.row.querySelectorAll(':scope > .chip')) c.remove();
    const chip = (t: string) => chipElement(this.doc, t, tagColors.get(t));
    const chips = [
      ...own.map((t) => {
        const el = chip(t);
        const remove = this.doc.createElement('button');
        remove.type = 'button';
        remove.dataset.dogearUntag = t;
        remove.setAttribute('aria-label', `Remove tag ${t}`);
        remove.textContent = '×';
        el.append(remove);
        return el;
      }),
      ...rules.map((t) => {
        const el = chip(t);
        el.title = 'From a tag rule';
        return el;
      }),
    ];
    // Chips sit between the status buttons and the tag control (its button or its open input).
    const before = this.input ?? this.tagButton;
    for (const c of chips) this.row.insertBefore(c, before);
  }

  private openTagInput(): void {
    if (this.input) return;
    const input = this.doc.createElement('input');
    input.setAttribute('aria-label', 'New tag');
    input.placeholder = 'tag';
    input.maxLength = 60;
    let done = false;
    const finish = (tag: string | null) => {
      if (done) return;
      done = true;
      input.replaceWith(this.tagButton);
      this.input = null;
      if (tag) void this.tagOp(() => this.handlers.onAddTag(this.host, tag));
    };
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') finish(input.value.trim() || null);
      if (e.key === 'Escape') finish(null);
      // Keep the host page's keyboard shortcuts from firing while typing.
      e.stopPropagation();
    });
    input.addEventListener('blur', () => finish(input.value.trim() || null));
    this.tagButton.replaceWith(input);
    this.input = input;
    input.focus();
  }

  private drawScore(score: ScoreInfo | null): void {
    if (!score) {
      this.scoreEl?.remove();
      this.scoreEl = this.tip = null;
      return;
    }
    if (!this.scoreEl) {
      const el = scoreElement(this.doc);
      for (const type of ['mouseenter', 'mouseleave', 'focus', 'blur']) el.addEventListener(type, this);
      (this.input ?? this.tagButton).after(el);
      this.scoreEl = el;
    }
    const pct = Math.round(score.value * 100);
    this.scoreEl.setAttribute('data-dogear-score', score.value.toFixed(2));
    setAttr(this.scoreEl, 'aria-label', `Relevance ${pct}%`);
    (this.scoreEl.querySelector('i') as HTMLElement).style.width = `${pct}%`;
    if (this.tip) setText(this.tip, tipText(score));
  }

  private showTip(open: boolean): void {
    const score = this.score;
    if (open && score && this.scoreEl && !this.tip) {
      this.tip = this.doc.createElement('span');
      this.tip.className = 'tip';
      this.tip.setAttribute('role', 'tooltip');
      this.tip.textContent = tipText(score);
      this.scoreEl.append(this.tip);
    } else if (!open && this.tip) {
      this.tip.remove();
      this.tip = null;
    }
  }

  private setUndo(next: { label: string; run: () => Promise<void> } | null): void {
    clearTimeout(this.timer);
    this.undo?.el.remove();
    this.undo = null;
    if (!next) return;
    const el = this.doc.createElement('span');
    el.className = 'msg';
    el.setAttribute('role', 'status');
    const b = button(this.doc, 'undo', 'quiet');
    b.textContent = 'Undo';
    el.append(`${next.label} `, b);
    // The offer goes after the score, before any error, as the row reads left to right.
    if (this.error) this.error.before(el);
    else this.row.append(el);
    this.undo = { ...next, el };
    this.timer = setTimeout(() => this.setUndo(null), UNDO_MS);
  }

  private setError(text: string): void {
    if (!text) {
      this.error?.remove();
      this.error = null;
      return;
    }
    if (!this.error) {
      this.error = this.doc.createElement('span');
      this.error.className = 'err';
      this.error.setAttribute('role', 'alert');
      this.row.append(this.error);
    }
    this.error.textContent = text;
  }
}
