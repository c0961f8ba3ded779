import { LIMITS, PaperStatusSchema, TagNameSchema, canonicalId, type Paper, type PaperStatus } from '../model';

/**
 * The compact text form of the library index in `storage.sync`. One entry per
 * paper, fields separated by `|`, entries in a bucket by `;`:
 *
 *   `2506.02355|s<changed>|<saved>|<read>|<tag>,<tag>|<title>`   (trailing empty fields dropped)
 *   `2506.02355|x<changed>`                                       (a removal: a tombstone)
 *
 * Status `s` saved (to read), `r` read, `d` dismissed, `x` removed. `changed` is
 * the change's own time in ms, `saved`/`read` in seconds, all base 36. Free text
 * escapes `% | , ;` as `%25 %7C %2C %3B`. Notes are never part of it.
 */

export interface Entry {
  id: string;
  /** null: the paper was removed at `t` (a tombstone). */
  status: PaperStatus | null;
  /** When this state was made, on the device that made it (ms). Orders concurrent changes. */
  t: number;
  tags: string[];
  /** ms, rounded to the second. */
  savedAt: number;
  readAt?: number;
  /** Only for papers still to read, as the quota allows. */
  title?: string;
}

export const BUCKETS = 16;
export const INDEX_PREFIX = 'dg1:i:';
/** Titles are cut to this many characters; a page that shows the paper fills in the rest. */
const TITLE_CHARS = 100;
/** A device whose clock runs more than this ahead writes entries we refuse. */
export const MAX_CLOCK_SKEW_MS = 24 * 3600_000;

const STATUS_CODE: Record<PaperStatus, string> = { saved: 's', read: 'r', dismissed: 'd' };
const CODE_STATUS: Record<string, PaperStatus> = { s: 'saved', r: 'read', d: 'dismissed' };

export function bucketOf(id: string): number {
  // FNV-1a: stable across devices and versions, spreads similar ids apart.
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return (h >>> 0) % BUCKETS;
}

export function bucketKey(b: number): string {
  return INDEX_PREFIX + b.toString(16);
}

const ESCAPES: Record<string, string> = { '%': '%25', '|': '%7C', ',': '%2C', ';': '%3B' };
const UNESCAPES: Record<string, string> = Object.fromEntries(Object.entries(ESCAPES).map(([k, v]) => [v, k]));

function escapeField(s: string): string {
  return s.replace(/[%|,;]/g, (c) => ESCAPES[c]!);
}

/** Strict: any `%` that is not one of our four escapes makes the text invalid. */
function unescapeField(s: string): string | null {
  let bad = false;
  const out = s.replace(/%(..)?/g, (m) => UNESCAPES[m] ?? ((bad = true), ''));
  return bad ? null : out;
}

function titleFor(p: Pick<Paper, 'title'>): string {
  const t = p.title.replace(/\s+/g, ' ').trim();
  return t.length > TITLE_CHARS ? `${t.slice(0, TITLE_CHARS - 1)}…` : t;
}

export function entryOfPaper(p: Paper): Entry {
  const e: Entry = {
    id: p.id,
    status: p.status,
    t: p.updatedAt,
    tags: p.tags,
    savedAt: Math.floor(p.savedAt / 1000) * 1000,
  };
  if (p.readAt !== undefined) e.readAt = Math.floor(p.readAt / 1000) * 1000;
  const title = titleFor(p);
  if (p.status === 'saved' && title) e.title = title;
  return e;
}

export function tombstone(id: string, t: number): Entry {
  return { id, status: null, t, tags: [], savedAt: 0 };
}

const b36 = (n: number) => Math.max(0, Math.floor(n)).toString(36);

/** The entry as text; `withTitle` false leaves the title out (when the quota has no room for it). */
export function encodeEntry(e: Entry, withTitle = true): string {
  if (e.status === null) return `${e.id}|x${b36(e.t)}`;
  const fields = [
    e.id,
    STATUS_CODE[e.status] + b36(e.t),
    b36(e.savedAt / 1000),
    e.readAt === undefined ? '' : b36(e.readAt / 1000),
    e.tags.map(escapeField).join(','),
    withTitle && e.title ? escapeField(e.title) : '',
  ];
  while (fields[fields.length - 1] === '') fields.pop();
  return fields.join('|');
}

const ENTRY =
  /^([^|]{1,64})\|([srdx])([0-9a-z]{1,9})(?:\|([0-9a-z]{1,7})(?:\|([0-9a-z]{0,7})(?:\|([^|]*)(?:\|([^|]*))?)?)?)?$/;

/** Parses one entry, or says why it is refused. */
export function decodeEntry(text: string, now: number): Entry | string {
  const m = ENTRY.exec(text);
  if (!m) return 'malformed entry';
  const [, id, code, t36, saved36, read36, tagText, titleText] = m as unknown as Array<string | undefined>;
  if (canonicalId(id) !== id) return 'not a canonical arXiv id';
  const t = parseInt(t36!, 36);
  if (t > now + MAX_CLOCK_SKEW_MS) return 'change time in the future';
  if (code === 'x') return saved36 === undefined ? tombstone(id!, t) : 'removal with fields';
  if (saved36 === undefined) return 'no saved time';
  const status = PaperStatusSchema.parse(CODE_STATUS[code!]);
  const tags = tagText ? tagText.split(',').map(unescapeField) : [];
  if (tags.length > LIMITS.tags || new Set(tags).size !== tags.length) return 'bad tag list';
  for (const tag of tags)
    if (tag === null || !TagNameSchema.safeParse(tag).success || tag !== tag.trim()) return 'bad tag';
  const e: Entry = { id: id!, status, t, tags: tags as string[], savedAt: parseInt(saved36, 36) * 1000 };
  if (read36) e.readAt = parseInt(read36, 36) * 1000;
  if (titleText) {
    const title = unescapeField(titleText);
    if (title === null || title.length > LIMITS.title || /[\u0000-\u001f]/.test(title)) return 'bad title';
    e.title = title;
  }
  return e;
}

/** A bucket's value: its entries sorted by id, so equal contents give equal text on every device. */
export function encodeBucket(entries: Array<[Entry, boolean]>): string {
  return entries
    .sort(([a], [b]) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map(([e, withTitle]) => encodeEntry(e, withTitle))
    .join(';');
}

/** Every entry of a bucket, or the reason the bucket is refused as a whole. */
export function decodeBucket(bucket: number, value: unknown, now: number): Entry[] | string {
  if (typeof value !== 'string') return 'not text';
  if (value === '') return [];
  const out: Entry[] = [];
  const ids = new Set<string>();
  for (const text of value.split(';')) {
    const e = decodeEntry(text, now);
    if (typeof e === 'string') return e;
    if (bucketOf(e.id) !== bucket) return 'entry in the wrong bucket';
    if (ids.has(e.id)) return 'duplicate entry';
    ids.add(e.id);
    out.push(e);
  }
  return out;
}

/** Same state, whatever the title: a title is filled in where missing, it is never a change. */
export function sameState(a: Entry, b: Entry): boolean {
  return encodeEntry(a, false) === encodeEntry(b, false);
}

/** Which of two states of one paper wins: the later change; equal times fall to the larger text, the same on every device. */
export function newer(a: Entry, b: Entry): Entry {
  if (a.t !== b.t) return a.t > b.t ? a : b;
  return encodeEntry(a, false) >= encodeEntry(b, false) ? a : b;
}
