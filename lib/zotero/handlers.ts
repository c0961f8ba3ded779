import { errorText } from '../errors';
import type { Handlers, ZoteroMessage } from '../messages';
import { arxivAbsUrl, type Paper } from '../model';
import type { Store } from '../store';
import { createZoteroClient, ZoteroError, type FetchLike, type ZoteroClient } from './client';
import { toZoteroItem } from './item';
import type { ZoteroPrefs } from './prefs';

/**
 * The background's side of "Send to Zotero". The only network requests Dogear
 * makes, all to 127.0.0.1, all started by a click in the popup: extension pages
 * only may send these messages.
 */

export interface ZoteroEnv {
  /** Whether the browser granted the optional `http://127.0.0.1/*` permission. */
  hasPermission(): Promise<boolean>;
  prefs(): Promise<ZoteroPrefs>;
  fetch?: FetchLike;
}

/** Used where no browser is (unit tests of the service): nothing is ever allowed out. */
export const NO_ZOTERO: ZoteroEnv = {
  hasPermission: async () => false,
  prefs: async () => ({ port: 1, checkLibrary: false }),
};

export interface ZoteroDeps {
  store: Store;
  env: ZoteroEnv;
  now: () => number;
  /** Mirrors and backs up papers the background changed. */
  written: (papers: Paper[]) => Promise<void>;
}

type Failure = { ok: false; kind: ZoteroError['kind']; message: string };

function failure(e: unknown): Failure {
  if (e instanceof ZoteroError) return { ok: false, kind: e.kind, message: e.message };
  return { ok: false, kind: 'failed', message: errorText(e) };
}

const NO_PERMISSION: Failure = {
  ok: false,
  kind: 'no-permission',
  message: 'Dogear may not contact Zotero: allow access to Zotero on this computer first',
};

function sessionId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return `dogear-${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export function createZoteroHandlers({ store, env, now, written }: ZoteroDeps): Pick<Handlers, ZoteroMessage> {
  async function client(): Promise<ZoteroClient | null> {
    if (!(await env.hasPermission())) return null;
    const { port } = await env.prefs();
    return createZoteroClient({ port, fetch: env.fetch });
  }

  return {
    async 'zotero.target'() {
      const c = await client();
      if (!c) return NO_PERMISSION;
      try {
        const version = await c.ping();
        return { ok: true, version, target: await c.selectedCollection() };
      } catch (e) {
        return failure(e);
      }
    },

    async 'zotero.save'({ ids }) {
      const c = await client();
      if (!c) return NO_PERMISSION;
      const papers = await store.getPapers(ids);
      if (!papers.length) return { ok: true, target: '', papers: [] };
      try {
        // Read again right before saving: the record must name where these items really went.
        const target = await c.selectedCollection();
        await c.saveItems(papers.map(toZoteroItem), sessionId(), arxivAbsUrl(papers[0]!.id));
        const sentToZotero = { date: new Date(now()).toISOString(), collection: target.label };
        const changed = await store.bulkUpdate(
          papers.map((p) => p.id),
          { sentToZotero },
          now(),
        );
        await written(changed);
        return { ok: true, target: target.label, papers: changed };
      } catch (e) {
        return failure(e);
      }
    },

    async 'zotero.check'({ ids }) {
      const c = await client();
      if (!c) return NO_PERMISSION;
      const found: Record<string, boolean | null> = {};
      try {
        for (const id of ids) found[id] = await c.inLibrary(id);
        return { ok: true, found };
      } catch (e) {
        return failure(e);
      }
    },
  };
}
