// The "full overlay floor" of the journey section (issue 13): a plain script run in the page, without
// the extension, that does the least work drawing every overlay eagerly takes — nothing clever. It
// parses the Hugging Face island, sets highlight ranges for the same keywords over the card titles,
// and for every card creates a host with an open shadow root adopting one stylesheet (Dogear's overlay
// stylesheet), holding a cloned <template> with save/read/dismiss/tag buttons and one chip; then one
// layout. It is installed with `page.addInitScript(floorScript, { css, keywords })` and starts when the
// document is parsed, as the content script does (document_idle). Serialised into the page: no imports.
// With no keywords it sets no highlight at all: the journey's "floor without highlights" world, which
// shows what the highlights alone cost a scroll (Chromium rebuilds them on each change of the page).

export function floorScript({ css, keywords }) {
  const ICON = (d) =>
    `<svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><path d="${d}"/></svg>`;
  const MARKUP =
    '<div class="row" role="group" aria-label="Dogear">' +
    `<button type="button" data-dogear-action="save" aria-pressed="false">${ICON('M6 3h12v18l-6-4.5L6 21z')}Save</button>` +
    `<button type="button" data-dogear-action="read" aria-pressed="false">${ICON('M4.5 12.5l5 5 10-11')}Mark read</button>` +
    `<button type="button" class="icon" data-dogear-action="dismiss" aria-pressed="false">${ICON('M6 6l12 12M18 6L6 18')}</button>` +
    '<span class="chip" data-dogear-tag="rl"><span>rl</span></span>' +
    `<button type="button" class="quiet icon" data-dogear-action="tag">${ICON('M3 12V4a1 1 0 0 1 1-1h8l9 9-9 9zM7.5 7.5h.01')}</button>` +
    '</div>';
  const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');

  function run() {
    const t0 = performance.now();
    const island = document.querySelector('[data-target="DailyPapers"]');
    const props = JSON.parse(island?.getAttribute('data-props') ?? '{}');
    const byId = new Map((props.dailyPapers ?? []).map((e) => [e.paper.id, e.paper]));
    const re = keywords.length ? new RegExp(`\\b(?:${keywords.map(escapeRe).join('|')})\\b`, 'gi') : null;
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    const page = new CSSStyleSheet();
    page.replaceSync('::highlight(bench-floor) { background-color: rgb(250 204 21 / .45); }');
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, page];
    const template = document.createElement('template');
    template.innerHTML = MARKUP;
    const ranges = [];
    let cards = 0;
    for (const card of document.querySelectorAll('article')) {
      const link = card.querySelector('h3 a[href^="/papers/"]');
      if (!link) continue;
      const id = link.getAttribute('href').slice('/papers/'.length);
      card.dataset.benchId = byId.has(id) ? id : '';
      if (re) {
        const walker = document.createTreeWalker(link, NodeFilter.SHOW_TEXT);
        for (let t = walker.nextNode(); t; t = walker.nextNode()) {
          re.lastIndex = 0;
          for (let m = re.exec(t.data); m; m = re.exec(t.data)) {
            const r = new StaticRange({
              startContainer: t,
              startOffset: m.index,
              endContainer: t,
              endOffset: re.lastIndex,
            });
            ranges.push(r);
          }
        }
      }
      const host = document.createElement('bench-card');
      const root = host.attachShadow({ mode: 'open' });
      root.adoptedStyleSheets = [sheet];
      root.append(template.content.cloneNode(true));
      (link.closest('h3')?.parentElement ?? card).append(host);
      cards++;
    }
    if (re) CSS.highlights.set('bench-floor', new Highlight(...ranges));
    // The one layout.
    void document.body.offsetHeight;
    document.documentElement.dataset.benchFloor = String(cards);
    performance.measure('bench:floor', { start: t0 });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', run, { once: true });
  else run();
}
