/**
 * Keyboard triage on the page itself: the focus ring on the focused entry and
 * the mark of selected ones. Outline and box-shadow draw outside the entry's
 * box, so neither moves anything; the ring sits outside the selection mark, so
 * a focused selected entry shows both. `dark` wraps the rules for the site's
 * dark theme (`$DARK` stands for its selector), or drops them when it has none.
 */
export function triagePageCss(dark: (rules: string) => string): string {
  return `
[data-dogear-focus] { outline: 2px solid var(--dg-focus-ring) !important; outline-offset: 4px; border-radius: .35em; }
[data-dogear-selected] { box-shadow: 0 0 0 3px rgb(217 119 6 / .75); background-color: rgb(251 191 36 / .12); }
${dark('$DARK [data-dogear-selected] { box-shadow: 0 0 0 3px rgb(251 191 36 / .7); background-color: rgb(251 191 36 / .1); }')}
@media (prefers-reduced-motion: no-preference) {
  [data-dogear-focus] { transition: outline-offset .12s; }
}
`;
}
