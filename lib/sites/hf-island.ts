import * as z from 'zod/mini';
import { canonicalId, compact, LIMITS, type PaperMeta } from '../model';

/**
 * Hugging Face server-renders each page's data as JSON in a Svelte "island"
 * (`data-props`). This module reads it leniently: a field of the wrong type is
 * dropped, an entry without a paper id is dropped, and nothing else is lost.
 */

const optString = z.catch(z.optional(z.string()), undefined);
const optList = z.catch(z.optional(z.array(z.unknown())), undefined);

const HfPaperSchema = z.object({
  id: z.string(),
  title: optString,
  summary: optString,
  // Checked one by one in fromIsland: a paper can list hundreds of authors, and a schema per author
  // was most of the cost of reading a 500-entry page. A malformed author is skipped, not fatal.
  authors: z.catch(z.array(z.unknown()), []),
  publishedAt: optString,
  githubRepo: optString,
  projectPage: optString,
});
type HfPaper = z.infer<typeof HfPaperSchema>;

/** One element of `dailyPapers` / `searchResults`. */
const HfEntrySchema = z.object({
  paper: HfPaperSchema,
  title: optString,
  summary: optString,
});
export type HfEntry = z.infer<typeof HfEntrySchema>;

const ListingPropsSchema = z.object({
  query: z.catch(z.optional(z.object({ q: optString })), undefined),
  dailyPapers: optList,
  searchResults: optList,
});

const PaperPropsSchema = z.object({ paper: HfPaperSchema });
type HfPaperProps = z.infer<typeof PaperPropsSchema>;

function readProps(island: Element | null): unknown {
  const raw = island?.getAttribute('data-props');
  if (!raw) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

/**
 * The listing island's entries by canonical id, or null when there is no usable island.
 * Search pages carry both lists but render `searchResults`; every other page renders `dailyPapers`.
 */
export function readListingIsland(island: Element | null): Map<string, HfEntry> | null {
  const props = ListingPropsSchema.safeParse(readProps(island));
  if (!props.success) return null;
  const { query, dailyPapers, searchResults } = props.data;
  const list = query?.q?.trim() && searchResults ? searchResults : dailyPapers;
  if (!list) return null;
  const byId = new Map<string, HfEntry>();
  for (const raw of list) {
    const entry = HfEntrySchema.safeParse(raw);
    if (!entry.success) continue;
    const id = canonicalId(entry.data.paper.id);
    if (id && !byId.has(id)) byId.set(id, entry.data);
  }
  return byId;
}

/** The single paper page island, or null when it is missing or has no paper. */
export function readPaperIsland(island: Element | null): HfPaperProps | null {
  const props = PaperPropsSchema.safeParse(readProps(island));
  return props.success ? props.data : null;
}

// ---------------------------------------------------------------- to our model

/** Collapses whitespace (arXiv titles and abstracts carry hard wraps) and caps the length. */
export function cleanText(s: string, max: number): string {
  const t = s.replace(/[\s\u0000-\u001f\u007f]+/g, ' ').trim();
  if (t.length <= max) return t;
  // Never leave half a surrogate pair at the cut.
  const cut = t.slice(0, max);
  return /[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut;
}

function httpsUrl(s: string | undefined): string | undefined {
  return s && s.length <= LIMITS.url && /^https:\/\/[^\s]+$/.test(s) ? s : undefined;
}

function isoDate(s: string | undefined): string | undefined {
  return s && s.length <= 40 && !Number.isNaN(Date.parse(s)) ? s : undefined;
}

function nonEmpty(s: string): string | undefined {
  return s || undefined;
}

/** Island data → PaperMeta. `id` is the canonical id the caller matched on. */
export function fromIsland(id: string, paper: HfPaper, entry: Omit<HfEntry, 'paper'> = {}): PaperMeta {
  const authors: string[] = [];
  for (const a of paper.authors) {
    if (authors.length >= LIMITS.authors) break;
    if (typeof a !== 'object' || a === null) continue;
    const { name, hidden } = a as { name?: unknown; hidden?: unknown };
    if (hidden === true || typeof name !== 'string') continue;
    const clean = cleanText(name, LIMITS.author);
    if (clean) authors.push(clean);
  }
  const summary = paper.summary ?? entry.summary;
  const meta: PaperMeta = {
    id,
    title: cleanText(paper.title ?? entry.title ?? '', LIMITS.title),
    authors,
    abstract: summary === undefined ? undefined : nonEmpty(cleanText(summary, LIMITS.abstract)),
    published: isoDate(paper.publishedAt),
    codeUrl: httpsUrl(paper.githubRepo),
    projectUrl: httpsUrl(paper.projectPage),
  };
  return compact(meta);
}
