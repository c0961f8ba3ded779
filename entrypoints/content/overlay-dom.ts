import { BOOKMARK, CHECK, CROSS, ICON_SVG_ATTRS, TAG } from '@/components/icon-paths';
import type { ScoreInfo } from './overlay-view';

/** The overlay's DOM pieces, built with DOM calls only (page text is set as text, never parsed as HTML). */

const SVG = 'http://www.w3.org/2000/svg';

function icon(doc: Document, path: string): SVGSVGElement {
  const svg = doc.createElementNS(SVG, 'svg');
  for (const [k, v] of Object.entries(ICON_SVG_ATTRS)) svg.setAttribute(k, v);
  svg.setAttribute('aria-hidden', 'true');
  const p = doc.createElementNS(SVG, 'path');
  p.setAttribute('d', path);
  svg.append(p);
  return svg;
}

export function button(doc: Document, action: string, cls?: string): HTMLButtonElement {
  const b = doc.createElement('button');
  b.type = 'button';
  b.dataset.dogearAction = action;
  if (cls) b.className = cls;
  return b;
}

/** On a row, what it shows (overlay-view.ts: its status, new marker and score), so a change touches only rows it changes. */
export const VIEW_ATTR = 'data-view';

/**
 * The row with its three status buttons and the tag button: the start of each row model (overlay-view.ts), which
 * fills in the save and read buttons' contents (icon and label) from `labelOf`.
 */
export function base(doc: Document): HTMLElement {
  const row = doc.createElement('div');
  row.className = 'row';
  row.setAttribute('role', 'group');
  row.setAttribute('aria-label', 'Dogear');
  const dismiss = button(doc, 'dismiss', 'icon');
  dismiss.append(icon(doc, CROSS));
  const tag = button(doc, 'tag', 'quiet icon');
  tag.setAttribute('aria-label', 'Add a tag');
  tag.title = 'Add a tag';
  tag.append(icon(doc, TAG));
  row.append(button(doc, 'save'), button(doc, 'read'), dismiss, tag);
  return row;
}

type Label = 'Save' | 'Saved' | 'Mark read' | 'Read';

/** A status button's icon and label. */
export function labelOf(doc: Document, label: Label): [SVGSVGElement, string] {
  const svg = icon(doc, label === 'Save' || label === 'Saved' ? BOOKMARK : CHECK);
  if (label === 'Saved') svg.setAttribute('fill', 'currentColor');
  else if (label === 'Save') svg.setAttribute('fill', 'none');
  return [svg, label];
}

/** Sets an attribute unless it already holds the value; says whether it changed. */
export const setAttr = (el: Element, name: string, value: string): boolean => {
  if (el.getAttribute(name) === value) return false;
  el.setAttribute(name, value);
  return true;
};
export const setText = (node: Node, text: string) => {
  if (node.textContent !== text) node.textContent = text;
};

/** A tag chip, its name as text; the colour a tag rule or the user gave it, if any. */
export function chipElement(doc: Document, tag: string, color: string | undefined): HTMLElement {
  const el = doc.createElement('span');
  el.className = 'chip';
  el.dataset.dogearTag = tag;
  if (color) el.style.setProperty('--chip', color);
  const name = doc.createElement('span');
  name.textContent = tag;
  el.append(name);
  return el;
}

/**
 * The relevance score: a picture of it (its name says the number), focusable so keyboard users can open its
 * tooltip; not a control, so no button semantics.
 */
export function scoreElement(doc: Document): HTMLElement {
  const el = doc.createElement('span');
  el.className = 'score';
  el.setAttribute('role', 'img');
  el.tabIndex = 0;
  const bar = doc.createElement('span');
  bar.className = 'bar';
  bar.append(doc.createElement('i'));
  el.append(bar);
  return el;
}

export function tipText(score: ScoreInfo): string {
  if (score.basis === 'model')
    return score.words.length
      ? `Relevant because of: ${score.words.join(', ')}`
      : 'Nothing in it matches what you usually save';
  return score.words.length
    ? `Ranked by your keywords: ${score.words.join(', ')}`
    : 'Ranked by your keywords: none match';
}
