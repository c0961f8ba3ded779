import { describe, expect, it } from 'vitest';
import { finish, inSlices, type Steps } from './steps';

function* count(n: number, log: string[]): Steps<number> {
  for (let i = 0; i < n; i++) {
    log.push(`step ${i}`);
    yield;
  }
  return n;
}

describe('steps', () => {
  it('finish runs every step at once and returns the result', () => {
    const log: string[] = [];
    expect(finish(count(3, log))).toBe(3);
    expect(log).toEqual(['step 0', 'step 1', 'step 2']);
  });

  it('inSlices pauses once a slice has taken sliceMs, and only then', async () => {
    const log: string[] = [];
    let t = 0;
    const steps = (function* () {
      for (let i = 0; i < 6; i++) {
        log.push(`step ${i}`);
        t += 3; // each step takes 3 ms
        yield;
      }
      return 'done';
    })();
    const out = await inSlices(steps, {
      sliceMs: 8,
      clock: () => t,
      pause: async () => void log.push('pause'),
    });
    expect(out).toBe('done');
    expect(log).toEqual(['step 0', 'step 1', 'step 2', 'pause', 'step 3', 'step 4', 'step 5', 'pause']);
  });

  it('inSlices lets other tasks run between slices', async () => {
    const log: string[] = [];
    const other = new Promise<void>((r) => setTimeout(() => r(void log.push('other task')), 0));
    await inSlices(count(3, log), { sliceMs: 0 });
    await other;
    expect(log.indexOf('other task')).toBeGreaterThan(0);
    expect(log.indexOf('other task')).toBeLessThan(log.length - 1);
  });

  it('a failing pause stops the steps there', async () => {
    const log: string[] = [];
    const stop = inSlices(count(5, log), {
      sliceMs: 0,
      pause: () => Promise.reject(new Error('superseded')),
    });
    await expect(stop).rejects.toThrow('superseded');
    expect(log).toEqual(['step 0']);
  });
});
