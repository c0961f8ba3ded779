import type { Paper, PaperStatus } from './model';

/**
 * The one rule for every status change, wherever it is asked for (a listing's
 * overlay, its keyboard triage, the popup's rows and keys, bulk actions):
 * current status × action → next status, and whether the change is offered
 * for undo. `none` is "not on the list" (no record, or a record in the Trash).
 *
 * The record is never deleted by an action: `none` moves it to the Trash with
 * its note, tags and dates, and un-dismissing goes back to the status the
 * paper had before it was dismissed (kept in `dismissedFrom`).
 */

export type ListStatus = PaperStatus | 'none';
export const LIST_STATUSES: readonly ListStatus[] = ['none', 'saved', 'read', 'dismissed'];

export const STATUS_ACTIONS = ['save', 'unsave', 'read', 'unread', 'dismiss', 'undismiss'] as const;
export type StatusAction = (typeof STATUS_ACTIONS)[number];

/** `before-dismiss`: whatever the paper was before it was dismissed. */
type Target = ListStatus | 'before-dismiss';

const TABLE: Record<ListStatus, Record<StatusAction, Target>> = {
  none: { save: 'saved', unsave: 'none', read: 'read', unread: 'none', dismiss: 'dismissed', undismiss: 'none' },
  saved: { save: 'saved', unsave: 'none', read: 'read', unread: 'saved', dismiss: 'dismissed', undismiss: 'saved' },
  // Saving a read paper keeps it read: "save" never loses the read mark.
  read: { save: 'read', unsave: 'none', read: 'read', unread: 'saved', dismiss: 'dismissed', undismiss: 'read' },
  dismissed: {
    save: 'saved',
    unsave: 'none',
    read: 'read',
    // Unread is about the read mark; a dismissed paper has none to take away.
    unread: 'dismissed',
    dismiss: 'dismissed',
    undismiss: 'before-dismiss',
  },
};

export interface Transition {
  next: ListStatus;
  /** Whether anything changes at all. */
  changed: boolean;
  /** Offered for undo: the paper leaves the list or the listing's view. */
  undoable: boolean;
}

/**
 * `dismissedFrom` is what the record remembers; records dismissed before it
 * existed have none and go back to "saved", so un-dismissing never makes a
 * paper (and its note) disappear from the list.
 */
export function transition(from: ListStatus, action: StatusAction, dismissedFrom?: ListStatus): Transition {
  const target = TABLE[from][action];
  const next = target === 'before-dismiss' ? (dismissedFrom ?? 'saved') : target;
  const changed = next !== from;
  return { next, changed, undoable: changed && (next === 'none' || next === 'dismissed') };
}

/** The three toggle buttons (overlay, popup row, keys): which action a press means in the current status. */
export type Control = 'save' | 'read' | 'dismiss';
export function toggleAction(control: Control, status: ListStatus): StatusAction {
  switch (control) {
    case 'save':
      return status === 'saved' || status === 'read' ? 'unsave' : 'save';
    case 'read':
      return status === 'read' ? 'unread' : 'read';
    case 'dismiss':
      return status === 'dismissed' ? 'undismiss' : 'dismiss';
  }
}

export function listStatus(p: { status?: PaperStatus } | null | undefined): ListStatus {
  return p?.status ?? 'none';
}

/**
 * The status fields of a record after an action; everything else (note, tags,
 * rule tags, savedAt, an earlier readAt) is the caller's to keep as it was.
 * `next: 'none'` means: move the record to the Trash.
 */
export function applyAction(
  before: (Partial<Pick<Paper, 'status'>> & Pick<Paper, 'readAt' | 'dismissedFrom'>) | undefined,
  action: StatusAction,
  now: number,
): Transition & { dismissedFrom?: Exclude<ListStatus, 'dismissed'>; readAt?: number } {
  const from = listStatus(before);
  const t = transition(from, action, before?.dismissedFrom);
  // Marked read now only by "read" itself: un-dismissing back to read keeps the date it was read.
  const readAt = action === 'read' && from !== 'read' ? now : before?.readAt;
  // Remembered only while dismissed; re-dismissing keeps the first answer.
  const dismissedFrom = t.next === 'dismissed' ? (from === 'dismissed' ? before?.dismissedFrom : from) : undefined;
  return { ...t, readAt, dismissedFrom };
}
