import { createServer } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freePort, startZoteroStandin } from '../../tests/support/zotero-standin.mjs';
import { createZoteroClient, isSamePaper, NOT_RUNNING, ZoteroError, type FetchLike } from './client';
import type { ZoteroItem } from './item';

type Standin = Awaited<ReturnType<typeof startZoteroStandin>>;

// What a browser adds to an extension's request: the stand-in (like Zotero) treats it as a browser's.
const asBrowser: FetchLike = (url, init) =>
  fetch(url, { ...init, headers: { ...(init.headers as Record<string, string>), Origin: 'chrome-extension://abc' } });

const item = (id: string) => ({ id, itemType: 'preprint', title: id }) as unknown as ZoteroItem;

async function kindOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    expect(e).toBeInstanceOf(ZoteroError);
    return (e as ZoteroError).kind;
  }
}

describe('Zotero client against the stand-in server', () => {
  let zotero: Standin;
  beforeEach(async () => {
    zotero = await startZoteroStandin();
  });
  afterEach(() => zotero.close());

  it('ping returns the version and sends the connector headers', async () => {
    const client = createZoteroClient({ port: zotero.port, fetch: asBrowser });
    expect(await client.ping()).toBe('10.0.0-standin');
    const req = zotero.requests[0]!;
    expect(req.method).toBe('POST');
    expect(req.headers['x-zotero-connector-api-version']).toBe('3');
    expect(req.headers['content-type']).toBe('application/json');
    expect(req.headers.host).toBe(`127.0.0.1:${zotero.port}`);
  });

  it('reads the selected collection as "library › collection", or the library alone', async () => {
    const client = createZoteroClient({ port: zotero.port, fetch: asBrowser });
    expect(await client.selectedCollection()).toEqual({
      libraryName: 'My Library',
      collection: 'Reading',
      editable: true,
      label: 'My Library › Reading',
    });
    zotero.set({ collection: null });
    expect((await client.selectedCollection()).label).toBe('My Library');
  });

  it('saves items in one session; reusing the session is a 409', async () => {
    const client = createZoteroClient({ port: zotero.port, fetch: asBrowser });
    await client.saveItems([item('a'), item('b')], 's1', 'https://arxiv.org/abs/a');
    expect(zotero.saved.map((i: ZoteroItem) => i.id)).toEqual(['a', 'b']);
    const body = zotero.requests.at(-1)!.body;
    expect(body).toMatchObject({ sessionID: 's1', uri: 'https://arxiv.org/abs/a' });
    await expect(client.saveItems([item('c')], 's1', 'x')).rejects.toMatchObject({ kind: 'session-exists' });
    expect(zotero.saved).toHaveLength(2);
  });

  it('a read-only library is a 500 with libraryEditable false', async () => {
    zotero.set({ libraryEditable: false });
    const client = createZoteroClient({ port: zotero.port, fetch: asBrowser });
    const err = await client.saveItems([item('a')], 's2', 'x').catch((e) => e);
    expect(err.kind).toBe('read-only');
    expect(err.message).toMatch(/read-only/);
  });

  it('a bare 500 is a failure that names the status', async () => {
    zotero.set({ saveFails: true });
    const client = createZoteroClient({ port: zotero.port, fetch: asBrowser });
    const err = await client.saveItems([item('a')], 's3', 'x').catch((e) => e);
    expect(err.kind).toBe('failed');
    expect(err.message).toMatch(/500/);
  });

  it('without the API-version header a browser request is dropped, which looks like "not running"', async () => {
    const bare: FetchLike = (url, init) =>
      fetch(url, { ...init, headers: { 'Content-Type': 'application/json', Origin: 'chrome-extension://abc' } });
    const client = createZoteroClient({ port: zotero.port, fetch: bare });
    await expect(client.ping()).rejects.toMatchObject({ kind: 'not-running', message: NOT_RUNNING });
    expect(zotero.requests[0]!.answered).toBe('dropped');
  });

  it('an outdated API version is refused on save', async () => {
    const old: FetchLike = (url, init) =>
      asBrowser(url, {
        ...init,
        headers: { ...(init.headers as Record<string, string>), 'X-Zotero-Connector-API-Version': '2' },
      });
    const client = createZoteroClient({ port: zotero.port, fetch: old });
    expect(await kindOf(client.saveItems([item('a')], 's4', 'x'))).toBe('outdated');
  });

  it('the local API: off → unknown; on → confirmed by archiveID, not by a substring hit', async () => {
    const client = createZoteroClient({ port: zotero.port, fetch: asBrowser });
    await client.saveItems([{ ...item('2506.02355'), archiveID: 'arXiv:2506.02355' } as ZoteroItem], 's5', 'x');
    expect(await client.inLibrary('2506.02355')).toBeNull();
    zotero.set({ localApi: true });
    expect(await client.inLibrary('2506.02355')).toBe(true);
    expect(await client.inLibrary('2506.0235')).toBe(false);
    const req = zotero.requests.at(-1)!;
    expect(req.path).toBe('/api/users/0/items');
    expect(req.headers['zotero-allowed-request']).toBe('1');
  });
});

describe('Zotero client when Zotero is not there', () => {
  it('nothing listening: "Zotero is not running"', async () => {
    const client = createZoteroClient({ port: await freePort() });
    await expect(client.ping()).rejects.toMatchObject({ kind: 'not-running', message: NOT_RUNNING });
  });

  it('another program on the port (no X-Zotero-Version): "Zotero not reachable", even for a 200', async () => {
    for (const status of [200, 404, 500]) {
      const other = createServer((_req, res) => res.writeHead(status).end('hello'));
      await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
      const port = (other.address() as { port: number }).port;
      const client = createZoteroClient({ port });
      const err = await client.ping().catch((e) => e);
      expect(err.kind, String(status)).toBe('not-reachable');
      expect(err.message).toMatch(/^Zotero not reachable/);
      await new Promise((r) => other.close(r));
    }
  });

  it('a server that never answers times out', async () => {
    const hang = createServer(() => {});
    await new Promise<void>((r) => hang.listen(0, '127.0.0.1', r));
    const port = (hang.address() as { port: number }).port;
    const slowFetch: FetchLike = (url, init) => fetch(url, { ...init, signal: AbortSignal.timeout(50) });
    const err = await createZoteroClient({ port, fetch: slowFetch })
      .ping()
      .catch((e) => e);
    expect(err.kind).toBe('timeout');
    hang.closeAllConnections();
    await new Promise((r) => hang.close(r));
  });
});

describe('isSamePaper', () => {
  const id = '2506.02355';
  it.each([
    [{ archiveID: 'arXiv:2506.02355' }, true],
    [{ DOI: '10.48550/ARXIV.2506.02355' }, true],
    [{ url: 'https://arxiv.org/abs/2506.02355v2' }, true],
    [{ url: 'http://arxiv.org/abs/2506.02355' }, true],
    [{ extra: 'arXiv:2506.02355 [cs.LG]' }, true],
    [{ extra: 'arXiv:2506.023551' }, false],
    [{ url: 'https://arxiv.org/abs/2506.023551' }, false],
    [{ title: 'about 2506.02355' }, false],
    [{ archiveID: 42 }, false],
  ])('%o → %s', (data, same) => expect(isSamePaper({ data }, id)).toBe(same));
  it('hostile shapes are not a match', () => {
    for (const e of [null, 1, 'x', {}, { data: null }, { data: 'x' }]) expect(isSamePaper(e, id)).toBe(false);
  });
});
