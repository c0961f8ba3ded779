/**
 * Author strings → Zotero creators, split the way Zotero's arXiv translator
 * splits the Atom feed's `<name>`s (`cleanAuthor(name, 'author', false)` in
 * Zotero's utilities): the last word that starts with a letter is the last
 * name, everything before it the first name; capital-letter initials get
 * periods. A name that cannot be split (one word) becomes a single-field
 * creator, which Zotero shows as written.
 */

export type Creator =
  | { firstName: string; lastName: string; creatorType: 'author' }
  | { name: string; creatorType: 'author' };

// Cyrillic capitals count as initials too, as in Zotero.
const CAPS = 'A-Z\u0400-\u042f';
const ALL_CAPS = new RegExp(`^[${CAPS}]+$`);
const INITIAL = new RegExp(`^-?[${CAPS}]$`);
const EDGE_JUNK = /^[\s\u00a0.,/[\]:]+|[\s\u00a0.,/[\]:]+$/g;
const DASHES = /\s*([\u002d\u00ad\u2010-\u2015\u2212\u2e3a\u2e3b])\s*/;

export function toCreator(raw: string): Creator | null {
  const author = raw.replace(EDGE_JUNK, '').replace(/[\s\u00a0]+/g, ' ');
  if (!author) return null;
  // The last name is the last word that starts with a letter: "Ada Lovelace [UK]" keeps "Lovelace".
  let cut = author.length;
  let lastName = author;
  let firstName = '';
  do {
    cut = author.lastIndexOf(' ', cut - 1);
    lastName = author.slice(cut + 1);
    firstName = cut < 0 ? '' : author.slice(0, cut);
  } while (!/^\p{L}/u.test(lastName) && cut > 0);
  if (!firstName) return { name: author, creatorType: 'author' };
  return { firstName: withInitials(firstName, lastName), lastName, creatorType: 'author' };
}

/** "JRR" → "J. R. R.", "J R" → "J. R.", "Jean - Paul" → "Jean-Paul". */
function withInitials(first: string, last: string): string {
  let f = first;
  if (ALL_CAPS.test(f) && f.length < 4 && (f.length === 1 || last.toUpperCase() !== last)) f = [...f].join(' ');
  const parts = f
    .replace(/^[\s.]+/, '')
    .replace(/[\s,]+$/, '')
    .replace(DASHES, '-')
    .split(/(?:[\s.]+|(?=-))/);
  return parts
    .map((p) => (INITIAL.test(p) ? `${p}.` : p))
    .join(' ')
    .replace(/ -/g, '-')
    .trim();
}
