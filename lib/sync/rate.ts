/**
 * Keeps Dogear's own writes to `storage.sync` under a per-minute and a
 * per-hour count (sliding windows), so bursts of local changes are batched
 * into later writes instead of running into the browser's limits.
 */
export class WriteBudget {
  private times: number[] = [];

  constructor(
    private readonly perMinute: number,
    private readonly perHour: number,
  ) {}

  /** The earliest time at which `n` more writes stay inside both windows. */
  nextAllowed(now: number, n = 1): number {
    this.times = this.times.filter((t) => now - t < 3600_000);
    const at = (limit: number, window: number) => {
      const recent = this.times.filter((t) => now - t < window);
      if (recent.length + n <= limit) return now;
      // The write that has to leave the window before n more fit.
      return recent[recent.length + n - limit - 1]! + window;
    };
    return Math.max(at(this.perMinute, 60_000), at(this.perHour, 3600_000));
  }

  record(now: number): void {
    this.times.push(now);
  }
}
