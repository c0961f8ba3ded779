import * as z from 'zod/mini';
import { canonicalId, decodeURIComponentSafe } from './model';
import type { ExtractResult, PageKind, SiteAdapter } from './sites/types';
import type { PageReport } from './page-report-read';

/**
 * What Dogear made of one page, for the day a site changes its markup: a listing that links more
 * papers than its adapter read (the island is gone and the card fallback misses, the `dt`/`dd`
 * structure changed) is degraded — said on the page (`html[data-dogear="degraded"]`), once in
 * the console, and in the popup, whose "Copy diagnostic" carries this report. A report holds
 * names and counts only, never the page's text, so a user can paste it anywhere. This is the content
 * script's side (making the report, answering the popup); the popup's is lib/page-report-read.ts.
 */

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

// ---------------------------------------------------------------- the popup's question to the tab

/** Sent by the popup to the active tab's content script (`tabs.sendMessage`). */
export const REPORT_QUERY = { type: 'page.report' } as const;
// z.enum of one value: what z.literal checks, with code the content script bundles anyway.
const QuerySchema = z.strictObject({ type: z.enum([REPORT_QUERY.type]) });

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
