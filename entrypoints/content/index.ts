import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createContentClient } from '@/lib/content-client';
import { answerQuery } from '@/lib/page-report';
import { CONTENT_MATCHES, type SiteName, siteFor } from '@/lib/sites';
import type { PageKind, SiteAdapter } from '@/lib/sites/types';
import { Annotator } from './annotator';
import { KeyboardTriage } from './keyboard';
import { watchPage } from './watch';
import { pageCss } from './page-css';
import { logOnce } from '@/lib/log';

export default defineContentScript({
  // Read at build time into the manifest: each site's adapter lists its own.
  matches: CONTENT_MATCHES,
  // At document_start only to put the page stylesheet in before the page's first style computation: added
  // later, its ::highlight rule (which keys on no element) made the browser restyle the whole page once more.
  // Everything else waits for the parsed document, as it did at document_idle.
  runAt: 'document_start',
  main(ctx) {
    const adapter = siteFor(location.href);
    if (!adapter) return;
    const style = document.createElement('style');
    style.dataset.dogear = '';
    style.textContent = pageCss(adapter);
    document.documentElement.append(style);
    const boot = () => {
      try {
        start(ctx, adapter, style);
      } catch (e) {
        logOnce('boot', 'could not start', e);
      }
    };
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot, { once: true });
    else boot();
  },
});

function start(ctx: ContentScriptContext, adapter: SiteAdapter<SiteName>, style: HTMLStyleElement): void {
  const send = createContentClient((message) => browser.runtime.sendMessage(message));
  let annotator: Annotator | null = null;
  let keyboard: KeyboardTriage | null = null;
  let kindKey = '';
  let lastUrl = location.href;

  const onStorage = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local') annotator?.onStorageChange(changes);
  };
  browser.storage.onChanged.addListener(onStorage);

  // The popup asks the active tab how its listing was read (a degraded page gets a notice there).
  const own = { id: browser.runtime.id, origin: browser.runtime.getURL('/') };
  const onQuery = (message: unknown, sender: { id?: string; url?: string }) => {
    const answer = answerQuery(message, sender, own, () => annotator?.report() ?? null);
    return answer && Promise.resolve(answer);
  };
  browser.runtime.onMessage.addListener(onQuery);

  /** Picks the adapter for the current URL; a client-side navigation can move between page kinds. */
  const sync = () => {
    const url = location.href;
    const kind = adapter.detect(url, document);
    const found: { adapter: typeof adapter; kind: PageKind } | null = kind ? { adapter, kind } : null;
    const key = found ? `${found.adapter.name}:${found.kind}` : '';
    if (key !== kindKey) {
      keyboard?.destroy();
      keyboard = null;
      annotator?.destroy();
      annotator = null;
      kindKey = key;
      if (found) {
        if (!style.isConnected) (document.head ?? document.documentElement).append(style);
        annotator = new Annotator({
          ...found,
          doc: document,
          storage: { get: (keys) => browser.storage.local.get(keys) },
          send,
        });
        if (found.kind === 'listing') keyboard = new KeyboardTriage(annotator.triageHost(), document);
      }
    } else if (url !== lastUrl) keyboard?.reset();
    // The sheet went in at document_start, before the page could be recognised.
    if (!found) style.remove();
    lastUrl = url;
    const pass = annotator?.pass();
    void pass?.then(() => keyboard?.refresh());
    return pass;
  };

  const stopWatching = watchPage(ctx, adapter.entryHolders, {
    onChange: () => void sync(),
    onTextChange: (node) => annotator?.repaintFor(node) ?? false,
  });
  void sync();

  ctx.onInvalidated(() => {
    stopWatching();
    browser.storage.onChanged.removeListener(onStorage);
    browser.runtime.onMessage.removeListener(onQuery);
    keyboard?.destroy();
    annotator?.destroy();
    style.remove();
  });
}
