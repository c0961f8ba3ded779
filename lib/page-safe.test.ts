import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { noteFreeSchema, withoutNotes } from './page-safe';

describe('withoutNotes', () => {
  it('drops every note, however deep, and keeps everything else', () => {
    const paper = { id: '2407.21783', note: 'private', tags: ['a'], nested: [{ note: 'x', keep: 1 }] };
    expect(withoutNotes({ paper, previous: paper, list: [paper], n: 3, s: 'note' })).toEqual({
      paper: { id: '2407.21783', tags: ['a'], nested: [{ keep: 1 }] },
      previous: { id: '2407.21783', tags: ['a'], nested: [{ keep: 1 }] },
      list: [{ id: '2407.21783', tags: ['a'], nested: [{ keep: 1 }] }],
      n: 3,
      s: 'note',
    });
    expect(paper.note).toBe('private');
  });

  it('passes scalars and empty replies through', () => {
    expect(withoutNotes(null)).toBe(null);
    expect(withoutNotes({})).toEqual({});
    expect(withoutNotes('note')).toBe('note');
  });
});

describe('noteFreeSchema', () => {
  const Item = z.object({ id: z.string(), note: z.string(), tags: z.array(z.string()).check(z.maxLength(2)) });
  const Reply = z.object({
    paper: z.nullable(Item),
    list: z.optional(z.array(Item)),
    byId: z.catchall(z.object({}), z.union([Item, z.literal(0)])),
  });
  const item = { id: 'a', note: 'private', tags: ['t'] };

  it('accepts a reply without notes that the full schema refuses, and drops a note that slipped in', () => {
    const safe = noteFreeSchema(Reply);
    const bare = {
      paper: { id: 'a', tags: ['t'] },
      list: [{ id: 'b', tags: [] }],
      byId: { a: { id: 'a', tags: [] }, b: 0 },
    };
    expect(Reply.safeParse(bare).success).toBe(false);
    expect(safe.parse(bare)).toEqual(bare);
    expect(safe.parse({ paper: item, list: [item], byId: { a: item } })).toEqual({
      paper: { id: 'a', tags: ['t'] },
      list: [{ id: 'a', tags: ['t'] }],
      byId: { a: { id: 'a', tags: ['t'] } },
    });
  });

  it('keeps every other check', () => {
    const safe = noteFreeSchema(Reply);
    expect(safe.safeParse({ paper: { id: 'a', tags: ['1', '2', '3'] }, byId: {} }).success).toBe(false);
    expect(safe.safeParse({ paper: { id: 1, tags: [] }, byId: {} }).success).toBe(false);
    expect(safe.safeParse({ paper: null, byId: { a: 1 } }).success).toBe(false);
    expect(Reply.parse({ paper: item, byId: {} })).toEqual({ paper: item, byId: {} });
  });

  it('refuses a kind of schema it cannot see into, rather than let a note through', () => {
    expect(() => noteFreeSchema(z.object({ pair: z.tuple([Item, Item]) }))).toThrow(/tuple is not handled/);
    expect(() => noteFreeSchema(z.object({ byId: z.record(z.string(), Item) }))).toThrow(/record is not handled/);
    expect(noteFreeSchema(z.object({ n: z.number() })).parse({ n: 1, note: 'x' })).toEqual({ n: 1 });
  });
});
