import { compact, LIMITS, type PaperMeta } from '../model';
import { errorText } from '../errors';
import * as SEL from './arxiv.selectors';
import { authorList, clip, collapse, idFromAbsHref, optional, readText } from './arxiv-text';
import type { Entry, Skipped } from './types';

/**
 * arXiv's search results (arxiv-search `search_results`: `/search/?query=…`, `/search/<archives>`,
 * `/search/advanced?…`): one `li.arxiv-result` per paper, the entry element. Its overlay goes
 * under the author line, as on abs pages; the result is one box on screen.
 */
export function readSearchResults(doc: Document, entries: Entry[], skipped: Skipped[]): void {
  for (const li of Array.from(doc.querySelectorAll<HTMLElement>(SEL.SEARCH_RESULT))) {
    try {
      const entry = readResult(li);
      if (typeof entry === 'string') skipped.push({ element: li, reason: entry });
      else entries.push(entry);
    } catch (err) {
      skipped.push({ element: li, reason: `error: ${errorText(err)}` });
    }
  }
}

/** A chip's text: a category id (`cs.LG`, `hep-th`), never free text. */
const CATEGORY = /^[a-z][a-z-]{0,15}(?:\.[A-Za-z][A-Za-z-]{0,15})?$/;

function readResult(li: HTMLElement): Entry | string {
  const link = li.querySelector(SEL.SEARCH_ID_LINK);
  if (!link) return 'no abs link in the result';
  const href = link.getAttribute('href');
  const id = idFromAbsHref(href);
  if (!id) return `unreadable arXiv id in ${JSON.stringify(clip(href ?? '', 80))}`;

  const titleEl = li.querySelector<HTMLElement>(SEL.SEARCH_TITLE);
  const title = titleEl ? clip(collapse(readText(titleEl)), LIMITS.title) : '';
  if (!title) return `${id}: no title`;

  // Hidden abstracts (the "hide abstracts" option) leave no abstract element at all.
  const abstractEl = li.querySelector<HTMLElement>(SEL.SEARCH_ABSTRACT);
  const chips = Array.from(li.querySelectorAll(SEL.SEARCH_CATEGORY), (t) => collapse(t.textContent)).filter((c) =>
    CATEGORY.test(c),
  );
  const meta: PaperMeta = compact({
    id,
    title,
    authors: authorList(Array.from(li.querySelectorAll(SEL.SEARCH_AUTHOR_LINKS), (a) => a.textContent ?? '')),
    abstract: abstractEl
      ? optional(collapse(readText(abstractEl, SEL.SEARCH_ABSTRACT_TOGGLE)), LIMITS.abstract)
      : undefined,
    primaryClass: chips[0],
  });
  const mount = li.querySelector<HTMLElement>(SEL.SEARCH_AUTHORS) ?? li;
  // What the user sees first is the preview: it is highlighted too (the full abstract is read and counted).
  const abstractPreview = abstractEl && li.querySelector<HTMLElement>(SEL.SEARCH_ABSTRACT_PREVIEW);
  return { meta, element: li, mount, boxes: [li], titleEl, abstractEl, abstractPreview };
}
