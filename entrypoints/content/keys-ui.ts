import { KEYS_CSS } from '@/components/keys-css';
import { afterPaint } from '@/lib/after-paint';
import { logOnce } from '@/lib/log';
import { keyList } from '@/components/key-list';
import { UNDO_MS } from './overlay-view';
import { styleShadowRoot } from './overlay-style';

/**
 * The page-level UI of keyboard triage, each in a shadow root of its own: the
 * help card `<dogear-help>` (in the document only while shown, as the public
 * contract says) and `<dogear-keys>`, which holds the live region (present from
 * the start, so screen readers announce what it says) and a batch's undo.
 * Plain DOM, like the overlays: no UI library in the content script.
 */
export class TriageUi {
  private readonly status: HTMLElement;
  /** What a screen reader hears: the entry reached, or what a key did. */
  private readonly live: HTMLElement;
  private help: HTMLElement | null = null;
  /** A batch action (several selected entries) and its one undo, shown until undone or timed out. */
  private batch: { undo: () => void; toast: HTMLElement } | null = null;
  private batchTimer: ReturnType<typeof setTimeout> | undefined;
  /** Words still to be said, in order (see announce). */
  private saying: Promise<void> | null = null;

  constructor(private readonly doc: Document) {
    const { host, root } = this.host('dogear-keys');
    this.status = host;
    this.live = doc.createElement('div');
    this.live.className = 'sr';
    this.live.setAttribute('role', 'status');
    this.live.setAttribute('aria-live', 'polite');
    this.live.setAttribute('aria-atomic', 'true');
    root.append(this.live);
  }

  get helpOpen(): boolean {
    return this.help !== null;
  }

  /**
   * Words given as a function are made once the key's frame is painted: naming a paper reads the page, 100 ms
   * and more on a large one (issue 13). Words said meanwhile wait for them, so they are heard in key order.
   */
  announce(text: string | (() => string)): void {
    if (typeof text === 'string' && !this.saying) return this.say(text);
    const turn = (this.saying ?? Promise.resolve())
      .then(() => (typeof text === 'string' ? text : afterPaint(this.doc).then(text)))
      .then((words) => this.say(words))
      .catch((e) => logOnce('announce', 'could not announce', e));
    this.saying = turn;
    void turn.then(() => {
      if (this.saying === turn) this.saying = null;
    });
  }

  private say(text: string): void {
    // The same words twice in a row are not announced again by every screen reader; a no-break space makes them new.
    this.live.textContent = text === this.live.textContent ? `${text}\u00a0` : text;
  }

  /** A single entry's undo stays in its own overlay, as with the buttons; a batch's is shown here. */
  showBatch(label: string, undo: () => void): void {
    clearTimeout(this.batchTimer);
    this.batch?.toast.remove();
    const toast = this.doc.createElement('div');
    toast.className = 'toast';
    const text = this.doc.createElement('span');
    text.textContent = label;
    const button = this.doc.createElement('button');
    button.type = 'button';
    button.dataset.dogearAction = 'undo';
    button.title = 'Undo (u)';
    button.textContent = 'Undo';
    button.addEventListener('click', undo);
    toast.append(text, button);
    this.live.after(toast);
    this.batch = { undo, toast };
    this.batchTimer = setTimeout(() => this.clearBatch(), UNDO_MS);
  }

  clearBatch(): void {
    clearTimeout(this.batchTimer);
    this.batch?.toast.remove();
    this.batch = null;
  }

  toggleHelp(): void {
    if (this.help) return this.closeHelp();
    const { host, root } = this.host('dogear-help');
    this.help = host;
    root.append(this.helpCard());
  }

  closeHelp(): void {
    this.help?.remove();
    this.help = null;
  }

  destroy(): void {
    this.clearBatch();
    this.closeHelp();
    this.status.remove();
  }

  /**
   * The help card `?` shows on a listing. Not modal and it does not take focus:
   * the keys keep working while it is open, so it can be kept up while learning them.
   */
  private helpCard(): HTMLElement {
    const doc = this.doc;
    const card = doc.createElement('aside');
    card.className = 'card';
    card.setAttribute('aria-labelledby', 'dogear-keys-h');
    const head = doc.createElement('div');
    head.className = 'head';
    const title = doc.createElement('h2');
    title.id = 'dogear-keys-h';
    title.textContent = 'Dogear keys';
    const close = doc.createElement('button');
    close.type = 'button';
    close.className = 'quiet icon';
    close.setAttribute('aria-label', 'Close (Esc)');
    close.title = 'Close (Esc)';
    close.textContent = '×';
    close.addEventListener('click', () => this.closeHelp());
    head.append(title, close);
    const foot = doc.createElement('p');
    foot.className = 'foot';
    foot.textContent = 'Off while you type, and with Ctrl, ⌘ or Alt. Switch them off in Dogear’s settings.';
    card.append(head, keyList(doc), foot);
    return card;
  }

  private host(tag: string): { host: HTMLElement; root: ShadowRoot } {
    const host = this.doc.createElement(tag);
    // Marks it as ours for the page watcher, which then ignores its mutations.
    host.dataset.dogear = '';
    const root = host.attachShadow({ mode: 'open' });
    styleShadowRoot(root, this.doc, [KEYS_CSS]);
    (this.doc.body ?? this.doc.documentElement).append(host);
    return { host, root };
  }
}
