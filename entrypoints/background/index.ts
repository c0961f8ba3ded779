import { browser } from 'wxt/browser';
import { createRouter, type Handlers, type MessageType } from '@/lib/messages';
import { openStore, type Store } from '@/lib/store';
import { createService, type Mirror } from '@/lib/service';
import { ruleTagsFor } from '@/lib/rule-tags';
import { SITES } from '@/lib/sites';
import { updateBadge } from './badge';
import { createRelevance } from '@/lib/relevance';
import { createSyncEngine } from '@/lib/sync/engine';
import { SYNC_STATUS_KEY } from '@/lib/sync/status';
import { ZOTERO_PERMISSION } from '@/lib/zotero/client';
import type { ZoteroEnv } from '@/lib/zotero/handlers';
import { parseZoteroPrefs, ZOTERO_PREFS_KEY } from '@/lib/zotero/prefs';
import { createQuiet } from '@/lib/quiet';
import { logOnce } from '@/lib/log';

const mirror: Mirror = {
  set: (items) => browser.storage.local.set(items),
  remove: (keys) => browser.storage.local.remove(keys),
  get: () => browser.storage.local.get(null),
};

// The Zotero requests go from here (the extension's origin, with the optional host permission), never from a page.
const zotero: ZoteroEnv = {
  hasPermission: () => browser.permissions.contains({ origins: [ZOTERO_PERMISSION] }),
  prefs: async () => parseZoteroPrefs((await browser.storage.local.get(ZOTERO_PREFS_KEY))[ZOTERO_PREFS_KEY]),
};

// Messages first: the ranker's training runs in slices and waits between them while any message is handled.
const messages = createQuiet();

let retrainTimer: ReturnType<typeof setTimeout> | undefined;
// Labels come in bursts (a bulk action, a few clicks on a listing): refit once they settle.
function scheduleRetrain(relevance: ReturnType<typeof createRelevance>) {
  clearTimeout(retrainTimer);
  retrainTimer = setTimeout(
    () => void relevance.retrain().catch((e) => logOnce('retrain', 'retraining failed', e)),
    1500,
  );
}

/** `storage.sync`: the browser's own per-user store; without a signed-in profile it simply stays local. */
const syncArea = {
  get: () => browser.storage.sync.get(null),
  set: (items: Record<string, unknown>) => browser.storage.sync.set(items),
  remove: (keys: string[]) => browser.storage.sync.remove(keys),
};

type Running = ReturnType<typeof createService> & { sync: ReturnType<typeof createSyncEngine> };
let service: Promise<Running> | null = null;

/** Opened on first use: a sleeping worker wakes for a message and must not pay for what it does not need. */
function getService() {
  service ??= openStore().then((store: Store) => {
    const relevance = createRelevance(store, Date.now, { pause: messages.quiet });
    let sync: ReturnType<typeof createSyncEngine> | undefined;
    const svc = createService({
      store,
      mirror,
      ruleTagsFor,
      relevance,
      zotero,
      onPapersChanged: () => {
        void updateBadge(store).catch((e) => logOnce('badge', 'the badge could not be updated', e));
        scheduleRetrain(relevance);
      },
      onLocalChange: (change) => sync?.localChanged(change),
      sync: () => sync!,
      onKeywordsChanged: () => scheduleRetrain(relevance),
    });
    sync = createSyncEngine({
      area: syncArea,
      store,
      applied: svc.applySynced,
      settingsApplied: svc.applySyncedSettings,
      publish: (status) => browser.storage.local.set({ [SYNC_STATUS_KEY]: status }),
    });
    // Every wake: take in what other devices changed meanwhile, write what this one owes.
    void sync.start();
    return { ...svc, sync };
  });
  // A failed open (private window, storage disabled) is retried on the next message.
  service.catch(() => (service = null));
  return service;
}

// Each handler defers to the lazily opened service, so the router can be built synchronously.
const lazyHandlers = new Proxy({} as Handlers, {
  get: (_t, type: MessageType) => (req: never, from: never) =>
    messages.run(async () => (await getService()).handlers[type](req, from)),
});

export default defineBackground(() => {
  const route = createRouter(lazyHandlers, {
    runtimeId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    contentSites: SITES,
    onReject: (reason) => logOnce(`reject:${reason.slice(0, 120)}`, `rejected a message: ${reason}`),
  });

  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));

  // Another device's change (or our own write, which the engine finds already in step). The sync area's own
  // event: \`storage.onChanged\` would also hand this worker every mirror write (10,000 entries on an import).
  browser.storage.sync.onChanged.addListener(() => void getService().then((s) => s.sync.remoteChanged()));

  const resync = () =>
    getService()
      .then((s) => s.startup())
      .catch((e) => logOnce('open', 'could not open the library', e));
  browser.runtime.onInstalled.addListener(resync);
  // Every worker start, not only the browser's: a worker killed between the IndexedDB write and the
  // mirror write left the mirror behind, and the next wake-up puts it right.
  void resync();
});
