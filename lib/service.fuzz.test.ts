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
  'paper.update': { id: paper.id, tags: ['a'], addTags: ['b'], removeTags: ['c'], note: 'n' },
  'paper.restore': { papers: [paper] },
  'papers.bulk': { ids: [paper.id], action: 'read', addTag: 't', removeTag: 'u', remove: false },
  'papers.apply': {
    put: [paper],
    remove: [paper.id],
    settings: DEFAULT_SETTINGS,
    trash: [{ ...paper, id: '2601.00002', trashedAt: 5 }],
  },
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
      async (req: never) => (called.push(t), (svc.handlers[t] as (r: never) => Promise<unknown>)(req)),
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
      expect(reply.ok, `${type}: ${JSON.stringify(reply)}`).toBe(true);
    }
    expect(called.sort()).toEqual([...TYPES].sort());
  });
});
