/**
 * Dims entries (dismissed, or without a keyword match) under a veil of the page's background colour,
 * `--dg-veil`, drawn over the entry by a pseudo-element. Not opacity on the entry: that would fade Dogear's
 * own overlay inside it too, below a readable contrast; the overlay stays above the veil, so the control
 * that restores a dismissed entry reads as well as any other. Hovering or focusing the entry lifts most of
 * the veil, and the entry still looks dimmed at a glance.
 */
export function veilCss(targets: string[]): string {
  const each = (suffix: string) => targets.map((t) => t + suffix).join(', ');
  return `
${each('')} { position: relative; }
${each('::after')} { content: ""; position: absolute; inset: 0; border-radius: inherit; pointer-events: none;
  background: var(--dg-veil); transition: opacity .15s; }
${each(':hover::after')}, ${each(':focus-within::after')} { opacity: .4; }
${each(' dogear-card')} { position: relative; z-index: 1; }
`;
}
