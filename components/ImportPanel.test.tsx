// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { DEFAULT_SETTINGS } from '@/lib/model';
import { toJson } from '@/lib/export';
import { ImportPanel } from './ImportPanel';
import { paper } from './test-papers';
import { testBackground } from './test-background';

afterEach(cleanup);

const existing = [paper(1, { status: 'read' }), paper(2), paper(3)];

/** The panel applying through the real background, as the popup and the options page wire it. */
async function setup() {
  const bg = await testBackground(existing);
  const onApplied = vi.fn();
  render(
    <ImportPanel existing={existing} apply={(r) => bg.send('papers.apply', r)} onApplied={onApplied} now={() => 5} />,
  );
  const applied = () => bg.calls.filter((c) => c.type === 'papers.apply');
  return { bg, applied, onApplied };
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
    const { bg, applied, onApplied } = await setup();
    const file = toJson([paper(2, { tags: ['x'], updatedAt: 9e9 }), paper(3), paper(7)], DEFAULT_SETTINGS, new Date(0));
    await pickFile(file);
    expect(preview()).toContain('1 new, 1 updated, 0 removed (1 already in the list)');
    fireEvent.click(document.querySelector('[data-dogear-action="import-apply"]')!);
    await waitFor(() => expect(onApplied).toHaveBeenCalled());
    expect(applied()).toHaveLength(1);
    expect([...bg.papers.keys()].sort()).toEqual(['2610.10001', '2610.10002', '2610.10003', '2610.10007']);
    expect(bg.papers.get('2610.10002')!.tags).toEqual(['x']);
    expect(bg.papers.get('2610.10001')!.status).toBe('read');
    expect((await bg.store.getSettings()).hideDismissed).toBe(DEFAULT_SETTINGS.hideDismissed);
    expect(screen.getByText(/Imported: 1 new paper, 1 updated/)).toBeTruthy();
  });

  it('sends the file’s Trash along and says so in the preview', async () => {
    const { bg, onApplied } = await setup();
    const removed = { ...paper(8, { note: 'kept' }), trashedAt: 3 };
    await pickFile(toJson([paper(3)], DEFAULT_SETTINGS, new Date(0), [removed]));
    expect(preview()).toContain('to the Trash: 1 removed paper (unless on your list)');
    fireEvent.click(document.querySelector('[data-dogear-action="import-apply"]')!);
    await waitFor(() => expect(onApplied).toHaveBeenCalled());
    expect(await bg.store.trash.list(0)).toEqual([removed]);
    expect(bg.papers.has(removed.id)).toBe(false);
  });

  it('replace mode previews and sends removals, and settings only when asked', async () => {
    const { bg, onApplied } = await setup();
    await pickFile(toJson([paper(3)], { ...DEFAULT_SETTINGS, hideDismissed: true }, new Date(0)));
    fireEvent.click(screen.getByLabelText('Replace my list'));
    expect(preview()).toContain('0 new, 0 updated, 2 removed');
    fireEvent.click(screen.getByLabelText('Also import keywords and tag rules from the file'));
    fireEvent.click(screen.getByText('Import and remove 2'));
    await waitFor(() => expect(onApplied).toHaveBeenCalled());
    expect([...bg.papers.keys()]).toEqual(['2610.10003']);
    // Removed into the Trash, and the list as it was kept in a backup.
    expect((await bg.store.trash.list(0)).map((p) => p.id).sort()).toEqual(['2610.10001', '2610.10002']);
    expect((await bg.store.listBackups()).map((b) => b.reason)).toContain('before-import');
    expect((await bg.store.getSettings()).hideDismissed).toBe(true);
  });

  it('shows the parser message for invalid files and never applies', async () => {
    const { applied } = await setup();
    await pickFile('{"format":"dogear","version":1,"papers":[{"id":"<img src=x onerror=alert(1)>"}]}');
    expect(screen.getByRole('alert').textContent).toMatch(/^Nothing was imported\. papers\[0\]/);
    expect(document.querySelector('img')).toBeNull();
    await pickFile('{"format":"dogear", "papers": [');
    expect(screen.getByRole('alert').textContent).toContain('not valid JSON');
    expect(document.querySelector('[data-dogear-action="import-apply"]')).toBeNull();
    expect(applied()).toHaveLength(0);
  });

  it('an id list only adds papers: known ids keep their status', async () => {
    const { bg, onApplied } = await setup();
    fireEvent.input(screen.getByLabelText('Paste arXiv ids or URLs to import'), {
      target: { value: '2610.10001 https://huggingface.co/papers/2501.00002' },
    });
    fireEvent.click(screen.getByText('Preview'));
    expect(preview()).toContain('1 new, 0 updated, 0 removed (1 already in the list)');
    expect(screen.queryByLabelText('Replace my list')).toBeNull();
    fireEvent.click(document.querySelector('[data-dogear-action="import-apply"]')!);
    await waitFor(() => expect(onApplied).toHaveBeenCalled());
    expect([...bg.papers.keys()].sort()).toEqual(['2501.00002', '2610.10001', '2610.10002', '2610.10003']);
    expect(bg.papers.get('2610.10001')!.status).toBe('read');
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
