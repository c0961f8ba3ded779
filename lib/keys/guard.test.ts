// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { deepActiveElement, isTyping, isTypingElement, keysBelongToPage, nothingFocused, pageModalOpen } from './guard';

afterEach(() => {
  document.body.replaceChildren();
});

/** Builds elements with DOM calls (the house rule: no innerHTML, also in tests). */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...kids: Node[]) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...kids);
  return e;
}

/** A real keydown dispatched at `target`, seen by a listener on the window (capture), as the content script does. */
function pressOn(target: Element): { typing: boolean; page: boolean } {
  let seen = { typing: false, page: false };
  const listener = (e: Event) => {
    seen = { typing: isTyping(e, document), page: keysBelongToPage(e, document) };
  };
  window.addEventListener('keydown', listener, true);
  target.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true, composed: true }));
  window.removeEventListener('keydown', listener, true);
  return seen;
}

describe('isTypingElement', () => {
  it('text fields are typing, other controls are not', () => {
    for (const type of ['text', 'search', 'email', 'url', 'password', 'number', 'TEXT'])
      expect(isTypingElement(el('input', { type })), type).toBe(true);
    expect(isTypingElement(el('input')), 'no type').toBe(true);
    expect(isTypingElement(el('textarea'))).toBe(true);
    expect(isTypingElement(el('select'))).toBe(true);
    for (const type of ['checkbox', 'radio', 'button', 'submit', 'range', 'file'])
      expect(isTypingElement(el('input', { type })), type).toBe(false);
    expect(isTypingElement(el('button'))).toBe(false);
    expect(isTypingElement(el('a', { href: '/papers/2610.22092' }))).toBe(false);
    expect(isTypingElement(el('div'))).toBe(false);
  });

  it('editable elements and their descendants are typing; contenteditable=false is not', () => {
    const inner = el('b');
    const editor = el('div', { contenteditable: '' }, el('p', {}, inner));
    document.body.append(editor, el('div', { contenteditable: 'false' }, el('i')));
    expect(isTypingElement(editor)).toBe(true);
    expect(isTypingElement(inner)).toBe(true);
    expect(isTypingElement(document.querySelector('i')!)).toBe(false);
    expect(isTypingElement(el('div', { contenteditable: 'plaintext-only' }))).toBe(true);
  });

  it('ARIA text widgets are typing', () => {
    for (const role of ['textbox', 'searchbox', 'combobox', ' Textbox '])
      expect(isTypingElement(el('div', { role })), role).toBe(true);
    expect(isTypingElement(el('div', { role: 'button' }))).toBe(false);
  });
});

describe('isTyping (a real event)', () => {
  it('sees the page search box and a textarea', () => {
    const search = el('input', { type: 'search', name: 'q' });
    const area = el('textarea');
    document.body.append(search, area, el('button'));
    expect(pressOn(search).typing).toBe(true);
    expect(pressOn(area).typing).toBe(true);
    expect(pressOn(document.querySelector('button')!).typing).toBe(false);
    expect(pressOn(document.body).typing).toBe(false);
  });

  it('sees a text field inside an open shadow root', () => {
    const host = el('div');
    document.body.append(host);
    const input = document.createElement('input');
    host.attachShadow({ mode: 'open' }).append(input);
    expect(pressOn(input).typing).toBe(true);
    expect(pressOn(input).page).toBe(true);
  });

  it('sees a text field inside nested shadow roots', () => {
    const outer = el('div');
    document.body.append(outer);
    const inner = document.createElement('span');
    outer.attachShadow({ mode: 'open' }).append(inner);
    const editable = el('div', { contenteditable: 'true' });
    inner.attachShadow({ mode: 'open' }).append(editable);
    expect(pressOn(editable).typing).toBe(true);
  });

  it('follows focus through shadow roots', () => {
    const host = el('div');
    document.body.append(host);
    const input = document.createElement('input');
    host.attachShadow({ mode: 'open' }).append(input);
    input.focus();
    expect(deepActiveElement(document)).toBe(input);
    // A key dispatched at the body while focus sits in the shadowed input is still typing.
    expect(pressOn(document.body).typing).toBe(true);
  });

  it('leaves its keys to a focused custom element whose shadow root is closed', () => {
    const host = el('div');
    const widget = document.createElement('fancy-search');
    widget.tabIndex = 0;
    widget.attachShadow({ mode: 'closed' }).append(document.createElement('input'));
    host.append(widget);
    document.body.append(host);
    widget.focus();
    expect(pressOn(widget).typing).toBe(true);
    // Our own overlays are not such a widget.
    const ours = document.createElement('dogear-card');
    ours.tabIndex = 0;
    document.body.append(ours);
    ours.focus();
    expect(pressOn(ours).typing).toBe(false);
  });
});

describe('nothingFocused', () => {
  it('is true only while the body has focus', () => {
    const link = el('a', { href: '#x' });
    document.body.append(link);
    expect(nothingFocused(document)).toBe(true);
    link.focus();
    expect(nothingFocused(document)).toBe(false);
    link.blur();
    expect(nothingFocused(document)).toBe(true);
  });
});

describe('pageModalOpen', () => {
  it('a dialog open without being modal does not count', () => {
    document.body.append(el('dialog', { open: '' }, el('p')));
    expect(pageModalOpen(document)).toBe(false);
  });

  it('an aria-modal element counts while shown, not while hidden', () => {
    const modal = el('div', { role: 'dialog', 'aria-modal': 'true' }, el('p'));
    document.body.append(modal);
    expect(pageModalOpen(document)).toBe(true);
    expect(pressOn(document.body).page).toBe(true);
    modal.style.display = 'none';
    expect(pageModalOpen(document)).toBe(false);
  });
  // A dialog opened with showModal() is checked in real Chromium (tests/e2e/keys.spec.ts): happy-dom has no `:modal`.

  it('our own elements are no page modal', () => {
    document.body.append(el('dogear-help' as 'div', { 'aria-modal': 'true' }));
    expect(pageModalOpen(document)).toBe(false);
  });
});
