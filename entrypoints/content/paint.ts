import { createHighlighter } from '@/lib/highlight';
import type { Matcher } from '@/lib/match';
import type { PaperMeta, Settings } from '@/lib/model';
import { type Mounted, NO_TAGS, type Place } from './mount';

/**
 * Keyword highlights and rule tags for mounted entries, from the current
 * matcher. Keeps the time spent painting what the page shows, for the
 * benchmark's `dogear:highlight` measure.
 */
export class Painter {
  private highlighter;
  /** Milliseconds spent painting highlights since the last `takePaintMs()`. */
  private paintMs = 0;

  constructor(doc: Document) {
    this.highlighter = createHighlighter(doc);
  }

  /**
   * Paints one entry's highlights and computes its match count and rule tags. `meta` reads the paper's data,
   * which only an abstract the page does not show and tag rules need.
   */
  paint(m: Mounted, meta: () => PaperMeta, settings: Settings, matcher: Matcher): void {
    const { titleEl, abstractEl, abstractPreview } = m.entry;
    const hasKeywords = settings.keywords.length > 0;
    // Only highlights depend on the text; without keywords there is nothing to repaint when it changes.
    m.paintedText = hasKeywords ? hash(textOf(m.entry)) : 0;
    m.matches = 0;
    if (hasKeywords) {
      // `dogear:highlight` times the painting of what the page shows, the work mark.js is compared with.
      const t0 = performance.now();
      if (titleEl) m.matches += this.highlighter.paint(titleEl, matcher);
      if (abstractEl) m.matches += this.highlighter.paint(abstractEl, matcher);
      // The preview repeats the abstract's start: painted, as it is what the page shows first, but counted once.
      if (abstractPreview) this.highlighter.paint(abstractPreview, matcher);
      this.paintMs += performance.now() - t0;
      // Abstracts that the page does not show still count, so every listing can be sorted and dimmed by matches.
      const abstract = abstractEl ? undefined : meta().abstract;
      if (abstract) m.matches += matcher.keywordRanges(abstract).length;
      m.entry.element.setAttribute('data-dogear-matches', String(m.matches));
    } else m.entry.element.removeAttribute('data-dogear-matches');
    m.pageTags = settings.tagRules.length ? ruleTagsFor(meta(), matcher) : NO_TAGS;
  }

  clear(m: Mounted): void {
    for (const el of textElements(m.entry)) this.highlighter.clear(el);
  }

  /** Whether a change inside this entry's text needs a repaint: new nodes (MathJax) or new text. */
  needsRepaint(m: Mounted): boolean {
    // Same text in new nodes (MathJax re-rendering) leaves the old ranges on detached nodes.
    const moved = textElements(m.entry).some((el) => this.highlighter.stale(el));
    return moved || hash(textOf(m.entry)) !== m.paintedText;
  }

  clearAll(): void {
    this.highlighter.clearAll();
  }

  takePaintMs(): number {
    const ms = this.paintMs;
    this.paintMs = 0;
    return ms;
  }
}

/** Tags the user's rules give this entry on the page right now. */
function ruleTagsFor({ title, abstract, authors }: PaperMeta, matcher: Matcher): string[] {
  const tags = matcher.tagsFor({ title, abstract, authors });
  return tags.length ? tags : NO_TAGS;
}

/** The elements whose text is highlighted, in a fixed order: the title, the abstract and its preview. */
const textSlots = (e: Place) => [e.titleEl, e.abstractEl, e.abstractPreview];

function textElements(e: Place): HTMLElement[] {
  return textSlots(e).filter((el): el is HTMLElement => !!el);
}

/** Whether a node lies inside an entry's title or abstract (or its preview). */
export function holdsText(entry: Place, node: Node): boolean {
  return textElements(entry).some((el) => el.contains(node));
}

function textOf(e: Place): string {
  return textSlots(e)
    .map((el) => el?.textContent ?? '')
    .join('\u0000');
}

/** FNV-1a cut to 30 bits, which V8 keeps inside the entry's object: a number per entry instead of a copy of its text. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h & 0x3fffffff;
}
