import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createImportStages, stagedPlan, type StagedImport } from './import-stage';
import { createRouter } from './messages';
import { blankPaper, DEFAULT_SETTINGS, type Paper } from './model';
import { stateKey } from './mirror';
import { createRelevance } from './relevance';
import { createService } from './service';
import { SITES } from './sites';
import { openStore } from './store';
import { fakeMirror } from './testing/fake-mirror';

const paper = (n: number, over: Partial<Paper> = {}): Paper => ({
  ...blankPaper(`2601.${String(n).padStart(5, '0')}`, 100, 'import'),
  title: `Paper ${n}`,
  ...over,
});

describe('stagedPlan', () => {
  const list = [paper(1), paper(2, { status: 'read' })];

  it('merges a JSON export into the list or replaces the list with it', () => {
    const staged: StagedImport = { kind: 'json', papers: [paper(2, { status: 'read' }), paper(3)] };
    const merge = stagedPlan(list, staged, 'merge');
    expect([merge.add.length, merge.update.length, merge.remove.length, merge.unchanged]).toEqual([1, 0, 0, 1]);
    const replace = stagedPlan(list, staged, 'replace');
    expect(replace.remove.map((p) => p.id)).toEqual(['2601.00001']);
  });

  it('an id list only adds: ids on the list count as unchanged and keep their record, whatever the mode', () => {
    const staged: StagedImport = { kind: 'ids', papers: [blankPaper('2601.00002', 5, 'import'), paper(4)] };
    for (const mode of ['merge', 'replace'] as const) {
      const plan = stagedPlan(list, staged, mode);
      expect([plan.add.map((p) => p.id), plan.update.length, plan.remove.length, plan.unchanged]).toEqual([
        ['2601.00004'],
        0,
        0,
        1,
      ]);
    }
  });
});

describe('createImportStages', () => {
  const staged: StagedImport = { kind: 'ids', papers: [paper(1)] };

  it('gives each staged file a token that imports it once', () => {
    const stages = createImportStages();
    const token = stages.put(staged);
    expect(stages.take('not-the-token')).toBeUndefined();
    expect(stages.take(token)).toBe(staged);
    expect(stages.take(token)).toBeUndefined();
  });

  it('keeps one file: a newer preview takes the place of the older', () => {
    const stages = createImportStages();
    const older = stages.put(staged);
    const newer = stages.put({ ...staged, kind: 'json' });
    expect(stages.take(older)).toBeUndefined();
    expect(stages.take(newer)?.kind).toBe('json');
  });
});

/** The import messages through the router, as an extension page sends them. */
async function background(initial: Paper[]) {
  const store = await openStore({ factory: new IDBFactory() });
  await store.applyPapers(initial, []);
  const mirror = fakeMirror();
  const svc = createService({
    store,
    mirror,
    ruleTagsFor: () => [],
    relevance: createRelevance(store),
    now: () => 500,
  });
  const origin = 'chrome-extension://dogear-test/';
  const route = createRouter(svc.handlers, { runtimeId: 'dogear-test', extensionOrigin: origin, contentSites: SITES });
  const send = (type: string, payload: unknown) =>
    route({ type, payload }, { id: 'dogear-test', url: `${origin}options.html` }) as Promise<
      { ok: true; data: Record<string, unknown> } | { ok: false; error: string }
    >;
  return { store, mirror, send };
}

describe('import.stage and import.apply', () => {
  it('previews both modes, imports the staged file once, and keeps the list as it was in a backup', async () => {
    const { store, mirror, send } = await background([paper(1), paper(2)]);
    const file = { kind: 'json', papers: [paper(2), paper(3)], settings: { ...DEFAULT_SETTINGS, badge: false } };
    const staged = await send('import.stage', file);
    if (!staged.ok) throw new Error(staged.error);
    expect(staged.data.merge).toEqual({ add: 1, update: 0, remove: 0, unchanged: 1 });
    expect(staged.data.replace).toMatchObject({ add: 1, remove: 1 });
    const token = staged.data.token;
    const applied = await send('import.apply', { token, mode: 'replace', settings: true });
    expect(applied).toEqual({ ok: true, data: { done: expect.objectContaining({ add: 1, remove: 1 }) } });
    expect((await store.listPapers()).map((p) => p.id).sort()).toEqual(['2601.00002', '2601.00003']);
    expect((await store.trash.list(0)).map((p) => p.id)).toEqual(['2601.00001']);
    expect((await store.getSettings()).badge).toBe(false);
    expect(mirror.data.has(stateKey('2601.00003'))).toBe(true);
    expect(mirror.data.has(stateKey('2601.00001'))).toBe(false);
    expect((await store.listBackups()).map((b) => [b.reason, b.papers])).toEqual([['before-import', 2]]);
    // The token is spent: clicking again (or replaying the message) imports nothing more.
    expect(await send('import.apply', { token, mode: 'replace', settings: true })).toEqual({
      ok: true,
      data: { expired: true },
    });
    expect(await store.listBackups()).toHaveLength(1);
  });

  it('plans again at Import: a note written after the preview is kept', async () => {
    const { store, send } = await background([paper(1)]);
    const staged = await send('import.stage', { kind: 'json', papers: [paper(1, { tags: ['from-file'] })] });
    if (!staged.ok) throw new Error(staged.error);
    await store.updatePaper('2601.00001', { note: 'mine' }, 900);
    const applied = await send('import.apply', { token: staged.data.token, mode: 'merge', settings: false });
    expect(applied).toMatchObject({ ok: true, data: { done: { update: 1 } } });
    expect(await store.getPaper('2601.00001')).toMatchObject({ note: 'mine', tags: ['from-file'] });
    expect(await store.getSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('refuses a file that is not valid, whole, and stages nothing of it', async () => {
    const { store, send } = await background([paper(1)]);
    const good = await send('import.stage', { kind: 'json', papers: [paper(3)] });
    if (!good.ok) throw new Error(good.error);
    for (const bad of [
      { kind: 'json', papers: [paper(4), { ...paper(5), id: '<img src=x onerror=alert(1)>' }] },
      { kind: 'json', papers: [{ ...paper(4), tags: Array.from({ length: 51 }, (_, i) => `t${i}`) }] },
      { kind: 'csv', papers: [] },
      { kind: 'json', papers: [paper(4)], trash: [paper(6)] },
    ]) {
      const reply = await send('import.stage', bad);
      expect(reply.ok).toBe(false);
      if (!reply.ok) expect(reply.error).toMatch(/^invalid import\.stage: /);
    }
    // The good file is still the one staged: a refused one takes nothing's place.
    const applied = await send('import.apply', { token: good.data.token, mode: 'merge', settings: false });
    expect(applied).toMatchObject({ ok: true, data: { done: { add: 1 } } });
    expect((await store.listPapers()).map((p) => p.id).sort()).toEqual(['2601.00001', '2601.00003']);
  });

  it('refuses a token that is not a token', async () => {
    const { send } = await background([]);
    const reply = await send('import.apply', { token: 'x'.repeat(65), mode: 'merge', settings: false });
    expect(reply.ok).toBe(false);
  });
});
