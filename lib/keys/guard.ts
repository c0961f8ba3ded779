/**
 * "Never steal keys", the DOM side: a key is left alone while the user types
 * somewhere (a text field, an editable element — also inside shadow roots,
 * including the page's own search box) and while a modal of the page is open.
 * Modifier keys and IME composition are the key map's part (`keymap.ts`).
 */

/** Input types that take typed text; a focused checkbox or button does not. */
const TEXT_INPUTS = new Set([
  'text',
  'search',
  'email',
  'url',
  'tel',
  'password',
  'number',
  'date',
  'datetime-local',
  'month',
  'week',
  'time',
]);

/** ARIA roles of widgets that read typed keys themselves. */
const TYPING_ROLES = new Set(['textbox', 'searchbox', 'combobox', 'spinbutton']);

/** Whether keys pressed on `el` are text the user is typing. */
export function isTypingElement(el: Element): boolean {
  const tag = el.localName;
  if (tag === 'textarea' || tag === 'select') return true;
  if (tag === 'input') return TEXT_INPUTS.has(((el as HTMLInputElement).type || 'text').toLowerCase());
  if ((el as HTMLElement).isContentEditable || isEditableAttr(el)) return true;
  const role = el.getAttribute('role');
  return role !== null && TYPING_ROLES.has(role.trim().toLowerCase());
}

/** `isContentEditable` where the engine computes it; the attribute itself (inherited) where it does not. */
function isEditableAttr(el: Element): boolean {
  const host = el.closest('[contenteditable]');
  if (!host) return false;
  const v = host.getAttribute('contenteditable')?.toLowerCase();
  return v === '' || v === 'true' || v === 'plaintext-only';
}

/** The element that really has focus, looking through open shadow roots. */
export function deepActiveElement(doc: Document): Element | null {
  let el: Element | null = doc.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

/** Whether the user is typing: in the event's path (through open shadow roots), or where focus is. */
export function isTyping(event: Event, doc: Document): boolean {
  for (const node of event.composedPath()) if (node instanceof Element && isTypingElement(node)) return true;
  const active = deepActiveElement(doc);
  if (!active) return false;
  if (isTypingElement(active)) return true;
  // A focused custom element whose shadow root is closed may hold a text field we cannot see: leave it its keys.
  return active.localName.includes('-') && !active.shadowRoot && !isOurs(active);
}

/** No element of the page has focus (the document body has it), so arrows and Enter are free. */
export function nothingFocused(doc: Document): boolean {
  const a = doc.activeElement;
  return !a || a === doc.body || a === doc.documentElement;
}

/** Whether a modal of the page (not one of ours) is open: keys then belong to it. */
export function pageModalOpen(doc: Document): boolean {
  for (const d of doc.querySelectorAll('dialog[open]')) if (isModalDialog(d)) return true;
  for (const el of doc.querySelectorAll('[aria-modal="true"]')) if (!isOurs(el) && isShown(el)) return true;
  return false;
}

function isModalDialog(d: Element): boolean {
  try {
    return d.matches(':modal');
  } catch {
    // An engine without `:modal`: an open dialog counts when it is shown.
    return isShown(d);
  }
}

/** Rendered at all: a modal markup left in the page while hidden (`display: none`, `hidden`) is not open. */
function isShown(el: Element): boolean {
  if (typeof el.checkVisibility === 'function') return el.checkVisibility();
  return el.getClientRects().length > 0;
}

function isOurs(el: Element): boolean {
  return el.localName.startsWith('dogear-');
}

/** Everything that makes a key press not ours, short of the key map's own rules. */
export function keysBelongToPage(event: Event, doc: Document): boolean {
  return isTyping(event, doc) || pageModalOpen(doc);
}
