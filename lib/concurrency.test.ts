import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openStore } from './store';
import { createService } from './service';
import { createRelevance } from './relevance';
import { parseState, stateKey } from './mirror';
import { fakeMirror as mirror } from './testing/fake-mirror';

async function setup() {
  const store = await openStore({ factory: new IDBFactory() });
  const m = mirror();
  const svc = createService({ store, mirror: m, ruleTagsFor: () => [], relevance: createRelevance(store, () => 1) });
  return { store, mirror: m, h: svc.handlers };
}

const meta = (id: string) => ({ id, title: `Paper ${id}`, authors: [] });

describe('tag edits from several tabs at once', () => {
  it('two tabs adding different tags to the same paper both keep theirs', async () => {
    const { store, h } = await setup();
    await h['paper.act']({ meta: meta('2601.00001'), action: 'save' });
    await Promise.all([
      h['paper.update']({ id: '2601.00001', addTags: ['from-a'] }),
      h['paper.update']({ id: '2601.00001', addTags: ['from-b'] }),
      h['paper.update']({ id: '2601.00001', addTags: ['from-c'] }),
    ]);
    expect((await store.getPaper('2601.00001'))?.tags.sort()).toEqual(['from-a', 'from-b', 'from-c']);
  });

  it('a removal only removes its own tag', async () => {
    const { store, h } = await setup();
    await h['paper.act']({ meta: meta('2601.00001'), action: 'save' });
    await h['paper.update']({ id: '2601.00001', tags: ['keep', 'drop'] });
    await Promise.all([
      h['paper.update']({ id: '2601.00001', removeTags: ['drop'] }),
      h['paper.update']({ id: '2601.00001', addTags: ['new'] }),
    ]);
    expect((await store.getPaper('2601.00001'))?.tags.sort()).toEqual(['keep', 'new']);
  });

  it('the full-list form still replaces (the popup editor), trimming and de-duplicating', async () => {
    const { store, h } = await setup();
    await h['paper.act']({ meta: meta('2601.00001'), action: 'save' });
    await h['paper.update']({ id: '2601.00001', tags: ['a', 'b'] });
    await h['paper.update']({ id: '2601.00001', tags: ['c'], addTags: [' d ', 'c'], removeTags: ['x'] });
    expect((await store.getPaper('2601.00001'))?.tags).toEqual(['c', 'd']);
  });
});

describe('many writers at once', () => {
  it('ends in a state some serial order gives, with the mirror equal to the store', async () => {
    const { store, mirror: m, h } = await setup();
    const ids = Array.from({ length: 8 }, (_, i) => `2601.0000${i + 1}`);
    let seed = 7;
    const rnd = (n: number) => (seed = (seed * 48271) % 2147483647) % n;
    const tags = new Map<string, Set<string>>(ids.map((id) => [id, new Set()]));
    // Five tabs and a popup, each firing a burst of operations on overlapping papers.
    const writers = Array.from({ length: 6 }, (_, w) =>
      (async () => {
        for (let k = 0; k < 25; k++) {
          const id = ids[rnd(ids.length)]!;
          const op = rnd(4);
          if (op === 0)
            await h['paper.act']({
              meta: meta(id),
              action: (['save', 'read', 'dismiss'] as const)[rnd(3)]!,
            });
          else if (op === 1 && w === 5) await h['papers.bulk']({ ids: [id], action: 'read' });
          else {
            // Tags are only added here (never removed), so every one must survive whatever the interleaving.
            const tag = `w${w}-${k}`;
            const { paper } = await h['paper.update']({ id, addTags: [tag] });
            if (paper) tags.get(id)!.add(tag);
          }
        }
      })(),
    );
    await Promise.all(writers);
    for (const id of ids) {
      const p = await store.getPaper(id);
      const state = parseState(m.data.get(stateKey(id)));
      expect(state, id).toEqual(p ? { status: p.status, tags: p.tags, ruleTags: p.ruleTags } : null);
      if (p) for (const t of tags.get(id)!) expect(p.tags, `${id} lost ${t}`).toContain(t);
    }
  });
});
