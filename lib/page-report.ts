import * as z from 'zod/mini';
import { canonicalId, decodeURIComponentSafe } from './model';
import type { ExtractResult, PageKind, SiteAdapter } from './sites/types';
import { plural } from './words';

/**
 * What Dogear made of one page, for the day a site changes its markup: a listing that links more
 * papers than its adapter read (the island is gone and the card fallback misses, the `dt`/`dd`
 * structure changed) is degraded — said on the page (`html[data-dogear="degraded"]`), once in
 * the console, and in the popup, whose "Copy diagnostic" carries this report. A report holds
 * names and counts only, never the page's text, so a user can paste it anywhere.
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

type Site = Pick<SiteAdapter, 'name' | 'origin' | 'paperLinks'>;

/** The ids of the papers `doc` links, by the site's own idea of a paper link. */
export function linkedIds(doc: Document, site: Site): Set<string> {
  const ids = new Set<string>();
  for (const a of doc.querySelectorAll(site.paperLinks.selector)) {
    const href = a.getAttribute('href');
    if (!href) continue;
    let url: URL;
    try {
      url = new URL(href, site.origin);
    } catch {
      continue;
    }
    if (url.origin !== site.origin) continue;
    const m = site.paperLinks.path.exec(url.pathname);
    const id = m?.[1] ? canonicalId(decodeURIComponentSafe(m[1])) : null;
    if (id) ids.add(id);
  }
  return ids;
}

/** The report of one pass over a listing: what it links against what the adapter read. */
export function pageReport(site: Site, kind: PageKind, doc: Document, found: ExtractResult): PageReport {
  const linked = linkedIds(doc, site);
  const entryIds = new Set(found.entries.map((e) => e.meta.id));
  let read = 0;
  for (const id of linked) if (entryIds.has(id)) read++;
  return {
    site: site.name,
    kind,
    path: doc.location?.pathname ?? '',
    linked: linked.size,
    read,
    skipped: found.skipped.length,
    paths: found.paths,
  };
}

/** A listing whose adapter read fewer papers than the page links. */
export function isDegraded(report: PageReport): boolean {
  return report.kind === 'listing' && report.read < report.linked;
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

// ---------------------------------------------------------------- the popup's question to the tab

/** Sent by the popup to the active tab's content script (`tabs.sendMessage`). */
export const REPORT_QUERY = { type: 'page.report' } as const;
const QuerySchema = z.strictObject({ type: z.literal(REPORT_QUERY.type) });
const ReplySchema = z.object({ report: z.nullable(PageReportSchema) });

/** The parts of `runtime.MessageSender` checked: only our own extension pages may ask. */
interface Sender {
  id?: string;
  url?: string;
}

/**
 * The content script's answer, or undefined when the message is not the query or does not come
 * from one of our own pages (`own`: our extension id and the origin of its pages).
 */
export function answerQuery(
  message: unknown,
  sender: Sender,
  own: { id: string; origin: string },
  report: () => PageReport | null,
): { report: PageReport | null } | undefined {
  if (sender.id !== own.id || !sender.url?.startsWith(own.origin)) return undefined;
  if (!QuerySchema.safeParse(message).success) return undefined;
  return { report: report() };
}

/** The popup's reading of the answer: the report, or null for no answer or one of the wrong shape. */
export function readAnswer(raw: unknown): PageReport | null {
  const reply = ReplySchema.safeParse(raw);
  return reply.success ? reply.data.report : null;
}
