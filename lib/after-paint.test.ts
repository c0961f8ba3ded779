// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterPaint } from './after-paint';

/** Frames come when the test runs them: until then the page paints nothing. */
function manualFrames() {
  const frames: FrameRequestCallback[] = [];
  vi.spyOn(window, 'requestAnimationFrame').mockImplementation((cb) => frames.push(cb));
  return () => {
    for (const f of frames.splice(0)) f(performance.now());
  };
}
const task = (ms = 0) => new Promise((r) => setTimeout(r, ms));

afterEach(() => {
  vi.restoreAllMocks();
});

describe('afterPaint', () => {
  it('resolves in a task after the next frame, not before it', async () => {
    const frame = manualFrames();
    let done = false;
    void afterPaint(document).then(() => (done = true));
    await task(20);
    expect(done).toBe(false);
    frame();
    expect(done).toBe(false);
    await task();
    expect(done).toBe(true);
  });

  it('does not wait for a frame in a hidden document, which paints none', async () => {
    const frame = manualFrames();
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    let done = false;
    void afterPaint(document).then(() => (done = true));
    await task();
    expect(done).toBe(true);
    frame();
  });

  it('stops waiting for a frame that does not come (the document was hidden meanwhile)', async () => {
    manualFrames();
    let done = false;
    void afterPaint(document).then(() => (done = true));
    await task(20);
    expect(done).toBe(false);
    await task(120);
    expect(done).toBe(true);
  });

  it('resolves at once when the page is left or hidden while it waits, so a save sent then is not lost', async () => {
    for (const leave of [
      () => window.dispatchEvent(new Event('pagehide')),
      () => {
        vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
        document.dispatchEvent(new Event('visibilitychange'));
      },
    ]) {
      const frame = manualFrames();
      let done = false;
      void afterPaint(document).then(() => (done = true));
      await task(20);
      expect(done).toBe(false);
      leave();
      await Promise.resolve();
      expect(done).toBe(true);
      frame();
      vi.restoreAllMocks();
    }
  });
});
