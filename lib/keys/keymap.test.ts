import { describe, expect, it } from 'vitest';
import { commandFor, KEY_HELP, type KeyContext, type KeyLike } from './keymap';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  repeat: false,
  isComposing: false,
  keyCode: 0,
  ...mods,
});

const idle: KeyContext = { nothingFocused: true, hasFocus: false, hasSelection: false, helpOpen: false };
const triaging: KeyContext = { ...idle, hasFocus: true };

describe('commandFor', () => {
  it('maps every letter of the listing shortcuts', () => {
    const got = Object.fromEntries(
      ['j', 'k', 's', 'r', 'd', 't', 'o', 'p', 'u', 'x'].map((k) => [k, commandFor(key(k), idle)]),
    );
    expect(got).toEqual({
      j: 'next',
      k: 'prev',
      s: 'save',
      r: 'read',
      d: 'dismiss',
      t: 'tag',
      o: 'open',
      p: 'pdf',
      u: 'undo',
      x: 'select',
    });
    // `?` is Shift+/ on most layouts: Shift as part of the character is fine.
    expect(commandFor(key('?', { shiftKey: true }), idle)).toBe('help');
  });

  it('leaves Ctrl, ⌘ and Alt combinations to the browser and the page', () => {
    for (const mod of ['ctrlKey', 'metaKey', 'altKey'] as const) {
      for (const k of ['s', 'j', 'd', '?', 'Enter', 'ArrowDown', 'Escape'])
        expect(commandFor(key(k, { [mod]: true }), triaging), `${mod}+${k}`).toBeNull();
    }
  });

  it('ignores keys while an input method composes', () => {
    expect(commandFor(key('j', { isComposing: true }), triaging)).toBeNull();
    // Chrome reports the keydown that starts a composition as key "Process", keyCode 229.
    expect(commandFor(key('s', { keyCode: 229 }), triaging)).toBeNull();
    expect(commandFor(key('Process', { keyCode: 229 }), triaging)).toBeNull();
  });

  it('ignores upper case and other keys', () => {
    for (const k of ['J', 'S', 'D', 'a', 'z', '/', ' ', 'Tab', 'Home', 'PageDown', 'F5', '', 'Dead', 'Unidentified'])
      expect(commandFor(key(k, { shiftKey: k !== k.toLowerCase() }), triaging), k).toBeNull();
  });

  it('repeats only movement when a key is held', () => {
    expect(commandFor(key('j', { repeat: true }), triaging)).toBe('next');
    expect(commandFor(key('ArrowUp', { repeat: true }), triaging)).toBe('prev');
    for (const k of ['s', 'r', 'd', 'x', 'u', 't', 'o', 'p', '?'])
      expect(commandFor(key(k, { repeat: true }), triaging), k).toBeNull();
  });

  it('takes arrows and Enter only once triage started and nothing of the page has focus', () => {
    // Before the first j the arrows scroll the page as always.
    expect(commandFor(key('ArrowDown'), idle)).toBeNull();
    expect(commandFor(key('Enter'), idle)).toBeNull();
    expect(commandFor(key('ArrowDown'), triaging)).toBe('next');
    expect(commandFor(key('ArrowUp'), triaging)).toBe('prev');
    expect(commandFor(key('Enter'), triaging)).toBe('open');
    // A focused link or button keeps its own Enter and arrows.
    const pageFocus = { ...triaging, nothingFocused: false };
    for (const k of ['ArrowDown', 'ArrowUp', 'Enter']) expect(commandFor(key(k), pageFocus), k).toBeNull();
    // Shift+arrows extend a text selection.
    expect(commandFor(key('ArrowDown', { shiftKey: true }), triaging)).toBeNull();
    expect(commandFor(key('Enter', { shiftKey: true }), triaging)).toBeNull();
  });

  it('takes Esc only when it has something of ours to close', () => {
    expect(commandFor(key('Escape'), idle)).toBeNull();
    expect(commandFor(key('Escape'), triaging)).toBe('close');
    expect(commandFor(key('Escape'), { ...idle, hasSelection: true })).toBe('close');
    expect(commandFor(key('Escape'), { ...idle, helpOpen: true, nothingFocused: false })).toBe('close');
    // With a page element focused, Esc is the page's (its menu, its search box) unless our help is open.
    expect(commandFor(key('Escape'), { ...triaging, nothingFocused: false })).toBeNull();
  });
});

describe('KEY_HELP', () => {
  it('lists every command the key map has, each key once', () => {
    const listed = KEY_HELP.flatMap((k) => k.keys);
    expect(new Set(listed).size).toBe(listed.length);
    const asKey = (k: string) => ({ '↓': 'ArrowDown', '↑': 'ArrowUp', Esc: 'Escape' })[k] ?? k;
    const ctx: KeyContext = { ...triaging, helpOpen: true };
    const commands = new Set(listed.map((k) => commandFor(key(asKey(k), { shiftKey: k === '?' }), ctx)));
    expect(commands.has(null)).toBe(false);
    expect([...commands].sort()).toEqual(
      ['close', 'dismiss', 'help', 'next', 'open', 'pdf', 'prev', 'read', 'save', 'select', 'tag', 'undo'].sort(),
    );
  });
});
