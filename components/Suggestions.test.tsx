// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import type { Suggestion } from '@/lib/relevance';
import { Suggestions } from './Suggestions';
import type { Send } from '@/lib/message-client';
import { testBackground } from './test-background';

afterEach(cleanup);

const sugg = (id: string, title: string, score: number): Suggestion => ({
  meta: { id, title, authors: ['Ada Lovelace', 'Alan Turing'] },
  score,
  words: ['reward', 'policy gradient'],
  seenAt: 1,
});

describe('Suggestions', () => {
  it('explains the empty state', () => {
    render(<Suggestions suggestions={[]} send={vi.fn() as unknown as Send} openUrl={vi.fn()} />);
    expect(screen.getByText('No suggestions yet')).toBeTruthy();
  });

  it('lists suggestions with their reasons; save and dismiss teach the model through the background', async () => {
    const bg = await testBackground();
    const openUrl = vi.fn();
    const { container } = render(
      <Suggestions
        suggestions={[sugg('2601.00001', 'Rewarding <b>agents</b>', 0.9), sugg('2601.00002', 'Other', 0.6)]}
        send={bg.send}
        openUrl={openUrl}
      />,
    );
    const rows = container.querySelectorAll('[data-dogear-suggestion]');
    expect(rows).toHaveLength(2);
    // Page text is text: the markup in the title is shown literally.
    expect(rows[0]!.querySelector('b')).toBeNull();
    expect(rows[0]!.textContent).toContain('Rewarding <b>agents</b>');
    expect(rows[0]!.textContent).toContain('because: reward, policy gradient');

    fireEvent.click(rows[0]!.querySelector('[data-dogear-action="save"]')!);
    await waitFor(() => expect(rows[0]!.textContent).toContain('Saved'));
    expect(bg.papers.get('2601.00001')).toMatchObject({ status: 'saved', title: 'Rewarding <b>agents</b>' });

    fireEvent.click(rows[1]!.querySelector('[data-dogear-action="dismiss"]')!);
    await waitFor(() => expect(rows[1]!.textContent).toContain('Dismissed'));
    // A dismissed suggestion is kept as a label for the model, off the list.
    expect(bg.papers.get('2601.00002')).toMatchObject({ status: 'dismissed', dismissedFrom: 'none' });

    fireEvent.click(rows[1]!.querySelector('a')!);
    expect(openUrl).toHaveBeenCalledWith('https://huggingface.co/papers/2601.00002');
  });

  it('shows a failure instead of pretending', async () => {
    const send = vi.fn(async () => {
      throw new Error('IndexedDB is not available');
    });
    const { container } = render(
      <Suggestions suggestions={[sugg('2601.00001', 'A', 0.5)]} send={send as unknown as Send} openUrl={vi.fn()} />,
    );
    fireEvent.click(container.querySelector('[data-dogear-action="save"]')!);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('IndexedDB is not available'));
  });
});
