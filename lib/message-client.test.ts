import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { createClient } from './message-client';
import { CONTENT_REPLIES, createContentClient, type ContentMessage, type ContentSend } from './content-client';
import { CATALOGUE, createRouter, type MessageType, type RouterOptions, type SenderInfo } from './messages';
import { createService } from './service';
import { openStore } from './store';
import { createRelevance } from './relevance';
import { fakeMirror } from './testing/fake-mirror';
import { SITES } from './sites';
import { samplePapers } from './testing/old-db';

const OPTS: RouterOptions = {
  runtimeId: 'ext-id',
  extensionOrigin: 'chrome-extension://ext-id/',
  contentSites: SITES,
};
const CONTENT = { id: 'ext-id', url: 'https://arxiv.org/list/cs.LG/new', tab: { id: 1 } };
const POPUP = { id: 'ext-id', url: 'chrome-extension://ext-id/popup.html' };

const [first, second] = samplePapers(2) as [
  ReturnType<typeof samplePapers>[number],
  ReturnType<typeof samplePapers>[number],
];
const noted = { ...first, status: 'saved' as const, tags: ['rl'], note: 'private thoughts' };
const plain = { ...second, status: 'saved' as const, note: '' };
const metaOf = (p: typeof noted) => ({ id: p.id, title: p.title, authors: p.authors });

/** The real router and service on a fake-indexeddb store, reached through the real clients. */
async function setup() {
  const store = await openStore({ factory: new IDBFactory() });
  await store.applyPapers([noted, plain]);
  const svc = createService({
    store,
    mirror: fakeMirror(),
    relevance: createRelevance(store, () => 1000),
    ruleTagsFor: () => [],
    now: () => 1000,
  });
  const route = createRouter(svc.handlers, OPTS);
  const raw: unknown[] = [];
  const via = (sender: SenderInfo) => async (message: unknown) => {
    const reply = await route(message, sender);
    raw.push(reply);
    return reply;
  };
  return { store, raw, content: createContentClient(via(CONTENT)), page: createClient(via(POPUP)) };
}

/** One round trip per content message, each on the noted paper where it takes one: a new message needs its own. */
const ROUND_TRIPS: { [T in ContentMessage]: (send: ContentSend) => Promise<void> } = {
  'paper.act': async (send) => {
    const { paper, previous } = await send('paper.act', { meta: metaOf(noted), action: 'read' });
    expect(paper).toMatchObject({ id: noted.id, status: 'read', tags: ['rl'] });
    expect(previous).toMatchObject({ id: noted.id, status: 'saved' });
  },
  'paper.tag': async (send) => {
    const { paper } = await send('paper.tag', { id: noted.id, add: 'x' });
    expect(paper?.tags).toEqual(['rl', 'x']);
  },
  'paper.undo': async (send) => {
    const { undo } = await send('paper.act', { meta: metaOf(plain), action: 'unsave' });
    expect(undo).toEqual(expect.any(String));
    const { paper } = await send('paper.undo', { undo: undo! });
    expect(paper).toMatchObject({ id: plain.id, status: 'saved' });
  },
  'seen.record': async (send) => {
    const { fresh } = await send('seen.record', { ids: [noted.id, '2612.00001'] });
    expect(fresh).toContain('2612.00001');
  },
  'rank.score': async (send) => {
    const { basis } = await send('rank.score', { papers: [metaOf(noted)] });
    expect(basis).toBe('cold');
  },
};

describe('content client over the real router and service', () => {
  it('has a round trip for every message a content script may send', () => {
    const content = (Object.keys(CATALOGUE) as MessageType[]).filter((t) => CATALOGUE[t].from === 'content');
    expect(Object.keys(ROUND_TRIPS).sort()).toEqual(content.sort());
    expect(Object.keys(CONTENT_REPLIES).sort()).toEqual(content.sort());
  });

  for (const [type, trip] of Object.entries(ROUND_TRIPS))
    it(`${type}: the reply passes the content client's check and carries no note`, async () => {
      const { content, raw, store } = await setup();
      await trip(content);
      expect(raw.length).toBeGreaterThan(0);
      for (const reply of raw) expect(reply).toMatchObject({ ok: true });
      expect(JSON.stringify(raw)).not.toContain('"note"');
      expect((await store.getPaper(noted.id))?.note).toBe(noted.note);
    });

  it("an extension page's reply to the same message keeps the note", async () => {
    const { page } = await setup();
    const { paper } = await page('paper.act', { meta: metaOf(noted), action: 'read' });
    expect(paper?.note).toBe(noted.note);
  });

  it('a reply that still carried a note would not pass it on to the content script', async () => {
    const leak = createContentClient(async () => ({ ok: true, data: { paper: noted } }));
    const { paper } = await leak('paper.tag', { id: noted.id, add: 'x' });
    expect(paper).toMatchObject({ id: noted.id, tags: ['rl'] });
    expect(paper).not.toHaveProperty('note');
  });
});

describe('client', () => {
  it('validates requests before sending and replies after', async () => {
    const transport = vi.fn(async () => ({ ok: true, data: { fresh: ['2407.21783'] } }));
    const send = createClient(transport);
    await expect(send('seen.record', { ids: ['2407.21783'] })).resolves.toEqual({ fresh: ['2407.21783'] });
    await expect(send('seen.record', { ids: ['not-an-id'] })).rejects.toThrow(/invalid seen.record/);
    expect(transport).toHaveBeenCalledOnce();
  });
  it('rejects malformed and error replies', async () => {
    await expect(createClient(async () => undefined)('seen.record', { ids: [] })).rejects.toThrow(/malformed reply/);
    await expect(
      createClient(async () => ({ ok: true, data: { fresh: 3 } }))('seen.record', { ids: [] }),
    ).rejects.toThrow(/invalid reply/);
    await expect(createClient(async () => ({ ok: false, error: 'nope' }))('seen.record', { ids: [] })).rejects.toThrow(
      'nope',
    );
    // The envelope is one of its two shapes: a failure names its error, `ok` is a boolean.
    for (const reply of [
      { ok: false },
      { ok: true },
      { ok: false, data: {} },
      { ok: 'true', data: { fresh: [] } },
      { ok: false, error: 3 },
      [],
    ])
      await expect(createClient(async () => reply)('seen.record', { ids: [] }), JSON.stringify(reply)).rejects.toThrow(
        /malformed reply/,
      );
  });
});
