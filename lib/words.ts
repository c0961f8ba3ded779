/** `1 paper`, `3 papers`: English plurals by adding `s`, which is all the UI's nouns need. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
