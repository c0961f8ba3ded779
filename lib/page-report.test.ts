// @vitest-environment happy-dom
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DRIFTS, drifted } from '../tests/fixtures/drift/build.mjs';
import { FIXTURE_MANIFEST } from '../tests/support/fixture-manifest';
import { answerQuery, isDegraded, linkedIds, pageReport, REPORT_QUERY } from './page-report';
import { diagnosticText, noticeText, type PageReport, readAnswer } from './page-report-read';
import { siteFor } from './sites';
import { inertPages } from './testing/inert-pages';

inertPages();

const FIXTURES = path.resolve(process.cwd(), 'tests/fixtures');

/** `html` parsed as the page at `url`, its location included. */
function page(html: string, url: string): Document {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  Object.defineProperty(doc, 'location', { value: new URL(url) });
  return doc;
}

/** What the content script makes of the page at `url`: the kind its adapter detects, and the report. */
function reportOf(html: string, url: string): PageReport | null {
  const site = siteFor(url)!;
  const doc = page(html, url);
  const kind = site.detect(url, doc);
  return kind === 'listing' ? pageReport(site, kind, doc, site.extract(doc)) : null;
}

const HF = siteFor('https://huggingface.co/papers')!;
const ARXIV = siteFor('https://arxiv.org/list/cs.LG/new')!;

const report = (over: Partial<PageReport> = {}): PageReport => ({
  site: 'arxiv',
  kind: 'listing',
  path: '/list/cs.LG/new',
  linked: 30,
  read: 0,
  skipped: 0,
  paths: { lists: 0, 'legacy lists': 0, 'search results': 0 },
  ...over,
});

describe('every fixture listing reads whole: no false "degraded"', () => {
  const rows = [
    ...FIXTURE_MANIFEST.filter((r) => r.kind === 'listing'),
    // Not in the manifest: the daily page with script payloads in its island and titles.
    { file: 'hostile/hf-payloads.html', url: 'https://huggingface.co/papers/date/2026-10-27', entries: 30 },
  ].filter((r) => existsSync(path.join(FIXTURES, r.file)));

  it.each(rows)(
    '$file',
    ({ file, url, entries }) => {
      const r = reportOf(readFileSync(path.join(FIXTURES, file), 'utf8'), url)!;
      expect(r).not.toBeNull();
      // Pages that link one paper twice (HF thumbnails and titles, arXiv search's "Latest version")
      // and nav links (`/papers/date/…`, `/papers/trending`) count each paper once.
      expect({ linked: r.linked, read: r.read, skipped: r.skipped }).toEqual({
        linked: entries,
        read: entries,
        skipped: 0,
      });
      expect(isDegraded(r)).toBe(false);
    },
    60_000,
  );
});

describe('pages whose markup drifted', () => {
  it.each(Object.entries(DRIFTS))('%s: still recognised, degraded, read as far as it goes', (name, d) => {
    const r = reportOf(drifted(name), d.url);
    expect(r, 'a drifted listing must not be left alone silently').not.toBeNull();
    expect({ linked: r!.linked, read: r!.read }).toEqual({ linked: d.linked, read: d.read });
    expect(isDegraded(r!)).toBe(true);
  });

  it('says which reading path found what', () => {
    expect(reportOf(drifted('hf-daily'), DRIFTS['hf-daily'].url)!.paths).toEqual({ island: 0, cards: 0 });
    expect(reportOf(drifted('hf-partial'), DRIFTS['hf-partial'].url)!.paths).toEqual({ island: 0, cards: 20 });
    expect(reportOf(drifted('arxiv-list'), DRIFTS['arxiv-list'].url)!.paths).toEqual({
      lists: 0,
      'legacy lists': 0,
      'search results': 0,
    });
    const catchup = reportOf(drifted('arxiv-catchup'), DRIFTS['arxiv-catchup'].url)!;
    expect(catchup.paths).toEqual({ lists: 60, 'legacy lists': 0, 'search results': 0 });
    expect(catchup.skipped).toBe(12);
  });

  it('keeps the path, never the query', () => {
    const r = reportOf(drifted('arxiv-search'), DRIFTS['arxiv-search'].url)!;
    expect(r.path).toBe('/search');
  });
});

describe('linkedIds', () => {
  const doc = (body: string) => page(`<body>${body}</body>`, 'https://arxiv.org/list/cs.LG/new');

  it('counts each paper once, versions and absolute links alike', () => {
    const d = doc(
      '<a href="/abs/2610.00001">a</a><a href="/abs/2610.00001v2">b</a>' +
        '<a href="https://arxiv.org/abs/2610.00002">c</a><a href ="/abs/hep-th/9901001v2">d</a>',
    );
    expect([...linkedIds(d, ARXIV)].sort()).toEqual(['2610.00001', '2610.00002', 'hep-th/9901001']);
  });

  it('ignores other sites, other paths and links that name no paper', () => {
    const d = doc(
      '<a href="https://export.arxiv.org/abs/2610.00001">mirror</a><a href="https://evil.example/abs/2610.00003">x</a>' +
        '<a href="/pdf/2610.00004">pdf</a><a href="/abs/">empty</a><a href="/abs/not-an-id">bad</a>' +
        '<a href="/list/abs/2610.00005">nested</a><a>no href</a><a href="http://[">broken</a>',
    );
    expect(linkedIds(d, ARXIV).size).toBe(0);
  });

  it('HF: paper pages only, not the listing navigation', () => {
    const d = page(
      '<a href="/papers/date/2026-10-26">prev</a><a href="/papers/trending">t</a><a href="/papers/2610.22092#community">c</a>' +
        '<a href="/papers/2610.22092">t</a><a href="https://arxiv.org/abs/2610.1">arxiv</a>',
      'https://huggingface.co/papers',
    );
    expect([...linkedIds(d, HF)]).toEqual(['2610.22092']);
  });
});

describe('pageReport', () => {
  it('reads only what the page links: an entry the adapter made up does not raise the count', () => {
    const d = page('<a href="/abs/2610.00001">a</a><a href="/abs/2610.00002">b</a>', 'https://arxiv.org/list/x/new');
    const entry = (id: string) => ({ meta: { id } }) as never;
    const r = pageReport(ARXIV, 'listing', d, {
      entries: [entry('2610.00001'), entry('2610.00009')],
      skipped: [{ element: d.body, reason: 'no dd after dt' }],
      paths: { lists: 2 },
    });
    expect(r).toEqual({
      site: 'arxiv',
      kind: 'listing',
      path: '/list/x/new',
      linked: 2,
      read: 1,
      skipped: 1,
      paths: { lists: 2 },
    });
    expect(isDegraded(r)).toBe(true);
  });

  it('an empty listing, and a paper page, are never degraded', () => {
    expect(isDegraded(report({ linked: 0, read: 0 }))).toBe(false);
    expect(isDegraded(report({ kind: 'paper', linked: 3, read: 0 }))).toBe(false);
    expect(isDegraded(report({ linked: 3, read: 3 }))).toBe(false);
  });
});

describe('what the user reads and copies', () => {
  it('one line in the popup', () => {
    expect(noticeText(report())).toBe('Dogear could read 0 of 30 papers on this page — the site may have changed');
    expect(noticeText(report({ linked: 1 }))).toBe(
      'Dogear could read 0 of 1 paper on this page — the site may have changed',
    );
  });

  it('the diagnostic: page kind, counts, reading paths, versions', () => {
    const text = diagnosticText(report({ read: 12, skipped: 3 }), { extension: '0.1.0', browser: 'Chrome/140' });
    expect(text).toContain('extension: 0.1.0');
    expect(text).toContain('browser: Chrome/140');
    expect(text).toContain('site: arxiv');
    expect(text).toContain('page: listing /list/cs.LG/new');
    expect(text).toContain('papers linked: 30');
    expect(text).toContain('papers read: 12');
    expect(text).toContain('entries skipped: 3');
    expect(text).toContain('found by each reading path: lists 0, legacy lists 0, search results 0');
  });

  it('carries no page text: none of the titles, authors or abstracts of a drifted page', () => {
    for (const [name, d] of Object.entries(DRIFTS)) {
      const text = diagnosticText(reportOf(drifted(name), d.url)!, { extension: 'x', browser: 'y' });
      // The undrifted page's entries are what the drifted one shows.
      const source = readFileSync(path.join(FIXTURES, d.source), 'utf8');
      const site = siteFor(d.url)!;
      const shown = site
        .extract(page(source, d.url))
        .entries.flatMap((e) => [e.meta.title, ...e.meta.authors, e.meta.abstract ?? '']);
      expect(shown.length, name).toBeGreaterThan(d.linked);
      const words = new Set(
        shown
          .join(' ')
          .split(/\s+/)
          .filter((w) => /^[A-Za-z]{7,}$/.test(w)),
      );
      expect(
        [...words].filter((w) => text.includes(w)),
        name,
      ).toEqual([]);
      for (const line of text.split('\n').slice(1))
        expect(line, name).toMatch(
          /^(extension|browser|site|page|papers linked|papers read|entries skipped|found by each reading path): /,
        );
    }
  });
});

describe('the popup asks the tab', () => {
  const own = { id: 'our-id', origin: 'chrome-extension://our-id/' };
  const popup = { id: 'our-id', url: 'chrome-extension://our-id/popup.html' };
  const r = report();

  it('answers our own pages', () => {
    expect(answerQuery(REPORT_QUERY, popup, own, () => r)).toEqual({ report: r });
    expect(answerQuery(REPORT_QUERY, popup, own, () => null)).toEqual({ report: null });
  });

  it.each([
    ['another extension', { id: 'other', url: 'chrome-extension://other/popup.html' }],
    ['our id from a web page', { id: 'our-id', url: 'https://arxiv.org/list/cs.LG/new' }],
    ['a look-alike origin', { id: 'our-id', url: 'chrome-extension://our-id.evil/' }],
    ['no url', { id: 'our-id' }],
    ['nothing', {}],
  ])('stays silent to %s', (_what, sender) => {
    expect(answerQuery(REPORT_QUERY, sender, own, () => r)).toBeUndefined();
  });

  it.each([null, 'page.report', {}, { type: 'page.other' }, { type: 'page.report', extra: 1 }])(
    'stays silent to the message %j',
    (message) => {
      expect(answerQuery(message, popup, own, () => r)).toBeUndefined();
    },
  );

  it('the popup takes a report of the right shape only, and only its fields', () => {
    expect(readAnswer({ report: r })).toEqual(r);
    expect(readAnswer({ report: { ...r, title: 'page text' } })).toEqual(r);
    expect(readAnswer({ report: null })).toBeNull();
    for (const bad of [
      undefined,
      'x',
      { report: { ...r, read: -1 } },
      { report: { ...r, linked: 1.5 } },
      { report: { ...r, kind: 'other' } },
      { report: { ...r, site: 'x'.repeat(41) } },
    ])
      expect(readAnswer(bad)).toBeNull();
  });
});
