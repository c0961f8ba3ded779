import { toggleAction, type Control, type ListStatus, type StatusAction } from '@/lib/status';

/** What a status change is called where the user hears of it (live region, batch toast). */
export const DONE_WORDS: Record<StatusAction, string> = {
  save: 'Saved',
  unsave: 'Removed from your list',
  read: 'Marked read',
  unread: 'Marked unread',
  dismiss: 'Dismissed',
  undismiss: 'Restored',
};

/**
 * `s`, `r` or `d` with a selection: every selected entry ends up in the same
 * state. The status table's toggle (the button's own rule) decides, entry by
 * entry, whether the key puts it into that state or takes it out: when it
 * would put any of them in, the batch acts on those only (saving three papers
 * of which one is saved does not unsave that one); when it would take every
 * one out (all saved), it takes them all out. The items returned get exactly
 * the action their own button press would give them.
 */
export function batchPlan<T>(
  control: Control,
  items: readonly T[],
  statusOf: (item: T) => ListStatus,
): { action: StatusAction | null; items: T[] } {
  const putIn = items.filter((item) => toggleAction(control, statusOf(item)) === control);
  if (putIn.length) return { action: control, items: putIn };
  const first = items[0];
  return first === undefined
    ? { action: null, items: [] }
    : { action: toggleAction(control, statusOf(first)), items: [...items] };
}
