// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KEY_HELP } from '@/lib/keys/keymap';
import { TriageUi } from './keys-ui';
import { UNDO_MS } from './overlay-view';

const root = (tag: string) => document.querySelector(tag)?.shadowRoot ?? null;
const live = () => root('dogear-keys')!.querySelector('[role="status"]')!;
const toast = () => root('dogear-keys')!.querySelector('.toast');

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

describe('TriageUi', () => {
  it('keeps a polite live region in the page from the start, and says the same words twice as new ones', () => {
    const ui = new TriageUi(document);
    expect(live().getAttribute('aria-live')).toBe('polite');
    expect(live().getAttribute('aria-atomic')).toBe('true');
    expect(live().className).toBe('sr');
    ui.announce('Closed');
    expect(live().textContent).toBe('Closed');
    ui.announce('Closed');
    expect(live().textContent).toBe('Closed\u00a0');
    ui.announce('Closed');
    expect(live().textContent).toBe('Closed');
    ui.destroy();
    expect(document.querySelector('dogear-keys')).toBeNull();
  });

  it("makes words that name a paper after the key's frame is painted, and says later words after them", async () => {
    const frames: FrameRequestCallback[] = [];
    vi.spyOn(window, 'requestAnimationFrame').mockImplementation((cb) => frames.push(cb));
    const task = () => new Promise((r) => setTimeout(r, 0));
    const ui = new TriageUi(document);
    const said = vi.spyOn(ui as unknown as { say: (text: string) => void }, 'say');
    const made: string[] = [];
    ui.announce(() => (made.push('title'), 'Saved: A paper'));
    ui.announce('Selected, 1 selected');
    await task();
    expect(made).toEqual([]);
    expect(live().textContent).toBe('');
    for (const f of frames.splice(0)) f(performance.now());
    await task();
    expect(made).toEqual(['title']);
    await task();
    expect(said.mock.calls).toEqual([['Saved: A paper'], ['Selected, 1 selected']]);
    expect(live().textContent).toBe('Selected, 1 selected');
    // Nothing waiting: plain words are said at once again.
    ui.announce('Closed');
    expect(live().textContent).toBe('Closed');
  });

  it('shows a batch and its undo until undone, replaced or timed out', () => {
    vi.useFakeTimers();
    const ui = new TriageUi(document);
    const first = vi.fn();
    ui.showBatch('Dismissed: 3 papers', first);
    expect(toast()!.textContent).toBe('Dismissed: 3 papersUndo');
    const undo = toast()!.querySelector<HTMLButtonElement>('[data-dogear-action="undo"]')!;
    expect(undo.title).toBe('Undo (u)');
    undo.click();
    expect(first).toHaveBeenCalledTimes(1);

    const second = vi.fn();
    ui.showBatch('Saved: 2 papers', second);
    expect(root('dogear-keys')!.querySelectorAll('.toast')).toHaveLength(1);
    toast()!.querySelector('button')!.click();
    expect(second).toHaveBeenCalledTimes(1);
    expect(first).toHaveBeenCalledTimes(1);

    vi.advanceTimersByTime(UNDO_MS - 1);
    expect(toast()).not.toBeNull();
    vi.advanceTimersByTime(1);
    expect(toast()).toBeNull();
    // The live region stays when the batch goes.
    expect(live().isConnected).toBe(true);
    ui.showBatch('Read: 2 papers', () => {});
    ui.clearBatch();
    expect(toast()).toBeNull();
  });

  it('opens the key help card on ?, with every key, and closes it from its button', () => {
    const ui = new TriageUi(document);
    expect(document.querySelector('dogear-help')).toBeNull();
    ui.toggleHelp();
    expect(ui.helpOpen).toBe(true);
    const card = root('dogear-help')!.querySelector('aside.card')!;
    expect(root('dogear-help')!.getElementById('dogear-keys-h')!.textContent).toBe('Dogear keys');
    expect(card.getAttribute('aria-labelledby')).toBe('dogear-keys-h');
    expect([...card.querySelectorAll('dd')].map((d) => d.textContent)).toEqual(KEY_HELP.map((k) => k.label));
    expect(
      [...card.querySelectorAll('dt')].map((d) => [...d.querySelectorAll('kbd')].map((k) => k.textContent)),
    ).toEqual(KEY_HELP.map((k) => k.keys));
    expect(card.querySelector('.foot')!.textContent).toContain('Off while you type');
    const close = card.querySelector<HTMLButtonElement>('button[aria-label="Close (Esc)"]')!;
    close.click();
    expect(ui.helpOpen).toBe(false);
    expect(document.querySelector('dogear-help')).toBeNull();
    ui.toggleHelp();
    ui.toggleHelp();
    expect(document.querySelector('dogear-help')).toBeNull();
    ui.toggleHelp();
    ui.destroy();
    expect(document.querySelector('dogear-help')).toBeNull();
  });
});
