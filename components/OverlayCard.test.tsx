// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { OverlayCard, type OverlayCardProps } from './OverlayCard';

afterEach(cleanup);

const props = (onAction: OverlayCardProps['onAction']): OverlayCardProps => ({
  state: { status: 'read', tags: [], ruleTags: [] },
  pageTags: [],
  tagColors: new Map(),
  isNew: false,
  score: null,
  layout: 'block',
  onAction,
  onAddTag: vi.fn(async () => {}),
  onRemoveTag: vi.fn(async () => {}),
});

describe('OverlayCard undo', () => {
  it('a later action withdraws the undo offered for an earlier one, at once', async () => {
    const undoDismiss = vi.fn(async () => {});
    let finishSecond: (v: undefined) => void = () => {};
    const onAction = vi
      .fn<OverlayCardProps['onAction']>()
      .mockResolvedValueOnce(undoDismiss)
      .mockReturnValueOnce(new Promise((resolve) => (finishSecond = resolve)));
    const { container } = render(<OverlayCard {...props(onAction)} />);
    const button = (name: string) => container.querySelector<HTMLElement>(`[data-dogear-action="${name}"]`);

    fireEvent.click(button('dismiss')!);
    await waitFor(() => expect(button('undo')).not.toBeNull());
    // The second action is still on its way (a slow background): its undo is not known yet, and the first
    // one's must not stay clickable meanwhile — it would revert the older change.
    fireEvent.click(button('save')!);
    await waitFor(() => expect(button('undo')).toBeNull());
    finishSecond(undefined);
    await waitFor(() => expect(onAction).toHaveBeenCalledTimes(2));
    expect(button('undo')).toBeNull();
    expect(undoDismiss).not.toHaveBeenCalled();
  });

  it('an earlier action finishing after a later one does not offer its undo', async () => {
    const undoFirst = vi.fn(async () => {});
    let finishFirst: (v: () => Promise<void>) => void = () => {};
    const onAction = vi
      .fn<OverlayCardProps['onAction']>()
      .mockReturnValueOnce(new Promise((resolve) => (finishFirst = resolve)))
      .mockResolvedValueOnce(undefined);
    const { container } = render(<OverlayCard {...props(onAction)} />);
    const button = (name: string) => container.querySelector<HTMLElement>(`[data-dogear-action="${name}"]`);

    fireEvent.click(button('dismiss')!);
    fireEvent.click(button('save')!);
    await waitFor(() => expect(onAction).toHaveBeenCalledTimes(2));
    finishFirst(undoFirst);
    await new Promise((r) => setTimeout(r, 20));
    expect(button('undo')).toBeNull();
  });
});
