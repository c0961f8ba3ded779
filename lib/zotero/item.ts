import { allTags, type Paper } from '../model';
import { toCreator, type Creator } from './creators';

/**
 * One paper → the item Zotero's own arXiv translator makes for it (`arXiv.org.js`,
 * `parseSingleEntry`, for a preprint without a journal DOI), so papers sent by
 * Dogear look like papers saved with the Zotero Connector. Differences, on
 * purpose: tags are the paper's own and rule tags (the translator tags arXiv
 * subject names); the note is the user's note (the translator's is arXiv's
 * comment); no attachments (Dogear downloads no PDFs); `date` is the first
 * publication date Dogear knows (the translator uses the feed's `updated`).
 */

export interface ZoteroItem {
  /** Connector-side key for the item within one save session; Zotero does not store it. */
  id: string;
  itemType: 'preprint';
  title: string;
  creators: Creator[];
  abstractNote?: string;
  date?: string;
  url: string;
  repository: 'arXiv';
  archiveID: string;
  DOI: string;
  extra: string;
  libraryCatalog: 'arXiv.org';
  accessDate: 'CURRENT_TIMESTAMP';
  tags: { tag: string }[];
  notes: { note: string }[];
}

/** Whitespace runs (newlines included) to one space, as Zotero's `trimInternal` does. */
export function trimInternal(s: string): string {
  return s.replace(/[\u00a0\r\n\s]+/g, ' ').trim();
}

/** The translator's `url`: the abstract page as arXiv's feed names it (http, no version). */
function translatorUrl(id: string): string {
  return `http://arxiv.org/abs/${id}`;
}

/** `arXiv:<id> [<primary category>]`; old-style ids (`hep-th/…`) carry their archive already. */
export function extraFor(id: string, primaryClass?: string): string {
  const cls = primaryClass?.trim();
  return id.includes('/') || !cls ? `arXiv:${id}` : `arXiv:${id} [${cls}]`;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/** Zotero notes are HTML: the plain-text note, escaped, one `<p>` per paragraph, line breaks kept. */
export function noteHtml(note: string): string {
  return note
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((para) => para.trim())
    .filter(Boolean)
    .map((para) => `<p>${escapeHtml(para).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

/** `2018-10-11` from an ISO date or date-time; nothing for anything else. */
function isoDate(published?: string): string | undefined {
  return /^\d{4}-\d{2}-\d{2}/.exec(published ?? '')?.[0] ?? /^\d{4}-\d{2}$|^\d{4}$/.exec(published ?? '')?.[0];
}

export function toZoteroItem(p: Paper): ZoteroItem {
  const creators = p.authors.map(toCreator).filter((c): c is Creator => c !== null);
  const abstract = trimInternal(p.abstract ?? '');
  const date = isoDate(p.published);
  const note = noteHtml(p.note);
  return {
    id: p.id,
    itemType: 'preprint',
    title: trimInternal(p.title) || p.id,
    creators,
    ...(abstract ? { abstractNote: abstract } : {}),
    ...(date ? { date } : {}),
    url: translatorUrl(p.id),
    repository: 'arXiv',
    archiveID: `arXiv:${p.id}`,
    DOI: `10.48550/arXiv.${p.id}`,
    extra: extraFor(p.id, p.primaryClass),
    libraryCatalog: 'arXiv.org',
    accessDate: 'CURRENT_TIMESTAMP',
    tags: allTags(p).map((tag) => ({ tag })),
    notes: note ? [{ note }] : [],
  };
}
