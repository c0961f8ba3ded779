import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { createClient, type Send } from '@/lib/message-client';
import { createRouter, type MessageType } from '@/lib/messages';
import type { Paper, Settings } from '@/lib/model';
import { createRelevance } from '@/lib/relevance';
import { ruleTagsFor } from '@/lib/rule-tags';
import { createService } from '@/lib/service';
import { SITES } from '@/lib/sites';
import { openStore, type Store } from '@/lib/store';
import { fakeMirror } from '@/lib/testing/fake-mirror';

/**
 * The real background for component tests: the service over fake-indexeddb and the fake mirror,
 * reached through the router and the typed client an extension page uses, so a component sees the
 * validation, the outcomes and the errors the extension gives it.
 */
export interface TestBackground {
  store: Store;
  send: Send;
  /** Every message the component sent, as it left the client. */
  calls: { type: MessageType; payload: unknown }[];
  /** The stored list, read again at each mirror write (what the popup's storage listener reads), before a reply settles. */
  papers: ReadonlyMap<string, Paper>;
  /** Calls `listener` with the stored list after each change. */
  follow(listener: (papers: Paper[]) => void): void;
}

const RUNTIME_ID = 'dogear-test';
const ORIGIN = `chrome-extension://${RUNTIME_ID}/`;

/** Runtime messages are serialised on the way; a reply is never the handler's own object. */
const overTheWire = (value: unknown): unknown => (value === undefined ? value : JSON.parse(JSON.stringify(value)));

export async function testBackground(initial: Paper[] = [], settings?: Settings): Promise<TestBackground> {
  const store = await openStore({ factory: new IDBFactory() });
  await store.applyPapers(initial, [], settings);
  let papers = new Map(initial.map((p) => [p.id, p]));
  const listeners: ((papers: Paper[]) => void)[] = [];
  let reread = Promise.resolve();
  const changed = () => {
    reread = store.listPapers().then((list) => {
      papers = new Map(list.map((p) => [p.id, p]));
      for (const l of listeners) l(list);
    });
  };
  // Pages learn of a change from the mirror's storage event: the list is read again when the mirror is
  // written, which for an import is after its reply has left.
  const mirror = fakeMirror();
  const { set, remove } = mirror;
  mirror.set = (items) => (changed(), set(items));
  mirror.remove = (keys) => (changed(), remove(keys));
  const svc = createService({ store, mirror, ruleTagsFor, relevance: createRelevance(store) });
  const route = createRouter(svc.handlers, { runtimeId: RUNTIME_ID, extensionOrigin: ORIGIN, contentSites: SITES });
  const calls: TestBackground['calls'] = [];
  const send = createClient(async (message) => {
    calls.push(message as TestBackground['calls'][number]);
    const reply = await route(overTheWire(message), { id: RUNTIME_ID, url: `${ORIGIN}popup.html` });
    // The list is read again before the reply arrives, so a test can look at it as soon as a send settles.
    await reread;
    return overTheWire(reply);
  });
  return {
    store,
    send,
    calls,
    get papers() {
      return papers;
    },
    follow: (listener) => void listeners.push(listener),
  };
}
