// size: one matcher, documented in full below; the pattern compiler, the shared regex budget and the combined
// regexes depend on each other's invariants. The line syntax is in pattern-line.ts, the safety rules in regex-safety.ts.
import { LIMITS, type Pattern, type TagRule } from './model';
import { REGEX_LITERAL } from './pattern-line';
import type { Alt } from './regex-cost';
import { OPEN_MAX, PatternBudget, sanitizeRegex, sanitizeSource } from './regex-safety';

/**
 * Keyword and tag-rule matching.
 *
 * A pattern is a plain word or phrase, or `/regex/flags`.
 *
 * Plain patterns: case-insensitive unless `caseSensitive`; words of a phrase
 * match across any run of whitespace (line breaks included). `wholeWord`
 * (default) means the match is not glued to a word character on either side,
 * where word characters are letters, marks, digits and `_`: `LLM` does not
 * match in `LLMs` or `vLLM`, but does in `LLM-based` or `(LLM)`; plurals must
 * be listed or written `LLM*`. Without `wholeWord` the pattern matches word
 * beginnings, and the match runs to the end of the word: `transform` finds
 * `Transformers` but not `pretransform`. An edge
 * of the pattern that is not a word character (`C++`) has no boundary check.
 * Scripts written without spaces between words (Chinese, Japanese, Korean,
 * Thai…) cannot have word boundaries found by a regex, so their letters never
 * count as word characters: `模型` matches inside `大语言模型`, and `LLM` in `用LLM的`.
 * Accents are significant (`café` ≠ `cafe`); case folding is Unicode simple
 * folding (`ΛΌΓΟΣ` finds `λόγος`).
 *
 * Regex patterns are used as written, in Unicode mode: the `i` flag alone
 * decides case, `caseSensitive` and `wholeWord` are ignored; flags `i m s u`
 * are honoured, `g y` ignored, others rejected. Unsafe regexes are rejected,
 * see regex-safety.ts; so are patterns past the work budget all keywords (and
 * all tag rules) share, since they run as one regex.
 *
 * Nothing here throws at the page: a pattern that cannot be used is skipped
 * and listed in `matcher.errors`.
 */

export type TextRange = [start: number, end: number];

export interface MatchError {
  pattern: string;
  /** `'keyword'` or the name of the tag rule. */
  source: string;
  message: string;
}

interface TagFields {
  title: string;
  abstract?: string;
  authors: string[];
}

export interface Matcher {
  /** No usable keywords and no tag rules with usable patterns. */
  readonly isEmpty: boolean;
  readonly hasKeywords: boolean;
  readonly errors: readonly MatchError[];
  /** Sorted, non-overlapping ranges of keyword matches (UTF-16 offsets). */
  keywordRanges(text: string): TextRange[];
  countKeywords(text: string): number;
  /** Names of the tag rules matching in the fields each rule looks at, in rule order. */
  tagsFor(fields: TagFields): string[];
}

/**
 * Titles and abstracts are matched on their first MAX_TEXT characters only. arXiv caps abstracts at
 * 1,920 characters, so no real text is cut; the cap is there because a pattern that repeats a group
 * before something else costs the square of the text on a hostile run of one letter (`(s|b)+ ` on
 * 20,000 "s": 0.5–0.8 s; on 3,000: about 20 ms), and the guard cannot refuse such everyday patterns.
 */
export const MAX_TEXT = 3_000;
/** Matching stops after this many matches per regex and text. */
export const MAX_MATCHES = 1_000;
/**
 * Compiled source characters allowed for all keywords, and again for all tag
 * rules: V8's regex compile time grows faster than the source (a 250 kB
 * alternation took seconds, and is compiled again when it tiers up to native code).
 */
const MAX_SOURCE = 30_000;

// ------------------------------------------------------------- one pattern

const NO_SPACE_SCRIPTS =
  '\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}\\p{sc=Hangul}\\p{sc=Thai}\\p{sc=Lao}\\p{sc=Khmer}\\p{sc=Myanmar}';
const LETTERS = '[\\p{L}\\p{M}\\p{N}_]';
/** One word character, excluding scripts without spaces (see the header). */
const WORD_CHAR = `(?![${NO_SPACE_SCRIPTS}])${LETTERS}`;
const IS_WORD_CHAR = new RegExp(`^${WORD_CHAR}$`, 'u');
// Written so the common case is one cheap class test: a lookaround around a
// script exclusion at every text position made matching ~40× slower.
const BEFORE = `(?:(?<!${LETTERS})|(?<=[${NO_SPACE_SCRIPTS}]))`;
const AFTER = `(?:(?!${LETTERS})|(?=[${NO_SPACE_SCRIPTS}]))`;

interface Compiled {
  source: string;
  flags: string;
  /** Needs BEFORE in front. It is kept apart so combined regexes can share one BEFORE. */
  bounded: boolean;
  /** Work per text position, for the shared budget. */
  cost: Alt;
}

/** Compiles one pattern to a regex source and flags (always with `u`), or explains why not. */
function compilePattern(p: Pattern): Compiled | { error: string; unsafe?: true } {
  const text = p.pattern.trim();
  if (!text) return { error: 'empty pattern' };
  if (text.length > LIMITS.pattern) return { error: `longer than ${LIMITS.pattern} characters` };
  const lit = REGEX_LITERAL.exec(text);
  if (lit) {
    const [, body, rawFlags] = lit as unknown as [string, string, string];
    const bad = rawFlags.replace(/[imsuyg]/g, '');
    if (bad) return { error: `unsupported regex flag “${bad[0]}” (use i, m, s or u)` };
    const safe = sanitizeRegex(body, rawFlags.replace(/[gyu]/g, ''));
    return 'error' in safe ? safe : { ...safe, bounded: false };
  }
  const words = text.split(/\s+/u).map((w) => w.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&'));
  const chars = Array.from(text);
  // A word beginning is highlighted up to the end of its word (a word of at most OPEN_MAX more characters,
  // so a page of one endless word costs OPEN_MAX steps per position, not its length).
  const after = !p.wholeWord
    ? `(?:${WORD_CHAR}){0,${OPEN_MAX}}`
    : IS_WORD_CHAR.test(chars[chars.length - 1]!)
      ? AFTER
      : '';
  // The cost in the shared budget is measured on the phrase with single spaces: a run of whitespace
  // between two words is entered from one start position only (the word before it ends there, and
  // backing off a word into the run would leave the next word facing whitespace), so over a whole text
  // the runs cost their length once, not once per position. BEFORE is left out: its two branches
  // exclude each other, so it adds a step, not a second way.
  const flags = p.caseSensitive ? '' : 'i';
  const measured = sanitizeSource(words.join('\\s') + after, flags);
  if ('error' in measured) return measured;
  return { ...measured, source: words.join('\\s+') + after, bounded: IS_WORD_CHAR.test(chars[0]!) };
}

/** Why a pattern could freeze the page if it were used, or null: for refusing settings files. */
export function unsafePattern(p: Pattern): string | null {
  const c = compilePattern(p);
  return 'error' in c && c.unsafe ? c.error : null;
}

/** Matches one pattern against a sample, for the options page preview. */
export function testPattern(p: Pattern, sample: string): { ranges: TextRange[] } | { error: string } {
  const c = compilePattern(p);
  if ('error' in c) return c;
  return { ranges: rangesOf(new RegExp(alternation([c]), `${c.flags}g`), sample.slice(0, MAX_TEXT)) };
}

// ------------------------------------------------------------- the matcher

/** One regex source for a list of patterns; the bounded ones share one BEFORE. */
function alternation(list: readonly Compiled[]): string {
  // Longer alternatives first, so the leftmost match is also the longest starting there.
  const side = (bounded: boolean): string[] =>
    [...new Set(list.filter((c) => c.bounded === bounded).map((c) => c.source))]
      .sort((x, y) => y.length - x.length)
      .map((src) => `(?:${src})`);
  const bounded = side(true);
  return [...(bounded.length ? [`${BEFORE}(?:${bounded.join('|')})`] : []), ...side(false)].join('|');
}

/** Patterns by flag set, then by owner (tag rule index), since one RegExp has one set of flags. */
function byFlags(items: ReadonlyArray<{ c: Compiled; owner: number }>): Map<string, Map<number, Compiled[]>> {
  const sets = new Map<string, Map<number, Compiled[]>>();
  for (const { c, owner } of items) {
    let owners = sets.get(c.flags);
    if (!owners) sets.set(c.flags, (owners = new Map()));
    const list = owners.get(owner);
    if (list) list.push(c);
    else owners.set(owner, [c]);
  }
  return sets;
}

/**
 * Calls `visit(start, end)` for every position where the global regex `re`
 * has a non-empty match, until `visit` returns false. A combined regex
 * reports one match and skips those overlapping it (`large language` hides
 * `language model` in `large language model`), so each search restarts one
 * code point after the previous match start.
 */
function eachStart(re: RegExp, text: string, visit: (start: number, end: number) => boolean): void {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const start = m.index;
    re.lastIndex = start + ((text.codePointAt(start) ?? 0) > 0xffff ? 2 : 1);
    if (m[0] !== '' && !visit(start, start + m[0].length)) return;
  }
}

/** Sorted, merged ranges; matches inside the merged range so far do not count towards MAX_MATCHES. */
function rangesOf(re: RegExp, text: string): TextRange[] {
  const out: TextRange[] = [];
  let last: TextRange | undefined;
  eachStart(re, text, (start, end) => {
    if (last && end <= last[1]) return true;
    if (last && start < last[1]) last[1] = end;
    else out.push((last = [start, end]));
    return out.length < MAX_MATCHES;
  });
  return out;
}

function merge(ranges: TextRange[]): TextRange[] {
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const out: TextRange[] = [];
  for (const r of ranges) {
    const last = out[out.length - 1];
    if (last && r[0] < last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

/** Tag-rule patterns of one flag set, for one field. */
interface TagGroup {
  /** Any pattern of any owner, to find the positions worth probing. */
  scan: RegExp;
  /**
   * Sticky; one optional lookahead per owner, so one exec at a position tells
   * every owner that matches there (capture group k+1 ↔ owners[k]), where the
   * combined scan would only report the first alternative.
   */
  probe: RegExp;
  owners: number[];
}

function tagGroups(items: ReadonlyArray<{ c: Compiled; owner: number }>): TagGroup[] {
  return [...byFlags(items)].map(([flags, byOwner]) => {
    const lists = [...byOwner.values()];
    return {
      scan: new RegExp(alternation(lists.flat()), `${flags}g`),
      probe: new RegExp(lists.map((l) => `(?:(?=(${alternation(l)}))|)`).join(''), `${flags}y`),
      owners: [...byOwner.keys()],
    };
  });
}

function ownersIn(groups: readonly TagGroup[], text: string, found: Set<number>): void {
  for (const g of groups) {
    let left = g.owners.filter((o) => !found.has(o)).length;
    let probes = 0;
    eachStart(g.scan, text, (start) => {
      g.probe.lastIndex = start;
      const m = g.probe.exec(text)!;
      g.owners.forEach((owner, k) => {
        if (m[k + 1] !== undefined && !found.has(owner)) {
          found.add(owner);
          left--;
        }
      });
      return left > 0 && ++probes < MAX_MATCHES;
    });
  }
}

/** Not whitespace, so a phrase cannot run from one author into the next; a regex like `/Smith.*Jones/` can. */
const AUTHOR_SEPARATOR = '; ';

export function compileMatcher(input: { keywords: readonly Pattern[]; tagRules: readonly TagRule[] }): Matcher {
  const errors: MatchError[] = [];
  const budget = { keyword: MAX_SOURCE, tag: MAX_SOURCE };
  const work = { keyword: new PatternBudget(), tag: new PatternBudget() };
  const compile = (p: Pattern, source: string, kind: keyof typeof budget): Compiled | null => {
    if (!p.pattern.trim() || budget[kind] < 0) return null;
    const c = compilePattern(p);
    if ('error' in c) {
      errors.push({ pattern: p.pattern, source, message: c.error });
      return null;
    }
    const what = kind === 'keyword' ? 'keywords' : 'tag rule patterns';
    budget[kind] -= c.source.length;
    if (budget[kind] < 0) {
      errors.push({ pattern: p.pattern, source, message: `skipped with all after it: ${what} are too long together` });
      return null;
    }
    if (!work[kind].take(c.cost)) {
      budget[kind] += c.source.length;
      errors.push({
        pattern: p.pattern,
        source,
        message: `skipped: together with the ${what} before it, it could freeze the page (simplify or remove some regexes)`,
      });
      return null;
    }
    return c;
  };

  const keywordItems = input.keywords.slice(0, LIMITS.keywords).flatMap((p) => {
    const c = compile(p, 'keyword', 'keyword');
    return c ? [{ c, owner: 0 }] : [];
  });
  const keywordRegexes = [...byFlags(keywordItems)].map(
    ([flags, byOwner]) => new RegExp(alternation([...byOwner.values()].flat()), `${flags}g`),
  );

  const rules = input.tagRules.slice(0, LIMITS.tagRules);
  const perField = new Map<string, Array<{ c: Compiled; owner: number }>>();
  rules.forEach((rule, owner) => {
    const compiled = rule.patterns.slice(0, 100).flatMap((p) => compile(p, rule.name, 'tag') ?? []);
    if (!compiled.length) return;
    for (const field of new Set(rule.fields)) {
      let list = perField.get(field);
      if (!list) perField.set(field, (list = []));
      for (const c of compiled) list.push({ c, owner });
    }
  });
  const byField = new Map([...perField].map(([field, items]) => [field, tagGroups(items)]));

  const keywordRanges = (text: string): TextRange[] => {
    if (!keywordRegexes.length || !text) return [];
    const t = text.slice(0, MAX_TEXT);
    return keywordRegexes.length === 1
      ? rangesOf(keywordRegexes[0]!, t)
      : merge(keywordRegexes.flatMap((re) => rangesOf(re, t)));
  };

  return {
    isEmpty: keywordRegexes.length === 0 && byField.size === 0,
    hasKeywords: keywordRegexes.length > 0,
    errors,
    keywordRanges,
    countKeywords: (text) => keywordRanges(text).length,
    tagsFor(fields) {
      if (!byField.size) return [];
      const found = new Set<number>();
      const textOf = (field: string): string =>
        field === 'title'
          ? fields.title.slice(0, LIMITS.title)
          : field === 'abstract'
            ? (fields.abstract ?? '').slice(0, MAX_TEXT)
            : // Names are clipped one by one, so a run in the joined list is never longer than one name.
              fields.authors.slice(0, LIMITS.authors).join(AUTHOR_SEPARATOR).slice(0, LIMITS.abstract);
      for (const [field, groups] of byField) {
        const text = textOf(field);
        if (text) ownersIn(groups, text, found);
      }
      const names = [...found].sort((a, b) => a - b).map((i) => rules[i]!.name);
      return [...new Set(names)];
    },
  };
}
