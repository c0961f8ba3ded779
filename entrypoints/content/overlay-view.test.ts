// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { drawRow, OverlayController, type OverlayHandlers, type OverlayProps } from './overlay-view';

type Shown = OverlayProps;

function setup(over: Partial<Shown & Omit<OverlayHandlers, 'scoreOf'>> = {}) {
  const host = document.createElement('div');
  document.body.append(host);
  const root = host.attachShadow({ mode: 'open' });
  const {
    onAction = vi.fn(async () => {}),
    onAddTag = vi.fn(async () => {}),
    onRemoveTag = vi.fn(async () => {}),
    ...shown
  } = over;
  let shownNow: Shown;
  const handlers = { onAction, onAddTag, onRemoveTag, scoreOf: () => shownNow.score };
  const controller = new OverlayController(handlers);
  const props: Shown = {
    state: { status: 'read', tags: [], ruleTags: [] },
    pageTags: [],
    tagColors: new Map(),
    isNew: false,
    score: null,
    ...shown,
  };
  let row: HTMLElement | undefined;
  const draw = (p: Shown) => {
    shownNow = p;
    row = drawRow(root, row, p, controller);
  };
  draw(props);
  const $ = <E extends Element = HTMLElement>(sel: string) => root.querySelector<E>(sel);
  const action = (name: string) => $<HTMLButtonElement>(`[data-dogear-action="${name}"]`);
  const settle = () => new Promise((r) => setTimeout(r, 0));
  return {
    host,
    root,
    controller,
    row: () => row!,
    props: { ...props, ...handlers },
    $,
    action,
    settle,
    update: (p: Partial<Shown>) => draw({ ...props, ...p }),
  };
}

describe('overlay row and controller', () => {
  it('shows each status on its buttons, as the contract names them', () => {
    const { action, update } = setup({ state: null });
    expect(action('save')!.getAttribute('aria-pressed')).toBe('false');
    expect(action('save')!.textContent).toBe('Save');
    expect(action('read')!.textContent).toBe('Mark read');
    update({ state: { status: 'read', tags: [], ruleTags: [] } });
    expect(action('save')!.getAttribute('aria-pressed')).toBe('true');
    expect(action('save')!.textContent).toBe('Saved');
    expect(action('save')!.querySelector('svg')!.getAttribute('fill')).toBe('currentColor');
    expect(action('read')!.getAttribute('aria-pressed')).toBe('true');
    expect(action('read')!.textContent).toBe('Read');
    update({ state: { status: 'dismissed', tags: [], ruleTags: [] } });
    expect(action('save')!.getAttribute('aria-pressed')).toBe('false');
    expect(action('dismiss')!.getAttribute('aria-pressed')).toBe('true');
    expect(action('dismiss')!.getAttribute('aria-label')).toBe('Dismissed — click to restore');
  });

  it('draws a second overlay of the same view as a clone, touching no node inside it', () => {
    const score = { value: 0.42, words: ['rl'], basis: 'keywords' as const };
    const first = setup({ state: null, isNew: true, score });
    // Every call a drawing could make on an element inside the row (a node touched keeps a wrapper: issue 13).
    const touched = new Set<unknown>();
    const proto = Element.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
    const spies = ['setAttribute', 'querySelector', 'querySelectorAll', 'replaceChildren', 'append'].map((name) => {
      const original = proto[name]!;
      return vi.spyOn(proto, name).mockImplementation(function (this: Element, ...args: unknown[]) {
        touched.add(this);
        return Reflect.apply(original, this, args);
      });
    });
    const second = setup({ state: null, isNew: true, score });
    for (const spy of spies) spy.mockRestore();
    expect(second.row().outerHTML).toBe(first.row().outerHTML);
    const inside = [...touched].filter((el) => el !== second.row() && second.row().contains(el as Node));
    expect(inside).toEqual([]);
  });

  it('brings a row up to date in place, as a fresh drawing of the same view would draw it', () => {
    const view = { state: { status: 'saved' as const, tags: [], ruleTags: [] }, isNew: false };
    const fresh = setup({ ...view, score: { value: 0.734, words: [], basis: 'model' } });
    const { action, row, update } = setup({ state: null, isNew: true, score: null });
    const save = action('save');
    update({ ...view, score: { value: 0.734, words: [], basis: 'model' } });
    // The same button, so a focus on it stays.
    expect(action('save')).toBe(save);
    expect(row().outerHTML).toBe(fresh.row().outerHTML);
  });

  it('draws own tags (removable) before rule tags, each once, with its colour, as text', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const { host, root, props, $, settle, update } = setup({
      state: { status: 'saved', tags: ['mine', hostile], ruleTags: ['rl', 'mine'] },
      pageTags: ['agents', 'rl'],
      tagColors: new Map([['rl', '#ff0000']]),
    });
    const tags = [...root.querySelectorAll<HTMLElement>('[data-dogear-tag]')].map((c) => c.dataset.dogearTag);
    expect(tags).toEqual(['mine', hostile, 'rl', 'agents']);
    expect(root.querySelector('img')).toBeNull();
    expect($('[data-dogear-tag="rl"]')!.style.getPropertyValue('--chip')).toBe('#ff0000');
    expect($('[data-dogear-tag="rl"]')!.title).toBe('From a tag rule');
    expect($('[data-dogear-tag="rl"] button')).toBeNull();
    $<HTMLButtonElement>('[data-dogear-tag="mine"] button')!.click();
    await settle();
    expect(props.onRemoveTag).toHaveBeenCalledWith(host, 'mine');
    // The same tags again: nothing is rebuilt.
    const chip = $('[data-dogear-tag="mine"]');
    update({ state: { status: 'saved', tags: ['mine', hostile], ruleTags: ['rl', 'mine'] } });
    expect($('[data-dogear-tag="mine"]')).toBe(chip);
  });

  it('opens a tag input in place of its button; Enter adds once, Escape adds nothing', async () => {
    const { host, props, $, action, settle } = setup();
    action('tag')!.click();
    const input = $<HTMLInputElement>('input')!;
    expect(action('tag')).toBeNull();
    input.value = '  new-tag ';
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    input.dispatchEvent(new FocusEvent('blur'));
    await settle();
    expect(props.onAddTag).toHaveBeenCalledTimes(1);
    expect(props.onAddTag).toHaveBeenCalledWith(host, 'new-tag');
    expect($('input')).toBeNull();
    action('tag')!.click();
    $<HTMLInputElement>('input')!.value = 'dropped';
    $('input')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    await settle();
    expect(props.onAddTag).toHaveBeenCalledTimes(1);
    expect(action('tag')).not.toBeNull();
  });

  it('shows the score as a labelled picture whose tooltip names the words', () => {
    const { $, update } = setup({ score: { value: 0.734, words: ['diffusion'], basis: 'model' } });
    const score = $('.score')!;
    expect(score.getAttribute('role')).toBe('img');
    expect(score.getAttribute('aria-label')).toBe('Relevance 73%');
    expect(score.dataset.dogearScore).toBe('0.73');
    expect($('[role="tooltip"]')).toBeNull();
    score.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    expect($('[role="tooltip"]')!.textContent).toBe('Relevant because of: diffusion');
    update({ score: { value: 0.2, words: [], basis: 'keywords' } });
    expect($('[role="tooltip"]')!.textContent).toBe('Ranked by your keywords: none match');
    score.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
    expect($('[role="tooltip"]')).toBeNull();
    // The pointer: open over the score, still open moving onto its bar, closed once it leaves the score.
    const bar = $('.score .bar')!;
    bar.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    expect($('[role="tooltip"]')).not.toBeNull();
    bar.dispatchEvent(new MouseEvent('mouseout', { bubbles: true, relatedTarget: score }));
    expect($('[role="tooltip"]')).not.toBeNull();
    score.dispatchEvent(new MouseEvent('mouseout', { bubbles: true, relatedTarget: document.body }));
    expect($('[role="tooltip"]')).toBeNull();
    update({ score: null });
    expect($('.score')).toBeNull();
  });

  it('marks a new entry, and says why an action failed', async () => {
    const { $, action, settle, update } = setup({
      isNew: true,
      onAction: vi.fn(async () => {
        throw new Error('Storage is full: nothing was saved.');
      }),
    });
    expect($('.new')!.textContent).toBe('new');
    update({ isNew: false });
    expect($('.new')).toBeNull();
    action('save')!.click();
    await settle();
    expect($('[role="alert"]')!.textContent).toBe('Storage is full: nothing was saved.');
  });

  it('offers the undo a change comes with, and runs it once', async () => {
    const revert = vi.fn(async () => {});
    const { $, action, settle } = setup({
      state: { status: 'saved', tags: [], ruleTags: [] },
      onAction: vi.fn(async () => revert),
    });
    action('dismiss')!.click();
    await settle();
    expect($('[role="status"]')!.textContent).toBe('Dismissed Undo');
    action('undo')!.click();
    await settle();
    expect(revert).toHaveBeenCalledTimes(1);
    expect(action('undo')).toBeNull();
  });

  it('a later action withdraws the undo offered for an earlier one, at once', async () => {
    const undoDismiss = vi.fn(async () => {});
    let finishSecond: (v: undefined) => void = () => {};
    const onAction = vi
      .fn<OverlayHandlers['onAction']>()
      .mockResolvedValueOnce(undoDismiss)
      .mockReturnValueOnce(new Promise((resolve) => (finishSecond = resolve)));
    const { action, settle } = setup({ onAction });
    action('dismiss')!.click();
    await settle();
    expect(action('undo')).not.toBeNull();
    // The second action is still on its way (a slow background): its undo is not known yet, and the first
    // one's must not stay clickable meanwhile — it would revert the older change.
    action('save')!.click();
    expect(action('undo')).toBeNull();
    finishSecond(undefined);
    await settle();
    expect(onAction).toHaveBeenCalledTimes(2);
    expect(action('undo')).toBeNull();
    expect(undoDismiss).not.toHaveBeenCalled();
  });

  it('an earlier action finishing after a later one does not offer its undo', async () => {
    const undoFirst = vi.fn(async () => {});
    let finishFirst: (v: () => Promise<void>) => void = () => {};
    const onAction = vi
      .fn<OverlayHandlers['onAction']>()
      .mockReturnValueOnce(new Promise((resolve) => (finishFirst = resolve)))
      .mockResolvedValueOnce(undefined);
    const { action, settle } = setup({ onAction });
    action('dismiss')!.click();
    action('save')!.click();
    await settle();
    expect(onAction).toHaveBeenCalledTimes(2);
    finishFirst(undoFirst);
    await settle();
    expect(action('undo')).toBeNull();
  });
});
