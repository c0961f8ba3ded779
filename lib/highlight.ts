import type { Matcher } from './match';

/**
 * Paints keyword matches in page elements. With the CSS Custom Highlight API
 * the page DOM is not touched at all: one shared `Highlight` holds static
 * ranges over the page's own text nodes. Where the API is missing, matched
 * text is wrapped in `<mark data-dogear-hl>` and unwrapped again on clear.
 */

export const HIGHLIGHT_NAME = 'dogear-keyword';

/** Translucent, so it reads on light and dark pages; the mark rule mirrors the highlight. */
export const HIGHLIGHT_CSS = `
::highlight(${HIGHLIGHT_NAME}) { background-color: rgb(250 204 21 / .45); }
mark[data-dogear-hl] { background-color: rgb(250 204 21 / .45); color: inherit; padding: 0; border-radius: 0; }
`;

export interface Highlighter {
  /** Which way matches are painted in this document. */
  readonly mode: 'highlight-api' | 'mark';
  /** Replaces the element's highlights with the matcher's; returns the number of matches. */
  paint(el: Element, matcher: Matcher): number;
  clear(el: Element): void;
  clearAll(): void;
  /** Forgets elements that left the document (cards the site re-rendered). */
  prune(): void;
  /** Whether the element's painted matches lost their text: the page put new text nodes in it (MathJax, a re-render). */
  stale(el: Element): boolean;
}

/** Subtrees whose text is not page prose, or is ours. */
const SKIP = new Set(['script', 'style', 'noscript', 'textarea', 'template', 'dogear-card']);
const MARK_ATTR = 'data-dogear-hl';

/** The element's text nodes in document order with the offset each starts at in their joined text. */
function textNodes(el: Element): { nodes: Text[]; starts: number[]; text: string } {
  const nodes: Text[] = [];
  const starts: number[] = [];
  let text = '';
  // A manual walk (rather than a TreeWalker filter) skips whole subtrees without a callback per node.
  let n: Node | null = el.firstChild;
  while (n && n !== el) {
    if (n.nodeType === 3) {
      nodes.push(n as Text);
      starts.push(text.length);
      text += (n as Text).data;
    } else if (n.nodeType === 1 && n.firstChild && !SKIP.has((n as Element).localName)) {
      n = n.firstChild;
      continue;
    }
    while (n && n !== el && !n.nextSibling) n = n.parentNode;
    if (n && n !== el) n = n.nextSibling;
  }
  return { nodes, starts, text };
}

/** A piece of one match inside one text node. */
interface Piece {
  node: Text;
  start: number;
  end: number;
}

/**
 * Splits matches (offsets into the joined text) into per-node pieces; both
 * lists are sorted, so one forward pass suffices.
 */
function pieces(el: Element, matcher: Matcher): { count: number; parts: Piece[][] } {
  const { nodes, starts, text } = textNodes(el);
  const ranges = matcher.keywordRanges(text);
  const parts: Piece[][] = [];
  let i = 0;
  for (const [s, e] of ranges) {
    const match: Piece[] = [];
    while (i < nodes.length - 1 && starts[i + 1]! <= s) i++;
    for (let j = i; j < nodes.length && starts[j]! < e; j++) {
      const node = nodes[j]!;
      const from = Math.max(s - starts[j]!, 0);
      const to = Math.min(e - starts[j]!, node.data.length);
      if (to > from) match.push({ node, start: from, end: to });
    }
    parts.push(match);
  }
  return { count: ranges.length, parts };
}

export function createHighlighter(doc: Document): Highlighter {
  const win = doc.defaultView;
  const registry = win?.CSS?.highlights;
  if (registry && win && typeof win.Highlight === 'function' && typeof win.StaticRange === 'function')
    return apiHighlighter(registry, win.Highlight, win.StaticRange);
  return markHighlighter(doc);
}

function apiHighlighter(
  registry: HighlightRegistry,
  HighlightCtor: typeof Highlight,
  Static: typeof StaticRange,
): Highlighter {
  // Static ranges cost nothing when the page mutates, unlike live Ranges; a
  // range left over a re-rendered node just paints nothing.
  const painted = new Map<Element, StaticRange[]>();
  let highlight: Highlight | null = null;
  const shared = (): Highlight => {
    if (!highlight) {
      highlight = new HighlightCtor();
      registry.set(HIGHLIGHT_NAME, highlight);
    }
    return highlight;
  };
  const clear = (el: Element): void => {
    const old = painted.get(el);
    if (!old) return;
    for (const r of old) highlight?.delete(r);
    painted.delete(el);
  };
  return {
    mode: 'highlight-api',
    paint(el, matcher) {
      clear(el);
      if (!matcher.hasKeywords) return 0;
      const { count, parts } = pieces(el, matcher);
      if (!count) return 0;
      const h = shared();
      const ranges: StaticRange[] = [];
      for (const match of parts) {
        const first = match[0];
        const last = match[match.length - 1];
        if (!first || !last) continue;
        const r = new Static({
          startContainer: first.node,
          startOffset: first.start,
          endContainer: last.node,
          endOffset: last.end,
        });
        h.add(r);
        ranges.push(r);
      }
      painted.set(el, ranges);
      return count;
    },
    clear,
    clearAll() {
      highlight?.clear();
      painted.clear();
    },
    prune() {
      for (const el of painted.keys()) if (!el.isConnected) clear(el);
    },
    stale(el) {
      return painted.get(el)?.some((r) => !el.contains(r.startContainer) || !el.contains(r.endContainer)) ?? false;
    },
  };
}

/** A text node we split: it keeps the first part, `added` are the nodes inserted after it. */
interface Split {
  node: Text;
  added: Node[];
}

function markHighlighter(doc: Document): Highlighter {
  const painted = new Map<Element, Split[]>();
  const clear = (el: Element): void => {
    const splits = painted.get(el);
    if (!splits) return;
    // Only the nodes we split are rejoined, so the page's own text nodes keep
    // their identity (frameworks hold references to them) and no normalize()
    // merges text nodes the page keeps apart.
    for (const { node, added } of splits) {
      node.data += added.map((n) => n.textContent ?? '').join('');
      for (const n of added) n.parentNode?.removeChild(n);
    }
    painted.delete(el);
  };
  const wrap = (node: Text, segments: Piece[]): Split => {
    const data = node.data;
    const added: Node[] = [];
    let at = segments[0]!.start;
    for (const { start, end } of segments) {
      if (start > at) added.push(doc.createTextNode(data.slice(at, start)));
      const mark = doc.createElement('mark');
      mark.setAttribute(MARK_ATTR, '');
      mark.textContent = data.slice(start, end);
      added.push(mark);
      at = end;
    }
    if (at < data.length) added.push(doc.createTextNode(data.slice(at)));
    node.data = data.slice(0, segments[0]!.start);
    node.after(...added);
    return { node, added };
  };
  return {
    mode: 'mark',
    paint(el, matcher) {
      clear(el);
      if (!matcher.hasKeywords) return 0;
      const { count, parts } = pieces(el, matcher);
      if (!count) return 0;
      const byNode = new Map<Text, Piece[]>();
      for (const p of parts.flat()) {
        const list = byNode.get(p.node);
        if (list) list.push(p);
        else byNode.set(p.node, [p]);
      }
      painted.set(
        el,
        [...byNode].map(([node, segments]) => wrap(node, segments)),
      );
      return count;
    },
    clear,
    clearAll() {
      for (const el of [...painted.keys()]) clear(el);
    },
    prune() {
      for (const el of painted.keys()) if (!el.isConnected) painted.delete(el);
    },
    stale(el) {
      return (
        painted.get(el)?.some(({ node, added }) => !el.contains(node) || added.some((n) => !el.contains(n))) ?? false
      );
    },
  };
}
