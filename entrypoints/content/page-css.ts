import { HIGHLIGHT_CSS, HIGHLIGHT_NAME } from '@/lib/highlight';
import type { SiteAdapter } from '@/lib/sites/types';
import { veilCss } from '@/lib/sites/veil';
import { triagePageCss } from './keys-page-css';

/**
 * The few rules Dogear adds to the host page itself: theme variables for the
 * overlays (inherited into their shadow roots), keyword highlights, and the
 * states of annotated entries. Every selector is scoped to our own elements and
 * attributes, so the page's styles are untouched when nothing is annotated (the
 * sheet is only in the document while a page is annotated). The two variables the
 * page's own entry rules use sit on :root from the moment the sheet is in: custom
 * properties inherit into every element, so switching them on later (they waited
 * for `html[data-dogear]`) made the browser restyle the whole page a second time
 * (bench/RESULTS.md, issue 13). The site's adapter says when its dark theme is on
 * and adds rules for its own entry shapes.
 */
export function pageCss(site: Pick<SiteAdapter, 'darkTheme' | 'pageCss'>): string {
  const dark = (rules: string) => (site.darkTheme ? rules.replaceAll('$DARK', site.darkTheme) : '');
  return `
dogear-card, dogear-help, dogear-keys {
  --dg-fg: #1f2937; --dg-muted-fg: #6b7280; --dg-border: #e5e7eb; --dg-btn: linear-gradient(#fff, #f3f4f6);
  --dg-btn-hover: #f3f4f6; --dg-pop: #fff; --dg-focus: #3b82f6; --dg-error: #b91c1c; --dg-new: #2563eb;
  --dg-saved-bg: #fef3c7; --dg-saved-border: #fcd34d; --dg-saved-fg: #92400e;
  --dg-read-bg: #dcfce7; --dg-read-border: #86efac; --dg-read-fg: #166534;
  --dg-muted-bg: #f3f4f6; --dg-score: #f59e0b;
}
:root { --dg-focus-ring: #2563eb; --dg-veil: rgb(255 255 255 / .5); }
${dark(`$DARK dogear-card, $DARK dogear-help, $DARK dogear-keys {
  --dg-fg: #e5e7eb; --dg-muted-fg: #9ca3af; --dg-border: #1f2937; --dg-btn: linear-gradient(#1f2937, #0b0f19);
  --dg-btn-hover: #1f2937; --dg-pop: #111827; --dg-focus: #60a5fa; --dg-error: #f87171; --dg-new: #60a5fa;
  --dg-saved-bg: rgb(120 53 15 / .45); --dg-saved-border: #b45309; --dg-saved-fg: #fcd34d;
  --dg-read-bg: rgb(20 83 45 / .45); --dg-read-border: #15803d; --dg-read-fg: #86efac;
  --dg-muted-bg: #1f2937; --dg-score: #fbbf24;
}
$DARK { --dg-focus-ring: #60a5fa; --dg-veil: rgb(11 15 25 / .5); }`)}
${HIGHLIGHT_CSS}
${dark(`$DARK ::highlight(${HIGHLIGHT_NAME}) { background-color: rgb(202 138 4 / .5); }`)}
${veilCss(['[data-dogear-status=dismissed]', '[data-dogear-dim]'])}[data-dogear-hidden] { display: none !important; }
html[data-dogear-reordered] [data-dogear-flex] { display: flex; flex-direction: column; }
${triagePageCss(dark)}${site.pageCss}`;
}
