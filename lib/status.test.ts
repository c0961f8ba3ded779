import { describe, expect, it } from 'vitest';
import {
  applyAction,
  LIST_STATUSES,
  listStatus,
  STATUS_ACTIONS,
  toggleAction,
  transition,
  type ListStatus,
  type StatusAction,
} from './status';

/**
 * Every cell of the table written out by hand (from, action → next, undo offered),
 * so a change to the table has to change this list too. `undismiss` from
 * `dismissed` is covered separately for each remembered status.
 */
const EXPECTED: Array<[ListStatus, StatusAction, ListStatus, boolean]> = [
  ['none', 'save', 'saved', false],
  ['none', 'unsave', 'none', false],
  ['none', 'read', 'read', false],
  ['none', 'unread', 'none', false],
  ['none', 'dismiss', 'dismissed', true],
  ['none', 'undismiss', 'none', false],
  ['saved', 'save', 'saved', false],
  ['saved', 'unsave', 'none', true],
  ['saved', 'read', 'read', false],
  ['saved', 'unread', 'saved', false],
  ['saved', 'dismiss', 'dismissed', true],
  ['saved', 'undismiss', 'saved', false],
  ['read', 'save', 'read', false],
  ['read', 'unsave', 'none', true],
  ['read', 'read', 'read', false],
  ['read', 'unread', 'saved', false],
  ['read', 'dismiss', 'dismissed', true],
  ['read', 'undismiss', 'read', false],
  ['dismissed', 'save', 'saved', false],
  ['dismissed', 'unsave', 'none', true],
  ['dismissed', 'read', 'read', false],
  ['dismissed', 'unread', 'dismissed', false],
  ['dismissed', 'dismiss', 'dismissed', false],
];

describe('status table', () => {
  it('lists every status × action once (the hand-written table is complete)', () => {
    const covered = new Set(EXPECTED.map(([f, a]) => `${f}:${a}`));
    for (const f of LIST_STATUSES)
      for (const a of STATUS_ACTIONS) {
        if (f === 'dismissed' && a === 'undismiss') continue;
        expect(covered.has(`${f}:${a}`), `${f} × ${a}`).toBe(true);
      }
    expect(covered.size).toBe(EXPECTED.length);
  });

  it.each(EXPECTED)('%s × %s → %s (undo: %s)', (from, action, next, undoable) => {
    // The remembered status must not matter for any of these cells.
    for (const remembered of [undefined, 'none', 'saved', 'read'] as const) {
      expect(transition(from, action, remembered)).toEqual({ next, changed: next !== from, undoable });
    }
  });

  it.each([
    ['none', 'none', true],
    ['saved', 'saved', false],
    ['read', 'read', false],
  ] as const)('un-dismissing a paper dismissed from %s puts it back to %s', (remembered, next, undoable) => {
    expect(transition('dismissed', 'undismiss', remembered)).toEqual({ next, changed: true, undoable });
  });

  it('un-dismissing a record from before the field existed puts it on the list, never off it', () => {
    expect(transition('dismissed', 'undismiss', undefined).next).toBe('saved');
  });

  it('dismiss then undismiss is the identity for every status, through the records', () => {
    for (const from of ['none', 'saved', 'read'] as const) {
      const before = from === 'none' ? undefined : { status: from, readAt: 5 };
      const dismissed = applyAction(before, 'dismiss', 10);
      expect(dismissed.next).toBe('dismissed');
      const back = applyAction(
        { status: 'dismissed', readAt: dismissed.readAt, dismissedFrom: dismissed.dismissedFrom },
        'undismiss',
        20,
      );
      expect(back.next).toBe(from);
      // The read date is history: it survives the round trip.
      expect(back.readAt).toBe(before?.readAt);
    }
  });

  it('undo is offered exactly when a paper leaves the list or is dismissed', () => {
    for (const f of LIST_STATUSES)
      for (const a of STATUS_ACTIONS)
        for (const r of [undefined, 'none', 'saved', 'read'] as const) {
          const t = transition(f, a, r);
          expect(t.undoable).toBe(t.changed && (t.next === 'none' || t.next === 'dismissed'));
        }
  });

  it('no action but unsave (or un-dismissing what was never on the list) takes a paper off the list', () => {
    for (const f of LIST_STATUSES)
      for (const a of STATUS_ACTIONS) {
        const t = transition(f, a, 'saved');
        if (f !== 'none' && t.next === 'none') expect(a).toBe('unsave');
      }
  });
});

describe('toggles', () => {
  it.each([
    ['save', 'none', 'save'],
    ['save', 'saved', 'unsave'],
    ['save', 'read', 'unsave'],
    ['save', 'dismissed', 'save'],
    ['read', 'none', 'read'],
    ['read', 'saved', 'read'],
    ['read', 'read', 'unread'],
    ['read', 'dismissed', 'read'],
    ['dismiss', 'none', 'dismiss'],
    ['dismiss', 'saved', 'dismiss'],
    ['dismiss', 'read', 'dismiss'],
    // The bug this table fixes: ✕ on a dismissed entry used to delete the record, and `d` in the popup re-saved it.
    ['dismiss', 'dismissed', 'undismiss'],
  ] as const)('%s pressed on %s means %s', (control, status, action) => {
    expect(toggleAction(control, status)).toBe(action);
  });

  it('✕ twice on a read paper leaves it read', () => {
    const first = applyAction({ status: 'read', readAt: 3 }, toggleAction('dismiss', 'read'), 10);
    const second = applyAction(
      { status: 'dismissed', readAt: first.readAt, dismissedFrom: first.dismissedFrom },
      toggleAction('dismiss', first.next),
      20,
    );
    expect(second).toMatchObject({ next: 'read', readAt: 3, dismissedFrom: undefined });
  });
});

describe('applyAction', () => {
  it('sets readAt only when a paper becomes read, and keeps an earlier one otherwise', () => {
    expect(applyAction(undefined, 'read', 7).readAt).toBe(7);
    expect(applyAction({ status: 'read', readAt: 3 }, 'read', 7).readAt).toBe(3);
    expect(applyAction({ status: 'read', readAt: 3 }, 'unread', 7).readAt).toBe(3);
    expect(applyAction({ status: 'saved', readAt: 3 }, 'read', 7).readAt).toBe(7);
    expect(applyAction({ status: 'saved' }, 'dismiss', 7).readAt).toBeUndefined();
  });

  it('remembers the status before dismissal only while dismissed, and keeps the first one when dismissed again', () => {
    expect(applyAction({ status: 'read' }, 'dismiss', 1).dismissedFrom).toBe('read');
    expect(applyAction(undefined, 'dismiss', 1).dismissedFrom).toBe('none');
    expect(applyAction({ status: 'dismissed', dismissedFrom: 'read' }, 'dismiss', 1).dismissedFrom).toBe('read');
    expect(applyAction({ status: 'dismissed', dismissedFrom: 'read' }, 'save', 1).dismissedFrom).toBeUndefined();
    expect(applyAction({ status: 'dismissed', dismissedFrom: 'read' }, 'unsave', 1).dismissedFrom).toBeUndefined();
  });

  it('treats a record without a status (one in the Trash) as not on the list', () => {
    expect(listStatus(undefined)).toBe('none');
    expect(listStatus(null)).toBe('none');
    expect(applyAction({ readAt: 4 }, 'save', 9)).toMatchObject({ next: 'saved', readAt: 4 });
  });
});
