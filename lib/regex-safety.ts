import { LIMITS } from './model';

/**
 * Guards the page against user regexes that backtrack badly. Irregexp cannot
 * be interrupted, so a pattern like `(a+)+$` or `.*.*x` would freeze the tab
 * on an unlucky abstract; instead we reject the known shapes up front and
 * bound every repetition so the work per text position stays small:
 *
 * - backreferences are rejected (they make matching NP-hard);
 * - nested repetition (`(a+)+`, `(a?b)*`) is rejected;
 * - alternatives under a repetition must start with different literal
 *   characters (`(foo|bar)+` is fine, `(a|a)*` and `(\w|x)+` are not);
 * - open-ended repetitions (`*`, `+`, `{n,}`) match at most OPEN_MAX more
 *   times than their minimum, so `.*x` costs O(OPEN_MAX) per position, not O(n);
 * - the backtracking choices per position are capped (MAX_COST, see costOf):
 *   one open-ended repetition per run next to a few small ones (`\s?`, `{2,4}`).
 *
 * Capturing groups are made non-capturing: nothing reads them, and combining
 * many user regexes into one must not collide on group names.
 */

export const OPEN_MAX = 100;
const MAX_COST = 1_000;

export type SafeRegex = { source: string; flags: string } | { error: string };

interface Quant {
  min: number;
  max: number;
  lazy: boolean;
}
interface Item {
  /** Source text of the atom as it will be emitted; for a group, its opener. */
  src: string;
  /** A single literal character, when the atom is one (for the alternation check). */
  literal?: string;
  /** Top-level alternatives when the atom is a group. */
  alts?: Item[][];
  quant?: Quant;
}

class Unsafe extends Error {}

const LOOKAROUNDS = new Set(['(?=', '(?!', '(?<=', '(?<!']);
const CLASS_ESCAPES = 'dDwWsSbB';
const CONTROL_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', f: '\f', v: '\v' };

/**
 * Checks and rewrites a regex body for matching with `flags` (from `i m s`;
 * `u` is always added so `\p{…}` works and syntax errors are strict).
 */
export function sanitizeRegex(body: string, flags: string): SafeRegex {
  if (body.length > LIMITS.pattern) return { error: `regex is longer than ${LIMITS.pattern} characters` };
  const outFlags = [...new Set(flags + 'u')].sort().join('');
  try {
    new RegExp(body, outFlags);
  } catch (e) {
    return { error: (e as Error).message };
  }
  try {
    const parser = new Parser(body, outFlags.includes('i'));
    const alts = parser.alternatives(false);
    check(alts, false, parser.ignoreCase);
    if (costOf(alts, outFlags) > MAX_COST)
      throw new Unsafe(
        'too much repetition (it could freeze the page): use at most one open-ended *, + or {n,} and keep other counts small, like \\s{0,3}',
      );
    return { source: emit(alts), flags: outFlags };
  } catch (e) {
    if (e instanceof Unsafe) return { error: e.message };
    throw e;
  }
}

class Parser {
  private i = 0;
  private readonly wordChar: RegExp;
  constructor(
    private readonly s: string,
    readonly ignoreCase: boolean,
  ) {
    this.wordChar = new RegExp('^\\w$', ignoreCase ? 'iu' : 'u');
  }

  alternatives(inGroup: boolean): Item[][] {
    const alts: Item[][] = [[]];
    while (this.i < this.s.length) {
      const c = this.s[this.i]!;
      if (c === ')') {
        if (inGroup) return alts;
        break;
      }
      if (c === '|') {
        this.i++;
        alts.push([]);
        continue;
      }
      const item = this.atom();
      item.quant = this.quantifier();
      const seq = alts[alts.length - 1]!;
      const prev = seq[seq.length - 1];
      // V8 runs a leading \b under the i and u flags ~100× slower than the
      // equivalent one-sided lookbehind, which is exact when a literal follows.
      if (prev?.src === '\\b' && item.literal !== undefined && (item.quant?.min ?? 1) >= 1)
        prev.src = this.wordChar.test(item.literal) ? '(?<!\\w)' : '(?<=\\w)';
      seq.push(item);
    }
    return alts;
  }

  private atom(): Item {
    const s = this.s;
    const start = this.i;
    const c = s[this.i]!;
    if (c === '\\') return this.escape();
    if (c === '[') {
      this.i++;
      while (s[this.i] !== ']') this.i += s[this.i] === '\\' ? 2 : 1;
      this.i++;
      return { src: s.slice(start, this.i) };
    }
    if (c === '(') {
      const open = /^\((?:\?(?::|=|!|<=|<!|<[^>]+>))?/.exec(s.slice(this.i))![0];
      // Newer engines accept more group kinds (modifiers like `(?i:…)`); we only pass on what we understand.
      if (open === '(' && s[this.i + 1] === '?') throw new Unsafe('unsupported group syntax');
      this.i += open.length;
      const alts = this.alternatives(true);
      this.i++; // ')'
      return { src: LOOKAROUNDS.has(open) ? open : '(?:', alts };
    }
    const cp = String.fromCodePoint(s.codePointAt(this.i)!);
    this.i += cp.length;
    return c === '.' || c === '^' || c === '$' ? { src: c } : { src: cp, literal: cp };
  }

  private escape(): Item {
    const s = this.s;
    const start = this.i;
    const c = s[this.i + 1]!;
    this.i += 2;
    if (/[1-9]/.test(c) || c === 'k') throw new Unsafe('backreferences are not allowed');
    if (c === 'p' || c === 'P') this.i = s.indexOf('}', this.i) + 1;
    else if (c === 'u') this.i = s[this.i] === '{' ? s.indexOf('}', this.i) + 1 : this.i + 4;
    else if (c === 'x') this.i += 2;
    else if (c === 'c') this.i += 1;
    const src = s.slice(start, this.i);
    if (CLASS_ESCAPES.includes(c) || c === 'p' || c === 'P' || c === 'u' || c === 'x' || c === 'c' || c === '0')
      return { src };
    return { src, literal: CONTROL_ESCAPES[c] ?? c };
  }

  private quantifier(): Quant | undefined {
    const m = /^(?:([*+?])|\{(\d+)(,(\d*))?\})(\?)?/.exec(this.s.slice(this.i));
    if (!m) return undefined;
    this.i += m[0].length;
    const lazy = m[5] !== undefined;
    if (m[1]) return { min: m[1] === '+' ? 1 : 0, max: m[1] === '?' ? 1 : Infinity, lazy };
    const min = Number(m[2]);
    return { min, max: m[3] === undefined ? min : m[4] ? Number(m[4]) : Infinity, lazy };
  }
}

const repeats = (q: Quant | undefined): boolean => q !== undefined && q.max > 1;

function check(alts: Item[][], underRepeat: boolean, ignoreCase: boolean): void {
  for (const seq of alts)
    for (const item of seq) {
      if (underRepeat && item.quant) throw new Unsafe('nested repetition like (a+)+ can take exponential time');
      if (!item.alts) continue;
      const repeated = underRepeat || repeats(item.quant);
      if (repeated && item.alts.length > 1) distinctStarts(item.alts, ignoreCase);
      check(item.alts, repeated, ignoreCase);
    }
}

/** Under a repetition, overlapping alternatives multiply the ways to split a text. */
function distinctStarts(alts: Item[][], ignoreCase: boolean): void {
  const seen = new Set<string>();
  for (const seq of alts) {
    const lit = seq[0]?.literal;
    const key = ignoreCase ? lit?.toLowerCase() : lit;
    if (key === undefined || seen.has(key))
      throw new Unsafe('alternatives inside a repetition must start with different letters, like (foo|bar)+');
    seen.add(key);
  }
}

/**
 * An upper bound on the backtracking steps per start position: repetition
 * choices multiply along a run of atoms, but a required literal that no
 * repeated atom of the run can match pins where the run ends, so the runs on
 * either side of it add up instead (`\s*-\s*` costs 2·101, `.*.*` 101²).
 */
function costOf(alts: Item[][], flags: string): number {
  let worst = 1;
  for (const seq of alts) {
    let total = 0;
    let run = 1;
    let repeated: Item[] = [];
    for (const item of seq) {
      if (item.literal !== undefined && !item.quant && !repeated.some((r) => canMatch(r, item.literal!, flags))) {
        total += run;
        run = 1;
        repeated = [];
      }
      const q = item.quant;
      const choices = q ? (q.max === Infinity ? OPEN_MAX : q.max - q.min) + 1 : 1;
      run = Math.min(run * (item.alts ? costOf(item.alts, flags) : 1) * choices, Number.MAX_SAFE_INTEGER);
      if (repeats(q)) repeated.push(item);
    }
    worst = Math.max(worst, total + run);
  }
  return worst;
}

/** Whether a repeated atom could also consume `ch`; groups are assumed to. */
function canMatch(item: Item, ch: string, flags: string): boolean {
  return item.alts !== undefined || new RegExp(`^${item.src}$`, flags).test(ch);
}

function emit(alts: Item[][]): string {
  return alts
    .map((seq) =>
      seq
        .map((item) => {
          const atom = item.alts ? `${item.src}${emit(item.alts)})` : item.src;
          return atom + quantSource(item.quant);
        })
        .join(''),
    )
    .join('|');
}

function quantSource(q: Quant | undefined): string {
  if (!q) return '';
  const max = q.max === Infinity ? q.min + OPEN_MAX : q.max;
  if (q.min === 0 && max === 1) return q.lazy ? '??' : '?';
  return (q.min === max ? `{${max}}` : `{${q.min},${max}}`) + (q.lazy ? '?' : '');
}
