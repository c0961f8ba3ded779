import { arxivAbsUrl, hfPaperUrl, LIMITS, TagNameSchema, type Paper, type PaperStatus } from '@/lib/model';
import { plural } from '@/lib/words';
import type { Filter } from '@/lib/search';
import { parseQuery } from '@/lib/search-query';

/** View logic of the reading-list popup, kept free of Preact so it is cheap to test. */

/** `list` is the default "Reading list": everything not dismissed. */
export type ViewStatus = 'list' | 'toread' | 'read' | 'dismissed' | 'all';

export const VIEW_STATUSES: { value: ViewStatus; label: string }[] = [
  { value: 'list', label: 'Reading list' },
  { value: 'toread', label: 'To read' },
  { value: 'read', label: 'Read' },
  { value: 'dismissed', label: 'Dismissed' },
  { value: 'all', label: 'All' },
];

export const STATUS_LABEL: Record<PaperStatus, string> = { saved: 'To read', read: 'Read', dismissed: 'Dismissed' };

export interface ViewFilter {
  query: string;
  status: ViewStatus;
  tag: string;
}

/** More rows than the popup shows at once (its list is about eight rows high, plus overscan). */
export const FIRST_SCREEN = 30;

/** The search a view runs: the default "Reading list" is everything but dismissed papers. */
export function viewFilter(f: ViewFilter): Filter {
  const query = parseQuery(f.query);
  if (f.status !== 'list') return { query, status: f.status, tag: f.tag || undefined };
  const withoutDismissed = {
    clauses: [...query.clauses, { kind: 'status' as const, value: 'dismissed' as const, negate: true }],
  };
  return { query: withoutDismissed, status: 'all', tag: f.tag || undefined };
}

/** `Ada Lovelace`, `Ada Lovelace & Alan Turing`, `Ada Lovelace et al.` */
export function shortAuthors(authors: readonly string[]): string {
  const [first, second] = authors;
  if (!first) return '';
  if (authors.length === 1) return first;
  if (authors.length === 2) return `${first} & ${second}`;
  return `${first} et al.`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `27 Oct 2026` from an ISO date, `Oct 2026` from a month; unparsable text is shown as is. */
export function shortDate(iso: string | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(iso);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  if (!m || !month) return iso.slice(0, 20);
  return m[3] ? `${Number(m[3])} ${month} ${m[1]}` : `${month} ${m[1]}`;
}

/** Where Enter and the title link go: the Hugging Face page when there is one, else arXiv. */
export function primaryUrl(p: Pick<Paper, 'id'>): string {
  return hfPaperUrl(p.id) ?? arxivAbsUrl(p.id);
}

/**
 * `a, b ,, c` → valid, de-duplicated tag names; invalid ones are reported
 * rather than silently dropped so the editor can say what is wrong.
 */
export function parseTagInput(input: string): { tags: string[]; error?: string } {
  const tags: string[] = [];
  for (const raw of input.split(',')) {
    if (!raw.trim()) continue;
    const r = TagNameSchema.safeParse(raw);
    if (!r.success)
      return { tags, error: `"${raw.trim().slice(0, 30)}" is not a valid tag (at most ${LIMITS.tag} characters).` };
    if (!tags.includes(r.data)) tags.push(r.data);
  }
  if (tags.length > LIMITS.tags) return { tags: tags.slice(0, LIMITS.tags), error: `At most ${LIMITS.tags} tags.` };
  return { tags };
}

/** Which rows a virtual list renders: the visible ones plus `overscan` on each side. */
export function visibleRange(
  count: number,
  rowHeight: number,
  scrollTop: number,
  viewport: number,
  overscan: number,
): { start: number; end: number } {
  if (count <= 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const last = Math.ceil((Math.max(0, scrollTop) + Math.max(0, viewport)) / rowHeight);
  return { start: Math.max(0, Math.min(count, first - overscan)), end: Math.min(count, last + overscan) };
}

/** The scrollTop that brings row `i` fully into view, or the current one when it already is. */
export function scrollToRow(i: number, rowHeight: number, scrollTop: number, viewport: number): number {
  const top = i * rowHeight;
  if (top < scrollTop) return top;
  if (top + rowHeight > scrollTop + viewport) return top + rowHeight - viewport;
  return scrollTop;
}

/** Splits work for messages whose arrays the catalogue caps (5,000 ids). */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** `1 paper`, `3 papers`. */
export const papersWord = (n: number) => plural(n, 'paper');

/** A paper's title in quotes, cut to fit a toast: “Attention Is All You Need”. */
export function quoteTitle(p: Paper): string {
  const t = p.title || p.id;
  return `“${t.length > 48 ? `${t.slice(0, 47)}…` : t}”`;
}
