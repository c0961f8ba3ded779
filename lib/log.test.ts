import { afterEach, describe, expect, it, vi } from 'vitest';
import { contained, logOnce } from './log';

afterEach(() => vi.restoreAllMocks());

// One module-level record of what was logged: the flood test runs last, since it fills it.
describe('logOnce', () => {
  it('logs a key once, whatever the message says the second time', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    logOnce('test-once', 'first', { a: 1 });
    logOnce('test-once', 'second');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toBe('[dogear] first');
  });

  it('turns a throw or a rejection in a contained function into one log line', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const boom = contained('test-contained-sync', () => {
      throw new Error('sync');
    });
    expect(() => boom()).not.toThrow();
    boom();
    contained('test-contained-async', () => Promise.reject(new Error('async')))();
    await Promise.resolve();
    await Promise.resolve();
    expect(warn.mock.calls.map((c) => c[0])).toEqual([
      '[dogear] test-contained-sync failed',
      '[dogear] test-contained-async failed',
    ]);
  });

  it('stops remembering new keys at its bound, so a flood of distinct keys cannot grow it', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    for (let i = 0; i < 5_000; i++) logOnce(`flood-${i}`, 'flood');
    expect(warn.mock.calls.length).toBeLessThanOrEqual(1_000);
    expect(warn.mock.calls.length).toBeGreaterThan(900);
  });
});
