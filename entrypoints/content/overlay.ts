import type { PaperState } from '@/lib/mirror';
import { followRowHeight, unfollowRowHeight } from './host-size';
import type { Mounted } from './mount';
import { type OverlayHandlers, OverlayView, type ScoreInfo } from './overlay-view';

/** What an entry shows: its reading-list state, whether it is new to the user, its relevance score. */
export interface EntryView {
  state: PaperState | null;
  isNew: boolean;
  score: ScoreInfo | null;
}

/** The entry's state attributes: seen at a glance, and used by the page CSS. */
export function applyAttributes(m: Mounted, view: EntryView): void {
  const el = m.entry.element;
  if (view.state) el.dataset.dogearStatus = view.state.status;
  else delete el.dataset.dogearStatus;
  if (view.isNew) el.dataset.dogearNew = '';
  else delete el.dataset.dogearNew;
  if (view.score) el.dataset.dogearScore = view.score.value.toFixed(2);
  else delete el.dataset.dogearScore;
}

/** Draws (or redraws) the overlay's contents into its shadow root. */
export function drawOverlay(
  m: Mounted,
  view: EntryView,
  tagColors: ReadonlyMap<string, string>,
  handlers: OverlayHandlers,
): void {
  delete m.host.dataset.pending;
  if (!m.view) {
    m.view = new OverlayView(m.root);
    followRowHeight(m.host, m.view.row);
  }
  m.view.update({ ...view, pageTags: m.pageTags, tagColors, handlers });
}

/** Takes the overlay's contents out of its shadow root. */
export function clearOverlay(m: Mounted): void {
  if (m.view) unfollowRowHeight(m.host, m.view.row);
  m.view?.destroy();
  m.view = undefined;
}
