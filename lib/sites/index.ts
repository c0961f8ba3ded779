import { arxiv } from './arxiv';
import { huggingface } from './huggingface';
import type { SiteAdapter } from './types';

/**
 * The sites Dogear reads, one adapter each. Everything else about them is derived from
 * this list: the manifest's host permissions and the content script's matches
 * (wxt.config.ts, entrypoints/content/index.ts, read at build time), the sites the
 * background accepts content-script messages from (a script may name only its own page's
 * site as a paper's source: lib/messages.ts), and the sources a paper may record.
 */
export const SITES = [huggingface, arxiv] as const;

export type SiteName = (typeof SITES)[number]['name'];

export const SITE_NAMES = SITES.map((s) => s.name) as [SiteName, ...SiteName[]];

export const CONTENT_ORIGINS = SITES.map((s) => s.origin);

export const HOST_PATTERNS = CONTENT_ORIGINS.map((o) => `${o}/*`);

export const CONTENT_MATCHES = SITES.flatMap((s) => s.matches);

/** The adapter whose origin `url` is on, if any. */
export function siteFor(url: string): SiteAdapter<SiteName> | null {
  let origin: string;
  try {
    origin = new URL(url).origin;
  } catch {
    return null;
  }
  return SITES.find((s) => s.origin === origin) ?? null;
}
