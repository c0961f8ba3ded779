import type { PaperStatus } from './model';

/**
 * The reading-list search's words: text folding (shared with the BibTeX keys) and the small query
 * language, parsed once per keystroke. Matching against the list is in search.ts.
 */
// ---------------------------------------------------------------- text folding

// Letters NFD does not decompose into base + combining mark.
const EXTRA_FOLDS: Record<string, string> = {
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ı: 'i',
  ħ: 'h',
};
const EXTRA_FOLD_RE = new RegExp(`[${Object.keys(EXTRA_FOLDS).join('')}]`, 'g');

/** Lower-case, strip accents, collapse whitespace: `Ørsted  Müller` → `orsted muller`. */
export function foldText(s: string): string {
  // Each step runs only when needed: indexing folds megabytes of abstracts, mostly plain ASCII.
  let out = s.toLowerCase();
  if (/[^\x00-\x7f]/.test(out)) {
    out = out
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .replace(EXTRA_FOLD_RE, (c) => EXTRA_FOLDS[c] ?? c);
  }
  if (/[^\S ]| {2}/.test(out)) out = out.replace(/\s+/g, ' ');
  return out.trim();
}

// ---------------------------------------------------------------- query

export type Clause =
  | { kind: 'text'; value: string; negate: boolean }
  | { kind: 'tag'; value: string; negate: boolean }
  | { kind: 'status'; value: PaperStatus; negate: boolean }
  | { kind: 'year'; min: number; max: number; negate: boolean }
  /** `zotero:yes` / `zotero:no`: whether the paper was sent to Zotero. */
  | { kind: 'zotero'; value: boolean; negate: boolean };

/** All clauses must hold. Text and tag values are stored folded (see `foldText`). */
export interface Query {
  clauses: Clause[];
}

const YES_NO: Record<string, boolean> = {
  yes: true,
  y: true,
  true: true,
  sent: true,
  no: false,
  n: false,
  false: false,
};

const STATUS_ALIASES: Record<string, PaperStatus> = {
  saved: 'saved',
  toread: 'saved',
  read: 'read',
  dismissed: 'dismissed',
};

// Search boxes are typed into; anything longer is a paste accident.
const MAX_QUERY = 2_000;

interface Token {
  negate: boolean;
  key: string | null;
  value: string;
}

function tokenize(q: string): Token[] {
  const s = q.slice(0, MAX_QUERY);
  const out: Token[] = [];
  let i = 0;
  const readQuoted = (): string => {
    const end = s.indexOf('"', i + 1);
    const v = s.slice(i + 1, end < 0 ? s.length : end);
    i = end < 0 ? s.length : end + 1;
    return v;
  };
  const bare = /\S*/y;
  const readBare = (): string => {
    bare.lastIndex = i;
    const m = bare.exec(s)?.[0] ?? '';
    i += m.length;
    return m;
  };
  while (i < s.length) {
    if (/\s/.test(s[i] ?? '')) {
      i++;
      continue;
    }
    let negate = false;
    if (s[i] === '-' && /\S/.test(s[i + 1] ?? '')) {
      negate = true;
      i++;
    }
    if (s[i] === '"') {
      out.push({ negate, key: null, value: readQuoted() });
      continue;
    }
    const key = /^([A-Za-z]+):/.exec(s.slice(i, i + 20))?.[1];
    if (key) {
      i += key.length + 1;
      out.push({ negate, key, value: s[i] === '"' ? readQuoted() : readBare() });
      continue;
    }
    out.push({ negate, key: null, value: readBare() });
  }
  return out;
}

function parseYear(v: string): { min: number; max: number } | null {
  const range = /^(\d{4})\s*(?:-|\.\.)\s*(\d{4})$/.exec(v);
  if (range) {
    const a = Number(range[1]);
    const b = Number(range[2]);
    return { min: Math.min(a, b), max: Math.max(a, b) };
  }
  const cmp = /^(<=|>=|<|>|=)?(\d{4})$/.exec(v);
  if (!cmp) return null;
  const y = Number(cmp[2]);
  switch (cmp[1]) {
    case '<':
      return { min: -Infinity, max: y - 1 };
    case '<=':
      return { min: -Infinity, max: y };
    case '>':
      return { min: y + 1, max: Infinity };
    case '>=':
      return { min: y, max: Infinity };
    default:
      return { min: y, max: y };
  }
}

function toClause(t: Token): Clause | null {
  const key = t.key?.toLowerCase();
  const value = t.value.trim();
  if (key === 'zotero' && value) {
    const sent = YES_NO[value.toLowerCase()];
    if (sent !== undefined) return { kind: 'zotero', value: sent, negate: t.negate };
  }
  if (key === 'tag' || key === 'status' || key === 'year') {
    // `status:` with nothing after it yet is a token still being typed.
    if (!value) return null;
    if (key === 'tag') return { kind: 'tag', value: foldText(value), negate: t.negate };
    if (key === 'status') {
      const status = STATUS_ALIASES[value.toLowerCase()];
      if (status) return { kind: 'status', value: status, negate: t.negate };
    } else {
      const y = parseYear(value);
      if (y) return { kind: 'year', ...y, negate: t.negate };
    }
  }
  // Unknown keys and invalid values stay searchable text, so `foo:bar` finds `foo:bar`.
  const text = foldText(t.key === null ? t.value : `${t.key}:${t.value}`);
  return text ? { kind: 'text', value: text, negate: t.negate } : null;
}

/** Parses the search box. Never throws; an empty query matches everything. */
export function parseQuery(q: string): Query {
  const clauses: Clause[] = [];
  for (const t of tokenize(typeof q === 'string' ? q : '')) {
    const c = toClause(t);
    if (c) clauses.push(c);
  }
  return { clauses };
}
