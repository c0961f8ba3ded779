import * as z from 'zod/mini';
import {
  canonicalId,
  PaperSchema,
  SettingsSchema,
  TrashedPaperSchema,
  type Paper,
  type Settings,
  type TrashedPaper,
  blankPaper,
} from './model';
import { EXPORT_FORMAT_NAME, EXPORT_VERSION } from './export';
import { unsafePattern } from './match';
import { formatPattern } from './pattern-line';
import { errorText } from './errors';

/**
 * Reading files the user picked: our JSON export, or a plain list of arXiv
 * ids/URLs. Imports are all-or-nothing, so any problem rejects the whole file
 * with a message naming where it is; nothing here throws.
 */

export const IMPORT_LIMITS = {
  chars: 50_000_000,
  papers: 100_000,
} as const;

export type ImportResult =
  | { ok: true; kind: 'json'; papers: Paper[]; settings?: Settings; trash?: TrashedPaper[] }
  | { ok: true; kind: 'ids'; papers: Paper[] }
  | { ok: false; error: string };

const ExportFileSchema = z.object({
  format: z.literal(EXPORT_FORMAT_NAME),
  version: z.literal(EXPORT_VERSION),
  exportedAt: z.optional(z.string().check(z.maxLength(40))),
  papers: z.array(PaperSchema).check(z.maxLength(IMPORT_LIMITS.papers)),
  /** The Trash (absent in files from before it): records as removed, with `trashedAt`. */
  trash: z.optional(z.array(TrashedPaperSchema).check(z.maxLength(IMPORT_LIMITS.papers))),
  settings: z.optional(SettingsSchema),
});

const fail = (error: string): ImportResult => ({ ok: false, error });

// Echoed file content is trimmed and made printable before it reaches a message.
const quote = (s: string) => JSON.stringify(s.length > 60 ? `${s.slice(0, 60)}…` : s);

export function parseImport(text: string, now: number): ImportResult {
  if (typeof text !== 'string') return fail('The file could not be read as text.');
  if (text.length > IMPORT_LIMITS.chars) {
    return fail(`The file is too large (over ${IMPORT_LIMITS.chars / 1_000_000} MB).`);
  }
  // Untrimmed, so id-list line numbers match what the user sees in an editor.
  const body = text.replace(/^\uFEFF/, '');
  const first = body.trimStart()[0];
  if (first === undefined) return fail('The file is empty: nothing to import.');
  return first === '{' || first === '[' ? parseJson(body) : parseIdList(body, now);
}

// ---------------------------------------------------------------- JSON

type Issue = z.core.$ZodIssue;

function describeIssue(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}`;
    case 'invalid_value':
      return `expected ${issue.values.length === 1 ? String(issue.values[0]) : `one of ${issue.values.join('|')}`}`;
    case 'too_big':
      // The model's only bounds of zod's own kind are maximum lengths; the others are refinements (custom).
      return issue.origin === 'array' ? `too many (at most ${issue.maximum})` : `too long (at most ${issue.maximum})`;
    case 'custom':
      return issue.message;
    default:
      return 'invalid value';
  }
}

function issuePath(path: readonly PropertyKey[]): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i ? '.' : ''}${String(k)}`)).join('') || '(file)';
}

/** `papers[3].status (id 2406.12345): expected one of saved|read|dismissed` */
function formatIssues(issues: readonly Issue[], input: unknown): string {
  const first = issues[0];
  if (!first) return 'The file is not a valid Dogear export.';
  let where = issuePath(first.path);
  const [top, index] = first.path;
  if ((top === 'papers' || top === 'trash') && typeof index === 'number' && input && typeof input === 'object') {
    const record = (input as Record<string, unknown[] | undefined>)[top]?.[index];
    const id = record && typeof record === 'object' ? (record as { id?: unknown }).id : undefined;
    if (typeof id === 'string') where += ` (id ${quote(id)})`;
  }
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  return `Nothing was imported. ${where}: ${describeIssue(first)}${more}.`;
}

function parseJson(body: string): ImportResult {
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (e) {
    const detail = errorText(e, '');
    return fail(`Nothing was imported: the file is not valid JSON (it may be truncated). ${detail}`.trim());
  }
  // Recognise what it is before validating, so the message says what is wrong with it as a whole.
  const head = data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : null;
  if (!head || head.format !== EXPORT_FORMAT_NAME) {
    return fail('Nothing was imported: this JSON is not a Dogear export (no "format": "dogear").');
  }
  if (typeof head.version === 'number' && head.version > EXPORT_VERSION) {
    return fail(
      `Nothing was imported: the file is from a newer Dogear (format version ${head.version}); update Dogear first.`,
    );
  }
  const parsed = ExportFileSchema.safeParse(data);
  if (!parsed.success) return fail(formatIssues(parsed.error.issues, data));
  const twice = firstRepeat(parsed.data.papers, parsed.data.trash ?? []);
  if (twice) return fail(`Nothing was imported. ${twice}`);
  const { papers, trash, settings } = parsed.data;
  const unsafe = settings && firstUnsafePattern(settings);
  if (unsafe) return fail(`Nothing was imported. ${unsafe}`);
  return { ok: true, kind: 'json', papers, ...(settings && { settings }), ...(trash?.length && { trash }) };
}

/** An id may appear once in the whole file: on the list or in the Trash, not both. */
function firstRepeat(papers: readonly Paper[], trash: readonly TrashedPaper[]): string | null {
  const seen = new Map<string, string>();
  const records = [
    ...papers.map((p, i) => ({ id: p.id, at: `papers[${i}]` })),
    ...trash.map((t, i) => ({ id: t.id, at: `trash[${i}]` })),
  ];
  for (const { id, at } of records) {
    const prev = seen.get(id);
    if (prev !== undefined) return `${at}: id ${id} appears twice (also ${prev}).`;
    seen.set(id, at);
  }
  return null;
}

/**
 * A pattern that could freeze the page is refused with the whole file: once stored it would run on
 * every listing and on the options page, before the user could see or remove it.
 */
function firstUnsafePattern(settings: Settings): string | null {
  const where = [
    ...settings.keywords.map((p, i) => ({ at: `settings.keywords[${i}]`, p })),
    ...settings.tagRules.flatMap((r, i) =>
      r.patterns.map((p, j) => ({ at: `settings.tagRules[${i}].patterns[${j}]`, p })),
    ),
  ];
  for (const { at, p } of where) {
    const why = unsafePattern(p);
    if (why) return `${at} ${formatPattern(p)}: ${why}.`;
  }
  return null;
}

// ---------------------------------------------------------------- id lists

function parseIdList(body: string, now: number): ImportResult {
  const ids = new Set<string>();
  const lines = body.split(/\r\n|\r|\n/);
  for (const [i, line] of lines.entries()) {
    // `#` starts a comment only at a word start: URLs may carry `#fragment`.
    const content = line.replace(/(^|\s)#.*$/, '');
    for (const token of content.split(/[\s,]+/)) {
      if (!token) continue;
      const id = canonicalId(token);
      if (!id) return fail(`Nothing was imported. Line ${i + 1}: ${quote(token)} is not an arXiv id or URL.`);
      ids.add(id);
      if (ids.size > IMPORT_LIMITS.papers) {
        return fail(`Nothing was imported: more than ${IMPORT_LIMITS.papers} papers in one file.`);
      }
    }
  }
  if (!ids.size) return fail('The file has no arXiv ids: nothing to import.');
  // Title empty, not the id: mergeMeta keeps a known title over an empty one.
  const papers = [...ids].map((id) => blankPaper(id, now, 'import'));
  return { ok: true, kind: 'ids', papers };
}
