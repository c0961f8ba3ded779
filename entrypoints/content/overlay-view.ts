// size: the overlay's row and everything it does in place (status buttons, chips and tag input, score and tooltip,
// undo and errors): one page-wide controller, no object per drawn overlay (issue 13: heap per entry).
import type { PaperState } from '@/lib/mirror';
import { errorText } from '@/lib/errors';
import { base, button, chipElement, labelOf, scoreElement, setAttr, setText, tipText, VIEW_ATTR } from './overlay-dom';

/**
 * The per-entry overlay: reading-list state at a glance, and the actions beside it. Written as plain DOM rather
 * than as a component: a month page draws 500 of these and a long listing thousands. A first drawing is a clone
 * of a row already drawn for the same status, marker and score, appended without touching its nodes: a node the
 * content script touches keeps a wrapper in its world for as long as it lives (issue 13: heap per entry). A later
 * change is made in place, so the focus stays where it is. One controller per page handles every overlay's events
 * and creates the tag input, undo offer, error and tooltip only when they are needed. Every text it shows is set
 * as text.
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
  /** The score the overlay shows, for its tooltip. */
  scoreOf: (host: HTMLElement) => ScoreInfo | null;
}

export interface OverlayProps {
  state: PaperState | null;
  /** Tags keyword rules give this entry on the page right now. */
  pageTags: string[];
  tagColors: ReadonlyMap<string, string>;
  isNew: boolean;
  score: ScoreInfo | null;
}

export const UNDO_MS = 8_000;

/** The score's tooltip's events, listened to on a scored overlay's shadow root. */
const TIP_EVENTS = ['mouseover', 'mouseout', 'focusin', 'focusout'];

/** Everything the row shows but its chips and transient parts; a row drawn for the same key looks the same. */
const viewKey = ({ state, isNew, score }: OverlayProps) =>
  `${state?.status ?? ''} ${isNew ? 1 : ''} ${score ? `${score.value.toFixed(2)} ${Math.round(score.value * 100)}` : ''}`;

/** The row models by key, one document's: a content script runs in one (a node cloned from it is adopted on append). */
const models = new Map<string, HTMLElement>();

/** Draws an overlay's row into its shadow root, or brings the row drawn before up to date; returns the row. */
export function drawRow(
  root: ShadowRoot,
  drawn: HTMLElement | undefined,
  props: OverlayProps,
  controller: OverlayController,
): HTMLElement {
  const key = viewKey(props);
  let row = drawn;
  if (!row) {
    let model = models.get(key);
    if (!model) models.set(key, (model = show(base(root.ownerDocument), props, key)));
    row = model.cloneNode(true) as HTMLElement;
    root.addEventListener('click', controller);
    root.append(row);
  } else if (row.getAttribute(VIEW_ATTR) !== key) show(row, props, key);
  if (props.score) {
    for (const type of TIP_EVENTS) root.addEventListener(type, controller);
    const tip = drawn?.querySelector('.tip');
    if (tip) setText(tip, tipText(props.score));
  }
  drawChips(row, props);
  return row;
}

/** Shows status, the new marker and the score on a row, touching only what differs. */
function show(row: HTMLElement, props: OverlayProps, key: string): HTMLElement {
  const doc = row.ownerDocument;
  const [save, read, dismiss] = row.querySelectorAll<HTMLButtonElement>('button') as unknown as [
    HTMLButtonElement,
    HTMLButtonElement,
    HTMLButtonElement,
  ];
  const status = props.state?.status;
  const inList = status === 'saved' || status === 'read';
  let mark = row.querySelector('.new');
  if (props.isNew && !mark) {
    mark = doc.createElement('span');
    mark.className = 'new';
    (mark as HTMLElement).title = 'Not shown to you before';
    mark.textContent = 'new';
    row.prepend(mark);
  } else if (!props.isNew) mark?.remove();

  if (setAttr(save, 'aria-pressed', String(inList))) {
    save.title = inList ? 'In your reading list — click to remove' : 'Save to your reading list';
    save.replaceChildren(...labelOf(doc, inList ? 'Saved' : 'Save'));
  }

  const isRead = status === 'read';
  if (setAttr(read, 'aria-pressed', String(isRead))) {
    read.title = isRead ? 'Marked read — click to mark unread' : 'Mark as read';
    read.replaceChildren(...labelOf(doc, isRead ? 'Read' : 'Mark read'));
  }

  const dismissed = status === 'dismissed';
  const dismissLabel = dismissed ? 'Dismissed — click to restore' : 'Dismiss (not interested)';
  setAttr(dismiss, 'aria-pressed', String(dismissed));
  setAttr(dismiss, 'aria-label', dismissLabel);
  dismiss.title = dismissLabel;

  drawScore(row, props.score);
  row.setAttribute(VIEW_ATTR, key);
  return row;
}

/** The tag control: its button, or the input open in its place. */
const tagControl = (row: HTMLElement) =>
  row.querySelector<HTMLElement>('input, [data-dogear-action="tag"]') as HTMLElement;

function drawScore(row: HTMLElement, score: ScoreInfo | null): void {
  let el = row.querySelector<HTMLElement>('.score');
  if (!score) return el?.remove();
  if (!el) tagControl(row).after((el = scoreElement(row.ownerDocument)));
  const pct = Math.round(score.value * 100);
  el.setAttribute('data-dogear-score', score.value.toFixed(2));
  setAttr(el, 'aria-label', `Relevance ${pct}%`);
  (el.querySelector('i') as HTMLElement).style.width = `${pct}%`;
}

/**
 * The user's tags (removable), then the rule tags not among them; redrawn only when they or their colours change.
 * The row keeps what it shows as an attribute: no key in the heap per overlay.
 */
function drawChips(row: HTMLElement, { state, pageTags, tagColors }: OverlayProps): void {
  const own = state?.tags ?? [];
  const rules = [...new Set([...(state?.ruleTags ?? []), ...pageTags])].filter((t) => !own.includes(t));
  const key =
    own.length || rules.length
      ? JSON.stringify([own, rules, [...own, ...rules].map((t) => tagColors.get(t) ?? '')])
      : '';
  if (key === (row.getAttribute('data-chips') ?? '')) return;
  if (key) row.setAttribute('data-chips', key);
  else row.removeAttribute('data-chips');
  for (const c of row.querySelectorAll('.chip')) c.remove();
  const doc = row.ownerDocument;
  const chip = (t: string) => chipElement(doc, t, tagColors.get(t));
  const chips = [
    ...own.map((t) => {
      const el = chip(t);
      const remove = doc.createElement('button');
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
  const before = tagControl(row);
  for (const c of chips) before.before(c);
}

/**
 * Every overlay's events on a page, on its shadow root: clicks and the score's tooltip. State lives in the overlay's DOM, and for the few overlays acted on, in weak maps.
 */
export class OverlayController implements EventListenerObject {
  /** The newest action per host: only it may offer an undo. */
  private latest = new WeakMap<Element, object>();
  private undos = new WeakMap<
    Element,
    { run: () => Promise<void>; el: HTMLElement; timer: ReturnType<typeof setTimeout> }
  >();

  constructor(private readonly handlers: OverlayHandlers) {}

  /** The events of an overlay's shadow root. */
  handleEvent(e: Event): void {
    const host = (e.currentTarget as ShadowRoot).host as HTMLElement;
    const el = e.target as Element;
    const type = e.type;
    if (type !== 'click') {
      // The score's tooltip: the only other events a shadow root listens to. It stays open while the pointer
      // moves within the score, as it would for the score's own mouseenter and mouseleave.
      const score = el.closest('.score');
      const rel = (e as MouseEvent).relatedTarget as Node | null;
      if (score)
        this.showTip(
          host,
          score,
          type === 'mouseover' || type === 'focusin' || (type === 'mouseout' && score.contains(rel)),
        );
      return;
    }
    const target = el.closest<HTMLElement>('button');
    const row = target?.closest<HTMLElement>('.row');
    if (!target || !row) return;
    const action = target.getAttribute('data-dogear-action');
    const untag = target.getAttribute('data-dogear-untag');
    if (action === 'save' || action === 'read' || action === 'dismiss') void this.act(host, row, action);
    else if (action === 'tag') this.openTagInput(host, row, target);
    else if (action === 'undo') void this.runUndo(host, row);
    else if (untag !== null) void attempt(row, () => this.handlers.onRemoveTag(host, untag), 'Could not change tags');
  }

  private async act(host: HTMLElement, row: HTMLElement, action: CardAction): Promise<void> {
    const before = row.getAttribute(VIEW_ATTR)?.split(' ')[0];
    // A new action supersedes the undo on offer, and any still on its way: offered, it would revert an older change.
    const mine = {};
    this.latest.set(host, mine);
    this.setUndo(host, row, null);
    await attempt(
      row,
      async () => {
        const revert = await this.handlers.onAction(host, action);
        // Only changes the status table marks undoable come with a revert.
        if (revert && mine === this.latest.get(host)) {
          const dismissed = action === 'dismiss' && before !== 'dismissed';
          this.setUndo(host, row, { label: dismissed ? 'Dismissed' : 'Removed from your list', run: revert });
        }
      },
      'Could not save the change',
    );
  }

  private async runUndo(host: HTMLElement, row: HTMLElement): Promise<void> {
    const undo = this.undos.get(host);
    if (!undo) return;
    this.setUndo(host, row, null);
    await attempt(row, undo.run, 'Undo failed');
  }

  private openTagInput(host: HTMLElement, row: HTMLElement, tagButton: HTMLElement): void {
    const doc = row.ownerDocument;
    const input = doc.createElement('input');
    input.setAttribute('aria-label', 'New tag');
    input.placeholder = 'tag';
    input.maxLength = 60;
    let done = false;
    const finish = (tag: string | null) => {
      if (done) return;
      done = true;
      input.replaceWith(tagButton);
      if (tag) void attempt(row, () => this.handlers.onAddTag(host, tag), 'Could not change tags');
    };
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') finish(input.value.trim() || null);
      if (e.key === 'Escape') finish(null);
      // Keep the host page's keyboard shortcuts from firing while typing.
      e.stopPropagation();
    });
    input.addEventListener('blur', () => finish(input.value.trim() || null));
    tagButton.replaceWith(input);
    input.focus();
  }

  private showTip(host: HTMLElement, score: Element, open: boolean): void {
    const tip = score.querySelector('.tip');
    const info = open && !tip && this.handlers.scoreOf(host);
    if (info) {
      const el = span(score, 'tip', 'tooltip');
      el.textContent = tipText(info);
      score.append(el);
    } else if (!open) tip?.remove();
  }

  private setUndo(host: HTMLElement, row: HTMLElement, next: { label: string; run: () => Promise<void> } | null): void {
    const was = this.undos.get(host);
    clearTimeout(was?.timer);
    was?.el.remove();
    this.undos.delete(host);
    if (!next) return;
    const el = span(row, 'msg', 'status');
    const b = button(row.ownerDocument, 'undo', 'quiet');
    b.textContent = 'Undo';
    el.append(`${next.label} `, b);
    // The offer goes after the score, before any error, as the row reads left to right.
    const error = row.querySelector('.err');
    if (error) error.before(el);
    else row.append(el);
    this.undos.set(host, { run: next.run, el, timer: setTimeout(() => this.setUndo(host, row, null), UNDO_MS) });
  }
}

/** Runs an operation of the overlay's, saying in the overlay why it failed. */
async function attempt(row: HTMLElement, op: () => Promise<unknown>, failed: string): Promise<void> {
  setError(row, '');
  try {
    await op();
  } catch (e) {
    setError(row, errorText(e, failed));
  }
}

function setError(row: HTMLElement, text: string): void {
  let error = row.querySelector('.err');
  if (!text) return error?.remove();
  if (!error) {
    row.append((error = span(row, 'err', 'alert')));
  }
  error.textContent = text;
}

/** One of the overlay's transient parts, in `near`'s document. */
function span(near: Element, className: string, role: string): HTMLElement {
  const el = near.ownerDocument.createElement('span');
  el.className = className;
  el.setAttribute('role', role);
  return el;
}
