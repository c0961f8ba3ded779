import { describe, expect, it } from 'vitest';
import type { Paper } from './model';
import { patchList } from './list-patch';

const paper = (id: string, status: Paper['status'] = 'saved'): Paper =>
  ({ id, title: `Paper ${id}`, authors: [], status, tags: [], savedAt: 1, updatedAt: 1 }) as unknown as Paper;
const ids = (list: Paper[]) => list.map((p) => `${p.id}:${p.status}`);

describe('patchList', () => {
  const list = [paper('a'), paper('b'), paper('c')];

  it('puts a changed paper in its place, keeping the order', () => {
    expect(ids(patchList(list, new Map([['b', paper('b', 'read')]])))).toEqual(['a:saved', 'b:read', 'c:saved']);
  });

  it('drops a paper no longer stored and appends a new one', () => {
    const out = patchList(
      list,
      new Map([
        ['a', undefined],
        ['d', paper('d')],
      ]),
    );
    expect(ids(out)).toEqual(['b:saved', 'c:saved', 'd:saved']);
  });

  it('ignores a removal of a paper it never had, and leaves the list it was given alone', () => {
    const out = patchList(list, new Map([['zz', undefined]]));
    expect(ids(out)).toEqual(['a:saved', 'b:saved', 'c:saved']);
    expect(out).not.toBe(list);
    expect(ids(list)).toEqual(['a:saved', 'b:saved', 'c:saved']);
  });

  it('adds a paper once even when the list held it twice (hostile duplicate ids)', () => {
    const out = patchList([paper('a'), paper('a')], new Map([['a', paper('a', 'read')]]));
    expect(ids(out)).toEqual(['a:read', 'a:saved']);
  });
});
