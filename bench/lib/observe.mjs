// A page-side recorder, installed before the page's own scripts (main world): when each card
// (`article`) appears, when its overlay (`dogear-card`) appears, and when the next frame starts.
// Times are performance.now(), i.e. milliseconds since the navigation started.

export function installObserver() {
  const bench = { cards: new Map(), firstOverlay: null, firstItem: null, empty: null };
  Object.defineProperty(window, '__bench', { value: bench });
  const seen = (t, el) => {
    if (el.localName === 'article' || el.querySelector('article')) {
      for (const a of el.localName === 'article' ? [el] : el.querySelectorAll('article')) {
        if (bench.cards.has(a)) continue;
        const rec = { added: t, overlay: null, frame: null };
        bench.cards.set(a, rec);
        requestAnimationFrame(() => (rec.frame = performance.now()));
      }
    }
    for (const c of el.localName === 'dogear-card' ? [el] : el.querySelectorAll('dogear-card')) {
      bench.firstOverlay ??= t;
      const rec = bench.cards.get(c.closest('article'));
      if (rec && rec.overlay === null) rec.overlay = t;
    }
    if (bench.firstItem === null && (el.matches('[data-dogear-item]') || el.querySelector('[data-dogear-item]'))) bench.firstItem = t;
    if (bench.empty === null && (el.matches('[data-dogear-empty]') || el.querySelector('[data-dogear-empty]'))) bench.empty = t;
  };
  new MutationObserver((records) => {
    const t = performance.now();
    for (const r of records) for (const n of r.addedNodes) if (n.nodeType === 1) seen(t, n);
  }).observe(document, { childList: true, subtree: true });
}

/** Latencies of the cards added at or after `since`: overlay − card, and next frame − card. */
export function cardLatencies(since) {
  const out = [];
  for (const [el, r] of window.__bench.cards) if (r.added >= since && el.isConnected) out.push({ overlay: r.overlay === null ? null : r.overlay - r.added, frame: r.frame === null ? null : r.frame - r.added });
  return out;
}
