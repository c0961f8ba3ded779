import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { contained } from '@/lib/log';

export interface WatchHandlers {
  /** Entries may have been added, replaced or removed, or the URL changed. */
  onChange: () => void;
  /** The page changed text inside an element (MathJax typesetting, a re-rendered title). */
  onTextChange: (node: Node) => boolean;
}

function isOurs(n: Node): boolean {
  return (
    n instanceof Element &&
    (n.localName === 'dogear-card' || n.hasAttribute('data-dogear-hl') || n.hasAttribute('data-dogear'))
  );
}

/** `holders`: the site adapter's selector for elements that are or contain entries. */
function mayHoldEntries(n: Node, holders: string): boolean {
  if (!(n instanceof Element) || isOurs(n)) return false;
  return n.matches(holders) || n.querySelector(holders) !== null;
}

/**
 * Watches for client-side navigation and re-rendered cards. Mutations that
 * cannot concern entries (our own overlays, text edits elsewhere) cost a
 * glance at the record and nothing more.
 */
export function watchPage(ctx: ContentScriptContext, holders: string, handlers: WatchHandlers): () => void {
  let queued = false;
  let stopped = false;
  // A microtask, not a timer: the pass then runs before the browser renders the new cards, so a card
  // and its overlay show in the same frame (or the next, when states must be read first). A burst of
  // mutations in one task (a hydration re-render replaces every card at once) still makes one pass.
  const run = contained('pass', () => {
    queued = false;
    if (!stopped) handlers.onChange();
  });
  const schedule = () => {
    if (queued) return;
    queued = true;
    queueMicrotask(run);
  };

  const observer = new MutationObserver(
    contained('observer', (records: MutationRecord[]) => {
      let structural = false;
      const textTargets = new Set<Node>();
      for (const r of records) {
        if (r.type === 'attributes') {
          structural = true;
          continue;
        }
        if ([...r.addedNodes, ...r.removedNodes].some((n) => mayHoldEntries(n, holders))) structural = true;
        else if (!isOurs(r.target) && [...r.addedNodes, ...r.removedNodes].some((n) => !isOurs(n)))
          textTargets.add(r.target);
      }
      if (structural) schedule();
      else for (const t of textTargets) handlers.onTextChange(t);
    }),
  );
  observer.observe(document.body ?? document.documentElement, {
    childList: true,
    subtree: true,
    // The Hugging Face island swaps its data on client-side navigation.
    attributes: true,
    attributeFilter: ['data-props'],
  });

  ctx.addEventListener(window, 'wxt:locationchange', schedule);
  ctx.addEventListener(window, 'popstate', schedule);
  return () => {
    observer.disconnect();
    stopped = true;
  };
}
