import * as z from 'zod/mini';
import type { ZoteroItem } from './item';
import { NOT_RUNNING, ZoteroError } from './errors';

export { NOT_RUNNING, ZoteroError };

/**
 * Zotero desktop's local connector server, the one its browser connector talks
 * to (`zotero/zotero` server_connector.js; client side as in `zotero-connectors`
 * src/common/connector.js). Only ever 127.0.0.1 on the user's own computer.
 */

export const DEFAULT_PORT = 23119;
/** The optional host permission that lets extension pages and the background reach it (any port). */
export const ZOTERO_PERMISSION = 'http://127.0.0.1/*';
/** Lower versions make Zotero show an "update your connector" dialog and refuse saves. */
const CONNECTOR_API_VERSION = '3';
const TIMEOUT_MS = 15_000;
const SAVE_TIMEOUT_MS = 60_000;

function zoteroBase(port: number): string {
  return `http://127.0.0.1:${port}`;
}

export interface ZoteroTarget {
  libraryName: string;
  /** null when a whole library (not a collection) is selected in Zotero. */
  collection: string | null;
  editable: boolean;
  /** "My Library › Reading", or "My Library". */
  label: string;
}

const SelectedCollectionSchema = z.object({
  libraryName: z.string(),
  libraryEditable: z.optional(z.boolean()),
  editable: z.optional(z.nullable(z.boolean())),
  id: z.optional(z.nullable(z.number())),
  name: z.string(),
});

const ErrorBodySchema = z.object({ error: z.optional(z.string()), libraryEditable: z.optional(z.boolean()) });

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface ClientOptions {
  port: number;
  fetch?: FetchLike;
}

interface Reply {
  status: number;
  body: string;
  /** Zotero's version, from the header every Zotero reply carries. */
  version: string;
}

export function createZoteroClient({ port, fetch: fetchImpl = (u, i) => fetch(u, i) }: ClientOptions) {
  const base = zoteroBase(port);

  async function request(path: string, init: RequestInit, timeoutMs: number): Promise<Reply> {
    let res: Response;
    try {
      res = await fetchImpl(`${base}${path}`, {
        ...init,
        credentials: 'omit',
        cache: 'no-store',
        redirect: 'error',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (e) {
      if ((e as { name?: unknown } | null)?.name === 'TimeoutError') {
        throw new ZoteroError(
          'timeout',
          `Zotero did not answer within ${Math.round(timeoutMs / 1000)} s — papers being sent may have arrived; look in Zotero before sending again`,
        );
      }
      // Refused connection, or Zotero dropping a request it takes for a web page's: fetch only says TypeError.
      throw new ZoteroError('not-running', NOT_RUNNING);
    }
    const body = await res.text().catch(() => '');
    const version = res.headers.get('X-Zotero-Version');
    // Every Zotero reply carries its version; anything else on the port is some other program.
    if (!version) {
      throw new ZoteroError(
        'not-reachable',
        `Zotero not reachable — something else answers on port ${port} (check the port in Dogear’s settings)`,
      );
    }
    return { status: res.status, body, version };
  }

  async function connector(method: string, data: unknown, timeoutMs = TIMEOUT_MS): Promise<Reply> {
    const reply = await request(
      `/connector/${method}`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Zotero-Connector-API-Version': CONNECTOR_API_VERSION },
        body: JSON.stringify(data),
      },
      timeoutMs,
    );
    if (reply.status >= 400) throw errorFor(reply);
    return reply;
  }

  return {
    /** Is Zotero running? Resolves with its version. */
    async ping(): Promise<string> {
      return (await connector('ping', {})).version;
    },

    /** Where saveItems will put items: whatever is selected in the Zotero window. */
    async selectedCollection(): Promise<ZoteroTarget> {
      const reply = await connector('getSelectedCollection', {});
      const parsed = SelectedCollectionSchema.safeParse(parseJson(reply.body));
      if (!parsed.success) throw new ZoteroError('failed', 'Zotero sent an answer Dogear does not understand');
      const d = parsed.data;
      const collection = d.id === null || d.id === undefined ? null : d.name;
      return {
        libraryName: d.libraryName,
        collection,
        editable: d.editable ?? d.libraryEditable ?? true,
        label: collection ? `${d.libraryName} › ${collection}` : d.libraryName,
      };
    },

    /** One save session. Zotero answers 201 when every item is written; it does not deduplicate. */
    async saveItems(items: ZoteroItem[], sessionID: string, uri: string): Promise<void> {
      await connector('saveItems', { sessionID, uri, items }, SAVE_TIMEOUT_MS);
    },

    /**
     * Is this arXiv paper in the library already? Uses Zotero's local API, which the user must
     * switch on in Zotero (Settings → Advanced); null when it is off or answers oddly.
     */
    async inLibrary(id: string): Promise<boolean | null> {
      const q = new URLSearchParams({ q: id, qmode: 'everything' });
      const reply = await request(
        `/api/users/0/items?${q}`,
        { method: 'GET', headers: { 'Zotero-Allowed-Request': '1' } },
        TIMEOUT_MS,
      ).catch((e) => {
        if (e instanceof ZoteroError && e.kind !== 'not-running') return null;
        throw e;
      });
      if (reply?.status !== 200) return null;
      const list = parseJson(reply.body);
      if (!Array.isArray(list)) return null;
      return list.some((entry) => isSamePaper(entry, id));
    },
  };
}

export type ZoteroClient = ReturnType<typeof createZoteroClient>;

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function errorFor({ status, body }: Reply): ZoteroError {
  const parsed = ErrorBodySchema.safeParse(parseJson(body));
  const data = parsed.success ? parsed.data : {};
  if (status === 409 || data.error === 'SESSION_EXISTS') {
    return new ZoteroError(
      'session-exists',
      'Zotero is already handling a save with this session (409) — nothing was saved; try again',
    );
  }
  if (data.libraryEditable === false) {
    return new ZoteroError(
      'read-only',
      'The library selected in Zotero is read-only — select one of your own collections in Zotero and try again',
    );
  }
  if (data.error === 'CONNECTOR_VERSION_OUTDATED') {
    return new ZoteroError('outdated', 'Zotero refused the save as coming from an outdated connector');
  }
  return new ZoteroError('failed', `Zotero could not save the papers (error ${status}) — see Zotero’s error log`);
}

/** Local API search is a substring match: confirm by the fields the arXiv translator sets. */
export function isSamePaper(entry: unknown, id: string): boolean {
  const data = (entry as { data?: Record<string, unknown> } | null)?.data;
  if (!data || typeof data !== 'object') return false;
  const str = (k: string) => (typeof data[k] === 'string' ? (data[k] as string) : '');
  const escaped = id.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  return (
    str('archiveID').toLowerCase() === `arxiv:${id}`.toLowerCase() ||
    str('DOI').toLowerCase() === `10.48550/arxiv.${id}`.toLowerCase() ||
    new RegExp(`^https?://(?:www\\.)?arxiv\\.org/abs/${escaped}(?:v\\d+)?/?$`, 'i').test(str('url')) ||
    new RegExp(`(?:^|\\s)arXiv:${escaped}(?:v\\d+)?(?=$|[\\s\\[])`, 'i').test(str('extra'))
  );
}
