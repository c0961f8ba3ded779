// A stand-in for Zotero desktop's local connector server, for the unit and end-to-end tests.
// It answers the way Zotero's own server does (zotero/zotero, chrome/content/zotero/xpcom/server/
// server.js and server_connector.js, 10.0): every response carries X-Zotero-Version and
// X-Zotero-Connector-API-Version: 3; a Host that is not loopback gets 400 "Invalid Host header";
// a request from a browser (User-Agent "Mozilla/…" or an Origin header) without
// X-Zotero-Connector-API-Version or Zotero-Allowed-Request is dropped without any reply; POST needs
// Content-Length; endpoints check method and content type; saveItems warns outdated connectors
// (API version < 3 → 400 CONNECTOR_VERSION_OUTDATED), refuses a reused session id (409
// SESSION_EXISTS) and a read-only library (500 {"libraryEditable":false}). No CORS headers: only
// Zotero's bookmarklet origin gets them, so only an extension holding the host permission can read
// the replies. The local API (/api/…) answers 403 unless enabled, as Zotero's does by default.
import { createServer } from 'node:http';

export const ZOTERO_VERSION = '10.0.0-standin';
const API_VERSION = 3;
const LOOPBACK_HOST = /^(?:127\.0\.0\.1|\[::1\]|localhost)(?::[0-9]+)?$/i;

/**
 * @typedef {{ libraryName?: string, collection?: string | null, libraryEditable?: boolean,
 *   saveFails?: boolean, localApi?: boolean, collide?: boolean }} StandinOptions
 * @typedef {{ method: string, path: string, headers: Record<string, string | string[] | undefined>,
 *   body: unknown, answered: number | 'dropped' }} LoggedRequest
 */

const ENDPOINTS = {
  '/connector/ping': { methods: ['GET', 'POST'], types: ['application/json', 'text/plain'] },
  '/connector/getSelectedCollection': { methods: ['POST'], types: ['application/json'] },
  '/connector/saveItems': { methods: ['POST'], types: ['application/json'] },
};

/** Starts the stand-in on 127.0.0.1 at a free port (or `port`). */
export async function startZoteroStandin(/** @type {StandinOptions & { port?: number }} */ opts = {}) {
  const state = {
    libraryName: opts.libraryName ?? 'My Library',
    collection: opts.collection === undefined ? 'Reading' : opts.collection,
    libraryEditable: opts.libraryEditable ?? true,
    saveFails: opts.saveFails ?? false,
    localApi: opts.localApi ?? false,
    // The next saveItems finds its session id taken (as a second save under one id would): 409, once.
    collide: false,
  };
  /** @type {LoggedRequest[]} */
  const requests = [];
  /** Every item saveItems accepted, in order, as sent. */
  const saved = [];
  const sessions = new Set();

  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const path = (req.url ?? '/').split('?')[0];
      const entry = { method: req.method ?? '', path, headers: req.headers, body: raw, answered: 0 };
      requests.push(entry);
      const reply = (status, type, body) => {
        entry.answered = status;
        const headers = { 'X-Zotero-Version': ZOTERO_VERSION, 'X-Zotero-Connector-API-Version': String(API_VERSION) };
        if (type) headers['Content-Type'] = type;
        res.writeHead(status, headers);
        res.end(body ?? '');
      };
      handle(req, path, raw, entry, reply, res);
    });
  });

  function handle(req, path, raw, entry, reply, res) {
    const h = req.headers;
    if (!h.host || !LOOPBACK_HOST.test(h.host)) return reply(400, 'text/plain', 'Invalid Host header\n');
    const local = path.startsWith('/api/');
    const endpoint = ENDPOINTS[path];
    if (!endpoint && !local) return reply(404, 'text/plain', 'No endpoint found\n');
    if (req.method === 'HEAD' || req.method === 'OPTIONS') return reply(200);
    if (endpoint && !endpoint.methods.includes(req.method)) {
      return reply(400, 'text/plain', 'Endpoint does not support method\n');
    }
    const browser = String(h['user-agent'] ?? '').startsWith('Mozilla/') || 'origin' in h;
    if (browser && !h['x-zotero-connector-api-version'] && !h['zotero-allowed-request']) {
      // Zotero closes the connection without a reply: to a page it looks like "not running".
      entry.answered = 'dropped';
      res.socket?.destroy();
      return;
    }
    if (local) return localApi(req, path, reply);
    let data = null;
    if (req.method === 'POST') {
      if (!/^[0-9]+$/.test(String(h['content-length'] ?? ''))) {
        return reply(400, 'text/plain', 'Content-length not provided\n');
      }
      const type = String(h['content-type'] ?? '').split(/\s*;/)[0];
      if (type) {
        if (!endpoint.types.includes(type)) return reply(400, 'text/plain', 'Endpoint does not support content-type\n');
        if (type === 'application/json') {
          try {
            data = JSON.parse(raw);
          } catch {
            return reply(400, 'text/plain', 'Invalid JSON provided\n');
          }
        }
      }
      entry.body = data ?? raw;
    }
    if (path === '/connector/ping') {
      if (req.method === 'GET')
        return reply(200, 'text/html', '<!DOCTYPE html><html><body>Zotero is running</body></html>');
      // Zotero reads `activeURL` off the parsed body: a POST without a JSON object fails there.
      if (data === null || typeof data !== 'object') return reply(500);
      return reply(
        200,
        'application/json',
        JSON.stringify({
          prefs: { automaticSnapshots: true, downloadAssociatedFiles: true, supportsAttachmentUpload: true },
        }),
      );
    }
    if (path === '/connector/getSelectedCollection') {
      // Zotero reads `switchToReadableLibrary` off the parsed body, so a body-less call fails there.
      if (data === null || typeof data !== 'object') return reply(500);
      const inCollection = state.collection !== null;
      return reply(
        200,
        'application/json',
        JSON.stringify({
          libraryID: 1,
          libraryName: state.libraryName,
          libraryEditable: state.libraryEditable,
          filesEditable: state.libraryEditable,
          editable: state.libraryEditable,
          id: inCollection ? 23 : null,
          name: inCollection ? state.collection : state.libraryName,
          targets: [
            { id: 'L1', name: state.libraryName, filesEditable: true, level: 0 },
            ...(inCollection ? [{ id: 'C23', name: state.collection, filesEditable: true, level: 1 }] : []),
          ],
          tags: { L1: [] },
        }),
      );
    }
    // saveItems
    const version = h['x-zotero-connector-api-version'];
    if (version && Number(version) < API_VERSION) {
      return reply(400, 'application/json', JSON.stringify({ error: 'CONNECTOR_VERSION_OUTDATED' }));
    }
    if (data === null || typeof data !== 'object') return reply(500);
    if (state.collide) {
      state.collide = false;
      sessions.add(data.sessionID);
    }
    if (sessions.has(data.sessionID))
      return reply(409, 'application/json', JSON.stringify({ error: 'SESSION_EXISTS' }));
    sessions.add(data.sessionID);
    if (!state.libraryEditable) return reply(500, 'application/json', JSON.stringify({ libraryEditable: false }));
    if (state.saveFails || !Array.isArray(data.items)) return reply(500);
    saved.push(...data.items);
    return reply(201, 'application/json');
  }

  function localApi(req, path, reply) {
    if (!state.localApi) return reply(403, 'text/plain', 'Local API is not enabled');
    const url = new URL(req.url, 'http://127.0.0.1');
    if (req.method !== 'GET' || path !== '/api/users/0/items') return reply(404, 'text/plain', 'Not found');
    const q = (url.searchParams.get('q') ?? '').toLowerCase();
    const hits = saved.filter((item) => q && JSON.stringify(item).toLowerCase().includes(q));
    const body = hits.map((item, i) => ({ key: `K${i}`, version: 1, library: { type: 'user', id: 0 }, data: item }));
    return reply(200, 'application/json', JSON.stringify(body));
  }

  await new Promise((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    requests,
    saved,
    sessions,
    /** Changes what the "Zotero pane" has selected or how saving behaves, as a user would. */
    set(/** @type {StandinOptions} */ next) {
      Object.assign(state, next);
    },
    /** Forgets a session id, as Zotero's garbage collector does after ten minutes. */
    expireSessions() {
      sessions.clear();
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve(undefined));
      }),
  };
}

/** A port nothing listens on: bound, read, released. */
export async function freePort() {
  const s = createServer();
  await new Promise((resolve) => s.listen(0, '127.0.0.1', resolve));
  const address = s.address();
  await new Promise((resolve) => s.close(resolve));
  return typeof address === 'object' && address ? address.port : 0;
}
