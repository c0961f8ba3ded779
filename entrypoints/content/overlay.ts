import type { PaperState } from '@/lib/mirror';
import { followRowHeight, unfollowRowHeight } from './host-size';
import type { Mounted } from './mount';
import { drawRow, type OverlayController, type ScoreInfo } from './overlay-view';

/** What an entry shows: its reading-list state, whether it is new to the user, its relevance score. */
export interface EntryView {
  state: PaperState | null;
  isNew: boolean;
  score: ScoreInfo | null;
}

/** The entry's state attributes: seen at a glance, and used by the page CSS. */
export function applyAttributes(m: Mounted, view: EntryView): void {
  const el = m.entry.element;
  // Attributes, not `dataset`: see ENTRY_ATTRS.
  setOrRemove(el, 'data-dogear-status', view.state?.status);
  el.toggleAttribute('data-dogear-new', view.isNew);
  setOrRemove(el, 'data-dogear-score', view.score?.value.toFixed(2));
}

/** Draws (or redraws) the overlay's contents into its shadow root. */
export function drawOverlay(
  m: Mounted,
  view: EntryView,
  tagColors: ReadonlyMap<string, string>,
  controller: OverlayController,
): void {
  m.host.removeAttribute('data-pending');
  const drawn = m.row;
  m.row = drawRow(m.host.shadowRoot as ShadowRoot, drawn, { ...view, pageTags: m.pageTags, tagColors }, controller);
  if (!drawn) followRowHeight(m.host, m.row);
}

function setOrRemove(el: Element, name: string, value: string | undefined): void {
  if (value === undefined) el.removeAttribute(name);
  else el.setAttribute(name, value);
}

/** Takes the overlay's contents out of its shadow root. */
export function clearOverlay(m: Mounted): void {
  if (!m.row) return;
  unfollowRowHeight(m.host, m.row);
  m.row.remove();
  m.row = undefined;
}
