import { canonicalId, decodeURIComponentSafe, LIMITS } from '../model';
import * as SEL from './arxiv.selectors';

/**
 * Reading arXiv's markup as text, shared by its page kinds (listings, search results, abs and
 * /html pages): whitespace collapsed, clipped to the schema's limits, math kept as `$TeX$`.
 */

/** `/abs/2610.22767`, `https://arxiv.org/abs/hep-th/9901001v2`. */
export function idFromAbsHref(href: string | null): string | null {
  const m = href ? /(?:^|\/)abs\/([^?#]+)/.exec(href) : null;
  return m?.[1] ? canonicalId(decodeURIComponentSafe(m[1])) : null;
}

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

export function collapse(s: string | null | undefined): string {
  return (s ?? '').replace(/\s+/g, ' ').trim();
}

/** Cut to a schema limit without leaving half a surrogate pair. */
export function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

export function stripLabel(s: string, label: RegExp): string {
  return s.replace(label, '').trim();
}
export const TITLE_LABEL = /^Title:\s*/i;
export const ABSTRACT_LABEL = /^Abstract:?\s*/i;

/**
 * Text of an element as the page shows it at call time, with math kept as `$TeX$`
 * where the source is still in the DOM. MathJax typesets `.mathjax` elements after
 * load: v2 leaves rendered glyphs, a preview and assistive MathML beside the TeX
 * `script`, so plain `textContent` would repeat each formula three times. LaTeXML
 * `<math>` carries TeX in `alttext` and machine annotations that must not leak.
 */
export function readText(root: Element, skip?: string): string {
  const out: string[] = [];
  walk(root, skip, out);
  return out.join('');
}

/** Checked with classList while walking: a selector list per node is slow. */
const MATHJAX2_OUTPUT_CLASSES = SEL.MATHJAX2_OUTPUT.split(',').map((c) => c.trim().slice(1));

function walk(node: Node, skip: string | undefined, out: string[]): void {
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === TEXT_NODE) {
      out.push((c as Text).data);
      continue;
    }
    if (c.nodeType !== ELEMENT_NODE) continue;
    const el = c as Element;
    switch (el.localName) {
      case 'br':
        out.push(' ');
        continue;
      case 'math': {
        const tex = el.getAttribute('alttext');
        if (tex) out.push(`$${tex}$`);
        else walk(el, SEL.MATHML_ANNOTATION, out);
        continue;
      }
      case 'script':
        if (el.matches(SEL.MATHJAX2_SOURCE)) out.push(`$${el.textContent ?? ''}$`);
        continue;
      case 'style':
        continue;
      case 'mjx-container': {
        const assistive = el.querySelector(SEL.MATHJAX3_ASSISTIVE);
        if (assistive) walk(assistive, skip, out);
        continue;
      }
    }
    if (MATHJAX2_OUTPUT_CLASSES.some((c) => el.classList.contains(c)) || (skip && el.matches(skip))) continue;
    walk(el, skip, out);
  }
}

export function textOf(scope: ParentNode, selector: string): string {
  const el = scope.querySelector(selector);
  return el ? collapse(readText(el)) : '';
}

/** "Machine Learning (cs.LG)" → "cs.LG". */
const CATEGORY = /\(([a-z][a-z-]*(?:\.[A-Za-z][A-Za-z-]*)?)\)/g;

export function lastCategory(text: string): string | undefined {
  let code: string | undefined;
  for (const m of text.matchAll(CATEGORY)) code = m[1];
  return code;
}

export function authorList(names: Iterable<string>): string[] {
  const out: string[] = [];
  for (const raw of names) {
    const name = collapse(raw);
    if (name) out.push(clip(name, LIMITS.author));
    if (out.length >= LIMITS.authors) break;
  }
  return out;
}

export function optional(s: string, max: number): string | undefined {
  return s ? clip(s, max) : undefined;
}
