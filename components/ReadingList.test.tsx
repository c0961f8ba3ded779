// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_SETTINGS, type Paper, type Settings } from '@/lib/model';
import { parseImport } from '@/lib/import';
import { Popup } from '@/entrypoints/popup/Popup';
import { ROW_HEIGHT } from './VirtualList';
import { paper } from './test-papers';
import { testBackground, type TestBackground } from './test-background';

afterEach(cleanup);

interface Harness {
  bg: TestBackground;
  openUrl: ReturnType<typeof vi.fn>;
  openOptions: ReturnType<typeof vi.fn>;
  files: { filename: string; mime: string; text: string }[];
  container: HTMLElement;
}

/**
 * The popup showing `initial` over the real background holding `stored`, following its list as the
 * popup's storage listener does. Only tests that send nothing store less than they show.
 */
async function setup(initial: Paper[], settings: Settings = DEFAULT_SETTINGS, stored = initial): Promise<Harness> {
  const openUrl = vi.fn();
  const openOptions = vi.fn();
  const files: Harness['files'] = [];
  const bg = await testBackground(stored, settings);
  function Host() {
    const [papers, setPapers] = useState(initial);
    useEffect(() => bg.follow(setPapers), []);
    return (
      <Popup
        papers={papers}
        settings={settings}
        send={bg.send}
        openUrl={openUrl}
        openOptions={openOptions}
        initialViewport={440}
        download={(filename, mime, text) => files.push({ filename, mime, text })}
      />
    );
  }
  const { container } = render(<Host />);
  return { bg, openUrl, openOptions, files, container: container as HTMLElement };
}

const rows = (c: HTMLElement) =>
  [...c.querySelectorAll<HTMLElement>('[data-dogear-item]')].map((r) => r.dataset.dogearItem);
const search = () => screen.getByRole('searchbox') as HTMLInputElement;
const type = (value: string) => fireEvent.input(search(), { target: { value } });
const key = (el: Element, k: string) => fireEvent.keyDown(el, { key: k });

const five = () => [
  paper(1, { title: 'Diffusion transformers at scale', tags: ['vision'], savedAt: 5 }),
  paper(2, { title: 'Sparse attention for long context', status: 'read', authors: ['Ørsted Müller'], savedAt: 4 }),
  paper(3, { title: 'Dismissed thing', status: 'dismissed', savedAt: 3 }),
  paper(4, { title: 'Reward models', note: 'check the ablation', published: '2023-02-01', savedAt: 2 }),
  paper(5, { title: '<img src=x onerror=alert(1)>', ruleTags: ['llm'], savedAt: 1 }),
];

describe('ReadingList', () => {
  it('while only the first screen is there: rows and search, but no counts, bulk actions or export', async () => {
    const papers = [paper(1), paper(2, { status: 'read' })];
    const props = {
      settings: DEFAULT_SETTINGS,
      send: (await testBackground(papers)).send,
      openUrl: vi.fn(),
      openOptions: vi.fn(),
      initialViewport: 440,
    };
    const { rerender, ...r } = render(<Popup papers={papers} complete={false} {...props} />);
    const container = r.container as HTMLElement;
    const q = (sel: string) => container.querySelectorAll<HTMLButtonElement>(sel);
    expect(rows(container)).toHaveLength(2);
    expect(search().disabled).toBe(false);
    expect(container.querySelector('.count')?.textContent).toBe('');
    expect(q('[data-dogear-action="data"]')).toHaveLength(0);
    for (const b of q('[data-dogear-action^="bulk-"], [data-dogear-action="export"]')) expect(b.disabled).toBe(true);
    expect(container.querySelector('[data-dogear-filter="status"] option')?.textContent).toBe('Reading list');

    rerender(<Popup papers={papers} complete {...props} />);
    expect(container.querySelector('.count')?.textContent).toBe('2 papers');
    expect(q('[data-dogear-action="data"]')).toHaveLength(1);
    expect(q('[data-dogear-action="export"]')[0]!.disabled).toBe(false);
    expect(q('[data-dogear-action="bulk-read"]')[0]!.disabled).toBe(false);
    expect(container.querySelector('[data-dogear-filter="status"] option')?.textContent).toBe('Reading list (2)');
  });

  it('shows the reading list (saved + read), newest saved first, with links, tags and note flag', async () => {
    const { container } = await setup(five());
    expect(rows(container)).toEqual(['2610.10001', '2610.10002', '2610.10004', '2610.10005']);
    const first = container.querySelector('[data-dogear-item="2610.10001"]')!;
    expect(first.textContent).toContain('Diffusion transformers at scale');
    expect(first.textContent).toContain('Author 1 et al.');
    expect(first.textContent).toContain('27 Oct 2026');
    expect(first.querySelector('[data-dogear-tag="vision"]')).not.toBeNull();
    const links = [...first.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(
      expect.arrayContaining([
        'https://huggingface.co/papers/2610.10001',
        'https://arxiv.org/abs/2610.10001',
        'https://arxiv.org/pdf/2610.10001',
      ]),
    );
    expect(container.querySelector('[data-dogear-item="2610.10004"] .note-flag')).not.toBeNull();
    // Hostile titles are text, never markup.
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('[data-dogear-item="2610.10005"]')!.textContent).toContain(
      '<img src=x onerror=alert(1)>',
    );
    expect(screen.getByText('4 papers')).toBeTruthy();
  });

  it('every button has an accessible name', async () => {
    const { container } = await setup(five());
    for (const b of container.querySelectorAll('button'))
      expect(b.getAttribute('aria-label') || b.textContent!.trim()).not.toBe('');
    for (const s of container.querySelectorAll('select, input')) expect(s.getAttribute('aria-label')).toBeTruthy();
  });

  it('filters by status, tag, text and query tokens', async () => {
    const { container } = await setup(five());
    fireEvent.change(screen.getByLabelText('Status filter'), { target: { value: 'dismissed' } });
    expect(rows(container)).toEqual(['2610.10003']);
    fireEvent.change(screen.getByLabelText('Status filter'), { target: { value: 'all' } });
    expect(rows(container)).toHaveLength(5);
    fireEvent.change(screen.getByLabelText('Tag filter'), { target: { value: 'llm' } });
    expect(rows(container)).toEqual(['2610.10005']);
    fireEvent.change(screen.getByLabelText('Tag filter'), { target: { value: '' } });
    type('orsted');
    expect(rows(container)).toEqual(['2610.10002']);
    type('ablation');
    expect(rows(container)).toEqual(['2610.10004']);
    type('status:read');
    expect(rows(container)).toEqual(['2610.10002']);
    type('year:2023');
    expect(rows(container)).toEqual(['2610.10004']);
    type('tag:vision -status:read');
    expect(rows(container)).toEqual(['2610.10001']);
    type('nothing matches this');
    expect(rows(container)).toEqual([]);
    expect(screen.getByText('No papers match.')).toBeTruthy();
    expect(screen.getByText('0 of 5')).toBeTruthy();
  });

  it('a new search updates the rows on screen in place rather than building them again', async () => {
    const { container } = await setup(five());
    const top = container.querySelector('[data-dogear-item]');
    expect(top?.getAttribute('data-dogear-item')).toBe('2610.10001');
    type('ablation');
    expect(rows(container)).toEqual(['2610.10004']);
    expect(container.querySelector('[data-dogear-item]')).toBe(top);
    expect(top?.querySelector('.row-title')?.textContent).toBe('Reward models');
  });

  it('sorts by title and published date', async () => {
    const { container } = await setup(five());
    fireEvent.change(screen.getByLabelText('Sort order'), { target: { value: 'title-asc' } });
    expect(rows(container)).toEqual(['2610.10005', '2610.10001', '2610.10004', '2610.10002']);
    fireEvent.change(screen.getByLabelText('Sort order'), { target: { value: 'published-asc' } });
    expect(rows(container)[0]).toBe('2610.10004');
  });

  it('keyboard: j/k move, r toggles read, Enter opens, x removes with undo, / focuses search, Escape clears', async () => {
    const { container, bg, openUrl } = await setup(five());
    const list = container.querySelector('[role="list"]')!;
    const active = () => container.querySelector('.row.active')?.getAttribute('data-dogear-item');
    expect(active()).toBe('2610.10001');
    key(list, 'j');
    key(document.activeElement!, 'j');
    expect(active()).toBe('2610.10004');
    expect(document.activeElement?.getAttribute('data-dogear-item')).toBe('2610.10004');
    key(document.activeElement!, 'k');
    expect(active()).toBe('2610.10002');
    key(document.activeElement!, 'ArrowDown');
    expect(active()).toBe('2610.10004');

    key(document.activeElement!, 'r');
    await waitFor(() => expect(bg.papers.get('2610.10004')!.status).toBe('read'));
    expect(
      container
        .querySelector('[data-dogear-item="2610.10004"] [data-dogear-action="read"]')!
        .getAttribute('aria-pressed'),
    ).toBe('true');

    key(document.activeElement!, 'Enter');
    expect(openUrl).toHaveBeenCalledWith('https://huggingface.co/papers/2610.10004');

    key(document.activeElement!, 'x');
    await waitFor(() => expect(rows(container)).not.toContain('2610.10004'));
    expect(bg.papers.has('2610.10004')).toBe(false);
    expect((await screen.findByRole('status')).textContent).toContain('Removed “Reward models”');
    fireEvent.click(await screen.findByText('Undo'));
    await waitFor(() => expect(rows(container)).toContain('2610.10004'));
    // Restored exactly as it was, note included.
    expect(bg.papers.get('2610.10004')!.note).toBe('check the ablation');

    key(list, '/');
    expect(document.activeElement).toBe(search());
    type('diffusion');
    expect(rows(container)).toEqual(['2610.10001']);
    key(search(), 'Escape');
    expect(search().value).toBe('');
    expect(rows(container)).toHaveLength(4);
  });

  it('row buttons: read toggle, dismiss, edit tags and note', async () => {
    const { container, bg } = await setup(five());
    const row = () => container.querySelector('[data-dogear-item="2610.10002"]')!;
    fireEvent.click(row().querySelector('[data-dogear-action="read"]')!);
    await waitFor(() => expect(bg.papers.get('2610.10002')!.status).toBe('saved'));
    fireEvent.click(row().querySelector('[data-dogear-action="dismiss"]')!);
    await waitFor(() => expect(rows(container)).not.toContain('2610.10002'));
    expect(bg.papers.get('2610.10002')!.status).toBe('dismissed');

    fireEvent.click(container.querySelector('[data-dogear-item="2610.10001"] [data-dogear-action="edit"]')!);
    const dialog = screen.getByRole('dialog');
    fireEvent.input(dialog.querySelector('input[name="tags"]')!, { target: { value: 'vision, to cite , vision' } });
    fireEvent.input(dialog.querySelector('textarea')!, { target: { value: 'Read §3 first' } });
    fireEvent.click(screen.getByText('Save'));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(bg.papers.get('2610.10001')!.tags).toEqual(['vision', 'to cite']);
    expect(bg.papers.get('2610.10001')!.note).toBe('Read §3 first');
    expect(container.querySelector('[data-dogear-item="2610.10001"] [data-dogear-tag="to cite"]')).not.toBeNull();

    // Removing a tag sends only the removal; the stored tags lose it.
    fireEvent.click(container.querySelector('[data-dogear-item="2610.10001"] [data-dogear-action="edit"]')!);
    fireEvent.input(screen.getByRole('dialog').querySelector('input[name="tags"]')!, { target: { value: 'to cite' } });
    fireEvent.click(screen.getByText('Save'));
    await waitFor(() => expect(bg.papers.get('2610.10001')!.tags).toEqual(['to cite']));
    expect(bg.calls.at(-1)).toMatchObject({ payload: { addTags: [], removeTags: ['vision'] } });
  });

  it('d dismisses with undo, and d on a dismissed paper puts back what it was (read), never re-saving it', async () => {
    const noted = paper(2, { status: 'read', readAt: 9, tags: ['rl'], note: 'keep me', savedAt: 4 });
    const { container, bg } = await setup([noted, paper(6, { savedAt: 1 })]);
    const row = () => container.querySelector<HTMLElement>('[data-dogear-item="2610.10002"]')!;
    key(row(), 'd');
    await waitFor(() => expect(bg.papers.get('2610.10002')!.status).toBe('dismissed'));
    expect((await screen.findByRole('status')).textContent).toContain('Dismissed');
    fireEvent.click(await screen.findByText('Undo'));
    await waitFor(() => expect(bg.papers.get('2610.10002')!.status).toBe('read'));

    key(row(), 'd');
    await waitFor(() => expect(bg.papers.get('2610.10002')!.status).toBe('dismissed'));
    fireEvent.change(container.querySelector('[data-dogear-filter="status"]')!, { target: { value: 'dismissed' } });
    await waitFor(() => expect(rows(container)).toEqual(['2610.10002']));
    key(row(), 'd');
    await waitFor(() => expect(bg.papers.get('2610.10002')!.status).toBe('read'));
    expect(bg.papers.get('2610.10002')).toMatchObject({ tags: ['rl'], note: 'keep me', readAt: 9, savedAt: 4 });
    expect(bg.papers.get('2610.10002')!.dismissedFrom).toBeUndefined();
  });

  it('rejects an invalid tag in the editor without saving', async () => {
    const { bg } = await setup(five());
    fireEvent.click(document.querySelector('[data-dogear-item="2610.10001"] [data-dogear-action="edit"]')!);
    fireEvent.input(screen.getByRole('dialog').querySelector('input[name="tags"]')!, {
      target: { value: 'x'.repeat(61) },
    });
    fireEvent.click(screen.getByText('Save'));
    expect(screen.getByRole('alert').textContent).toContain('not a valid tag');
    expect(bg.calls.filter((c) => c.type === 'paper.update')).toHaveLength(0);
  });

  it('bulk actions apply to the filtered set only, with confirm and undo', async () => {
    const { container, bg } = await setup(five());
    type('tag:vision');
    fireEvent.click(screen.getByLabelText('Mark read: 1 paper'));
    await waitFor(() => expect(bg.papers.get('2610.10001')!.status).toBe('read'));
    expect(bg.papers.get('2610.10004')!.status).toBe('saved');
    fireEvent.click(await screen.findByText('Undo'));
    await waitFor(() => expect(bg.papers.get('2610.10001')!.status).toBe('saved'));

    type('');
    fireEvent.click(screen.getByLabelText('Add tag to 4 papers'));
    fireEvent.input(screen.getByLabelText('Tag to add to 4 papers'), { target: { value: 'batch' } });
    fireEvent.click(screen.getByText('Add tag'));
    await waitFor(() => expect(bg.papers.get('2610.10005')!.tags).toEqual(['batch']));
    expect(bg.papers.get('2610.10003')!.tags).toEqual([]); // dismissed, not shown

    type('reward');
    fireEvent.click(screen.getByLabelText('Remove 1 paper'));
    expect(bg.papers.size).toBe(5); // only after confirming
    fireEvent.click(container.querySelector('[data-dogear-action="bulk-remove-confirm"]')!);
    await waitFor(() => expect(bg.papers.has('2610.10004')).toBe(false));
    expect(bg.papers.size).toBe(4);
    fireEvent.click(await screen.findByText('Undo'));
    await waitFor(() => expect(bg.papers.has('2610.10004')).toBe(true));
  });

  it('exports the filtered view in each format, and the whole list on request', async () => {
    const { files } = await setup(five());
    type('diffusion');
    const btn = (f: string) => document.querySelector(`[data-dogear-action="export"][data-format="${f}"]`)!;
    fireEvent.click(btn('json'));
    const json = parseImport(files[0]!.text, 0);
    expect(json.ok && json.papers.map((p) => p.id)).toEqual(['2610.10001']);
    expect(files[0]!.filename).toMatch(/^dogear-\d{4}-\d{2}-\d{2}\.json$/);
    fireEvent.click(btn('bibtex'));
    expect(files[1]!.text).toContain('@misc{');
    expect(files[1]!.text).toContain('Diffusion transformers at scale');
    expect(files[1]!.text).not.toContain('Reward models');
    fireEvent.click(btn('csv'));
    expect(files[2]!.text.trim().split('\r\n')).toHaveLength(2);
    fireEvent.click(btn('markdown'));
    expect(files[3]!.text).toContain('Diffusion transformers at scale');
    expect(files[3]!.mime).toContain('text/markdown');

    fireEvent.click(screen.getByLabelText('Import and export'));
    fireEvent.change(screen.getByLabelText('What to export'), { target: { value: 'all' } });
    fireEvent.click(btn('json'));
    const all = parseImport(files[4]!.text, 0);
    expect(all.ok && all.papers).toHaveLength(5);
  });

  it('imports from pasted ids with a preview; an invalid paste shows the parser message and changes nothing', async () => {
    const { bg } = await setup(five());
    fireEvent.click(screen.getByLabelText('Import and export'));
    const area = screen.getByLabelText('Paste arXiv ids or URLs to import');
    fireEvent.input(area, { target: { value: '2610.10001\nnot-an-id' } });
    fireEvent.click(screen.getByText('Preview'));
    expect(screen.getByRole('alert').textContent).toContain('Line 2: "not-an-id" is not an arXiv id or URL');
    expect(bg.calls.filter((c) => c.type.startsWith('import.'))).toHaveLength(0);

    fireEvent.input(area, { target: { value: '2610.10001\nhttps://arxiv.org/abs/2401.00001v2' } });
    fireEvent.click(screen.getByText('Preview'));
    await waitFor(() =>
      expect(document.querySelector('[data-dogear-import-preview]')?.textContent).toContain(
        '1 new, 0 updated, 0 removed (1 already in the list)',
      ),
    );
    fireEvent.click(document.querySelector('[data-dogear-action="import-apply"]')!);
    await waitFor(() => expect(bg.papers.has('2401.00001')).toBe(true));
    expect(bg.calls.filter((c) => c.type === 'import.apply')).toHaveLength(1);
    expect(bg.papers.get('2610.10001')!.status).toBe('saved');
  });

  it('onboarding hint when there are no keywords or rules; empty state when the list is empty', async () => {
    const { openOptions } = await setup([]);
    expect(screen.getByText('Your reading list is empty')).toBeTruthy();
    fireEvent.click(screen.getByText('Open settings'));
    expect(openOptions).toHaveBeenCalledTimes(1);
    cleanup();
    await setup(five(), { ...DEFAULT_SETTINGS, keywords: [{ pattern: 'llm', caseSensitive: false, wholeWord: true }] });
    expect(document.querySelector('[data-dogear-hint]')).toBeNull();
  });

  it('virtualizes: 10,000 papers render only a window of rows, and scrolling moves it', async () => {
    const many = Array.from({ length: 10_000 }, (_, i) => paper(i, { savedAt: i }));
    // Rendering only: nothing is sent, and fake-indexeddb would take seconds to store them.
    const t0 = performance.now();
    const { container } = await setup(many, DEFAULT_SETTINGS, []);
    const first = rows(container);
    expect(first.length).toBeGreaterThan(5);
    expect(first.length).toBeLessThan(30);
    expect(first[0]).toBe('2610.19999');
    const inner = container.querySelector<HTMLElement>('.list-inner')!;
    expect(inner.style.height).toBe(`${10_000 * ROW_HEIGHT}px`);

    const list = container.querySelector<HTMLElement>('.list')!;
    list.scrollTop = 5_000 * ROW_HEIGHT;
    fireEvent.scroll(list);
    const after = rows(container);
    expect(after.length).toBeLessThan(30);
    expect(after).toContain(`2610.${String(10000 + 4999).padStart(5, '0')}`);

    // A search of a long list paints what it found first and the rest after.
    type('"Paper number 1234"');
    await waitFor(() => expect(rows(container)).toEqual(['2610.11234']));
    type('');
    key(container.querySelector('[role="list"]')!, 'End');
    expect(container.querySelector('.row.active')!.getAttribute('data-dogear-item')).toBe('2610.10000');
    expect(performance.now() - t0).toBeLessThan(5_000);
  });
});

describe('ReadingList with 50,000 papers', () => {
  it('still filters', async () => {
    const many = Array.from({ length: 50_000 }, (_, i) => paper(i, { id: `2611.${String(10000 + i)}`, savedAt: i }));
    const { container } = await setup(many, DEFAULT_SETTINGS, []);
    await act(() => void type('tag:none'));
    expect(rows(container)).toEqual([]);
    await act(() => void type(''));
    expect(rows(container).length).toBeLessThan(30);
  });

  it('paints the first screen of a search at once, then counts the rest', async () => {
    const many = Array.from({ length: 50_000 }, (_, i) =>
      paper(i, { id: `2611.${String(10000 + i)}`, savedAt: i, title: i % 2 ? 'Diffusion at scale' : 'Other' }),
    );
    const { container } = await setup(many, DEFAULT_SETTINGS, []);
    const count = () => container.querySelector('.count')!.textContent;
    expect(count()).toBe('50000 papers');
    type('diffusion');
    // The newest matches are on screen before the older 49,000 papers are searched: no count or bulk action yet.
    expect(rows(container).slice(0, 3)).toEqual(['2611.59999', '2611.59997', '2611.59995']);
    expect(count()).toBe('');
    const markRead = () => container.querySelector<HTMLButtonElement>('[aria-label^="Mark read:"]')!;
    expect(markRead().disabled).toBe(true);
    expect(screen.queryByText('No papers match.')).toBeNull();
    await waitFor(() => expect(count()).toBe('25000 of 50000'), { timeout: 10_000 });
    expect(markRead().getAttribute('aria-label')).toBe('Mark read: 25000 papers');
    expect(markRead().disabled).toBe(false);
    expect(rows(container).slice(0, 3)).toEqual(['2611.59999', '2611.59997', '2611.59995']);
  });
});
