// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { DEFAULT_SETTINGS } from '@/lib/model';
import { toJson } from '@/lib/export';
import type { Send } from '@/lib/message-client';
import { ImportPanel } from './ImportPanel';
import { paper } from './test-papers';
import { testBackground } from './test-background';

afterEach(cleanup);

const existing = [paper(1, { status: 'read' }), paper(2), paper(3)];

/** The panel applying through the real background, as the popup and the options page wire it. */
async function setup() {
  const bg = await testBackground(existing);
  const onApplied = vi.fn();
  render(<ImportPanel send={bg.send} onApplied={onApplied} now={() => 5} />);
  const applied = () => bg.calls.filter((c) => c.type === 'import.apply');
  const staged = () => bg.calls.filter((c) => c.type === 'import.stage');
  return { bg, applied, staged, onApplied };
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
const previewed = () => waitFor(() => expect(preview()).toBeTruthy());

describe('ImportPanel', () => {
  it('previews a JSON merge and applies it with one call', async () => {
    const { bg, applied, staged, onApplied } = await setup();
    const file = toJson([paper(2, { tags: ['x'], updatedAt: 9e9 }), paper(3), paper(7)], DEFAULT_SETTINGS, new Date(0));
    await pickFile(file);
    expect(preview()).toContain('1 new, 1 updated, 0 removed (1 already in the list)');
    fireEvent.click(document.querySelector('[data-dogear-action="import-apply"]')!);
    await waitFor(() => expect(onApplied).toHaveBeenCalled());
    // The papers go to the background once, with the preview; Import sends only the token it gave.
    expect(staged()).toHaveLength(1);
    expect(applied()).toHaveLength(1);
    expect(Object.keys(applied()[0]!.payload as object).sort()).toEqual(['mode', 'settings', 'token']);
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
    // The record as the background stored it: the preview compares the file with the list it holds.
    const stored = (await bg.store.getPaper('2610.10003'))!;
    await pickFile(toJson([stored], { ...DEFAULT_SETTINGS, hideDismissed: true }, new Date(0)));
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
    const { applied, staged } = await setup();
    await pickFile('{"format":"dogear","version":1,"papers":[{"id":"<img src=x onerror=alert(1)>"}]}');
    expect(screen.getByRole('alert').textContent).toMatch(/^Nothing was imported\. papers\[0\]/);
    expect(document.querySelector('img')).toBeNull();
    await pickFile('{"format":"dogear", "papers": [');
    expect(screen.getByRole('alert').textContent).toContain('not valid JSON');
    expect(document.querySelector('[data-dogear-action="import-apply"]')).toBeNull();
    expect(applied()).toHaveLength(0);
    expect(staged()).toHaveLength(0);
  });

  it('an id list only adds papers: known ids keep their status', async () => {
    const { bg, onApplied } = await setup();
    fireEvent.input(screen.getByLabelText('Paste arXiv ids or URLs to import'), {
      target: { value: '2610.10001 https://huggingface.co/papers/2501.00002' },
    });
    fireEvent.click(screen.getByText('Preview'));
    await previewed();
    expect(preview()).toContain('1 new, 0 updated, 0 removed (1 already in the list)');
    expect(screen.queryByLabelText('Replace my list')).toBeNull();
    fireEvent.click(document.querySelector('[data-dogear-action="import-apply"]')!);
    await waitFor(() => expect(onApplied).toHaveBeenCalled());
    expect([...bg.papers.keys()].sort()).toEqual(['2501.00002', '2610.10001', '2610.10002', '2610.10003']);
    expect(bg.papers.get('2610.10001')!.status).toBe('read');
  });

  it('stages the file again when the background no longer has it, and imports it once', async () => {
    const { bg, applied, staged, onApplied } = await setup();
    await pickFile(toJson([paper(7)], DEFAULT_SETTINGS, new Date(0)));
    // Another tab's preview takes the background's one slot (a stopped worker forgets it the same way).
    await bg.send('import.stage', { kind: 'ids', papers: [paper(9)] });
    fireEvent.click(document.querySelector('[data-dogear-action="import-apply"]')!);
    await waitFor(() => expect(onApplied).toHaveBeenCalledWith('Imported: 1 new paper, 0 updated.', false));
    expect(staged()).toHaveLength(3);
    expect(applied()).toHaveLength(2);
    expect(bg.papers.has('2610.10007')).toBe(true);
    expect(bg.papers.has('2610.10009')).toBe(false);
  });

  it('reports a failed apply', async () => {
    const bg = await testBackground(existing);
    const send = ((type, payload) =>
      type === 'import.apply' ? Promise.reject(new Error('quota exceeded')) : bg.send(type, payload)) as Send;
    render(<ImportPanel send={send} />);
    fireEvent.input(screen.getByLabelText('Paste arXiv ids or URLs to import'), { target: { value: '2501.00002' } });
    fireEvent.click(screen.getByText('Preview'));
    await previewed();
    fireEvent.click(document.querySelector('[data-dogear-action="import-apply"]')!);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Nothing was imported: quota exceeded'));
  });
});
