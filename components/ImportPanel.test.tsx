// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { DEFAULT_SETTINGS } from '@/lib/model';
import { toJson } from '@/lib/export';
import { ImportPanel, type ApplyRequest } from './ImportPanel';
import { paper } from './test-papers';

afterEach(cleanup);

const existing = [paper(1, { status: 'read' }), paper(2), paper(3)];

function setup() {
  const apply = vi.fn(async (_r: ApplyRequest) => {});
  const onApplied = vi.fn();
  render(<ImportPanel existing={existing} apply={apply} onApplied={onApplied} now={() => 5} />);
  return { apply, onApplied };
}

async function pickFile(text: string, name = 'list.json') {
  const input = document.querySelector<HTMLInputElement>('input[type="file"][name="import"]')!;
  const file = new File([text], name, { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
  await waitFor(() =>
    expect(document.querySelector('[data-dogear-import-preview], [data-dogear-import-error]')).not.toBeNull(),
  );
}

const preview = () => document.querySelector('[data-dogear-import-preview]')?.textContent;

describe('ImportPanel', () => {
  it('previews a JSON merge and applies it with one call', async () => {
    const { apply, onApplied } = setup();
    const file = toJson([paper(2, { tags: ['x'], updatedAt: 9e9 }), paper(3), paper(7)], DEFAULT_SETTINGS, new Date(0));
    await pickFile(file);
    expect(preview()).toContain('1 new, 1 updated, 0 removed (1 already in the list)');
    fireEvent.click(document.querySelector('[data-dogear-action="import-apply"]')!);
    await waitFor(() => expect(onApplied).toHaveBeenCalled());
    expect(apply).toHaveBeenCalledTimes(1);
    const req = apply.mock.calls[0]![0];
    expect(req.put.map((p) => p.id).sort()).toEqual(['2610.10002', '2610.10007']);
    expect(req.put.find((p) => p.id === '2610.10002')!.tags).toEqual(['x']);
    expect(req.remove).toEqual([]);
    expect(req.settings).toBeUndefined();
    expect(screen.getByText(/Imported: 1 new paper, 1 updated/)).toBeTruthy();
  });

  it('sends the file’s Trash along and says so in the preview', async () => {
    const { apply } = setup();
    const removed = { ...paper(8, { note: 'kept' }), trashedAt: 3 };
    await pickFile(toJson([paper(3)], DEFAULT_SETTINGS, new Date(0), [removed]));
    expect(preview()).toContain('to the Trash: 1 removed paper (unless on your list)');
    fireEvent.click(document.querySelector('[data-dogear-action="import-apply"]')!);
    await waitFor(() => expect(apply).toHaveBeenCalledTimes(1));
    expect(apply.mock.calls[0]![0].trash).toEqual([removed]);
  });

  it('replace mode previews and sends removals, and settings only when asked', async () => {
    const { apply } = setup();
    await pickFile(toJson([paper(3)], { ...DEFAULT_SETTINGS, hideDismissed: true }, new Date(0)));
    fireEvent.click(screen.getByLabelText('Replace my list'));
    expect(preview()).toContain('0 new, 0 updated, 2 removed');
    fireEvent.click(screen.getByLabelText('Also import keywords and tag rules from the file'));
    fireEvent.click(screen.getByText('Import and remove 2'));
    await waitFor(() => expect(apply).toHaveBeenCalledTimes(1));
    const req = apply.mock.calls[0]![0];
    expect(req.remove.sort()).toEqual(['2610.10001', '2610.10002']);
    expect(req.settings?.hideDismissed).toBe(true);
  });

  it('shows the parser message for invalid files and never applies', async () => {
    const { apply } = setup();
    await pickFile('{"format":"dogear","version":1,"papers":[{"id":"<img src=x onerror=alert(1)>"}]}');
    expect(screen.getByRole('alert').textContent).toMatch(/^Nothing was imported\. papers\[0\]/);
    expect(document.querySelector('img')).toBeNull();
    await pickFile('{"format":"dogear", "papers": [');
    expect(screen.getByRole('alert').textContent).toContain('not valid JSON');
    expect(document.querySelector('[data-dogear-action="import-apply"]')).toBeNull();
    expect(apply).not.toHaveBeenCalled();
  });

  it('an id list only adds papers: known ids keep their status', async () => {
    const { apply } = setup();
    fireEvent.input(screen.getByLabelText('Paste arXiv ids or URLs to import'), {
      target: { value: '2610.10001 https://huggingface.co/papers/2501.00002' },
    });
    fireEvent.click(screen.getByText('Preview'));
    expect(preview()).toContain('1 new, 0 updated, 0 removed (1 already in the list)');
    expect(screen.queryByLabelText('Replace my list')).toBeNull();
    fireEvent.click(document.querySelector('[data-dogear-action="import-apply"]')!);
    await waitFor(() => expect(apply).toHaveBeenCalledTimes(1));
    expect(apply.mock.calls[0]![0].put.map((p) => p.id)).toEqual(['2501.00002']);
  });

  it('reports a failed apply', async () => {
    const apply = vi.fn(async () => {
      throw new Error('quota exceeded');
    });
    render(<ImportPanel existing={existing} apply={apply} />);
    fireEvent.input(screen.getByLabelText('Paste arXiv ids or URLs to import'), { target: { value: '2501.00002' } });
    fireEvent.click(screen.getByText('Preview'));
    fireEvent.click(document.querySelector('[data-dogear-action="import-apply"]')!);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Nothing was imported: quota exceeded'));
  });
});
