// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { SETTINGS_KEY, stateKey } from '@/lib/mirror';
import { DEFAULT_SETTINGS } from '@/lib/model';
import { REPORT_QUERY } from '@/lib/page-report';
import content from './index';

/**
 * The content script's wiring, over WXT's fake browser: it starts an annotator only where its
 * site's adapter recognises the page, follows the storage mirror, answers the popup, and leaves
 * nothing behind when the extension's context is invalidated (an update or reload).
 */

const entry = (id: string) =>
  `<dt><a href="/abs/${id}" title="Abstract" id="${id}">arXiv:${id}</a></dt>` +
  `<dd><div class="list-title">Title: Paper ${id}</div><div class="list-authors"><a>Ada Lovelace</a></div></dd>`;
const LIST = `<dl id="articles">${entry('2610.00001')}${entry('2610.00002')}</dl>`;

/** The background's side: the replies a listing's first pass asks for. */
function answerAsBackground(message: { type: string }) {
  if (message.type === 'seen.record') return Promise.resolve({ ok: true, data: { fresh: [] } });
  if (message.type === 'rank.score') return Promise.resolve({ ok: true, data: { basis: 'cold', scores: {} } });
  return undefined;
}

let ctx: ContentScriptContext | null = null;
function open(url: string, body: string): ContentScriptContext {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
  document.body.innerHTML = body;
  ctx = new ContentScriptContext('content');
  void content.main(ctx);
  return ctx;
}

const root = () => document.documentElement;
const cards = () => document.querySelectorAll('dogear-card');
const ourStyle = () => document.querySelector('style[data-dogear]');
const popup = () => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') });

beforeEach(async () => {
  fakeBrowser.reset();
  fakeBrowser.runtime.onMessage.addListener(answerAsBackground as never);
  await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: DEFAULT_SETTINGS });
});
afterEach(() => {
  ctx?.notifyInvalidated();
  ctx = null;
  document.body.replaceChildren();
});

describe('content script', () => {
  it('annotates a listing its adapter recognises, and follows the storage mirror', async () => {
    open('https://arxiv.org/list/cs.LG/new', LIST);
    await vi.waitFor(() => expect(root().dataset.dogear).toBe('ready'));
    expect(cards()).toHaveLength(2);
    expect(ourStyle()?.isConnected).toBe(true);
    expect(document.querySelector('dt[data-dogear-id="2610.00001"]')).not.toBeNull();

    // A save made elsewhere reaches the page through storage.local.
    await fakeBrowser.storage.local.set({ [stateKey('2610.00001')]: ['saved', [], []] });
    await vi.waitFor(() =>
      expect(document.querySelector('[data-dogear-id="2610.00001"]')?.getAttribute('data-dogear-status')).toBe('saved'),
    );

    // The popup asks how the page was read; a page is not asked.
    const [answer] = (await fakeBrowser.runtime.onMessage.trigger(REPORT_QUERY, popup())).filter(Boolean);
    expect(answer).toMatchObject({ report: { site: 'arxiv', read: 2 } });
    const fromPage = { id: fakeBrowser.runtime.id, url: 'https://arxiv.org/list/cs.LG/new' };
    expect((await fakeBrowser.runtime.onMessage.trigger(REPORT_QUERY, fromPage)).filter(Boolean)).toEqual([]);
  });

  it('leaves a page of its site that no adapter page kind covers alone', async () => {
    open('https://arxiv.org/help/api', LIST);
    await new Promise((r) => setTimeout(r, 50));
    expect(root().dataset.dogear).toBeUndefined();
    expect(cards()).toHaveLength(0);
    expect(ourStyle()).toBeNull();
  });

  it('tears everything down when the extension context is invalidated', async () => {
    const c = open('https://arxiv.org/list/cs.LG/new', LIST);
    await vi.waitFor(() => expect(root().dataset.dogear).toBe('ready'));
    c.notifyInvalidated();
    expect(root().dataset.dogear).toBeUndefined();
    expect(cards()).toHaveLength(0);
    expect(ourStyle()).toBeNull();
    expect(document.querySelector('[data-dogear-id]')).toBeNull();
    // No listener is left behind: the mirror and the popup's question reach nothing.
    // (The fake's hasListeners is not in its type, but it is there.)
    expect((fakeBrowser.storage.onChanged as unknown as { hasListeners(): boolean }).hasListeners()).toBe(false);
    expect((await fakeBrowser.runtime.onMessage.trigger(REPORT_QUERY, popup())).filter(Boolean)).toEqual([]);
    // Nor does a page change start it again.
    document.body.append(document.createRange().createContextualFragment(LIST));
    await new Promise((r) => setTimeout(r, 50));
    expect(cards()).toHaveLength(0);
  });
});
