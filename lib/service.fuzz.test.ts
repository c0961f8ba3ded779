import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openStore } from './store';
import { createService, type Mirror } from './service';
import { createRelevance } from './relevance';
import { CATALOGUE, createRouter, type Handlers, type MessageType, type RouterOptions } from './messages';
import { DEFAULT_SETTINGS } from './model';
import { SITES } from './sites';
import { samplePapers } from './testing/old-db';
import { dumpStore } from './testing/faults';
import { createSyncEngine } from './sync/engine';
import { createSyncNetwork } from './testing/fake-sync-area';

/**
 * Thousands of hostile messages through the real router and service, on a real
 * (fake-indexeddb) store: every one is rejected, no handler runs, and the
 * database and the mirror are exactly as they were.
 */

const OPTS: RouterOptions = {
  runtimeId: 'ext',
  extensionOrigin: 'chrome-extension://ext/',
  contentSites: SITES,
};
const CONTENT = { id: 'ext', url: 'https://arxiv.org/list/cs.LG/new', tab: { id: 3 } };
const PAGE = { id: 'ext', url: 'chrome-extension://ext/popup.html' };
const BAD_SENDERS = [
  { ...CONTENT, id: 'another-extension' },
  { ...CONTENT, url: 'https://arxiv.org.evil.example/list' },
  { ...CONTENT, url: 'javascript:alert(1)' },
  { id: 'ext', url: 'https://arxiv.org/list/cs.LG/new' },
  { id: 'ext', tab: { id: 1 } },
  {},
];

const [paper] = samplePapers(1) as [ReturnType<typeof samplePapers>[number]];
const meta = {
  id: '2610.22092',
  title: 'A <script>window.__pwned=1</script> title',
  authors: ['<img src=x onerror=alert(1)>'],
};

/** One valid request per type: the fuzzer breaks these. */
const VALID: { [T in MessageType]: unknown } = {
  'paper.act': { meta, action: 'save', source: 'arxiv' },
  'paper.tag': { id: paper.id, add: 'a' },
  'paper.undo': { undo: 'f'.repeat(36) },
  'paper.update': { id: paper.id, tags: ['a'], addTags: ['b'], removeTags: ['c'], note: 'n' },
  'paper.restore': { papers: [paper] },
  'papers.bulk': { ids: [paper.id], action: 'read', addTag: 't', removeTag: 'u', remove: false },
  'papers.apply': {
    put: [paper],
    remove: [paper.id],
    settings: DEFAULT_SETTINGS,
    trash: [{ ...paper, id: '2601.00002', trashedAt: 5 }],
  },
  'import.stage': {
    kind: 'json',
    papers: [paper],
    settings: DEFAULT_SETTINGS,
    trash: [{ ...paper, id: '2601.00002', trashedAt: 5 }],
  },
  'import.apply': { token: 'f'.repeat(36), mode: 'replace', settings: true },
  'seen.record': { ids: [paper.id] },
  'settings.set': { settings: DEFAULT_SETTINGS },
  'rank.score': { papers: [meta] },
  'rank.reset': {},
  'rank.status': {},
  'backup.take': {},
  'backup.restore': { id: 1 },
  'sync.status': {},
  'sync.configure': { index: false, deviceOnly: ['badge'] },
  'zotero.target': {},
  'zotero.save': { ids: [paper.id] },
  'zotero.check': { ids: [paper.id] },
  'trash.restore': { ids: [paper.id] },
  'trash.purge': {},
  'trash.empty': {},
};
const TYPES = Object.keys(CATALOGUE) as MessageType[];
const CONTENT_TYPES = TYPES.filter((t) => CATALOGUE[t].from === 'content');

function rng(seed: number) {
  return (n: number) => (seed = (seed * 48271) % 2147483647) % n;
}

type Node = { parent: Record<string, unknown> | unknown[] | null; key: string | number; value: unknown };

function nodes(value: unknown, parent: Node['parent'] = null, key: string | number = ''): Node[] {
  const out: Node[] = [{ parent, key, value }];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...nodes(v, value, i)));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) out.push(...nodes(v, value as Record<string, unknown>, k));
  return out;
}

/**
 * Breaks a valid payload so that no schema can accept it: a node changes kind
 * (object ↔ scalar ↔ array, which no field of the catalogue allows), or a value
 * crosses a cap, or an id or URL turns invalid.
 */
function breakPayload(valid: unknown, r: (n: number) => number): unknown {
  const copy = structuredClone(valid);
  const all = nodes(copy);
  const target = all[r(all.length)]!;
  const strangers: unknown[] = Array.isArray(target.value)
    ? ['x', 1, {}, null, true]
    : target.value && typeof target.value === 'object'
      ? [1, 'x', [], null, false, NaN]
      : [{}, [[]], { toString: 'x' }, { __proto__: { polluted: 1 } }];
  const replacement = strangers[r(strangers.length)];
  if (!target.parent) return replacement;
  (target.parent as Record<string | number, unknown>)[target.key] = replacement;
  return copy;
}

function hostileValue(type: MessageType, r: (n: number) => number): unknown {
  const capped: Record<string, () => unknown> = {
    'paper.act': () => ({
      ...(VALID['paper.act'] as object),
      meta: { ...meta, title: 'x'.repeat(1001 + r(5000)) },
    }),
    'paper.update': () =>
      [
        { id: `${paper.id}v2`, note: 'n' },
        { id: paper.id, addTags: ['bad\u0000tag'] },
        { id: paper.id, addTags: ['t'.repeat(61)] },
        { id: paper.id, note: 'n'.repeat(20_001) },
        { id: '../../etc/passwd' },
      ][r(5)],
    'paper.restore': () => ({ papers: [{ ...paper, codeUrl: 'javascript:alert(1)' }] }),
    'paper.tag': () =>
      [
        { id: paper.id, add: 'a', remove: 'b' },
        { id: paper.id, add: 'a', note: 'n' },
        { id: paper.id, add: ['a'] },
      ][r(3)],
    'paper.undo': () => ({ undo: ['short', 'x'.repeat(65), { id: paper.id }][r(3)] }),
    'seen.record': () => ({ ids: Array(5001).fill(paper.id) }),
    'rank.score': () => ({ papers: [{ ...meta, projectUrl: 'http://insecure.example' }] }),
  };
  return capped[type]?.() ?? breakPayload(VALID[type], r);
}

async function setup() {
  const store = await openStore({ factory: new IDBFactory() });
  await store.applyPapers(samplePapers(30));
  await store.setSettings({ ...DEFAULT_SETTINGS, hideDismissed: true });
  await store.recordSeen(['2601.00001'], 5);
  await store.addBackup({ createdAt: 1, reason: 'manual', schemaVersion: 2, papers: [], settings: DEFAULT_SETTINGS });
  const data = new Map<string, unknown>([['p:2601.10000', ['saved', [], []]]]);
  const mirror: Mirror = {
    set: async (items) => void Object.entries(items).forEach(([k, v]) => data.set(k, v)),
    remove: async (keys) => void keys.forEach((k) => data.delete(k)),
    get: async () => Object.fromEntries(data),
  };
  let sync: ReturnType<typeof createSyncEngine> | undefined;
  const svc = createService({
    store,
    mirror,
    ruleTagsFor: () => [],
    relevance: createRelevance(store, () => 1),
    now: () => 99,
    sync: () => sync!,
  });
  sync = createSyncEngine({
    area: createSyncNetwork().device(),
    store,
    applied: svc.applySynced,
    settingsApplied: svc.applySyncedSettings,
  });
  const called: string[] = [];
  const spied = Object.fromEntries(
    TYPES.map((t) => [
      t,
      async (req: never, from: never) => (
        called.push(t), (svc.handlers[t] as (r: never, f: never) => Promise<unknown>)(req, from)
      ),
    ]),
  ) as unknown as Handlers;
  const rejected: string[] = [];
  const route = createRouter(spied, { ...OPTS, onReject: (reason) => rejected.push(reason) });
  return { store, data, route, called, rejected };
}

describe('service fuzz: hostile messages never reach the store', () => {
  it('rejects 4000 broken, oversized, misaddressed and random messages and changes nothing', async () => {
    const { store, data, route, called, rejected } = await setup();
    const before = await dumpStore(store);
    const mirrorBefore = structuredClone([...data]);
    const r = rng(20261027);
    const atoms = [
      null,
      undefined,
      0,
      -1,
      1e308,
      NaN,
      '',
      '2407.21783',
      true,
      [],
      {},
      '__proto__',
      'constructor',
      'paper.update',
    ];
    const junk = (d: number): unknown => {
      const k = r(10);
      if (d > 3 || k < 5) return atoms[r(atoms.length)];
      if (k < 7) return Array.from({ length: r(4) }, () => junk(d + 1));
      return Object.fromEntries(
        Array.from({ length: r(4) }, () => [['type', 'payload', 'meta', 'id', 'ids', 'tags'][r(6)]!, junk(d + 1)]),
      );
    };
    const N = 4000;
    for (let i = 0; i < N; i++) {
      const kind = r(5);
      let msg: unknown;
      let sender: object = CONTENT;
      if (kind === 0) msg = junk(0);
      else if (kind === 1) {
        // A valid message from someone who may not send it.
        const type = TYPES[r(TYPES.length)]!;
        msg = { type, payload: VALID[type] };
        sender = CATALOGUE[type].from === 'page' && r(2) ? CONTENT : BAD_SENDERS[r(BAD_SENDERS.length)]!;
      } else if (kind === 2)
        msg = { type: ['paper.nuke', '__proto__', 'hasOwnProperty', 'x'.repeat(65), ''][r(5)], payload: {} };
      else {
        const type = kind === 3 ? CONTENT_TYPES[r(CONTENT_TYPES.length)]! : TYPES[r(TYPES.length)]!;
        msg = { type, payload: hostileValue(type, r) };
        sender = kind === 3 ? CONTENT : PAGE;
      }
      const reply = await route(msg, sender);
      expect(reply.ok, JSON.stringify(msg)?.slice(0, 300)).toBe(false);
    }
    expect(called).toEqual([]);
    expect(rejected).toHaveLength(N);
    expect(await dumpStore(store)).toEqual(before);
    expect([...data]).toEqual(mirrorBefore);
  });

  it('the valid templates themselves are accepted (the fuzzer breaks something real)', async () => {
    const { route, called } = await setup();
    for (const type of TYPES) {
      const reply = await route({ type, payload: VALID[type] }, CATALOGUE[type].from === 'content' ? CONTENT : PAGE);
      // A token the background never issued reaches the handler, which refuses it.
      const ok = type !== 'paper.undo';
      expect(reply.ok, `${type}: ${JSON.stringify(reply)}`).toBe(ok);
    }
    expect(called.sort()).toEqual([...TYPES].sort());
  });
});

/** Issue 12 §6: what a listing's content script can make Dogear do, and learn. */
describe('service fuzz: a content script is held to what the overlay needs', () => {
  const OVERLAY: MessageType[] = ['paper.act', 'paper.tag', 'paper.undo', 'rank.score', 'seen.record'];

  it('only the overlay messages are open to content scripts', () => {
    expect(CONTENT_TYPES.sort()).toEqual(OVERLAY);
  });

  it('3000 valid and hostile content messages never reach a destructive handler, lose a note or reply with one', async () => {
    const { store, data, route, called } = await setup();
    const noted = (await store.listPapers()).filter((p) => p.note);
    expect(noted.length).toBeGreaterThan(2);
    const ids = (await store.listPapers()).map((p) => p.id);
    const r = rng(612);
    const tokens: string[] = [];
    const actions = ['save', 'unsave', 'read', 'unread', 'dismiss', 'undismiss'];
    const valid = (type: MessageType): unknown => {
      const id = ids[r(ids.length)]!;
      if (type === 'paper.act') return { meta: { id, title: 'T', authors: [] }, action: actions[r(6)] };
      if (type === 'paper.tag') return r(2) ? { id, add: ['x', 'rl'][r(2)] } : { id, remove: 'rl' };
      if (type === 'paper.undo') return { undo: tokens.length && r(2) ? tokens[r(tokens.length)] : 'g'.repeat(36) };
      return VALID[type];
    };
    let refusedRemovals = 0;
    for (let i = 0; i < 3000; i++) {
      const type = r(3) ? OVERLAY[r(OVERLAY.length)]! : TYPES[r(TYPES.length)]!;
      const payload = r(4) ? valid(type) : hostileValue(type, r);
      const reply = await route({ type, payload }, CONTENT);
      const text = JSON.stringify(reply);
      expect(text).not.toMatch(/"note"|<script>alert/);
      if (reply.ok && type === 'paper.act') {
        const undo = (reply.data as { undo?: string }).undo;
        if (undo) tokens.push(undo);
      }
      if (!reply.ok && reply.error.includes('has a note')) refusedRemovals++;
    }
    expect(new Set(called).size).toBeGreaterThan(3);
    for (const t of called) expect(OVERLAY).toContain(t);
    // Removals were asked for, refused for noted papers; every noted paper is on the list with its note.
    expect(refusedRemovals).toBeGreaterThan(0);
    const after = new Map((await store.listPapers()).map((p) => [p.id, p]));
    for (const p of noted) expect(after.get(p.id)?.note).toBe(p.note);
    // Undo tokens were issued and used: removals made on the page came back from the Trash.
    expect(tokens.length).toBeGreaterThan(0);
    expect(called.filter((t) => t === 'paper.undo').length).toBeGreaterThan(0);
    // The mirror content scripts read holds no note either.
    expect(JSON.stringify([...data])).not.toMatch(/note|<script>alert/);
  });
});
