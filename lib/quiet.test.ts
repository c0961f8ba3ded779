import { describe, expect, it } from 'vitest';
import { createQuiet, MAX_WAIT_MS } from './quiet';

/** Timers driven by hand: `advance` runs every timer due by then, in order. */
function fakeTimers() {
  let t = 0;
  let queue: Array<{ at: number; f: () => void }> = [];
  return {
    now: () => t,
    setTimeout: ((f: () => void, ms = 0) => queue.push({ at: t + ms, f })) as unknown as typeof setTimeout,
    advance(ms: number) {
      const end = t + ms;
      for (;;) {
        queue.sort((a, b) => a.at - b.at);
        const next = queue[0];
        if (!next || next.at > end) break;
        queue = queue.slice(1);
        t = next.at;
        next.f();
      }
      t = end;
    },
  };
}

describe('createQuiet', () => {
  it('resolves on a later task when no message is being handled', async () => {
    const timers = fakeTimers();
    const q = createQuiet(timers);
    let done = false;
    void q.quiet().then(() => (done = true));
    await Promise.resolve();
    expect(done).toBe(false);
    timers.advance(0);
    await Promise.resolve();
    expect(done).toBe(true);
  });

  it('waits while a message is handled and resolves soon after it is answered', async () => {
    const timers = fakeTimers();
    const q = createQuiet(timers);
    let answer: (v: string) => void = () => {};
    const reply = q.run(() => new Promise<string>((r) => (answer = r)));
    let done = false;
    void q.quiet().then(() => (done = true));
    timers.advance(100);
    await Promise.resolve();
    expect(done).toBe(false);
    answer('ok');
    expect(await reply).toBe('ok');
    timers.advance(20);
    await Promise.resolve();
    expect(done).toBe(true);
  });

  it('counts a failed message as answered', async () => {
    const timers = fakeTimers();
    const q = createQuiet(timers);
    await expect(q.run(() => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    let done = false;
    void q.quiet().then(() => (done = true));
    timers.advance(0);
    await Promise.resolve();
    expect(done).toBe(true);
  });

  it('waits at most MAX_WAIT_MS for a message that never ends (one waiting for the job itself)', async () => {
    const timers = fakeTimers();
    const q = createQuiet(timers);
    void q.run(() => new Promise(() => {}));
    let done = false;
    void q.quiet().then(() => (done = true));
    timers.advance(MAX_WAIT_MS - 20);
    await Promise.resolve();
    expect(done).toBe(false);
    timers.advance(40);
    await Promise.resolve();
    expect(done).toBe(true);
  });
});
