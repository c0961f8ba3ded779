/** Seeded uniform numbers in [0, 1) (mulberry32): evaluations must give the same figures on every run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seeded Fisher–Yates shuffle (a copy). */
export function shuffled<T>(xs: readonly T[], random: () => number): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Mean of the numbers that are not NaN; NaN when none are. */
export function mean(xs: readonly number[]): number {
  const ok = xs.filter((x) => !Number.isNaN(x));
  return ok.length ? ok.reduce((a, b) => a + b, 0) / ok.length : NaN;
}

/** Sample standard deviation of the numbers that are not NaN. */
export function sd(xs: readonly number[]): number {
  const ok = xs.filter((x) => !Number.isNaN(x));
  if (ok.length < 2) return NaN;
  const m = mean(ok);
  return Math.sqrt(ok.reduce((a, x) => a + (x - m) ** 2, 0) / (ok.length - 1));
}
