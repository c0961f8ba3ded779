import { createHighlighter } from '@/lib/highlight';
import type { Matcher } from '@/lib/match';
import type { Settings } from '@/lib/model';
import type { Entry } from '@/lib/sites/types';
import type { Mounted } from './mount';

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

  /** Paints one entry's highlights and computes its match count and rule tags. */
  paint(m: Mounted, settings: Settings, matcher: Matcher): void {
    const { titleEl, abstractEl, meta } = m.entry;
    const hasKeywords = settings.keywords.length > 0;
    // Only highlights depend on the text; without keywords there is nothing to repaint when it changes.
    m.paintedText = hasKeywords ? textOf(m.entry) : '';
    m.matches = 0;
    if (hasKeywords) {
      // `dogear:highlight` times the painting of what the page shows, the work mark.js is compared with.
      const t0 = performance.now();
      if (titleEl) m.matches += this.highlighter.paint(titleEl, matcher);
      if (abstractEl) m.matches += this.highlighter.paint(abstractEl, matcher);
      this.paintMs += performance.now() - t0;
      // Abstracts that the page does not show still count, so every listing can be sorted and dimmed by matches.
      if (!abstractEl && meta.abstract) m.matches += matcher.keywordRanges(meta.abstract).length;
      m.entry.element.dataset.dogearMatches = String(m.matches);
    } else delete m.entry.element.dataset.dogearMatches;
    m.pageTags = ruleTagsFor(m.entry, settings, matcher);
  }

  clear(m: Mounted): void {
    if (m.entry.titleEl) this.highlighter.clear(m.entry.titleEl);
    if (m.entry.abstractEl) this.highlighter.clear(m.entry.abstractEl);
  }

  /** Whether a change inside this entry's text needs a repaint: new nodes (MathJax) or new text. */
  needsRepaint(m: Mounted): boolean {
    const { titleEl, abstractEl } = m.entry;
    // Same text in new nodes (MathJax re-rendering) leaves the old ranges on detached nodes.
    const moved = (titleEl && this.highlighter.stale(titleEl)) || (abstractEl && this.highlighter.stale(abstractEl));
    return !!moved || textOf(m.entry) !== m.paintedText;
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
function ruleTagsFor(entry: Entry, settings: Settings, matcher: Matcher): string[] {
  const { title, abstract, authors } = entry.meta;
  return settings.tagRules.length ? matcher.tagsFor({ title, abstract, authors }) : [];
}

/** Whether a node lies inside an entry's title or abstract. */
export function holdsText(entry: Entry, node: Node): boolean {
  const { titleEl, abstractEl } = entry;
  return !!(titleEl?.contains(node) || abstractEl?.contains(node));
}

function textOf(e: Entry): string {
  return `${e.titleEl?.textContent ?? ''}\u0000${e.abstractEl?.textContent ?? ''}`;
}
