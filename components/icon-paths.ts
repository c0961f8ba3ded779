// Inline SVG paths (24×24, stroke icons) so nothing is fetched and nothing is parsed as HTML.

// The listing overlay's icons are constants of their own: the content script names only these, and naming
// the table would bundle every icon of the popup with it (issue 13).
export const BOOKMARK = 'M6 3h12v18l-6-4.5L6 21z';
export const CHECK = 'M4.5 12.5l5 5 10-11';
export const CROSS = 'M6 6l12 12M18 6L6 18';
export const TAG = 'M3 12V4a1 1 0 0 1 1-1h8l9 9-9 9zM7.5 7.5h.01';

export const ICON_PATHS = {
  bookmark: BOOKMARK,
  'bookmark-filled': BOOKMARK,
  check: CHECK,
  x: CROSS,
  tag: TAG,
  external: 'M14 4h6v6M20 4l-9 9M18 14v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h5',
  note: 'M5 4h14v16H5zM8 9h8M8 13h8M8 17h5',
  trash: 'M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13',
  search: 'M11 4a7 7 0 1 1 0 14 7 7 0 0 1 0-14zM20 20l-4-4',
  circle: 'M12 4a8 8 0 1 1 0 16 8 8 0 0 1 0-16z',
  'check-circle': 'M12 4a8 8 0 1 1 0 16 8 8 0 0 1 0-16zM8.5 12.5l2.5 2.5 4.5-5',
  ban: 'M12 4a8 8 0 1 1 0 16 8 8 0 0 1 0-16zM6.5 6.5l11 11',
  more: 'M5 11.5h1v1H5zM11.5 11.5h1v1h-1zM18 11.5h1v1h-1z',
  sliders: 'M4 6h9M17 6h3M15 4v4M4 12h3M11 12h9M9 10v4M4 18h11M19 18h1M17 16v4',
  undo: 'M9 14L4 9l5-5M4 9h11a5 5 0 0 1 0 10h-3',
  back: 'M15 5l-7 7 7 7',
  // A tray with an arrow into it: hand the paper to the reference manager.
  send: 'M12 3v11M8 10l4 4 4-4M4 14v5a1 1 0 0 0 1 1h14a1 1 0 0 0 1-1v-5',
  spark: 'M12 3v4M12 17v4M3 12h4M17 12h4M6.3 6.3l2.5 2.5M15.2 15.2l2.5 2.5M6.3 17.7l2.5-2.5M15.2 8.8l2.5-2.5',
} as const;

/** How every icon's `<svg>` is drawn (a filled icon sets `fill` to `currentColor`); each is also `aria-hidden`. */
export const ICON_SVG_ATTRS = {
  viewBox: '0 0 24 24',
  fill: 'none',
  stroke: 'currentColor',
  'stroke-width': '2',
  'stroke-linecap': 'round',
  'stroke-linejoin': 'round',
} as const;
