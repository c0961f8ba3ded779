import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { stateKey } from '@/lib/mirror';
import background from './index';

/**
 * The background's wiring, over WXT's fake browser and fake-indexeddb: the router it registers,
 * the senders it trusts (its own pages; content scripts on a registered site's tab), the mirror it
 * writes to `storage.local`, and the repair it runs on install.
 */

const meta = { id: '2610.22092', title: 'An agent benchmark', authors: ['A B'] };
const popup = () => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') });
const listing = (url = 'https://arxiv.org/list/cs.LG/new') => ({ id: fakeBrowser.runtime.id, url, tab: { id: 7 } });

/** What the background answers a message from `sender` (the one listener's reply). */
async function ask(message: unknown, sender: object) {
  const replies = await fakeBrowser.runtime.onMessage.trigger(message, sender as never);
  expect(replies).toHaveLength(1);
  return replies[0] as unknown as { ok: boolean; data?: { paper?: { status: string } | null }; error?: string };
}

const rejected = vi.fn();
beforeAll(() => {
  vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => rejected(...args));
  background.main();
});

describe('background wiring', () => {
  it('routes a valid message from its own page to the service, which stores and mirrors it', async () => {
    const reply = await ask({ type: 'paper.act', payload: { meta, action: 'save' } }, popup());
    expect(reply).toMatchObject({ ok: true, data: { paper: { id: meta.id, status: 'saved' } } });
    expect((await fakeBrowser.storage.local.get(stateKey(meta.id)))[stateKey(meta.id)]).toEqual(['saved', [], []]);
  });

  it('lets a content script on a registered site save, naming its own site only', async () => {
    const other = { ...meta, id: '2610.22093' };
    const saved = await ask(
      { type: 'paper.act', payload: { meta: other, action: 'save', source: 'arxiv' } },
      listing(),
    );
    expect(saved).toMatchObject({ ok: true, data: { paper: { sources: ['arxiv'] } } });
    const foreign = await ask(
      { type: 'paper.act', payload: { meta: other, action: 'read', source: 'huggingface' } },
      listing(),
    );
    expect(foreign).toEqual({
      ok: false,
      error: 'paper.act: a content script on arxiv cannot name huggingface as its source',
    });
  });

  it('refuses a destructive message from a content script, and anything from another origin or extension', async () => {
    const remove = { type: 'papers.bulk', payload: { ids: [meta.id], remove: true } };
    expect(await ask(remove, listing())).toEqual({ ok: false, error: 'papers.bulk is not allowed from a web page' });
    expect(await ask(remove, listing('https://evil.example/list'))).toEqual({ ok: false, error: 'unexpected sender' });
    expect(await ask(remove, { ...popup(), id: 'another-extension' })).toEqual({
      ok: false,
      error: 'unexpected sender',
    });
    // A page of ours not in a tab is still ours; a site's page outside a tab is nobody's content script.
    expect(await ask(remove, { id: fakeBrowser.runtime.id, url: 'https://arxiv.org/list/cs.LG/new' })).toEqual({
      ok: false,
      error: 'unexpected sender',
    });
    expect(rejected).toHaveBeenCalledWith('[dogear] rejected a message: unexpected sender', '', expect.any(String));
    // Nothing was removed.
    expect(await ask({ type: 'paper.act', payload: { meta, action: 'read' } }, popup())).toMatchObject({
      data: { paper: { status: 'read' } },
    });
  });

  it('repairs a stale mirror when the extension is installed or updated', async () => {
    await fakeBrowser.storage.local.remove(stateKey(meta.id));
    await fakeBrowser.storage.local.set({ [stateKey('2401.00001')]: ['saved', [], []] });
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', temporary: false });
    await vi.waitFor(async () =>
      expect(await fakeBrowser.storage.local.get([stateKey(meta.id), stateKey('2401.00001')])).toEqual({
        [stateKey(meta.id)]: ['read', [], []],
      }),
    );
  });
});
