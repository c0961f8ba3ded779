import * as z from 'zod/mini';
import { plural } from './words';

/**
 * The popup's side of the page report (lib/page-report.ts): the shape it accepts from a tab's content
 * script, and the words it shows and copies. Apart, so that the content script does not bundle them.
 */

const Count = z.int().check(z.gte(0), z.lte(1_000_000));

const PageReportSchema = z.object({
  site: z.string().check(z.maxLength(40)),
  kind: z.enum(['listing', 'paper']),
  /** The page's path (never its query: a search's words are the user's). */
  path: z.string().check(z.maxLength(300)),
  /** Distinct papers the page links. */
  linked: Count,
  /** How many of those the adapter read as entries. */
  read: Count,
  /** Entries the adapter found but could not read. */
  skipped: Count,
  /** What each of the adapter's ways of reading the page found (lib/sites/types.ts `ExtractResult`). */
  paths: z.record(z.string().check(z.maxLength(40)), Count),
});
export type PageReport = z.infer<typeof PageReportSchema>;

const ReplySchema = z.object({ report: z.nullable(PageReportSchema) });

/** The popup's reading of the answer: the report, or null for no answer or one of the wrong shape. */
export function readAnswer(raw: unknown): PageReport | null {
  const reply = ReplySchema.safeParse(raw);
  return reply.success ? reply.data.report : null;
}

/** The popup's one line about a degraded page. */
export function noticeText(report: PageReport): string {
  return `Dogear could read ${report.read} of ${plural(report.linked, 'paper')} on this page — the site may have changed`;
}

/** What the user copies for a bug report: the report, and the extension's and browser's versions. */
export function diagnosticText(report: PageReport, versions: { extension: string; browser: string }): string {
  const paths = Object.entries(report.paths).map(([name, n]) => `${name} ${n}`);
  return [
    'Dogear diagnostic (a site may have changed its markup)',
    `extension: ${versions.extension}`,
    `browser: ${versions.browser}`,
    `site: ${report.site}`,
    `page: ${report.kind} ${report.path}`,
    `papers linked: ${report.linked}`,
    `papers read: ${report.read}`,
    `entries skipped: ${report.skipped}`,
    `found by each reading path: ${paths.join(', ') || 'none'}`,
  ].join('\n');
}
