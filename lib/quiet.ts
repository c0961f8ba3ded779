/**
 * The background's one thread answers messages and runs long jobs (the ranker's
 * training). Messages come first: `run` counts each one while it is handled,
 * and a job pausing between its slices waits with `quiet` until none is, so a
 * click's message is not answered after seconds of training. The wait is
 * bounded: a message that itself waits for the job (a reset of the ranker)
 * must not wait forever, and a steady stream of messages must not starve it.
 */

/** Longest a pause waits for the messages in hand to be answered. */
export const MAX_WAIT_MS = 500;
const POLL_MS = 10;

export function createQuiet(timers: { setTimeout: typeof setTimeout; now: () => number } = defaultTimers()) {
  let inFlight = 0;
  return {
    async run<T>(handle: () => Promise<T>): Promise<T> {
      inFlight++;
      try {
        return await handle();
      } finally {
        inFlight--;
      }
    },
    /** Resolves on a later task once no message is being handled, or after MAX_WAIT_MS. */
    quiet(): Promise<void> {
      const until = timers.now() + MAX_WAIT_MS;
      return new Promise((resolve) => {
        const check = () => (inFlight && timers.now() < until ? timers.setTimeout(check, POLL_MS) : resolve());
        timers.setTimeout(check, 0);
      });
    },
  };
}

function defaultTimers() {
  return { setTimeout: globalThis.setTimeout.bind(globalThis), now: () => Date.now() };
}
