import { describe, expect, it } from 'vitest';
import { stateKey } from '@/lib/mirror';
import { StateCache, type StorageLike } from './state-cache';

const saved = ['saved', [], []];

describe('StateCache', () => {
  it('once every state is read, a paper missing from the mirror is on no list without a read', async () => {
    const cache = new StateCache({ get: async (keys) => (keys ? {} : { [stateKey('a')]: saved }) });
    expect(cache.missing(['a', 'b'])).toEqual(['a', 'b']);
    expect(cache.get('b')).toBeUndefined();
    await cache.loadAll();
    expect(cache.missing(['a', 'b', 'c'])).toEqual([]);
    expect(cache.get('a')?.status).toBe('saved');
    expect(cache.get('c')).toBeNull();
    cache.set('a', null);
    expect(cache.get('a')).toBeNull();
  });

  it('a read answered after the copy of every state does not bring back a state removed since', async () => {
    let answer: (v: Record<string, unknown>) => void = () => {};
    const area: StorageLike = {
      get: (keys) =>
        keys ? new Promise((resolve) => (answer = resolve)) : Promise.resolve({ [stateKey('a')]: saved }),
    };
    const cache = new StateCache(area);
    const read = cache.load(['a'], false);
    await cache.loadAll();
    cache.set('a', null);
    answer({ [stateKey('a')]: saved });
    await read;
    expect(cache.get('a')).toBeNull();
  });
});
