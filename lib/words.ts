/** `1 paper`, `3 papers`: English plurals by adding `s`, which is all the UI's nouns need. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

// Page text can carry newlines and control characters; none of the line-based formats survive them.
// Each run of them becomes one space. The pattern leaves single plain spaces alone (most of any text),
// so ordinary prose is scanned once and not rebuilt: a 10,000-paper export runs it on megabytes.
export const oneLine = (s: string) =>
  s
    .replace(
      /[\u0000-\u001f\u007f\s]{2,}|[\u0000-\u001f\u007f\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/g,
      ' ',
    )
    .trim();
