// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/model';
import { matcherFor } from '@/lib/rule-tags';
import type { Entry } from '@/lib/sites/types';
import { type Mounted, placeOf } from './mount';
import { holdsText, Painter } from './paint';

/** An arXiv search result as arxiv-search renders it: the cut preview shown, the full abstract hidden. */
function result(): { li: HTMLElement; entry: Entry } {
  const li = document.createElement('li');
  li.innerHTML = `<p class="title">Diffusion for control</p>
    <p class="abstract"><span class="abstract-short">We train a diffusion policy… <a>▽ More</a></span>
    <span class="abstract-full" style="display: none">We train a diffusion policy and a diffusion critic. <a>△ Less</a></span></p>`;
  document.body.append(li);
  const entry: Entry = {
    meta: { id: '2610.00001', title: 'Diffusion for control', authors: [] },
    element: li,
    mount: li,
    boxes: [li],
    titleEl: li.querySelector<HTMLElement>('p.title'),
    abstractEl: li.querySelector<HTMLElement>('.abstract-full'),
    abstractPreview: li.querySelector<HTMLElement>('.abstract-short'),
  };
  return { li, entry };
}

const settings: Settings = {
  ...DEFAULT_SETTINGS,
  keywords: [{ pattern: 'diffusion', caseSensitive: false, wholeWord: true }],
};
const mounted = (entry: Entry) =>
  ({ id: entry.meta.id, entry: placeOf(entry), matches: 0, pageTags: [], paintedText: 0 }) as unknown as Mounted;
const marks = (el: Element) => [...el.querySelectorAll('mark[data-dogear-hl]')].map((m) => m.textContent);

let painter: Painter;
beforeEach(() => {
  document.body.replaceChildren();
  painter = new Painter(document);
});

describe('an abstract shown as a cut preview first (arXiv search results)', () => {
  it('is highlighted in the preview and in the full abstract, whichever the page shows', () => {
    const { li, entry } = result();
    painter.paint(mounted(entry), () => entry.meta, settings, matcherFor(settings));
    expect(marks(li.querySelector('.abstract-short')!)).toEqual(['diffusion']);
    expect(marks(li.querySelector('.abstract-full')!)).toEqual(['diffusion', 'diffusion']);
  });

  it('counts its matches once: title and full abstract, not the preview again', () => {
    const { li, entry } = result();
    const m = mounted(entry);
    painter.paint(m, () => entry.meta, settings, matcherFor(settings));
    expect(m.matches).toBe(3);
    expect(li.dataset.dogearMatches).toBe('3');
  });

  it('loses its highlights with the rest when cleared', () => {
    const { li, entry } = result();
    const m = mounted(entry);
    painter.paint(m, () => entry.meta, settings, matcherFor(settings));
    painter.clear(m);
    expect(li.querySelectorAll('mark[data-dogear-hl]')).toHaveLength(0);
    expect(li.querySelector('.abstract-short')!.textContent).toContain('We train a diffusion policy…');
  });

  it('is repainted when the page changes the preview (MathJax, a re-render)', () => {
    const { li, entry } = result();
    const m = mounted(entry);
    painter.paint(m, () => entry.meta, settings, matcherFor(settings));
    expect(painter.needsRepaint(m)).toBe(false);
    const preview = li.querySelector('.abstract-short')!;
    expect(holdsText(entry, preview.firstChild!)).toBe(true);
    preview.append(' and a diffusion critic');
    expect(painter.needsRepaint(m)).toBe(true);
  });
});
