import { arxivAbsUrl, isNewStyleId, type Paper } from './model';
import { paperYear } from './search';
import { foldText } from './search-query';
import { oneLine } from './words';

/** BibTeX: arXiv-style `@misc` entries with stable citation keys, for Zotero, BibTeX and biber. */

// Accents stay UTF-8: Zotero, biber and bibtex8 all read it, and TeX accent
// macros mangle names that tools then fail to match.
const TEX_SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  // `\{` would still count as a brace for BibTeX's field scanner; these never unbalance a field.
  '{': '\\textbraceleft{}',
  '}': '\\textbraceright{}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

function texEscape(s: string): string {
  return texEscapeLine(oneLine(s));
}

/** `texEscape` of text that is already on one line. */
function texEscapeLine(s: string): string {
  TEX_SPECIALS_RE.lastIndex = 0;
  let m = TEX_SPECIALS_RE.exec(s);
  if (!m) return s;
  // Pieces of `s` between the specials, not a replace(): an escaped copy of every abstract was most of
  // what a 10,000-paper export left for the garbage collector.
  let out = '';
  let from = 0;
  while (m) {
    out += s.slice(from, m.index) + TEX_SPECIALS[m[0]];
    from = m.index + 1;
    m = TEX_SPECIALS_RE.exec(s);
  }
  return out + s.slice(from);
}

const TEX_SPECIALS_RE = /[\\{}&%$#_~^]/g;

/**
 * Bibliography styles lower-case titles; braces keep words like `LLMs`,
 * `GPT-4` or `LLaMA` (a capital after the first letter) as written.
 */
function bibTitle(title: string): string {
  // Only words with a capital after their first letter match (a match can only start at a word's start).
  return texEscape(title).replace(/[\p{L}\p{N}][\p{L}\p{N}'’-]*?\p{Lu}[\p{L}\p{N}'’-]*/gu, '{$&}');
}

const PARTICLES = new Set([
  'van',
  'von',
  'der',
  'den',
  'de',
  'del',
  'della',
  'di',
  'da',
  'dos',
  'das',
  'du',
  'la',
  'le',
  'ter',
  'ten',
  'zu',
  'af',
  'bin',
  'ibn',
]);
const SUFFIX = /^(?:jr\.?|sr\.?|ii|iii|iv)$/i;

interface Name {
  first: string;
  von: string;
  last: string;
  suffix: string;
}

/** "Ludwig van Beethoven Jr." → first Ludwig, von van, last Beethoven, suffix Jr. (`line`: on one line) */
function splitName(line: string): Name {
  const words = line ? line.split(' ') : [];
  const suffix = words.length > 2 && SUFFIX.test(words.at(-1) ?? '') ? (words.pop() ?? '') : '';
  const last = words.pop() ?? '';
  const vonStart = words.findIndex((w, i) => i > 0 && PARTICLES.has(w.toLowerCase()));
  const cut = vonStart < 0 ? words.length : vonStart;
  return { first: words.slice(0, cut).join(' '), von: words.slice(cut).join(' '), last, suffix };
}

// A name with none of these needs no word-by-word split: "First Middle Last" → "Last, First Middle".
const NAME_PARTS = new RegExp(
  `,|(?:^|\\s)and(?:\\s|$)| (?:${[...PARTICLES].join('|')}) |\\s(?:jr\\.?|sr\\.?|ii|iii|iv)$`,
  'i',
);

function bibName(full: string): string {
  const s = oneLine(full);
  if (!NAME_PARTS.test(s)) {
    const cut = s.lastIndexOf(' ');
    const last = texEscapeLine(s.slice(cut + 1));
    return cut < 0 ? last : `${last}, ${texEscapeLine(s.slice(0, cut))}`;
  }
  // A name that is already "Last, First", or that holds the word "and", would be
  // misread by BibTeX's name parser; braces make it one literal name.
  if (s.includes(',') || /(^|\s)and(\s|$)/i.test(s)) return `{${texEscapeLine(s)}}`;
  const n = splitName(s);
  const lastPart = texEscapeLine(n.von ? `${n.von} ${n.last}` : n.last);
  return [lastPart, n.suffix && texEscapeLine(n.suffix), n.first && texEscapeLine(n.first)].filter(Boolean).join(', ');
}

const STOP_WORDS = new Set([
  'a',
  'an',
  'the',
  'on',
  'of',
  'in',
  'for',
  'to',
  'and',
  'with',
  'from',
  'by',
  'at',
  'via',
  'is',
  'are',
  'as',
  'or',
  'towards',
  'toward',
  'do',
  'does',
  'can',
  'how',
  'what',
  'why',
  'when',
  'we',
  'your',
  'our',
]);

const keyPart = (s: string) => foldText(s).replace(/[^a-z0-9]/g, '');

function baseKey(p: Paper): string {
  const first = p.authors[0] ?? '';
  // "Last, First" and organisation names ("Meta AI, Inc.") lead with what a key should use.
  const surname = first.includes(',') ? first.slice(0, first.indexOf(',')) : splitName(oneLine(first)).last;
  const author = keyPart(surname) || 'anon';
  return `${author}${paperYear(p) ?? ''}${firstWord(foldText(p.title))}`;
}

const WORD_RE = /[a-z0-9]+/g;

/** The first word of a folded title that is not a stop word, or ''. */
function firstWord(folded: string): string {
  WORD_RE.lastIndex = 0;
  for (let m = WORD_RE.exec(folded); m; m = WORD_RE.exec(folded)) if (!STOP_WORDS.has(m[0])) return m[0];
  return '';
}

// 0 → a, 25 → z, 26 → aa: the order reference managers use for same-year keys.
function letters(n: number): string {
  let s = '';
  for (let k = n + 1; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(97 + ((k - 1) % 26)) + s;
  return s;
}

/**
 * Citation keys like `dubey2024llama`. Clashing keys get a, b, c… in id order,
 * so the same list gives the same keys however it is sorted.
 */
export function citationKeys(papers: readonly Paper[]): Map<string, string> {
  // Ids by base key: a lone id as it is, a list only where keys clash (a collection per paper was garbage).
  const groups = new Map<string, string | string[]>();
  for (const p of papers) {
    const k = baseKey(p);
    const had = groups.get(k);
    if (had === undefined) groups.set(k, p.id);
    else if (typeof had === 'string') {
      if (had !== p.id) groups.set(k, [had, p.id]);
    } else if (!had.includes(p.id)) had.push(p.id);
  }
  const used = new Set(groups.keys());
  const keys = new Map<string, string>();
  for (const [base, ids] of groups) {
    if (typeof ids === 'string') {
      keys.set(ids, base);
      continue;
    }
    let n = 0;
    for (const id of ids.sort()) {
      let key: string;
      do key = base + letters(n++);
      while (used.has(key));
      used.add(key);
      keys.set(id, key);
    }
  }
  return keys;
}

/** `,\n  name = {value}`, or nothing for an empty value. */
const field = (name: string, value: string) => (value ? `,\n  ${name} = {${value}}` : '');

function bibEntry(p: Paper, key: string): string {
  let authors = '';
  for (const a of p.authors) {
    const n = bibName(a);
    if (n) authors += authors ? ` and ${n}` : n;
  }
  const year = paperYear(p);
  // Old-style ids name their archive, which is the best primary class we have.
  const primary = p.primaryClass || /^([a-z-]+)\//.exec(p.id)?.[1];
  // Built as one string (not an array of fields): a 10,000-paper export makes a field list per paper.
  const body =
    field('title', bibTitle(p.title)) +
    field('author', authors) +
    (year !== null ? field('year', String(year)) : '') +
    field('eprint', p.id) +
    field('archivePrefix', 'arXiv') +
    (primary ? field('primaryClass', texEscape(primary)) : '') +
    (isNewStyleId(p.id) ? field('doi', `10.48550/arXiv.${p.id}`) : '') +
    field('url', arxivAbsUrl(p.id)) +
    (p.abstract ? field('abstract', texEscape(p.abstract)) : '');
  return `@misc{${key}${body}\n}\n`;
}

/**
 * Entries are joined a few hundred at a time: an entry is a tree of small strings until joined, and
 * 10,000 of them alive at once kept the garbage collector copying them (a third of the export's time).
 */
const CHUNK = 200;

/** arXiv-style `@misc` entries, readable by Zotero, BibTeX and biber. */
export function toBibtex(papers: readonly Paper[]): string {
  const keys = citationKeys(papers);
  const chunks: string[] = [];
  for (let i = 0; i < papers.length; i += CHUNK) {
    const part = papers.slice(i, i + CHUNK);
    chunks.push(part.map((p) => bibEntry(p, keys.get(p.id) ?? p.id)).join('\n'));
  }
  return chunks.join('\n');
}
