/**
 * Keyboard triage on the page itself: the focus ring on the focused entry and
 * the mark of selected ones. Outline and box-shadow draw outside the entry's
 * box, so neither moves anything; the ring sits outside the selection mark, so
 * a focused selected entry shows both. arXiv's entry is a `dt` whose paper
 * details are the `dd` after it: that gets a bar on its left edge.
 */
export const TRIAGE_PAGE_CSS = `
[data-dogear-focus] { outline: 2px solid #2563eb !important; outline-offset: 4px; border-radius: .35em; }
[data-dogear-focus] + dd { box-shadow: -10px 0 0 -6px #2563eb; }
[data-dogear-selected] { box-shadow: 0 0 0 3px rgb(217 119 6 / .75); background-color: rgb(251 191 36 / .12); }
[data-dogear-selected] + dd { background-color: rgb(251 191 36 / .12); }
html.dark [data-dogear-focus] { outline-color: #60a5fa !important; }
html.dark [data-dogear-focus] + dd { box-shadow: -10px 0 0 -6px #60a5fa; }
html.dark [data-dogear-selected] { box-shadow: 0 0 0 3px rgb(251 191 36 / .7); background-color: rgb(251 191 36 / .1); }
@media (prefers-reduced-motion: no-preference) {
  [data-dogear-focus] { transition: outline-offset .12s; }
}
`;
