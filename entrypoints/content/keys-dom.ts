import type { Span } from '@/lib/keys/navigate';
import { arxivAbsUrl, canonicalId } from '@/lib/model';
import type { Place } from './mount';
import { LIST_STATUSES, type ListStatus } from '@/lib/status';

/** What keyboard triage reads off the page: entries' state attributes, their overlays' controls, their extent. */

export function isShown(el: HTMLElement): boolean {
  return el.dataset.dogearHidden === undefined && el.getClientRects().length > 0;
}

/** The entry's status as the overlay shows it (`data-dogear-status`, set from the same state the buttons read). */
export function statusOf(el: HTMLElement): ListStatus {
  const s = el.dataset.dogearStatus as ListStatus | undefined;
  return s && LIST_STATUSES.includes(s) ? s : 'none';
}

/** The overlay's own control for `action` (in its open shadow root). */
export function buttonOf(el: HTMLElement, action: string): HTMLElement | null {
  const root = el.querySelector('dogear-card')?.shadowRoot;
  return root?.querySelector<HTMLElement>(`[data-dogear-action="${action}"]`) ?? null;
}

/** The vertical extent of an entry on screen: its element and its title and abstract, wherever the site puts them. */
export function spanOf(els: Array<HTMLElement | null | undefined>): Span {
  let top = Infinity;
  let bottom = -Infinity;
  for (const el of els) {
    if (!el) continue;
    const r = el.getBoundingClientRect();
    if (!r.height && !r.width) continue;
    top = Math.min(top, r.top);
    bottom = Math.max(bottom, r.bottom);
  }
  return Number.isFinite(top) ? { top, bottom } : { top: 0, bottom: 0 };
}

/** The paper's page as the site links it (its title link), else its arXiv abstract page. */
export function pageUrl(el: HTMLElement, entry: Place | undefined, id: string): string {
  const title = entry?.titleEl;
  const links = [
    title?.closest('a[href]'),
    ...(title?.querySelectorAll('a[href]') ?? []),
    ...el.querySelectorAll('a[href]'),
  ];
  for (const a of links)
    if (a instanceof HTMLAnchorElement && !/\/pdf\//.test(a.pathname) && canonicalId(a.href) === id) return a.href;
  return arxivAbsUrl(id);
}
