import type { Pattern } from './model';

/** How a keyword or tag-rule pattern is written on one line of an options textarea (and in exports of them). */

/** `/body/flags`: a pattern written as a regex. */
export const REGEX_LITERAL = /^\/(.+)\/([a-z]*)$/s;

/**
 * One line of an options textarea to a Pattern:
 * - `/body/flags` → regex (caseSensitive mirrors the absence of `i`, wholeWord false);
 * - `"Exact Case"` → case-sensitive;
 * - a trailing `*` (`LLM*`, `"BERT"*`) → matches word beginnings (wholeWord false);
 * - anything else → case-insensitive whole words.
 * A line that is only decoration (`*`, `""`) is taken literally.
 */
export function parsePatternLine(line: string): Pattern {
  const text = line.trim();
  const lit = REGEX_LITERAL.exec(text);
  if (lit) return { pattern: text, caseSensitive: !lit[2]!.includes('i'), wholeWord: false };
  let rest = text;
  let wholeWord = true;
  let caseSensitive = false;
  if (rest.length > 1 && rest.endsWith('*')) {
    rest = rest.slice(0, -1).trimEnd();
    wholeWord = false;
  }
  if (rest.length > 2 && rest.startsWith('"') && rest.endsWith('"')) {
    rest = rest.slice(1, -1).trim();
    caseSensitive = true;
  }
  if (!rest) return { pattern: text, caseSensitive: false, wholeWord: true };
  return { pattern: rest, caseSensitive, wholeWord };
}

/**
 * The inverse of parsePatternLine for every pattern it produces. A plain
 * pattern whose own text ends in `*` or is wrapped in quotes has no exact line
 * form and reads back with those characters as decoration.
 */
export function formatPattern(p: Pattern): string {
  if (REGEX_LITERAL.test(p.pattern)) return p.pattern;
  return (p.caseSensitive ? `"${p.pattern}"` : p.pattern) + (p.wholeWord ? '' : '*');
}
