// size: the one vocabulary every context shares: the records' schemas, the canonical-id rules the schemas
// check ids with, and the merge and validation every write goes through.
import * as z from 'zod/mini';

/**
 * The data model. Every record that crosses a context boundary or comes from an
 * import file or the storage mirror is parsed with these schemas first. From
 * IndexedDB: settings are parsed on every read (`Store.getSettings`, `snapshot`),
 * and meta records by their reader (`Store.getMeta` takes the parser: ranker
 * state, gate, suggestions, sync state, backup bookkeeping). Paper, Trash, seen
 * and backup records are not parsed on the way out: only the store writes them,
 * always from parsed values (a backup is parsed again when it is restored), and
 * parsing a whole library on every popup open would cost more than the check is worth.
 */

// Caps keep a hostile page or import from filling the store with giant strings.
export const LIMITS = {
  title: 1_000,
  abstract: 20_000,
  author: 300,
  authors: 1_000,
  tag: 60,
  tags: 50,
  note: 20_000,
  url: 2_000,
  pattern: 500,
  keywords: 500,
  tagRules: 200,
  /** Papers or ids in one message; bulk work is sent in parts this size. */
  batch: 5_000,
  collection: 600,
} as const;

const PAPER_STATUSES = ['saved', 'read', 'dismissed'] as const;
export const PaperStatusSchema = z.enum(PAPER_STATUSES);
export type PaperStatus = z.infer<typeof PaperStatusSchema>;

/**
 * Where a paper was first seen: a site adapter's name (lib/sites/index.ts) or `import`. Stored
 * and imported data keep any well-formed name, so a backup from a version that knows more sites
 * still reads, and a new site's adapter needs no change here (this module cannot import the
 * registry: the adapters import it).
 */
export const SourceSchema = z.string().check(matches(/^[a-z][a-z0-9-]{0,31}$/, 'must be a lowercase name'));
export type Source = z.infer<typeof SourceSchema>;

const text = (max: number) => z.string().check(z.maxLength(max));
/**
 * Checks written as refinements where zod has a kind of check of its own (z.regex, z.minLength, z.gte):
 * the content script parses these schemas, and each kind of check zod has adds its code there (issue 13).
 * They refuse the same values.
 */
function matches(pattern: RegExp, message: string) {
  return z.refine<string>((s) => pattern.test(s), message);
}
const filled = () => z.refine<string>((s) => s.length > 0, 'must not be empty');
/** A number from 0 to 1: a relevance score, or the score below which entries are dimmed. */
export const fraction = () => z.number().check(z.refine((n) => n >= 0 && n <= 1, 'must be from 0 to 1'));
const url = text(LIMITS.url).check(z.refine((s) => /^https:\/\//.test(s), 'must be an https URL'));

export const TagNameSchema = z.string().check(
  z.trim(),
  filled(),
  z.maxLength(LIMITS.tag),
  z.refine((s) => !/[\u0000-\u001f]/.test(s), 'no control characters'),
);

export const PaperIdSchema = z.string().check(z.refine((s) => canonicalId(s) === s, 'not a canonical arXiv id'));

/** What a site adapter knows about a paper; also what a content script may send. */
const META_SHAPE = {
  id: PaperIdSchema,
  title: text(LIMITS.title),
  authors: z.array(text(LIMITS.author)).check(z.maxLength(LIMITS.authors)),
  abstract: z.optional(text(LIMITS.abstract)),
  /** arXiv publication date, ISO 8601. */
  published: z.optional(text(40)),
  primaryClass: z.optional(text(40)),
  codeUrl: z.optional(url),
  projectUrl: z.optional(url),
};
export const PaperMetaSchema = z.object(META_SHAPE);
export type PaperMeta = z.infer<typeof PaperMetaSchema>;

/** The last time the paper was handed to Zotero desktop, and where to (e.g. "My Library › Reading"). */
const SentToZoteroSchema = z.object({
  /** ISO 8601 date-time. */
  date: text(40),
  collection: text(LIMITS.collection),
});
export type SentToZotero = z.infer<typeof SentToZoteroSchema>;

// Shapes spread rather than z.extend, which would bring its own code into the content script.
export const PaperSchema = z.object({
  ...META_SHAPE,
  status: PaperStatusSchema,
  /** Tags the user added by hand. */
  tags: z.array(TagNameSchema).check(z.maxLength(LIMITS.tags)),
  /** Tags keyword rules gave the paper when it was saved. */
  ruleTags: z.array(TagNameSchema).check(z.maxLength(LIMITS.tags)),
  note: text(LIMITS.note),
  sources: z.array(SourceSchema).check(z.maxLength(16)),
  savedAt: z.number(),
  updatedAt: z.number(),
  readAt: z.optional(z.number()),
  /** While dismissed: what the paper was before, so un-dismissing puts it back (`none`: it was not on the list). */
  dismissedFrom: z.optional(z.enum(['none', 'saved', 'read'])),
  sentToZotero: z.optional(SentToZoteroSchema),
});
export type Paper = z.infer<typeof PaperSchema>;

/** A removed paper in the Trash: the whole record as it was when removed, and when that was. */
export const TrashedPaperSchema = z.object({ ...PaperSchema.shape, trashedAt: z.number() });
export type TrashedPaper = z.infer<typeof TrashedPaperSchema>;
/** Papers stay in the Trash this long, then are purged. */
export const TRASH_KEEP_MS = 30 * 24 * 3600_000;

/** A paper known only by its id, on the reading list: what an imported id becomes. */
export function blankPaper(id: string, now: number, source: Source): Paper {
  return {
    id,
    title: '',
    authors: [],
    status: 'saved',
    tags: [],
    ruleTags: [],
    note: '',
    sources: [source],
    savedAt: now,
    updatedAt: now,
  };
}

export function allTags(p: Pick<Paper, 'tags' | 'ruleTags'>): string[] {
  return [...new Set([...p.tags, ...p.ruleTags])];
}

// ---------------------------------------------------------------- settings

const PatternSchema = z.object({
  /** Plain word/phrase, or `/regex/flags`. */
  pattern: z.string().check(z.trim(), filled(), z.maxLength(LIMITS.pattern)),
  caseSensitive: z._default(z.boolean(), false),
  wholeWord: z._default(z.boolean(), true),
});
export type Pattern = z.infer<typeof PatternSchema>;

export const TAG_FIELDS = ['title', 'abstract', 'authors'] as const;

const TagRuleSchema = z.object({
  name: TagNameSchema,
  color: z.string().check(matches(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #1f6feb')),
  patterns: z.array(PatternSchema).check(z.maxLength(100)),
  fields: z._default(z.array(z.enum(TAG_FIELDS)), ['title', 'abstract', 'authors']),
});
export type TagRule = z.infer<typeof TagRuleSchema>;

export const SettingsSchema = z.object({
  keywords: z._default(z.array(PatternSchema).check(z.maxLength(LIMITS.keywords)), []),
  tagRules: z._default(z.array(TagRuleSchema).check(z.maxLength(LIMITS.tagRules)), []),
  hideDismissed: z._default(z.boolean(), false),
  unmatched: z._default(z.enum(['show', 'dim', 'hide']), 'show'),
  matchesFirst: z._default(z.boolean(), false),
  showNew: z._default(z.boolean(), true),
  badge: z._default(z.boolean(), true),
  relevance: z._default(z.boolean(), true),
  sortByRelevance: z._default(z.boolean(), false),
  dimBelow: z._default(fraction(), 0),
  /** Single-key shortcuts on listings (j/k, s/r/d…). */
  shortcuts: z._default(z.boolean(), true),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});

// ---------------------------------------------------------------- ids

const NEW_ID = /^(\d{2})(\d{2})\.(\d{4,5})(?:v\d+)?$/;
const OLD_ID = /^([a-z][a-z-]*)(?:\.[A-Za-z]{2})?\/(\d{2})(\d{2})(\d{3})(?:v\d+)?$/;

function fromBare(raw: string): string | null {
  const s = raw
    .trim()
    .replace(/^arxiv:\s*/i, '')
    .replace(/\.pdf$/i, '');
  const n = NEW_ID.exec(s);
  if (n) {
    const [, yy, mm, num] = n as unknown as [string, string, string, string];
    const year = Number(yy);
    const month = Number(mm);
    if (month < 1 || month > 12) return null;
    // New-style ids began in April 2007; five-digit numbers from January 2015.
    if (year < 7 || (year === 7 && month < 4)) return null;
    if (year < 15 !== (num.length === 4)) return null;
    return `${yy}${mm}.${num}`;
  }
  // Archive names are lower case; the optional subject class (`math.GT/…`) is not part of the id.
  const o = OLD_ID.exec(s.replace(/^[A-Za-z-]+/, (a) => a.toLowerCase()));
  if (o) {
    const [, archive, yy, mm, num] = o as unknown as [string, string, string, string, string];
    const month = Number(mm);
    if (month < 1 || month > 12) return null;
    // Old-style ids ran from August 1991 to March 2007.
    const year = Number(yy);
    if (!(year >= 91 || year <= 7)) return null;
    return `${archive}/${yy}${mm}${num}`;
  }
  return null;
}

const URL_FORMS: RegExp[] = [
  // arxiv.org and its mirrors: abs, pdf, html, format, ar5iv, export
  /^(?:(?:export|www|browse)\.)?arxiv\.org\/(?:abs|pdf|html|format|ps)\/(.+)$/,
  /^(?:ar5iv\.labs\.arxiv\.org|ar5iv\.org)\/(?:html|abs)\/(.+)$/,
  /^(?:www\.)?alphaxiv\.org\/(?:abs|overview|pdf)\/(.+)$/,
  /^(?:www\.)?huggingface\.co\/papers\/(.+)$/,
  /^(?:www\.)?hf\.co\/papers\/(.+)$/,
  /^(?:doi\.org\/)?10\.48550\/arxiv\.(.+)$/i,
];

/**
 * Maps any arXiv id (new or old style, with or without version or `arXiv:`
 * prefix), arXiv/ar5iv/alphaXiv/Hugging Face URL or arXiv DOI to one canonical
 * id: `2506.02355`, `hep-th/9901001`. Returns null for anything else.
 */
export function canonicalId(input: unknown): string | null {
  if (typeof input !== 'string' || input.length > LIMITS.url) return null;
  const s = input.trim();
  const direct = fromBare(s);
  if (direct) return direct;
  const noScheme = s
    .replace(/^https?:\/\//i, '')
    .replace(/[?#].*$/, '')
    .replace(/\/+$/, '');
  for (const re of URL_FORMS) {
    const m = re.exec(noScheme);
    if (m?.[1]) return fromBare(decodeURIComponentSafe(m[1]));
  }
  return null;
}

/** A URL path part decoded, or as it is when it is not valid percent-encoding. */
export function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export function arxivAbsUrl(id: string): string {
  return `https://arxiv.org/abs/${id}`;
}
export function arxivPdfUrl(id: string): string {
  return `https://arxiv.org/pdf/${id}`;
}
/** New-style `YYMM.nnnnn` (April 2007 on); old-style ids name their archive. */
export function isNewStyleId(id: string): boolean {
  return NEW_ID.test(id);
}

/** The year and month a canonical id was announced in, which every arXiv id carries. */
export function idMonth(id: string): { year: number; month: number } | null {
  const m = NEW_ID.exec(id) ?? OLD_ID.exec(id)?.slice(1);
  if (!m) return null;
  const yy = Number(m[1]);
  return { year: yy >= 91 ? 1900 + yy : 2000 + yy, month: Number(m[2]) };
}

/** Hugging Face has pages only for new-style ids. */
export function hfPaperUrl(id: string): string | null {
  return isNewStyleId(id) ? `https://huggingface.co/papers/${id}` : null;
}

// ---------------------------------------------------------------- merging

/** Combine what we knew with what a page just told us, never losing user data. */
export function mergeMeta(old: PaperMeta, incoming: PaperMeta): PaperMeta {
  const pick = <K extends keyof PaperMeta>(k: K): PaperMeta[K] => {
    const a = incoming[k];
    const b = old[k];
    if (Array.isArray(a)) return (a.length ? a : b) as PaperMeta[K];
    return (a || b) as PaperMeta[K];
  };
  return {
    id: old.id,
    title: pick('title'),
    authors: pick('authors'),
    abstract: old.abstract && (incoming.abstract?.length ?? 0) < old.abstract.length ? old.abstract : pick('abstract'),
    published: pick('published'),
    primaryClass: pick('primaryClass'),
    codeUrl: pick('codeUrl'),
    projectUrl: pick('projectUrl'),
  };
}

/** Strip undefined keys so stored records and exports stay compact and stable. */
export function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/**
 * Papers the background parsed when their message arrived (`markChecked` runs at the end of that parse,
 * lib/messages.ts): `validPaper` does not parse them again (10,000 imported papers were parsed twice in
 * the worker). A record built from one (a merge, a copy with a new time) is a new object and is parsed.
 */
const checked = new WeakSet<object>();

export function markChecked(papers: Paper[]): Paper[] {
  for (const p of papers) checked.add(p);
  return papers;
}

/**
 * Every write of a paper goes through this, the schema import uses, so that
 * whatever is stored can be exported, re-imported and restored from a backup.
 * Refuses with a sentence a user can act on, not a schema dump.
 */
export function validPaper(p: unknown): Paper {
  if (typeof p === 'object' && p !== null && checked.has(p)) return p as Paper;
  const r = PaperSchema.safeParse(p);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const field = issue?.path[0];
  const id = (p as { id?: unknown } | null)?.id;
  const which = typeof id === 'string' ? ` (${id.slice(0, 40)})` : '';
  if (issue?.code === 'too_big' && (field === 'tags' || field === 'ruleTags') && issue.path.length === 1)
    throw new Error(`A paper can hold at most ${LIMITS.tags} ${field === 'tags' ? 'tags' : 'rule tags'}${which}.`);
  if (issue?.code === 'too_big' && field === 'note')
    throw new Error(`A note can be at most ${LIMITS.note} characters.`);
  throw new Error(
    `Not saved: the paper${which} would be invalid (${issue?.path.join('.') || 'record'}: ${issue?.message}).`,
  );
}
