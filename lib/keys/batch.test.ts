import { describe, expect, it } from 'vitest';
import type { ListStatus } from '@/lib/status';
import { batchPlan } from './batch';

const plan = (control: 'save' | 'read' | 'dismiss', statuses: ListStatus[]) =>
  batchPlan(
    control,
    statuses.map((s, i) => ({ i, s })),
    (x) => x.s,
  );
const indices = (p: ReturnType<typeof plan>) => p.items.map((x) => x.i);

describe('batchPlan', () => {
  it('acts only on the entries the key puts into the state, leaving those already in it', () => {
    const p = plan('save', ['none', 'saved', 'dismissed', 'read']);
    expect(p.action).toBe('save');
    // A read paper counts as on the list (its save button is pressed): it is not re-saved.
    expect(indices(p)).toEqual([0, 2]);
    expect(indices(plan('read', ['read', 'saved', 'none']))).toEqual([1, 2]);
    expect(indices(plan('dismiss', ['dismissed', 'none', 'read']))).toEqual([1, 2]);
  });

  it('takes all of them out when all are already in the state', () => {
    expect(plan('save', ['saved', 'read'])).toMatchObject({ action: 'unsave' });
    expect(indices(plan('save', ['saved', 'read']))).toEqual([0, 1]);
    expect(plan('read', ['read', 'read'])).toMatchObject({ action: 'unread' });
    expect(plan('dismiss', ['dismissed'])).toMatchObject({ action: 'undismiss' });
  });

  it('gives each entry the action its own button would: the status table decides', () => {
    // Dismissed papers are saved by s (the table: dismissed × save → saved), not left out.
    expect(plan('save', ['dismissed', 'dismissed'])).toMatchObject({ action: 'save' });
    expect(indices(plan('save', ['dismissed', 'dismissed']))).toEqual([0, 1]);
  });

  it('has nothing to do for an empty selection', () => {
    expect(plan('dismiss', [])).toEqual({ action: null, items: [] });
  });
});
