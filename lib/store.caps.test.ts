import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openStore } from './store';
import { LIMITS } from './model';

/** Issue 12 §4: every write is checked by the schema import uses, so no write can exceed a cap. */
describe('store: one schema for every write', () => {
  const tags = (n: number) => Array.from({ length: n }, (_, i) => `t${i}`);
  const meta = { id: '2407.21783', title: 'T', authors: [] };

  it('a bulk tag that would be the 51st is refused with a clear message and changes nothing', async () => {
    const store = await openStore({ factory: new IDBFactory() });
    await store.act({ meta, action: 'save' }, 1);
    await store.act({ meta: { ...meta, id: '2407.21784' }, action: 'save' }, 1);
    await store.updatePaper(meta.id, { tags: tags(LIMITS.tags) }, 2);
    await expect(store.bulkUpdate([meta.id, '2407.21784'], { addTag: 'one-more' }, 3)).rejects.toThrow(
      `A paper can hold at most ${LIMITS.tags} tags`,
    );
    expect((await store.getPaper(meta.id))?.tags).toHaveLength(LIMITS.tags);
    // Atomic: the other paper, which had room, did not get the tag either.
    expect((await store.getPaper('2407.21784'))?.tags).toEqual([]);
    await expect(store.updatePaper(meta.id, { addTags: ['x'] }, 4)).rejects.toThrow(/at most 50 tags/);
  });

  it('rule tags are kept within the cap instead of refusing the save', async () => {
    const store = await openStore({ factory: new IDBFactory() });
    const { after } = await store.act({ meta, action: 'save', ruleTags: tags(LIMITS.tags + 20) }, 1);
    expect(after?.ruleTags).toEqual(tags(LIMITS.tags));
  });
});
