import { h, render } from 'preact';
import { OverlayCard, type CardAction, type ScoreInfo } from '@/components/OverlayCard';
import type { PaperState } from '@/lib/mirror';
import type { Mounted } from './mount';

/** What an entry shows: its reading-list state, whether it is new to the user, its relevance score. */
export interface EntryView {
  state: PaperState | null;
  isNew: boolean;
  score: ScoreInfo | null;
}

export interface OverlayHandlers {
  onAction: (a: CardAction) => Promise<(() => Promise<void>) | void>;
  onAddTag: (t: string) => Promise<void>;
  onRemoveTag: (t: string) => Promise<void>;
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
  render(
    h(OverlayCard, {
      ...view,
      pageTags: m.pageTags,
      tagColors,
      layout: m.entry.inline ? 'inline' : 'block',
      ...handlers,
    }),
    m.root,
  );
}

/** Unmounts the overlay's component tree. */
export function clearOverlay(m: Mounted): void {
  render(null, m.root);
}
