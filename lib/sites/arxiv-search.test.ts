// @vitest-environment happy-dom
// @vitest-environment-options {"settings":{"handleDisabledFileLoadingAsSuccess":true}}
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIMITS, PaperMetaSchema } from '../model';
import { arxiv } from './arxiv';
import type { Entry } from './types';
import { FIXTURE_MANIFEST } from '../../tests/support/fixture-manifest';

const FIXTURES = path.resolve(process.cwd(), 'tests/fixtures');
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const load = (file: string) => parse(readFileSync(path.join(FIXTURES, file), 'utf8'));
const row = (file: string) => FIXTURE_MANIFEST.find((m) => m.file === file)!;
const byId = (entries: Entry[], id: string) => entries.find((e) => e.meta.id === id)!;

/** A results page around the given `li` bodies, as arxiv-search's search_results macro nests them. */
const results = (...items: string[]) =>
  parse(
    `<!DOCTYPE html><html><body><main><ol class="breathe-horizontal" start="1">${items
      .map((i) => `<li class="arxiv-result">${i}</li>`)
      .join('')}</ol></main></body></html>`,
  );
const result = (id: string, title: string, more = '') => `
  <div class="is-marginless"><p class="list-title is-inline-block"><a href="https://arxiv.org/abs/${id}">arXiv:${id}</a></p>
  <div class="tags is-inline-block"><span class="tag is-small is-link">cs.LG</span></div></div>
  <p class="title is-5 mathjax">${title}</p>
  <p class="authors"><span>Authors:</span><a href="/search/?searchtype=author&amp;query=Doe%2C+J">Jane Doe</a></p>${more}`;

describe('arxiv.detect on search pages', () => {
  const doc = parse('<html><body></body></html>');
  it.each([
    ['https://arxiv.org/search/?query=diffusion&searchtype=all&source=header', 'listing'],
    ['https://arxiv.org/search?query=diffusion&searchtype=all&source=header', 'listing'],
    ['https://arxiv.org/search/cs?searchtype=author&query=Doe,+J', 'listing'],
    ['https://arxiv.org/search/math,physics?query=x&searchtype=title', 'listing'],
    ['https://arxiv.org/search/advanced?advanced=&terms-0-term=reward&terms-0-field=title', 'listing'],
    ['https://arxiv.org/search/advanced/', 'listing'],
    ['https://arxiv.org/search/', 'listing'],
    ['https://arxiv.org/searchx?query=x', null],
    ['https://arxiv.org/search/advanced/extra?x=1', null],
    ['https://arxiv.org/search/cs/extra', null],
    ['https://arxiv.org/search/CS?query=x', null],
    ['https://export.arxiv.org/search/?query=x', null],
    ['http://arxiv.org/search/?query=x', null],
  ] as const)('%s → %s', (url, kind) => {
    expect(arxiv.detect(url, doc)).toBe(kind);
  });
});

describe('arxiv.extract on search-diffusion.html', () => {
  const file = 'arxiv/search-diffusion.html';
  const doc = load(file);
  const { entries, skipped } = arxiv.extract(doc);

  it('reads every result in page order, matching the manifest and the DOM', () => {
    const r = row(file);
    expect(skipped).toEqual([]);
    expect(entries).toHaveLength(r.entries);
    expect(entries).toHaveLength(50);
    expect(entries[0]?.meta.id).toBe(r.firstId);
    expect(entries.at(-1)?.meta.id).toBe(r.lastId);
    expect(entries.map((e) => e.element)).toEqual([...doc.querySelectorAll('li.arxiv-result')]);
  });

  it('anchors each entry on its li: the overlay under the author line, one box, not inline', () => {
    for (const e of entries) {
      expect(e.element.localName).toBe('li');
      expect(e.mount).toBe(e.element.querySelector('p.authors'));
      expect(e.boxes).toEqual([e.element]);
      expect(e.inline).toBeFalsy();
      expect(e.titleEl).toBe(e.element.querySelector('p.title'));
      expect(e.abstractEl).toBe(e.element.querySelector('span.abstract-full'));
    }
  });

  it('gives each abstract its preview, the cut text shown until "More", to highlight as well', () => {
    for (const e of entries) {
      expect(e.abstractPreview).toBe(e.element.querySelector('span.abstract-short'));
      expect(e.abstractPreview).not.toBeNull();
      // The preview is the abstract's beginning: the abstract read is the full one, never the cut one.
      const cut = e
        .abstractPreview!.textContent!.replace(/\s+/g, ' ')
        .replace(/…\s*▽ More\s*$/, '')
        .trim();
      expect(e.meta.abstract!.startsWith(cut)).toBe(true);
    }
  });

  it('reads the first result in full', () => {
    const e = entries[0]!;
    expect(e.meta).toMatchObject({
      id: '2610.21000',
      title: 'Causal Graph Transformers on a Single GPU',
      authors: ['Nadia Costa', 'Nadia Patel', 'Lena Moreau', 'Viktor Kim'],
      primaryClass: 'cs.LG',
    });
    expect(e.meta.abstract).toMatch(/^The method runs in real time on a single GPU\. .*human supervision\.$/);
  });

  it('reads the full abstract without its "More"/"Less" toggles, and highlighted words as plain text', () => {
    for (const e of entries) {
      expect(e.meta.abstract).toBeTruthy();
      expect(e.meta.abstract).not.toMatch(/[▽△]|\bMore$|\bLess$/);
    }
    expect(entries[5]?.meta.title).toBe('Denoising $\\mathcal{O}(n)$ Diffusion with Score Matching');
    expect(entries[5]?.titleEl?.querySelector('span.search-hit')).not.toBeNull();
  });

  it('reads an old-style id, a versioned link (a result that is not the newest version) and 25 of 31 authors', () => {
    expect(entries[6]?.meta.id).toBe('cond-mat/0503123');
    expect(doc.querySelectorAll('p.list-title a')[12 * 3]?.getAttribute('href')).toMatch(/\/abs\/2610\.21012v\d$/);
    expect(entries[12]?.meta.id).toBe('2610.21012');
    expect(entries[7]?.meta.authors).toHaveLength(25);
    expect(entries[7]?.element.querySelector('p.authors')?.textContent).toContain('et al. (6 additional authors');
  });

  it('produces metadata the shared schema accepts', () => {
    for (const e of entries) expect(PaperMetaSchema.safeParse(e.meta).success, e.meta.id).toBe(true);
  });
});

describe('arxiv.extract on search-advanced-reward.html (abstracts hidden)', () => {
  const file = 'arxiv/search-advanced-reward.html';
  const { entries, skipped } = arxiv.extract(load(file));

  it('reads 25 results without abstracts', () => {
    const r = row(file);
    expect(skipped).toEqual([]);
    expect([entries.length, entries[0]?.meta.id, entries.at(-1)?.meta.id]).toEqual([25, r.firstId, r.lastId]);
    for (const e of entries) {
      expect(e.abstractEl).toBeNull();
      expect(e.abstractPreview).toBeNull();
      expect(e.meta.abstract).toBeUndefined();
    }
  });
});

describe('arxiv.extract on malformed and hostile search results', () => {
  it('skips results it cannot read, with a reason, and keeps the rest', () => {
    const doc = results(
      result('2610.00001', 'Good'),
      '<p class="title">No link</p>',
      result('2610.00002', 'Bad link').replace('https://arxiv.org/abs/2610.00002', 'javascript:alert(1)'),
      result('not-an-id', 'Bad id'),
      result('2610.00003', '   '),
      result('2610.00004', 'Also good'),
    );
    const { entries, skipped } = arxiv.extract(doc);
    expect(entries.map((e) => e.meta.id)).toEqual(['2610.00001', '2610.00004']);
    expect(skipped.map((s) => s.reason)).toEqual([
      'no abs link in the result',
      'no abs link in the result',
      'unreadable arXiv id in "https://arxiv.org/abs/not-an-id"',
      '2610.00003: no title',
    ]);
  });

  it('keeps only category ids from the chips, and mounts on the li when the author line is missing', () => {
    const doc = results(
      result('2610.00005', 'T')
        .replace('>cs.LG<', '>&lt;img src=x onerror=alert(1)&gt;<')
        .replace(/<p class="authors">.*<\/p>/, ''),
    );
    const e = arxiv.extract(doc).entries[0]!;
    expect(e.meta.primaryClass).toBeUndefined();
    expect(e.mount).toBe(e.element);
    expect(e.meta.authors).toEqual([]);
  });

  it('reads hostile-payloads.html text as text, clipped to the schema', () => {
    const file = 'hostile/arxiv-search-payloads.html';
    const doc = load(file);
    const { entries, skipped } = arxiv.extract(doc);
    const r = row(file);
    expect(skipped).toEqual([]);
    expect([entries.length, entries[0]?.meta.id, entries.at(-1)?.meta.id]).toEqual([r.entries, r.firstId, r.lastId]);
    expect(entries[0]?.meta.title).toMatch(/^<img src=x onerror="window.__pwned=1"> /);
    expect(entries[1]?.meta.title).toMatch(/^<script>window.__pwned=1<\/script> /);
    expect(entries[0]?.meta.authors[0]).toBe('<script>window.__pwned=1</script> X');
    expect(entries[5]?.meta.title).toContain('\u202Etxt.exe');
    expect(entries[0]?.meta.abstract?.length).toBeLessThanOrEqual(LIMITS.abstract);
    // Nothing the payloads name became an element of the page.
    expect(doc.querySelectorAll('li img, li script, li svg, li style, li b')).toHaveLength(0);
    for (const e of entries) expect(PaperMetaSchema.safeParse(e.meta).success, e.meta.id).toBe(true);
  });

  it('finds nothing on the search form (no results) and on pages of other kinds', () => {
    expect(arxiv.extract(parse('<html><body><form><input name="query"></form></body></html>')).entries).toEqual([]);
    expect(byId(arxiv.extract(load('arxiv/list-cs.LG-new.html')).entries, '2610.22767').element.localName).toBe('dt');
  });
});
