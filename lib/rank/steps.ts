/**
 * Long computations (the ranker's training: thousands of papers tokenised, a
 * matrix built, an optimiser run over it) written as generators that yield at
 * safe points. Run at once with `finish`, or in slices with `inSlices`, which
 * pauses between slices so the background's messages are answered meanwhile
 * instead of waiting seconds behind one synchronous fit.
 */

export type Steps<T> = Generator<void, T, void>;

/** Runs every step now. */
export function finish<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

export interface SliceOptions {
  /** Longest stretch of steps without a pause. */
  sliceMs?: number;
  /** What a pause waits for (by default one turn of the event loop). */
  pause?: () => Promise<void>;
  clock?: () => number;
}

/** Runs the steps in slices of at most `sliceMs` (give or take one step), pausing between them. */
export async function inSlices<T>(steps: Steps<T>, opts: SliceOptions = {}): Promise<T> {
  const { sliceMs = 8, pause = nextTask, clock = () => performance.now() } = opts;
  let start = clock();
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (clock() - start >= sliceMs) {
      await pause();
      start = clock();
    }
  }
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
