import { h, render } from 'preact';
import { KEYS_CSS } from '@/components/keys-css';
import { KeyHelp } from '@/components/KeyHelp';
import { UNDO_MS } from './overlay-view';
import { TriageStatus } from '@/components/TriageStatus';
import { styleShadowRoot } from './overlay-style';

/**
 * The page-level UI of keyboard triage, each in a shadow root of its own: the
 * help card `<dogear-help>` (in the document only while shown, as the public
 * contract says) and `<dogear-keys>`, which holds the live region (present from
 * the start, so screen readers announce what it says) and a batch's undo.
 */
export class TriageUi {
  private status: { host: HTMLElement; root: ShadowRoot };
  private help: { host: HTMLElement; root: ShadowRoot } | null = null;
  private message = '';
  private batch: { label: string; undo: () => void } | null = null;
  private batchTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly doc: Document) {
    this.status = this.host('dogear-keys');
    this.draw();
  }

  get helpOpen(): boolean {
    return this.help !== null;
  }

  announce(text: string): void {
    // The same words twice in a row are not announced again by every screen reader; a no-break space makes them new.
    this.message = text === this.message ? `${text}\u00a0` : text;
    this.draw();
  }

  showBatch(label: string, undo: () => void): void {
    clearTimeout(this.batchTimer);
    this.batch = { label, undo };
    this.batchTimer = setTimeout(() => this.clearBatch(), UNDO_MS);
    this.draw();
  }

  clearBatch(): void {
    clearTimeout(this.batchTimer);
    if (!this.batch) return;
    this.batch = null;
    this.draw();
  }

  toggleHelp(): void {
    if (this.help) return this.closeHelp();
    this.help = this.host('dogear-help');
    render(h(KeyHelp, { onClose: () => this.closeHelp() }), this.help.root);
  }

  closeHelp(): void {
    if (!this.help) return;
    render(null, this.help.root);
    this.help.host.remove();
    this.help = null;
  }

  destroy(): void {
    clearTimeout(this.batchTimer);
    this.closeHelp();
    render(null, this.status.root);
    this.status.host.remove();
  }

  private draw(): void {
    render(h(TriageStatus, { message: this.message, batch: this.batch }), this.status.root);
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
