/** `1 paper`, `3 papers`: English plurals by adding `s`, which is all the UI's nouns need. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

// Control characters and every space but the plain one (with it, these are `\s` and the controls).
const BREAKS = '\\u0000-\\u001f\\u007f\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff';
const BREAK_RE = new RegExp(`[${BREAKS}]`);
const BREAK_RUNS_RE = new RegExp(`[${BREAKS} ]{2,}|[${BREAKS}]`, 'g');

// Page text can carry newlines and control characters; none of the line-based formats survive them.
// Each run of them becomes one space. Text with none of them, no double space and no space at either end
// is already one line and returned as it is: a 10,000-paper export runs this on megabytes of abstracts, and
// one scan for a single character class costs a fraction of the replace pattern's.
export const oneLine = (s: string) =>
  BREAK_RE.test(s) || s.includes('  ') || s.startsWith(' ') || s.endsWith(' ')
    ? s.replace(BREAK_RUNS_RE, ' ').trim()
    : s;
