// @vitest-environment happy-dom
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LIMITS, PaperMetaSchema } from '../model';
import { huggingface } from './huggingface';
import * as SEL from './huggingface.selectors';
import type { Entry, ExtractResult } from './types';
import { FIXTURE_MANIFEST } from '../../tests/support/fixture-manifest';
import { inertPages } from '../testing/inert-pages';

inertPages();

const FIXTURES = path.resolve(process.cwd(), 'tests/fixtures');
const cache = new Map<string, string>();
function read(rel: string): string {
  let html = cache.get(rel);
  if (html === undefined) cache.set(rel, (html = readFileSync(path.join(FIXTURES, rel), 'utf8')));
  return html;
}
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const load = (file: string) => parse(read(`hf/${file}`));
const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const ids = (r: ExtractResult) => r.entries.map((e) => e.meta.id);
const byId = (r: ExtractResult, id: string): Entry => {
  const e = r.entries.find((x) => x.meta.id === id);
  if (!e) throw new Error(`no entry ${id}`);
  return e;
};

const manifest = FIXTURE_MANIFEST.filter((r) => r.file.startsWith('hf/') && existsSync(path.join(FIXTURES, r.file)));

function islandProps(doc: Document): Record<string, unknown> & { dailyPapers: Record<string, any>[] } {
  return JSON.parse(doc.querySelector(SEL.LISTING_ISLAND)!.getAttribute('data-props')!);
}
function setIslandProps(doc: Document, props: unknown): void {
  doc.querySelector(SEL.LISTING_ISLAND)!.setAttribute('data-props', JSON.stringify(props));
}
function removeIsland(doc: Document): void {
  // Keep the rendered cards, drop only the data: what a markup drift or a stripped page looks like.
  doc.querySelector(SEL.LISTING_ISLAND)!.removeAttribute('data-target');
}

it('every HF fixture page is in the manifest', () => {
  const pages = readdirSync(path.join(FIXTURES, 'hf')).filter((f) => f.endsWith('.html'));
  expect(pages.length).toBeGreaterThanOrEqual(10);
  for (const f of pages) expect(manifest.map((r) => r.file)).toContain(`hf/${f}`);
});

describe.each(manifest)('$file', (row) => {
  let doc: Document;
  let result: ExtractResult;
  // The month page is 5 MB: parse each page once per file.
  beforeAll(() => {
    doc = parse(read(row.file));
    result = huggingface.extract(doc);
  }, 60_000);

  it('is detected as what it is', () => {
    expect(huggingface.detect(row.url, doc)).toBe(row.kind === 'listing' ? 'listing' : 'paper');
  });

  it('yields the manifest entries in page order', () => {
    expect(result.entries).toHaveLength(row.entries);
    expect(result.skipped).toEqual([]);
    expect(result.entries[0]?.meta.id ?? null).toBe(row.firstId);
    expect(result.entries.at(-1)?.meta.id ?? null).toBe(row.lastId);
    expect(new Set(ids(result)).size).toBe(row.entries);
  });

  it('gives valid metadata whose title matches the card', () => {
    for (const e of result.entries) {
      expect(PaperMetaSchema.safeParse(e.meta).success, e.meta.id).toBe(true);
      expect(e.meta.title).toBe(clean(e.titleEl?.textContent));
      expect(e.meta.title.length).toBeGreaterThan(0);
    }
  });

  it('places the overlay under the title, outside the site controls', () => {
    const showsAbstracts = /search|trending/.test(row.file);
    for (const e of result.entries) {
      expect(e.element.tagName).toBe('ARTICLE');
      expect(e.titleEl?.tagName).toBe('A');
      expect(e.titleEl?.parentElement?.tagName).toBe('H3');
      expect(e.titleEl?.getAttribute('href')).toBe(`/papers/${e.meta.id}`);
      expect(e.element.contains(e.mount)).toBe(true);
      expect(e.mount).not.toBe(e.element);
      expect(e.mount.contains(e.titleEl)).toBe(true);
      // Inside a link, button or label our buttons would trigger the site's own action.
      expect(e.mount.closest('a, button, label')).toBeNull();
      if (showsAbstracts) {
        expect(e.element.contains(e.abstractEl)).toBe(true);
        expect(clean(e.abstractEl?.textContent).length).toBeGreaterThan(100);
      } else {
        expect(e.abstractEl).toBeNull();
      }
    }
  });
});

describe('field spot checks', () => {
  let daily: ExtractResult;
  let real2024: ExtractResult;
  let search: ExtractResult;
  let trending: ExtractResult;
  let loggedIn: ExtractResult;
  beforeAll(() => {
    daily = huggingface.extract(load('date-2026-10-27.html'));
    real2024 = huggingface.extract(load('2024-08-01-daily.real.html'));
    search = huggingface.extract(load('search-rewarding.html'));
    trending = huggingface.extract(load('trending.html'));
    loggedIn = huggingface.extract(load('date-2026-10-27.loggedin.html'));
  }, 60_000);

  it('daily card: island data behind a card with an org chip', () => {
    const e = byId(daily, '2610.22092');
    expect(e.meta).toMatchObject({
      title: 'NeoAct++ Technical Report',
      authors: ['Mateus Campbell'],
      published: '2026-10-25T14:49:23.000Z',
    });
    expect(e.meta.abstract).toMatch(/^Recent advances in sparse attention .* rather than more data\.$/);
    expect(e.mount.className).toContain('w-full');
  });

  it('daily card: code and project links', () => {
    expect(byId(daily, '2610.20893').meta.codeUrl).toBe('https://github.com/xinyu-levi/VoxBench-1.5');
    expect(byId(daily, '2610.23140').meta.projectUrl).toBe('https://rohandubois.github.io/SolPath-2/');
    expect(byId(daily, '2610.22903').meta.codeUrl).toBeUndefined();
  });

  it('signed-in page reads the same as the guest page', () => {
    expect(loggedIn.entries.map((e) => e.meta)).toEqual(daily.entries.map((e) => e.meta));
  });

  it('2024 real page: 533 authors, hidden authors skipped, hard-wrapped titles joined', () => {
    const llama = byId(real2024, '2407.21783');
    expect(llama.meta.title).toBe('The Llama 3 Herd of Models');
    expect(llama.meta.authors).toHaveLength(533);
    expect(llama.meta.authors[0]).toBe('Abhimanyu Dubey');
    expect(llama.meta.abstract).toMatch(
      /^Modern artificial intelligence \(AI\) systems are powered by foundation models\. This paper/,
    );
    expect(llama.mount.className).toBe('w-full');

    const berkeley = byId(real2024, '2407.21781');
    expect(berkeley.meta.authors).toHaveLength(5);
    expect(berkeley.meta.authors).not.toContain('Xuanyu Huang');

    const wrapped = byId(real2024, '2407.21646').meta.title;
    expect(wrapped).toMatch(/^Towards Achieving Human Parity on End-to-end Simultaneous Speech Translation/);
    expect(wrapped).not.toMatch(/\s{2}|\n/);
  });

  it('search page: renders and reads searchResults, not dailyPapers', () => {
    expect(search.entries).toHaveLength(43);
    const first = byId(search, '2606.01650');
    expect(first.meta.codeUrl).toBe('https://github.com/AndreHe02/rewarding-unlikely-release');
    expect(first.meta.abstract).toBe(clean(first.abstractEl?.textContent));
    expect(first.abstractEl?.tagName).toBe('A');
    expect(byId(search, '2410.06782').meta.title).toBe(
      'Rewarding Progress: Scaling Automated Process Verifiers for LLM Reasoning',
    );
    expect(byId(search, '2602.02251').meta.projectUrl).toBe('https://aiming-lab.github.io/MJ-VIDEO.github.io/');
    expect(byId(search, '1711.09178').meta.id).toBe('1711.09178');
  });

  it('trending page: abstract paragraph, code link from the island', () => {
    const e = byId(trending, '2610.21811');
    expect(e.abstractEl?.tagName).toBe('P');
    expect(e.meta.codeUrl).toBe('https://github.com/ibm-granite/SkyPlan');
  });
});

describe('detect', () => {
  let listingDoc: Document;
  let paperDoc: Document;
  let bareDoc: Document;
  beforeAll(() => {
    listingDoc = parse('<main><div data-target="DailyPapers" data-props="{}"></div></main>');
    paperDoc = parse('<main><div data-target="PaperContent" data-props="{}"><h1>T</h1></div></main>');
    bareDoc = parse('<main><h1>Daily Papers</h1></main>');
  });

  it.each([
    'https://huggingface.co/papers',
    'https://huggingface.co/papers/',
    'https://huggingface.co/papers?date=2024-08-01',
    'https://huggingface.co/papers/date/2026-10-27',
    'https://huggingface.co/papers/date/2026-10-27/',
    'https://huggingface.co/papers/week/2026-W44',
    'https://huggingface.co/papers/month/2026-10',
    'https://huggingface.co/papers/trending',
    'https://huggingface.co/papers?q=rewarding',
    'https://huggingface.co/papers/trending?q=diffusion',
    'https://huggingface.co/papers/month/2026-10?q=agents#top',
  ])('listing: %s', (url) => {
    expect(huggingface.detect(url, listingDoc)).toBe('listing');
    // The URL alone is not enough: a page with neither island nor cards is left alone.
    expect(huggingface.detect(url, bareDoc)).toBeNull();
  });

  it('listing with neither island nor cards but links to papers: markup drifted, read as degraded', () => {
    const url = 'https://huggingface.co/papers/date/2026-10-27';
    const drifted = parse('<main><div class="card"><h2><a href="/papers/2610.22092">T</a></h2></div></main>');
    expect(huggingface.detect(url, drifted)).toBe('listing');
    // Navigation links are no papers, and a paper page still shown mid-navigation is not a listing.
    expect(huggingface.detect(url, parse('<nav><a href="/papers/date/2026-10-26">Previous</a></nav>'))).toBeNull();
    const paperShown = parse(
      '<div data-target="PaperContent" data-props="{}"><h1>T</h1><a href="/papers/2510.12345">x</a></div>',
    );
    expect(huggingface.detect(url, paperShown)).toBeNull();
  });

  it('listing without island but with cards', () => {
    const doc = parse('<article><h3><a href="/papers/2610.22092">T</a></h3></article>');
    expect(huggingface.detect('https://huggingface.co/papers/date/2026-10-27', doc)).toBe('listing');
  });

  it.each(['https://huggingface.co/papers/2510.12345', 'https://huggingface.co/papers/2510.12345v2'])(
    'paper: %s',
    (url) => {
      expect(huggingface.detect(url, paperDoc)).toBe('paper');
      expect(huggingface.detect(url, listingDoc)).toBeNull();
    },
  );

  it.each([
    'https://huggingface.co/models',
    'https://huggingface.co/',
    'https://huggingface.co/papers/2510.12345/foo',
    'https://huggingface.co/papers/submit',
    'https://huggingface.co/papers/date/2026-1-2',
    'https://huggingface.co/papers/week/2026-44',
    'https://huggingface.co/papers/month/2026',
    'https://huggingface.co/papers/trending/x',
    'https://huggingface.co/spaces/x/papers',
    'http://huggingface.co/papers',
    'https://huggingface.co.evil.example/papers',
    'https://evil.example/huggingface.co/papers',
    'https://hf.co/papers',
    'https://arxiv.org/list/cs.LG/new',
    'not a url',
    '',
  ])('not ours: %s', (url) => {
    expect(huggingface.detect(url, listingDoc)).toBeNull();
    expect(huggingface.detect(url, paperDoc)).toBeNull();
  });
});

describe('fallbacks: the island cannot be trusted', () => {
  it('island removed: every card is read from the DOM', () => {
    const withIsland = huggingface.extract(load('date-2026-10-27.html'));
    const doc = load('date-2026-10-27.html');
    removeIsland(doc);
    const r = huggingface.extract(doc);
    expect(ids(r)).toEqual(ids(withIsland));
    const first = byId(r, '2610.22092');
    expect(first.meta).toEqual({ id: '2610.22092', title: 'NeoAct++ Technical Report', authors: [] });
    r.entries.forEach((e, i) => {
      expect(e.meta.title).toBe(withIsland.entries[i]?.meta.title);
      expect(e.mount).toBeTruthy();
    });
  });

  it('island removed, 2024 page: authors in paper order', () => {
    const doc = load('2024-08-01-daily.real.html');
    removeIsland(doc);
    const llama = byId(huggingface.extract(doc), '2407.21783');
    expect(llama.meta.authors).toEqual(['dubeya', 'abhiskk', 'altrevr', 'angelafan', 'mannatsingh']);
  });

  it('island removed, signed-in page: every card read', () => {
    const doc = load('date-2026-10-27.loggedin.html');
    removeIsland(doc);
    const r = huggingface.extract(doc);
    expect(r.entries).toHaveLength(30);
    expect(byId(r, '2610.18530').meta.title).toBeTruthy();
  });

  it('island removed, search page: abstracts from the rows', () => {
    const withIsland = huggingface.extract(load('search-rewarding.html'));
    const doc = load('search-rewarding.html');
    removeIsland(doc);
    const r = huggingface.extract(doc);
    expect(ids(r)).toEqual(ids(withIsland));
    r.entries.forEach((e, i) => {
      expect(e.meta.abstract).toBe(withIsland.entries[i]?.meta.abstract);
      expect(e.meta.title).toBe(withIsland.entries[i]?.meta.title);
    });
  });

  it('island removed, trending page: abstracts from the paragraphs', () => {
    const doc = load('trending.html');
    removeIsland(doc);
    const r = huggingface.extract(doc);
    expect(r.entries).toHaveLength(49);
    expect(byId(r, '2610.21811').meta.abstract).toMatch(/^Recent advances in diffusion language models/);
  });

  it('island JSON corrupted: all cards from the DOM', () => {
    const doc = load('date-2026-10-27.html');
    doc.querySelector(SEL.LISTING_ISLAND)!.setAttribute('data-props', '{"dailyPapers":[{"paper":');
    const r = huggingface.extract(doc);
    expect(r.entries).toHaveLength(30);
    expect(r.entries.every((e) => e.meta.abstract === undefined && e.meta.published === undefined)).toBe(true);
  });

  it('island of the wrong shape: all cards from the DOM', () => {
    for (const props of ['null', '[]', '"x"', '{"dailyPapers":"nope"}', '{"dailyPapers":[1,null,"x"]}']) {
      const doc = load('date-2026-10-27.html');
      doc.querySelector(SEL.LISTING_ISLAND)!.setAttribute('data-props', props);
      const r = huggingface.extract(doc);
      expect(r.entries, props).toHaveLength(30);
      expect(r.entries[0]?.meta.title).toBe('NeoAct++ Technical Report');
    }
  });

  it('island stale (other ids, e.g. after client-side navigation): all cards from the DOM', () => {
    const doc = load('date-2026-10-27.html');
    const props = islandProps(doc);
    props.dailyPapers.forEach((e, i) => {
      e.paper.id = `2501.${String(i + 1).padStart(5, '0')}`;
      e.paper.title = 'Stale title';
    });
    setIslandProps(doc, props);
    const r = huggingface.extract(doc);
    expect(r.entries).toHaveLength(30);
    expect(r.entries.some((e) => e.meta.title === 'Stale title' || e.meta.abstract)).toBe(false);
    expect(r.entries[0]?.meta.id).toBe('2610.22092');
  });

  it('one bad island entry does not spoil the others', () => {
    const doc = load('date-2026-10-27.html');
    const props = islandProps(doc);
    const [a, b, c] = props.dailyPapers as [any, any, any];
    a.paper.id = 42;
    b.paper.authors = 'oops';
    c.paper.publishedAt = 42;
    c.paper.authors.push(null, { name: 7 });
    setIslandProps(doc, props);
    const r = huggingface.extract(doc);
    expect(r.entries).toHaveLength(30);
    const [ea, eb, ec] = r.entries as [Entry, Entry, Entry];
    expect(ea.meta.abstract).toBeUndefined(); // read from its card
    expect(eb.meta.authors).toEqual([]);
    expect(eb.meta.abstract).toMatch(/^Recent advances/);
    expect(ec.meta.published).toBeUndefined();
    expect(ec.meta.authors).toHaveLength(5);
    expect(r.entries.slice(3).every((e) => e.meta.abstract)).toBe(true);
  });

  it('search props with an empty query fall back to dailyPapers; unmatched rows read from the DOM', () => {
    const doc = load('search-rewarding.html');
    const props = islandProps(doc);
    props.query = { q: '  ' };
    setIslandProps(doc, props);
    const r = huggingface.extract(doc);
    expect(r.entries).toHaveLength(43);
    // In today's dailyPapers too: island data.
    expect(byId(r, '2610.22981').meta.published).toBeDefined();
    // Not in dailyPapers: read from the row, which shows the abstract but no dates.
    const row = byId(r, '2606.01650');
    expect(row.meta.published).toBeUndefined();
    expect(row.meta.abstract).toMatch(/^Reinforcement learning is emerging/);
  });
});

describe('bad and hostile input', () => {
  it('a card with a broken title link is skipped, the rest kept', () => {
    const doc = load('date-2026-10-27.html');
    const cards = doc.querySelectorAll('article');
    cards[0]!.querySelector('h3 a')!.setAttribute('href', '/papers/not-an-id');
    cards[5]!.querySelector('h3 a')!.setAttribute('href', '/papers/date/2026-10-27');
    const r = huggingface.extract(doc);
    expect(r.entries).toHaveLength(28);
    expect(r.skipped.map((s) => s.element)).toEqual([cards[0], cards[5]]);
    expect(r.skipped[0]?.reason).toMatch(/no arXiv id.*not-an-id/);
    expect(ids(r)).not.toContain('2610.22092');
  });

  it('articles without a paper title link are not cards', () => {
    const doc = parse(
      '<article><h3>Comment</h3><a href="/papers/2510.12345">x</a></article>' +
        '<article><h4><a href="/papers/2510.12345">Collection</a></h4></article>' +
        '<article><h3><a href="/models/x">Model</a></h3></article>',
    );
    expect(huggingface.extract(doc)).toEqual({ entries: [], skipped: [], paths: { island: 0, cards: 0 } });
  });

  it('an article wrapping a card yields the card once', () => {
    const doc = parse('<article><div><article><h3><a href="/papers/2510.12345">T</a></h3></article></div></article>');
    const r = huggingface.extract(doc);
    expect(r.entries).toHaveLength(1);
    expect(r.entries[0]?.element).toBe(doc.querySelectorAll('article')[1]);
  });

  it('empty and junk documents give nothing and do not throw', () => {
    for (const html of [
      '',
      '<div data-target="DailyPapers" data-props=""></div>',
      '<div data-target="DailyPapers" data-props="{&quot;dailyPapers&quot;:[]}"></div>',
      '<article><h3><a href="/papers/">x</a></h3></article>',
    ]) {
      const r = huggingface.extract(parse(html));
      expect(r.entries).toEqual([]);
    }
  });

  it('hostile text in the island stays text', () => {
    const hostile = '<img src=x onerror=alert(1)>"\'&amp;';
    const doc = load('date-2026-10-27.html');
    const props = islandProps(doc);
    props.dailyPapers[0]!.paper.title = hostile;
    props.dailyPapers[0]!.paper.authors = [{ name: '<script>alert(1)</script>', hidden: false }];
    props.dailyPapers[0]!.paper.githubRepo = 'javascript:alert(1)';
    props.dailyPapers[0]!.paper.projectPage = 'http://insecure.example/';
    setIslandProps(doc, props);
    const e = huggingface.extract(doc).entries[0]!;
    expect(e.meta.title).toBe(hostile);
    expect(e.meta.authors).toEqual(['<script>alert(1)</script>']);
    expect(e.meta.codeUrl).toBeUndefined();
    expect(e.meta.projectUrl).toBeUndefined();
    expect(doc.querySelector('img[src="x"]')).toBeNull();
  });

  it('hostile text in a card stays text', () => {
    const doc = load('date-2026-10-27.html');
    removeIsland(doc);
    doc.querySelector('article h3 a')!.textContent = '<img src=x onerror=alert(1)>';
    const e = huggingface.extract(doc).entries[0]!;
    expect(e.meta.title).toBe('<img src=x onerror=alert(1)>');
    expect(doc.querySelector('img[src="x"]')).toBeNull();
  });

  it('over-long island data is truncated, not rejected', () => {
    const doc = load('date-2026-10-27.html');
    const props = islandProps(doc);
    const p = props.dailyPapers[0]!.paper;
    p.title = `T${'x'.repeat(5000)}`;
    p.summary = 'word '.repeat(10_000);
    p.authors = Array.from({ length: 2000 }, (_, i) => ({ name: `Author ${i} ${'y'.repeat(400)}`, hidden: false }));
    p.githubRepo = `https://github.com/${'a'.repeat(3000)}`;
    p.publishedAt = 'not a date';
    setIslandProps(doc, props);
    const e = huggingface.extract(doc).entries[0]!;
    expect(PaperMetaSchema.safeParse(e.meta).success).toBe(true);
    expect(e.meta.title).toHaveLength(LIMITS.title);
    expect(e.meta.abstract).toHaveLength(LIMITS.abstract);
    expect(e.meta.authors).toHaveLength(LIMITS.authors);
    expect(e.meta.authors[0]).toHaveLength(LIMITS.author);
    expect(e.meta.codeUrl).toBeUndefined();
    expect(e.meta.published).toBeUndefined();
  });

  it('truncation never splits a surrogate pair', () => {
    const doc = load('date-2026-10-27.html');
    const props = islandProps(doc);
    props.dailyPapers[0]!.paper.title = `${'a'.repeat(LIMITS.title - 1)}😀tail`;
    setIslandProps(doc, props);
    const title = huggingface.extract(doc).entries[0]!.meta.title;
    expect(title).toBe('a'.repeat(LIMITS.title - 1));
  });
});

describe('extractPaper', () => {
  const url = 'https://huggingface.co/papers/2510.12345';
  let doc: Document;
  beforeAll(() => {
    doc = load('paper-2510.12345.html');
  });

  it('reads the PaperContent island', () => {
    const e = huggingface.extractPaper(doc, url)!;
    expect(e.meta).toMatchObject({
      id: '2510.12345',
      title: 'LatRay: A Data-Efficient Foundation Model for Autonomous Driving',
      published: '2025-10-14T17:42:05.000Z',
      codeUrl: 'https://github.com/amazon/LatRay',
      projectUrl: 'https://amazon.github.io/LatRay/',
    });
    expect(e.meta.authors).toHaveLength(27);
    expect(e.meta.authors.slice(0, 2)).toEqual(['Meera Brown', 'Alexander Oliveira']);
    expect(e.meta.abstract).toBe(clean(e.abstractEl?.textContent));
    expect(PaperMetaSchema.safeParse(e.meta).success).toBe(true);
  });

  it('anchors near the title: element holds the h1, mount is the upvote row', () => {
    const e = huggingface.extractPaper(doc, url)!;
    expect(e.titleEl?.tagName).toBe('H1');
    expect(e.element).toBe(e.titleEl?.parentElement);
    expect(e.mount.parentElement).toBe(e.element);
    expect(e.mount.querySelector('a[href^="/login?next="]')?.textContent).toContain('Upvote');
    expect(e.mount.closest('a, button, label')).toBeNull();
    expect(e.abstractEl?.textContent).toMatch(/^Recent advances in tool-augmented LLMs/);
  });

  it('falls back to the h1 and the URL when the island is corrupt', () => {
    const d = load('paper-2510.12345.html');
    d.querySelector(SEL.PAPER_ISLAND)!.setAttribute('data-props', '{oops');
    const e = huggingface.extractPaper(d, url)!;
    expect(e.meta).toEqual({
      id: '2510.12345',
      title: 'LatRay: A Data-Efficient Foundation Model for Autonomous Driving',
      authors: [],
    });
  });

  it('ignores an island that describes another paper (stale after client-side navigation)', () => {
    const e = huggingface.extractPaper(doc, 'https://huggingface.co/papers/2509.22707')!;
    expect(e.meta.id).toBe('2509.22707');
    expect(e.meta.abstract).toBeUndefined();
  });

  it('returns null without a title or an id', () => {
    expect(huggingface.extractPaper(parse('<div data-target="PaperContent" data-props="{}"></div>'), url)).toBeNull();
    expect(
      huggingface.extractPaper(parse('<main><h1>Daily Papers</h1></main>'), 'https://huggingface.co/papers'),
    ).toBeNull();
  });
});
