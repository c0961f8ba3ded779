/**
 * A seeded generator of regex bodies for testing the ReDoS guard: random
 * patterns from a small grammar (letters that fold together under `i`,
 * classes, groups, lookarounds, all kinds of counts), plus the families
 * known to be slow when a guard counts them wrong.
 */

export interface CorpusPattern {
  body: string;
  flags: string;
}

/** mulberry32: small, fast and good enough to pick test cases. */
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

const LETTERS = ['a', 'b', 's', 'S', 'ſ', 'k', '\\u212a', 'x', '-', ' ', '\\.', 'é'];
const CLASSES = ['.', '\\w', '\\s', '\\d', '\\W', '[ab]', '[^a]', '[a-z]', '[sſ]', '\\p{L}'];
const ANCHORS = ['^', '$', '\\b', '\\B'];

export function generateCorpus(count: number, seed: number): CorpusPattern[] {
  const random = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));

  const quant = (): string => {
    const r = random();
    const lazy = random() < 0.1 ? '?' : '';
    if (r < 0.55) return '';
    if (r < 0.65) return `?${lazy}`;
    if (r < 0.75) return `*${lazy}`;
    if (r < 0.85) return `+${lazy}`;
    if (r < 0.9) return `{${random() < 0.2 ? pick([100, 1000, 10000]) : int(1, 5)}}${lazy}`;
    if (r < 0.96) {
      const min = int(0, 3);
      return `{${min},${min + (random() < 0.2 ? pick([50, 500, 5000]) : int(0, 6))}}${lazy}`;
    }
    return `{${int(0, 3)},}${lazy}`;
  };
  const atom = (depth: number): string => {
    const r = random();
    if (r < 0.45) return pick(LETTERS);
    if (r < 0.7) return pick(CLASSES);
    if (r < 0.9 && depth < 3) return `${(random() < 0.7 ? '(?:' : '(') + alternation(depth + 1)})`;
    if (r < 0.95 && depth < 3) return `${pick(['(?=', '(?!', '(?<=', '(?<!']) + alternation(depth + 1)})`;
    return pick(ANCHORS);
  };
  const sequence = (depth: number): string => {
    let s = '';
    for (let n = int(1, depth ? 3 : 5); n > 0; n--) {
      const a = atom(depth);
      s +=
        a + (ANCHORS.includes(a) || a.startsWith('(?=') || a.startsWith('(?<') || a.startsWith('(?!') ? '' : quant());
    }
    return s;
  };
  const alternation = (depth: number): string => {
    const n = random() < 0.6 ? 1 : int(2, 4);
    return Array.from({ length: n }, () => sequence(depth)).join('|');
  };

  /** Shapes that stay short but multiply ways: the guard must count every one of them. */
  const family = (): string => {
    const k = int(1, 24);
    switch (int(0, 7)) {
      case 0:
        return `${`(?:${pick(CLASSES)}|${pick(CLASSES)})`.repeat(k)}#`;
      case 1:
        return `${`${pick(CLASSES)}?${pick(CLASSES)}?-`.repeat(k)}#`;
      case 2:
        return `(?:${pick(LETTERS)}|${pick(LETTERS)})+${pick(LETTERS)}`;
      case 3:
        return `${pick(CLASSES)}{${pick([10, 100, 1000, 10000])}}${pick(LETTERS)}`;
      case 4:
        return `${pick(LETTERS)}${pick(CLASSES)}*${pick(LETTERS).repeat(int(1, 12))}`;
      case 5:
        return `(?:${Array.from({ length: int(2, 6) }, () => pick(LETTERS) + pick(LETTERS)).join('|')}){0,${k}}x`;
      case 6:
        return `${pick(CLASSES)}${quant()}`.repeat(int(1, 4)) + pick(LETTERS);
      default:
        return `(?:${pick(CLASSES)}${pick(['', '?', '{0,3}'])}|${pick(LETTERS)}){${int(0, 3)},${int(3, 30)}}$`;
    }
  };

  return Array.from({ length: count }, () => ({
    body: random() < 0.3 ? family() : alternation(0),
    flags: pick(['', '', 'i', 'i', 's', 'im']),
  }));
}
