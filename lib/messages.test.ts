import { describe, expect, it, vi } from 'vitest';
import { createRouter, type Handlers, type RouterOptions } from './messages';
import { SITES } from './sites';

const OPTS: RouterOptions = {
  runtimeId: 'ext-id',
  extensionOrigin: 'chrome-extension://ext-id/',
  contentSites: SITES,
};
const CONTENT = { id: 'ext-id', url: 'https://huggingface.co/papers/date/2026-10-27', tab: { id: 1 } };
const POPUP = { id: 'ext-id', url: 'chrome-extension://ext-id/popup.html' };
const meta = { id: '2407.21783', title: 'T', authors: [] };

function handlers(): Handlers {
  const ok = async () => ({}) as never;
  return {
    'paper.act': vi.fn(async () => ({ paper: null, previous: null, undoable: false })),
    'paper.tag': vi.fn(async () => ({ paper: null })),
    'paper.undo': vi.fn(async () => ({ paper: null })),
    'paper.update': vi.fn(async () => ({ paper: null })),
    'paper.restore': vi.fn(ok),
    'papers.bulk': vi.fn(async () => ({ changed: [] })),
    'papers.apply': vi.fn(ok),
    'import.stage': vi.fn(ok),
    'import.apply': vi.fn(async () => ({ expired: true as const })),
    'seen.record': vi.fn(async () => ({ fresh: [] })),
    'settings.set': vi.fn(async ({ settings }) => ({ settings })),
    'rank.score': vi.fn(async () => ({ basis: 'cold' as const, scores: {} })),
    'rank.reset': vi.fn(ok),
    'rank.status': vi.fn(async () => ({ basis: 'cold' as const, decisions: 0, modelAuc: null, keywordAuc: null })),
    'backup.take': vi.fn(async () => ({ id: 1 })),
    'backup.restore': vi.fn(ok),
    'sync.status': vi.fn(ok),
    'sync.configure': vi.fn(ok),
    'zotero.target': vi.fn(async () => ({ ok: false as const, kind: 'not-running' as const, message: 'x' })),
    'zotero.save': vi.fn(async () => ({ ok: true as const, target: 'My Library', papers: [] })),
    'zotero.check': vi.fn(async () => ({ ok: true as const, found: {} })),
    'trash.restore': vi.fn(async () => ({ restored: 0 })),
    'trash.purge': vi.fn(async () => ({ purged: 0 })),
    'trash.empty': vi.fn(ok),
  };
}

describe('router', () => {
  it('routes a valid message from a content script', async () => {
    const h = handlers();
    const route = createRouter(h, OPTS);
    const reply = await route({ type: 'paper.act', payload: { meta, action: 'save' } }, CONTENT);
    expect(reply).toEqual({ ok: true, data: { paper: null, previous: null, undoable: false } });
    expect(h['paper.act']).toHaveBeenCalledWith({ meta, action: 'save' }, { audience: 'content', incognito: false });
  });

  const bad: Array<[string, unknown]> = [
    ['unknown type', { type: 'paper.nuke', payload: {} }],
    ['prototype key as type', { type: '__proto__', payload: {} }],
    ['toString as type', { type: 'toString', payload: {} }],
    ['no envelope', 'paper.act'],
    ['null', null],
    ['missing payload fields', { type: 'paper.act', payload: { action: 'save' } }],
    ['bad action', { type: 'paper.act', payload: { meta, action: 'pwned' } }],
    ['a status instead of an action', { type: 'paper.act', payload: { meta, status: 'saved' } }],
    ['versioned id', { type: 'paper.act', payload: { meta: { ...meta, id: '2407.21783v2' }, action: 'save' } }],
    ['huge title', { type: 'paper.act', payload: { meta: { ...meta, title: 'x'.repeat(10_000) }, action: 'save' } }],
    ['too many ids', { type: 'seen.record', payload: { ids: Array(5001).fill('2407.21783') } }],
    ['wrong types', { type: 'paper.update', payload: { id: '2407.21783', tags: 'rl' } }],
  ];
  it.each(bad)('rejects %s without calling a handler', async (_name, message) => {
    const h = handlers();
    const onReject = vi.fn();
    const reply = await createRouter(h, { ...OPTS, onReject })(message, CONTENT);
    expect(reply.ok).toBe(false);
    expect(onReject).toHaveBeenCalledOnce();
    for (const fn of Object.values(h)) expect(fn).not.toHaveBeenCalled();
  });

  const senders: Array<[string, object]> = [
    ['another extension', { ...CONTENT, id: 'other' }],
    ['an unlisted site', { ...CONTENT, url: 'https://evil.example/papers' }],
    ['a look-alike host', { ...CONTENT, url: 'https://huggingface.co.evil.example/' }],
    ['http instead of https', { ...CONTENT, url: 'http://huggingface.co/papers' }],
    ['no url', { id: 'ext-id', tab: { id: 1 } }],
    ['a site without a tab', { id: 'ext-id', url: 'https://huggingface.co/papers' }],
  ];
  it.each(senders)('rejects messages from %s', async (_name, sender) => {
    const h = handlers();
    const reply = await createRouter(h, OPTS)({ type: 'seen.record', payload: { ids: [] } }, sender);
    expect(reply).toEqual({ ok: false, error: 'unexpected sender' });
  });

  it('keeps page-only messages away from content scripts', async () => {
    const h = handlers();
    const route = createRouter(h, OPTS);
    const msg = { type: 'papers.bulk', payload: { ids: ['2407.21783'], remove: true } };
    expect((await route(msg, CONTENT)).ok).toBe(false);
    expect(h['papers.bulk']).not.toHaveBeenCalled();
    expect((await route(msg, POPUP)).ok).toBe(true);
  });

  it("ties a content script's source to its page's site, for every registered site", async () => {
    expect(SITES.length).toBeGreaterThan(1);
    for (const site of SITES) {
      const h = handlers();
      const onReject = vi.fn();
      const route = createRouter(h, { ...OPTS, onReject });
      const sender = { id: 'ext-id', url: `${site.origin}/some/page?q=1`, tab: { id: 7 } };
      const act = (source?: string) => route({ type: 'paper.act', payload: { meta, action: 'save', source } }, sender);
      expect((await act(site.name)).ok).toBe(true);
      expect((await act()).ok).toBe(true);
      for (const other of [...SITES.filter((s) => s !== site).map((s) => s.name), 'import', 'zotero']) {
        expect(await act(other)).toEqual({
          ok: false,
          error: `paper.act: a content script on ${site.name} cannot name ${other} as its source`,
        });
      }
      expect(h['paper.act']).toHaveBeenCalledTimes(2);
      expect(h['paper.act']).toHaveBeenCalledWith(
        { meta, action: 'save', source: site.name },
        { audience: 'content', incognito: false },
      );
      expect(onReject).toHaveBeenCalledTimes(SITES.length + 1);
    }
  });

  it('lets our own pages name any source (they record imports, not a page they run on)', async () => {
    const h = handlers();
    const reply = await createRouter(h, OPTS)(
      { type: 'paper.act', payload: { meta, action: 'save', source: 'huggingface' } },
      POPUP,
    );
    expect(reply.ok).toBe(true);
  });

  it('a content script edits one own tag at a time, never notes, whole tag lists or records', async () => {
    const h = handlers();
    const route = createRouter(h, OPTS);
    const id = '2407.21783';
    for (const msg of [
      { type: 'paper.update', payload: { id, note: 'overwritten' } },
      { type: 'paper.update', payload: { id, tags: [] } },
      { type: 'paper.restore', payload: { papers: [] } },
      { type: 'trash.restore', payload: { all: true } },
      { type: 'backup.restore', payload: { id: 1 } },
    ])
      expect(await route(msg, CONTENT)).toEqual({ ok: false, error: `${msg.type} is not allowed from a web page` });
    for (const payload of [
      { id, add: 'a', remove: 'b' },
      { id, add: ['a', 'b'] },
      { id },
      { id, add: 'a', note: 'n' },
      { id, add: undefined },
      { id, add: 'a', remove: undefined },
      { id, remove: '  ' },
    ])
      expect((await route({ type: 'paper.tag', payload }, CONTENT)).ok, JSON.stringify(payload)).toBe(false);
    expect((await route({ type: 'paper.tag', payload: { id, add: 'a' } }, CONTENT)).ok).toBe(true);
    expect(h['paper.tag']).toHaveBeenCalledOnce();
    expect(h['paper.update']).not.toHaveBeenCalled();
  });

  it('replies to a content script carry no note; extension pages get theirs', async () => {
    const h = handlers();
    const paper = { ...meta, status: 'saved', tags: [], ruleTags: [], note: 'private', savedAt: 1, updatedAt: 1 };
    h['paper.act'] = vi.fn(async () => ({ paper, previous: paper, undoable: false })) as never;
    const route = createRouter(h, OPTS);
    const msg = { type: 'paper.act', payload: { meta, action: 'save' } };
    const toPage = JSON.stringify(await route(msg, CONTENT));
    expect(toPage).not.toContain('note');
    expect(toPage).toContain('saved');
    expect(JSON.stringify(await route(msg, POPUP))).toContain('private');
  });

  it('Zotero messages (the only network requests) come from extension pages only', async () => {
    const h = handlers();
    const route = createRouter(h, OPTS);
    for (const msg of [
      { type: 'zotero.target', payload: {} },
      { type: 'zotero.save', payload: { ids: ['2407.21783'] } },
      { type: 'zotero.check', payload: { ids: ['2407.21783'] } },
    ]) {
      expect(await route(msg, CONTENT)).toEqual({ ok: false, error: `${msg.type} is not allowed from a web page` });
      expect((await route(msg, POPUP)).ok).toBe(true);
    }
    expect(h['zotero.save']).toHaveBeenCalledTimes(1);
    // Batches are capped: a page cannot make one request carry the whole library.
    const many = Array.from({ length: 51 }, (_, i) => `2407.${String(10000 + i)}`);
    expect((await route({ type: 'zotero.save', payload: { ids: many } }, POPUP)).ok).toBe(false);
    expect((await route({ type: 'zotero.save', payload: { ids: [] } }, POPUP)).ok).toBe(false);
  });

  it('turns a failing handler into an error reply', async () => {
    const h = handlers();
    h['seen.record'] = async () => {
      throw new Error('quota exceeded');
    };
    expect(await createRouter(h, OPTS)({ type: 'seen.record', payload: { ids: [] } }, CONTENT)).toEqual({
      ok: false,
      error: 'quota exceeded',
    });
  });

  it('survives a fuzz of random messages with every one rejected', async () => {
    const h = handlers();
    const route = createRouter(h, OPTS);
    let seed = 42;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const atoms = [null, undefined, 0, -1, 1e308, NaN, '', 'x', '2407.21783', true, [], {}, '__proto__', 'constructor'];
    const any = (d: number): unknown => {
      const r = rnd();
      if (d > 3 || r < 0.5) return atoms[Math.floor(rnd() * atoms.length)];
      if (r < 0.75) return Array.from({ length: Math.floor(rnd() * 4) }, () => any(d + 1));
      return Object.fromEntries(
        Array.from({ length: Math.floor(rnd() * 4) }, (_, i) => [
          ['type', 'payload', 'meta', 'status', 'ids', `k${i}`][Math.floor(rnd() * 6)]!,
          any(d + 1),
        ]),
      );
    };
    const types = ['paper.act', 'paper.update', 'paper.restore', 'seen.record', 'nope'];
    for (let i = 0; i < 3000; i++) {
      const msg = rnd() < 0.5 ? any(0) : { type: types[Math.floor(rnd() * types.length)], payload: any(1) };
      const reply = await route(msg, CONTENT);
      expect(reply.ok).toBe(false);
    }
    for (const fn of Object.values(h)) expect(fn).not.toHaveBeenCalled();
  });
});
