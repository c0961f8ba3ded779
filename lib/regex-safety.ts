import { foldKey } from './case-fold';
import { LIMITS } from './model';
import { AltSet, regexCost, type Alt, type Item, type Quant } from './regex-cost';

/**
 * Guards the page against user regexes that backtrack badly. Irregexp cannot
 * be interrupted, so a pattern like `(a+)+$` or `.*.*x` would freeze the tab
 * on an unlucky abstract; instead we reject the known shapes up front and
 * bound the work per text position:
 *
 * - backreferences are rejected (they make matching NP-hard);
 * - nested repetition (`(a+)+`, `(a?b)*`) is rejected;
 * - alternatives under a repetition must start with different literal
 *   characters, after case folding when the `i` flag is set (`(foo|bar)+` is
 *   fine; `(a|a)*`, `(\w|x)+` and, with `i`, `(s|ſ)+` are not);
 * - open-ended repetitions (`*`, `+`, `{n,}`) match at most OPEN_MAX more
 *   times than their minimum, so `.*x` costs O(OPEN_MAX) per position, not O(n);
 * - the work per text position (regex-cost.ts) is capped at MAX_WORK: choices
 *   multiply along a sequence, alternatives add up (`(?:.|.)` twenty times is
 *   2^20 ways), and a large fixed count like `.{10000}` costs what it consumes.
 *
 * Many patterns are combined into one regex, so they also share a budget:
 * PatternBudget admits patterns in order while their combined work stays
 * within MAX_TOTAL_WORK.
 *
 * Capturing groups are made non-capturing: nothing reads them, and combining
 * many user regexes into one must not collide on group names.
 */

export const OPEN_MAX = 100;
/** Steps per text position for one pattern: a 20,000-character abstract then takes well under 100 ms. */
export const MAX_WORK = 1_000;
/** Steps per text position for all keywords together (and again for all tag rules). */
export const MAX_TOTAL_WORK = 5_000;

export type SafeRegex =
  | { source: string; flags: string; cost: Alt }
  /** `unsafe` when the pattern is valid but could freeze the page. */
  | { error: string; unsafe?: true };

class Unsafe extends Error {}

const LOOKAROUNDS = new Set(['(?=', '(?!', '(?<=', '(?<!']);
const CLASS_ESCAPES = 'dDwWsSbB';
const CONTROL_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', f: '\f', v: '\v' };
const TOO_MUCH =
  'too many ways to match (it could freeze the page): keep counts small, use at most one open-ended *, + or {n,} in a row, and start alternatives differently';

/**
 * Checks and rewrites a regex body for matching with `flags` (from `i m s`;
 * `u` is always added so `\p{…}` works and syntax errors are strict).
 */
export function sanitizeRegex(body: string, flags: string): SafeRegex {
  if (body.length > LIMITS.pattern) return { error: `regex is longer than ${LIMITS.pattern} characters` };
  return sanitizeSource(body, flags);
}

/** sanitizeRegex without the length limit, for regexes Dogear builds itself from plain keywords. */
export function sanitizeSource(body: string, flags: string): SafeRegex {
  const outFlags = [...new Set(`${flags}u`)].sort().join('');
  try {
    new RegExp(body, outFlags);
  } catch (e) {
    return { error: (e as Error).message };
  }
  try {
    const parser = new Parser(body, outFlags.includes('i'));
    const alts = parser.alternatives(false);
    check(alts, false, parser.ignoreCase);
    const cost = regexCost(alts, outFlags);
    if (cost.work > MAX_WORK) throw new Unsafe(TOO_MUCH);
    return { source: emit(alts), flags: outFlags, cost };
  } catch (e) {
    if (e instanceof Unsafe) return { error: e.message, unsafe: true };
    throw e;
  }
}

/** Admits patterns to one combined regex while their work together stays within the budget. */
export class PatternBudget {
  private readonly set = new AltSet();
  constructor(private readonly limit = MAX_TOTAL_WORK) {}

  /** Adds the pattern's cost and says true, or leaves the budget as it was and says false. */
  take(cost: Alt): boolean {
    // Patterns with other flags run as other regexes: a case-sensitive `S` and `/s/i` can both go on at an `S`.
    const alt = { ...cost, key: [...cost.key].map(foldKey).join('') };
    this.set.add(alt);
    if (this.set.work <= this.limit) return true;
    this.set.remove(alt);
    return false;
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
      return LOOKAROUNDS.has(open) ? { src: open, alts, look: true, zeroWidth: true } : { src: '(?:', alts };
    }
    const cp = String.fromCodePoint(s.codePointAt(this.i)!);
    this.i += cp.length;
    if (c === '^' || c === '$') return { src: c, zeroWidth: true };
    return c === '.' ? { src: c } : { src: cp, literal: cp };
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
    if (c === 'b' || c === 'B') return { src, zeroWidth: true };
    if (CLASS_ESCAPES.includes(c) || c === 'p' || c === 'P' || c === 'u' || c === 'x' || c === 'c' || c === '0')
      return { src };
    return { src, literal: CONTROL_ESCAPES[c] ?? c };
  }

  private quantifier(): Quant | undefined {
    const m = /^(?:([*+?])|\{(\d+)(,(\d*))?\})(\?)?/.exec(this.s.slice(this.i));
    if (!m) return undefined;
    this.i += m[0].length;
    const lazy = m[5] !== undefined;
    if (m[1]) return { min: m[1] === '+' ? 1 : 0, max: m[1] === '?' ? 1 : (m[1] === '+' ? 1 : 0) + OPEN_MAX, lazy };
    const min = Number(m[2]);
    return { min, max: m[3] === undefined ? min : m[4] ? Number(m[4]) : min + OPEN_MAX, lazy };
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
    const key = lit !== undefined && ignoreCase ? foldKey(lit) : lit;
    if (key === undefined || seen.has(key))
      throw new Unsafe('alternatives inside a repetition must start with different letters, like (foo|bar)+');
    seen.add(key);
  }
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
  if (q.min === 0 && q.max === 1) return q.lazy ? '??' : '?';
  return (q.min === q.max ? `{${q.max}}` : `{${q.min},${q.max}}`) + (q.lazy ? '?' : '');
}
