// A page-side recorder, installed before the page's own scripts (main world): when each card
// (`article`) appears, when its overlay (`dogear-card`) appears, when the overlay's contents are drawn
// (the host loses `data-pending`: its buttons exist), and when the next frame starts.
// Times are performance.now(), i.e. milliseconds since the navigation started.

export function installObserver() {
  const bench = { cards: new Map(), firstOverlay: null, firstItem: null, empty: null };
  Object.defineProperty(window, '__bench', { value: bench });
  const seen = (t, el) => {
    if (el.localName === 'article' || el.querySelector('article')) {
      for (const a of el.localName === 'article' ? [el] : el.querySelectorAll('article')) {
        if (bench.cards.has(a)) continue;
        const rec = { added: t, overlay: null, drawn: null, frame: null };
        bench.cards.set(a, rec);
        requestAnimationFrame(() => (rec.frame = performance.now()));
      }
    }
    for (const c of el.localName === 'dogear-card' ? [el] : el.querySelectorAll('dogear-card')) {
      bench.firstOverlay ??= t;
      const rec = bench.cards.get(c.closest('article'));
      if (rec && rec.overlay === null) rec.overlay = t;
      if (rec && rec.drawn === null && !c.hasAttribute('data-pending')) rec.drawn = t;
    }
    if (bench.firstItem === null && (el.matches('[data-dogear-item]') || el.querySelector('[data-dogear-item]')))
      bench.firstItem = t;
    if (bench.empty === null && (el.matches('[data-dogear-empty]') || el.querySelector('[data-dogear-empty]')))
      bench.empty = t;
  };
  new MutationObserver((records) => {
    const t = performance.now();
    for (const r of records) {
      for (const n of r.addedNodes) if (n.nodeType === 1) seen(t, n);
      if (r.type === 'attributes' && r.target.localName === 'dogear-card' && !r.target.hasAttribute('data-pending')) {
        const rec = bench.cards.get(r.target.closest('article'));
        if (rec && rec.drawn === null) rec.drawn = t;
      }
    }
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-pending'] });
}

/** Latencies of the cards added at or after `since`: overlay − card, and next frame − card. */
export function cardLatencies(since) {
  const out = [];
  const rel = (t, r) => (t === null ? null : t - r.added);
  for (const [el, r] of window.__bench.cards)
    if (r.added >= since && el.isConnected)
      out.push({ overlay: rel(r.overlay, r), drawn: rel(r.drawn, r), frame: rel(r.frame, r) });
  return out;
}
