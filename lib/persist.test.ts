import { describe, expect, it, vi } from 'vitest';
import { requestPersistence } from './persist';

describe('requestPersistence', () => {
  it('asks only when storage is not already persistent', async () => {
    const persist = vi.fn(async () => true);
    expect(await requestPersistence({ persisted: async () => true, persist })).toBe(true);
    expect(persist).not.toHaveBeenCalled();
    expect(await requestPersistence({ persisted: async () => false, persist })).toBe(true);
    expect(persist).toHaveBeenCalledOnce();
  });

  it('reports a refusal, a missing API and a throwing browser without failing', async () => {
    expect(await requestPersistence({ persisted: async () => false, persist: async () => false })).toBe(false);
    expect(await requestPersistence(undefined)).toBeNull();
    expect(await requestPersistence({} as never)).toBeNull();
    expect(
      await requestPersistence({
        persisted: async () => false,
        persist: () => Promise.reject(new TypeError('not a window')),
      }),
    ).toBeNull();
  });
});
