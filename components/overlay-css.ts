/**
 * A block overlay's height on one row: its padding above plus one button, both in the row's .875em
 * ((.45 + 1.85) × .875). The host keeps this height (or the taller one the page's plain overlays need) under
 * size containment before and after its contents are drawn (see entrypoints/content/host-size.ts), so drawing
 * never moves or relays out the page.
 */
export const ONE_ROW_EM = 2.0125;

/** The rule holding a block overlay's host at its reserved height; host-size.ts changes its height for a page. */
export const RESERVED_HOST = ':host(:not([data-layout]):not([data-tall]))';

/**
 * Styles inside each overlay's shadow root. Colours come from custom properties
 * set on the host by the page stylesheet (see content/page-css.ts), which
 * inherit through the shadow boundary: a theme switch restyles every overlay
 * with no script. Sizes are in em so the overlay follows the host page's type
 * scale (Hugging Face cards 16px, arXiv listings smaller). Block overlays (Hugging
 * Face cards) use the cards' text-sm (14px) and rounded-lg (8px). The space above
 * a block overlay is padding inside it, not a margin on the host: the site's
 * Tailwind reset (`* { margin: 0 }`) outranks :host rules, and padding keeps the
 * overlay's whole footprint inside its own box.
 */
export const OVERLAY_CSS = `
:host { all: initial; display: block; font-family: inherit; font-size: inherit; line-height: 1.25;
  color: var(--dg-fg); contain: layout style; }
${RESERVED_HOST} { contain: size layout style; height: ${ONE_ROW_EM}em; }
:host([data-layout=inline]) { display: inline-block; margin: 0 0 0 .5em; vertical-align: middle; }
.row { display: flex; flex-wrap: wrap; align-items: center; gap: .3em; font-size: .875em; padding-top: .45em; }
:host([data-layout=inline]) .row { font-size: .8125em; padding-top: 0; }
:host([data-layout=row]) { align-self: center; }
:host([data-layout=row]) .row { padding-top: 0; }
button { font: inherit; color: inherit; cursor: pointer; display: inline-flex; align-items: center; gap: .3em;
  height: 1.85em; padding: 0 .55em; border-radius: .57em; border: 1px solid var(--dg-border);
  background: var(--dg-btn); line-height: 1; white-space: nowrap; }
button:hover { background: var(--dg-btn-hover); }
button:focus-visible { outline: 2px solid var(--dg-focus); outline-offset: 1px; }
button[aria-pressed=true][data-dogear-action=save] { background: var(--dg-saved-bg); border-color: var(--dg-saved-border); color: var(--dg-saved-fg); }
button[aria-pressed=true][data-dogear-action=read] { background: var(--dg-read-bg); border-color: var(--dg-read-border); color: var(--dg-read-fg); }
button[aria-pressed=true][data-dogear-action=dismiss] { background: var(--dg-muted-bg); color: var(--dg-muted-fg); }
button.icon { padding: 0 .4em; }
button.quiet { border-color: transparent; background: transparent; color: var(--dg-muted-fg); }
button.quiet:hover { background: var(--dg-btn-hover); }
svg { width: 1.05em; height: 1.05em; flex: none; }
.chip { display: inline-flex; align-items: center; gap: .25em; height: 1.6em; padding: 0 .55em; border-radius: 999px;
  font-size: .92em; border: 1px solid color-mix(in srgb, var(--chip, #6b7280) 45%, transparent);
  background: color-mix(in srgb, var(--chip, #6b7280) 14%, transparent); color: var(--dg-fg); max-width: 14em; }
.chip span { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.chip button { height: 1.2em; padding: 0 .2em; border: 0; background: transparent; color: var(--dg-muted-fg); }
.new { font-size: .85em; font-weight: 600; letter-spacing: .02em; color: var(--dg-new); text-transform: uppercase; }
.score { display: inline-flex; align-items: center; gap: .3em; color: var(--dg-muted-fg); }
.score:has(> .tip) { position: relative; }
.bar { width: 2.6em; height: .4em; border-radius: 999px; background: var(--dg-border); }
.bar i { display: block; height: 100%; border-radius: inherit; background: var(--dg-score); }
.tip { position: absolute; z-index: 10; top: 1.9em; left: 0; min-width: 13em; max-width: 22em; padding: .5em .65em;
  border-radius: .5em; border: 1px solid var(--dg-border); background: var(--dg-pop); color: var(--dg-fg);
  box-shadow: 0 4px 14px rgb(0 0 0 / .12); font-size: .95em; line-height: 1.35; white-space: normal; }
.msg { color: var(--dg-muted-fg); }
.err { color: var(--dg-error); }
input { font: inherit; height: 1.85em; padding: 0 .5em; border-radius: .5em; border: 1px solid var(--dg-border);
  background: var(--dg-pop); color: var(--dg-fg); width: 9em; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
