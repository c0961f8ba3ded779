/**
 * The listing shortcuts: which key is which command, and when a key is ours at
 * all. Pure, so every rule about keys is tested without a page; the DOM side of
 * "never steal keys" (text fields, modals) is in `guard.ts`.
 *
 * Keys are read from `KeyboardEvent.key`, so they follow the user's keyboard
 * layout (`?` is wherever the layout puts it).
 */

export type KeyCommand =
  | 'next'
  | 'prev'
  | 'save'
  | 'read'
  | 'dismiss'
  | 'tag'
  | 'open'
  | 'pdf'
  | 'undo'
  | 'select'
  | 'help'
  | 'close';

/** The parts of a `KeyboardEvent` the key map reads. */
export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  repeat: boolean;
  isComposing: boolean;
  /** 229 while an input method is composing, in engines that do not set `isComposing` on every key. */
  keyCode: number;
}

export interface KeyContext {
  /** No element of the page has focus: arrows, Enter and Esc would otherwise belong to it. */
  nothingFocused: boolean;
  /** An entry carries the focus ring (triage has started). */
  hasFocus: boolean;
  hasSelection: boolean;
  helpOpen: boolean;
}

const LETTERS: ReadonlyMap<string, KeyCommand> = new Map([
  ['j', 'next'],
  ['k', 'prev'],
  ['s', 'save'],
  ['r', 'read'],
  ['d', 'dismiss'],
  ['t', 'tag'],
  ['o', 'open'],
  ['p', 'pdf'],
  ['u', 'undo'],
  ['x', 'select'],
  ['?', 'help'],
]);

/** Held down, these repeat usefully; a held `s` must not toggle a paper back and forth. */
const REPEATS = new Set<KeyCommand>(['next', 'prev']);

/**
 * The command a key press asks for, or null when the key belongs to the page or
 * the browser. Modified keys (Ctrl, ⌘, Alt) are never ours: they are the
 * browser's and the page's shortcuts (Ctrl+S saves the page). Shift only counts
 * where it is part of the character (`?`).
 *
 * ↓/↑ and Enter are ours only once triage has started (an entry is focused) and
 * no element of the page has focus: before the first `j` the arrows scroll the
 * page as always, and a focused link or button keeps its own Enter and arrows.
 */
export function commandFor(e: KeyLike, ctx: KeyContext): KeyCommand | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  if (e.isComposing || e.keyCode === 229) return null;
  const cmd = commandOf(e, ctx);
  if (!cmd || (e.repeat && !REPEATS.has(cmd))) return null;
  return cmd;
}

function commandOf(e: KeyLike, ctx: KeyContext): KeyCommand | null {
  const letter = LETTERS.get(e.key);
  if (letter) return letter;
  if (e.shiftKey) return null;
  const triaging = ctx.hasFocus && ctx.nothingFocused;
  switch (e.key) {
    case 'ArrowDown':
      return triaging ? 'next' : null;
    case 'ArrowUp':
      return triaging ? 'prev' : null;
    case 'Enter':
      return triaging ? 'open' : null;
    case 'Escape':
      // The help card closes from anywhere; otherwise Esc is ours only with nothing of the page focused.
      if (ctx.helpOpen) return 'close';
      return ctx.nothingFocused && (ctx.hasSelection || ctx.hasFocus) ? 'close' : null;
    default:
      return null;
  }
}

/** What the help card and the options page list, in this order. */
export const KEY_HELP: ReadonlyArray<{ keys: string[]; label: string }> = [
  { keys: ['j', '↓'], label: 'Next entry' },
  { keys: ['k', '↑'], label: 'Previous entry' },
  { keys: ['s'], label: 'Save / remove from your list' },
  { keys: ['r'], label: 'Mark read / unread' },
  { keys: ['d'], label: 'Dismiss / restore' },
  { keys: ['t'], label: 'Add a tag' },
  { keys: ['o', 'Enter'], label: 'Open the paper’s page (new tab)' },
  { keys: ['p'], label: 'Open the PDF (new tab)' },
  { keys: ['x'], label: 'Select / unselect (s, r, d then act on all selected)' },
  { keys: ['u'], label: 'Undo the last action' },
  { keys: ['?'], label: 'Show / hide these keys' },
  { keys: ['Esc'], label: 'Close this card, clear the selection, then the focus' },
];
