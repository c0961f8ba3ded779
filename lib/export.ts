import {
  allTags,
  arxivAbsUrl,
  arxivPdfUrl,
  compact,
  PaperSchema,
  type Paper,
  type Settings,
  type TrashedPaper,
} from './model';
import { toBibtex } from './bibtex';
import { paperYear } from './search';
import { oneLine } from './words';

/** Export formats: BibTeX for reference managers, Markdown and CSV for people, JSON for backups. */

export const EXPORT_FORMATS = {
  bibtex: { label: 'BibTeX', ext: 'bib', mime: 'application/x-bibtex;charset=utf-8' },
  markdown: { label: 'Markdown', ext: 'md', mime: 'text/markdown;charset=utf-8' },
  csv: { label: 'CSV', ext: 'csv', mime: 'text/csv;charset=utf-8' },
  json: { label: 'JSON', ext: 'json', mime: 'application/json;charset=utf-8' },
} as const;
export type ExportFormat = keyof typeof EXPORT_FORMATS;

/** `dogear-2026-11-26.bib`, dated in the user's local time zone. */
export function exportFilename(format: ExportFormat, date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return `dogear-${day}.${EXPORT_FORMATS[format].ext}`;
}

/** Everything a download needs, for one format. */
export function renderExport(
  format: ExportFormat,
  papers: readonly Paper[],
  settings: Settings,
  now: Date,
  /** Carried by the JSON export only (the other formats list what is on the list). */
  trash: readonly TrashedPaper[] = [],
): { filename: string; mime: string; text: string } {
  const text =
    format === 'bibtex'
      ? toBibtex(papers)
      : format === 'markdown'
        ? toMarkdown(papers)
        : format === 'csv'
          ? toCsv(papers)
          : toJson(papers, settings, now, trash);
  return { filename: exportFilename(format, now), mime: EXPORT_FORMATS[format].mime, text };
}

// ---------------------------------------------------------------- Markdown

// Everything that could start a link, emphasis, code span, HTML, autolink or (on GitHub) math inside a list item.
const mdEscape = (s: string) => oneLine(s).replace(/[\\`*_[\]<>~|!#$]/g, '\\$&');

// A line-long author list is noise in a reading list; the link has them all.
const MD_AUTHORS = 5;

function mdItem(p: Paper): string {
  const title = mdEscape(p.title) || p.id;
  let line = `- [${title}](${arxivAbsUrl(p.id)})`;
  if (p.authors.length) {
    const shown = p.authors.slice(0, MD_AUTHORS).map(mdEscape).join(', ');
    line += ` — ${shown}${p.authors.length > MD_AUTHORS ? ', et al.' : ''}`;
  }
  const year = paperYear(p);
  if (year !== null) line += ` (${year})`;
  const tags = allTags(p);
  if (tags.length) line += ` · ${tags.map(mdEscape).join(', ')}`;
  line += ` · ${p.status}`;
  // The note keeps the user's own Markdown, quoted under its item; only raw HTML is neutralised.
  const note = p.note.trim();
  if (!note) return line;
  const quoted = note.split(/\r\n|\r|\n/).map((l) => `  >${l ? ' ' : ''}${l.replace(/</g, '\\<')}`.trimEnd());
  return [line, ...quoted].join('\n');
}

/** One list item per paper, notes block-quoted beneath; papers in the given order. */
export function toMarkdown(papers: readonly Paper[]): string {
  return papers.map((p) => `${mdItem(p)}\n`).join('');
}

// ---------------------------------------------------------------- CSV

export const CSV_COLUMNS = [
  'id',
  'title',
  'authors',
  'published',
  'status',
  'tags',
  'note',
  'savedAt',
  'url',
  'pdf',
] as const;

/**
 * RFC 4180 cell. Cells that a spreadsheet would run as a formula (leading
 * `=`, `+`, `-`, `@`, tab or CR) get a leading `'`: the file is data, and a
 * title like `=HYPERLINK(...)` must not become a live link or command.
 */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function isoTime(ms: number): string {
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? '' : d.toISOString();
}

/** Header plus one CRLF-terminated record per paper; lists joined with `; `. */
export function toCsv(papers: readonly Paper[]): string {
  const rows = papers.map((p) => [
    p.id,
    p.title,
    p.authors.join('; '),
    p.published ?? '',
    p.status,
    allTags(p).join('; '),
    p.note,
    isoTime(p.savedAt),
    arxivAbsUrl(p.id),
    arxivPdfUrl(p.id),
  ]);
  return [[...CSV_COLUMNS], ...rows].map((r) => `${r.map(csvCell).join(',')}\r\n`).join('');
}

// ---------------------------------------------------------------- JSON

export const EXPORT_FORMAT_NAME = 'dogear';
export const EXPORT_VERSION = 1;

/** Every field a `Paper` can have, in schema order. */
export const PAPER_KEYS = Object.keys(PaperSchema.shape) as (keyof Paper)[];

// Schema key order, not insertion order, so the same list always exports the same bytes.
function schemaOrder(p: Paper): Paper {
  return compact(Object.fromEntries(PAPER_KEYS.map((k) => [k, p[k]])) as Paper);
}

/**
 * Our own backup format; `lib/import.ts` reads it back. The Trash goes in a
 * `trash` array of its own, each record flagged with `trashedAt`, not among
 * `papers`: a Dogear from before the Trash ignores it rather than putting
 * removed papers back on the list. Left out when empty (same bytes as before).
 */
export function toJson(
  papers: readonly Paper[],
  settings: Settings,
  exportedAt: Date,
  trash: readonly TrashedPaper[] = [],
): string {
  const file = {
    format: EXPORT_FORMAT_NAME,
    version: EXPORT_VERSION,
    exportedAt: exportedAt.toISOString(),
    papers: papers.map(schemaOrder),
    ...(trash.length > 0 && { trash: trash.map((t) => ({ ...schemaOrder(t), trashedAt: t.trashedAt })) }),
    settings,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}
