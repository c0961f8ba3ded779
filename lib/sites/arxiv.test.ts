// @vitest-environment happy-dom
// @vitest-environment-options {"settings":{"handleDisabledFileLoadingAsSuccess":true}}
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIMITS, PaperMetaSchema } from '../model';
import { arxiv } from './arxiv';
import type { Entry } from './types';
import { FIXTURE_MANIFEST, type FixturePage } from '../../tests/support/fixture-manifest';

const FIXTURES = path.resolve(process.cwd(), 'tests/fixtures');
const read = (file: string) => readFileSync(path.join(FIXTURES, file), 'utf8');
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const load = (file: string) => parse(read(file));

const manifest = FIXTURE_MANIFEST;
const row = (file: string): FixturePage => {
  const r = manifest.find((m) => m.file === file);
  if (!r) throw new Error(`${file} not in manifest`);
  return r;
};

const byId = (entries: Entry[], id: string): Entry => {
  const e = entries.find((x) => x.meta.id === id);
  if (!e) throw new Error(`${id} not extracted`);
  return e;
};

/** A /new-style page around the given `dl` bodies (the real markup, trimmed). */
const listPage = (...dls: string[]) =>
  parse(
    `<!DOCTYPE html><html><body><div id='dlpage'><h1>Machine Learning</h1>${dls
      .map((d) => `<dl id='articles'>${d}</dl>`)
      .join('')}</div></body></html>`,
  );

const item = (id: string, title: string, opts: { dt?: string; authors?: string; abstract?: string } = {}) => `
  <dt>
    <a name='item1'>[1]</a>
    <a href ="/abs/${id}" title="Abstract" id="${id}">arXiv:${id}</a>
    ${opts.dt ?? ''}
    [<a href="/pdf/${id}" title="Download PDF" id="pdf-${id}">pdf</a>]
  </dt>
  <dd><div class='meta'>
    <div class='list-title mathjax'><span class='descriptor'>Title:</span>
      ${title}
    </div>
    <div class='list-authors'>${opts.authors ?? '<a href="https://arxiv.org/search/cs?searchtype=author&amp;query=Doe,+J">Jane Doe</a>'}</div>
    <div class='list-subjects'><span class='descriptor'>Subjects:</span>
      <span class="primary-subject">Machine Learning (cs.LG)</span>; Artificial Intelligence (cs.AI)
    </div>
    ${opts.abstract === undefined ? '' : `<p class='mathjax'>${opts.abstract}</p>`}
  </div></dd>`;

// ---------------------------------------------------------------- detect

describe('arxiv.detect', () => {
  const doc = parse('<html><body></body></html>');
  const table: [string, 'listing' | 'paper' | null][] = [
    ['https://arxiv.org/list/cs.LG/new', 'listing'],
    ['https://arxiv.org/list/cs.LG/new/', 'listing'],
    ['https://arxiv.org/list/cs.CL/recent?skip=0&show=250', 'listing'],
    ['https://arxiv.org/list/cs.CL/pastweek?skip=25&show=25', 'listing'],
    ['https://arxiv.org/list/hep-th/new', 'listing'],
    ['https://arxiv.org/list/cs/recent', 'listing'],
    ['https://arxiv.org/list/astro-ph.CO/new#item3', 'listing'],
    ['https://arxiv.org/list/cs.CL/2026-02?show=2000', 'listing'],
    ['https://arxiv.org/list/cs.CL/2026', 'listing'],
    ['https://arxiv.org/list/hep-th/9901', 'listing'],
    ['https://arxiv.org/list/math.AG/current', 'listing'],
    ['https://arxiv.org/abs/2610.22702', 'paper'],
    ['https://arxiv.org/abs/2610.22702v3', 'paper'],
    ['https://arxiv.org/abs/2610.22702?context=cs.LG', 'paper'],
    ['https://arxiv.org/abs/hep-th/9901001v2', 'paper'],
    ['https://arxiv.org/abs/math.GT/0309136', 'paper'],
    ['https://arxiv.org/abs/1706.03762', 'paper'],
    ['https://arxiv.org/html/2610.23241v1', 'paper'],
    ['https://arxiv.org/html/2610.23241v1/', 'paper'],
    ['https://arxiv.org/html/2610.23241v1/#S2', 'paper'],
    ['https://arxiv.org/html/2610.23241v1/x1.png', null],
    ['https://arxiv.org/abs/not-an-id', null],
    ['https://arxiv.org/abs/2613.00001', null],
    ['https://arxiv.org/abs/', null],
    ['https://arxiv.org/pdf/2610.22702', null],
    ['https://arxiv.org/pdf/2610.22702v1', null],
    ['https://arxiv.org/format/2610.22702', null],
    ['https://arxiv.org/list/cs.LG', null],
    ['https://arxiv.org/list/cs.LG/old', null],
    ['https://arxiv.org/list/cs.LG/new/extra', null],
    ['https://arxiv.org/list/2610.22702', null],
    ['https://arxiv.org/', null],
    ['https://export.arxiv.org/list/cs.LG/new', null],
    ['https://export.arxiv.org/abs/2610.22702', null],
    ['https://www.arxiv.org/list/cs.LG/new', null],
    ['https://arxiv.org.evil.example/list/cs.LG/new', null],
    ['https://evil.example/arxiv.org/abs/2610.22702', null],
    ['http://arxiv.org/list/cs.LG/new', null],
    ['https://arxiv.org:8443/list/cs.LG/new', null],
    ['https://huggingface.co/papers/2610.22702', null],
    ['not a url', null],
    ['', null],
  ];
  it.each(table)('%s → %s', (url, kind) => {
    expect(arxiv.detect(url, doc)).toBe(kind);
  });

  it('classifies every arXiv fixture by its manifest URL', () => {
    for (const r of manifest.filter((m) => m.file.startsWith('arxiv/'))) {
      expect(arxiv.detect(r.url, doc)).toBe('listing');
    }
  });
});

// ---------------------------------------------------------------- /new listing

describe('arxiv.extract on list-cs.LG-new.html', () => {
  const file = 'arxiv/list-cs.LG-new.html';
  const doc = load(file);
  const { entries, skipped } = arxiv.extract(doc);

  it('reads every entry in page order, matching the manifest and the DOM', () => {
    const r = row(file);
    expect(skipped).toEqual([]);
    expect(entries).toHaveLength(r.entries);
    expect(entries[0]?.meta.id).toBe(r.firstId);
    expect(entries.at(-1)?.meta.id).toBe(r.lastId);
    const domIds = Array.from(doc.querySelectorAll('dt a[title="Abstract"]'), (a) => a.getAttribute('id'));
    expect(entries.map((e) => e.meta.id)).toEqual(domIds);
  });

  it('reads the first entry in full', () => {
    const e = entries[0] as Entry;
    expect(e.meta).toEqual({
      id: '2610.22767',
      title: 'Beyond Speculative Decoding: Probing Mathematical Reasoning',
      authors: ['Kwame King', 'Mingyu Liu', 'Layla Torres'],
      abstract: expect.stringMatching(/^Recent advances in multilingual LLMs .* reducing inference cost by 2\.6x\.$/),
      primaryClass: 'cs.LG',
    });
  });

  it('finds the old id 1706.03762 among the replacements', () => {
    const e = byId(entries, '1706.03762');
    expect(e.meta.title).toBe('Attention Is All You Need');
    expect(e.meta.authors).toHaveLength(8);
    expect(e.meta.authors[0]).toBe('Ashish Vaswani');
    expect(e.meta.authors).toContain('Aidan N. Gomez');
    expect(e.meta.primaryClass).toBe('cs.CL');
  });

  it("reads a cross-list's own primary category", () => {
    const cross = entries.filter((e) => /\(cross-list from /.test(e.element.textContent ?? ''));
    expect(cross[0]?.meta.id).toBe('2610.22889');
    // A cross-list into cs.LG has another primary class: the one it was cross-listed from.
    expect(cross.some((e) => e.meta.primaryClass !== 'cs.LG')).toBe(true);
    for (const e of cross) expect(e.element.textContent).toContain(`(cross-list from ${e.meta.primaryClass})`);
  });

  it('keeps $…$ math in titles as text, with entities decoded', () => {
    expect(byId(entries, '2610.23421').meta.title).toBe(
      "What's Wrong with $α$-Divergences in Reward Models? A Schrödinger Bridge View",
    );
    expect(byId(entries, '2610.23444').meta.title).toBe('On the $\\ell_1$ Geometry of Video Diffusion Models');
    expect(byId(entries, '2608.09836').meta.title).toBe('ArScope: Learning with $\\mathcal{O}(n \\log n)$ Attention');
  });

  it('has an abstract on every /new entry, whitespace-normalised, <br> and links read as text', () => {
    for (const e of entries) {
      expect(e.meta.abstract?.length).toBeGreaterThan(200);
      expect(e.meta.abstract).not.toMatch(/\s{2}|\n|^\s|\s$/);
      expect(e.abstractEl?.localName).toBe('p');
    }
    const withBr = byId(entries, '2610.22702').meta.abstract ?? '';
    expect(withBr).toContain('an interpretable framework that uses verifiable rewards');
    expect(withBr).toMatch(/are available at this https URL\.$/);
  });

  it('anchors each entry on its dt: element = mount = dt, stable title and abstract containers', () => {
    for (const e of entries) {
      expect(e.element.localName).toBe('dt');
      expect(e.mount).toBe(e.element);
      expect(e.titleEl?.classList.contains('list-title')).toBe(true);
      expect(e.element.nextElementSibling?.contains(e.titleEl ?? null)).toBe(true);
      expect(e.element.querySelector('a[title="Abstract"]')?.getAttribute('id')).toBe(e.meta.id);
    }
  });

  it('produces metadata the shared schema accepts', () => {
    for (const e of entries) expect(PaperMetaSchema.safeParse(e.meta).success).toBe(true);
  });
});

// ---------------------------------------------------------------- /recent listing

describe('arxiv.extract on list-cs.CL-recent.html', () => {
  const file = 'arxiv/list-cs.CL-recent.html';
  const doc = load(file);
  const { entries, skipped } = arxiv.extract(doc);

  it('reads 250 entries across one dl per day', () => {
    const r = row(file);
    expect(skipped).toEqual([]);
    expect(entries).toHaveLength(r.entries);
    expect(entries[0]?.meta.id).toBe(r.firstId);
    expect(entries.at(-1)?.meta.id).toBe(r.lastId);
    expect(doc.querySelectorAll('dl[id="articles"]')).toHaveLength(3);
  });

  it('has no abstracts on /recent', () => {
    for (const e of entries) {
      expect(e.meta.abstract).toBeUndefined();
      expect(e.abstractEl).toBeNull();
      expect(e.meta.title.length).toBeGreaterThan(0);
      expect(e.meta.authors.length).toBeGreaterThan(0);
    }
    expect(entries[0]?.meta.title).toBe('An $α$-Divergence View of KV Cache Compression');
    expect(entries[0]?.meta.primaryClass).toBe('cs.CL');
  });
});

// ---------------------------------------------------------------- other layouts and bad input

describe('arxiv.extract on other layouts', () => {
  it('reads the legacy layout: #dlpage dl, span.list-identifier', () => {
    const legacyItem = (id: string, extra = '') => `
<dt><a name="item1">[1]</a>   <span class="list-identifier"><a href="/abs/${id}" title="Abstract">arXiv:${id}</a> ${extra}[<a href="/pdf/${id}" title="Download PDF">pdf</a>, <a href="/format/${id}" title="Other formats">other</a>]</span></dt>
<dd>
<div class="meta">
<div class="list-title mathjax">
<span class="descriptor">Title:</span> Dimensionally Consistent Learning with Buckingham Pi
</div>
<div class="list-authors">
<span class="descriptor">Authors:</span>
<a href="/search/cs?searchtype=author&amp;query=Bakarji%2C+J">Joseph Bakarji</a>, 
<a href="/search/cs?searchtype=author&amp;query=Callaham%2C+J">Jared Callaham</a>
</div>
<div class="list-subjects">
<span class="descriptor">Subjects:</span> <span class="primary-subject">Machine Learning (cs.LG)</span>; Computational Engineering, Finance, and Science (cs.CE); Computational Physics (physics.comp-ph)

</div>
<p class="mathjax">In the absence of governing equations,
dimensional analysis is a robust technique.
</p>
</div>
</dd>`;
    const doc = parse(`<html><body><div id="dlpage"><h1>Machine Learning</h1>
<h3>New submissions for Fri, 11 Feb 22</h3>
<dl>${legacyItem('2202.04643')}${legacyItem('2202.04644v2')}</dl>
<h3>Cross-lists for Fri, 11 Feb 22</h3>
<dl>${legacyItem('2202.04000', '(cross-list from cs.CE) ')}</dl>
<h3>Replacements for Fri, 11 Feb 22</h3>
<dl>${legacyItem('2101.00001', '(replaced) ')}</dl>
</div></body></html>`);
    const { entries, skipped } = arxiv.extract(doc);
    expect(skipped).toEqual([]);
    expect(entries.map((e) => e.meta.id)).toEqual(['2202.04643', '2202.04644', '2202.04000', '2101.00001']);
    expect(entries[0]?.meta).toEqual({
      id: '2202.04643',
      title: 'Dimensionally Consistent Learning with Buckingham Pi',
      authors: ['Joseph Bakarji', 'Jared Callaham'],
      abstract: 'In the absence of governing equations, dimensional analysis is a robust technique.',
      primaryClass: 'cs.LG',
    });
  });

  it('reads a month listing: one dl without heading', () => {
    const doc = listPage(item('2602.19008', 'A Plain Title'));
    const { entries } = arxiv.extract(doc);
    expect(entries.map((e) => e.meta.title)).toEqual(['A Plain Title']);
  });

  it('returns nothing for a page without lists, and for "No updates today"', () => {
    expect(arxiv.extract(parse('<html><body><p>Not found</p></body></html>'))).toEqual({
      entries: [],
      skipped: [],
      paths: { lists: 0, 'legacy lists': 0, 'search results': 0 },
    });
    const empty = parse(
      `<html><body><div id='dlpage'><h3>Showing new listings</h3><p>No updates today.</p></div></body></html>`,
    );
    expect(arxiv.extract(empty)).toEqual({
      entries: [],
      skipped: [],
      paths: { lists: 0, 'legacy lists': 0, 'search results': 0 },
    });
  });

  it('skips unreadable entries with a reason and keeps the rest', () => {
    const noLink = `<dt><a name='item2'>[2]</a> [<a href="/pdf/2610.00002">pdf</a>]</dt><dd><div class='list-title'>Orphan</div></dd>`;
    const badId = item('9999.99999', 'Bad id');
    const noTitle = `<dt><a href ="/abs/2610.00004" title="Abstract" id="2610.00004">arXiv:2610.00004</a></dt><dd><div class='meta'></div></dd>`;
    const noDd = `<dt><a href ="/abs/2610.00005" title="Abstract" id="2610.00005">arXiv:2610.00005</a></dt>`;
    const doc = listPage(
      `<h3>New submissions (showing 5 of 5 entries)</h3>${item('2610.00001', 'Good one')}${noLink}${badId}${noTitle}${noDd}${item('2610.00006', 'Good two')}`,
    );
    let result: ReturnType<typeof arxiv.extract> | undefined;
    expect(() => (result = arxiv.extract(doc))).not.toThrow();
    expect(result?.entries.map((e) => e.meta.id)).toEqual(['2610.00001', '2610.00006']);
    expect(result?.skipped.map((s) => s.reason)).toEqual([
      'no Abstract link in dt',
      'unreadable arXiv id in "/abs/9999.99999"',
      '2610.00004: no title',
      '2610.00005: no dd after dt',
    ]);
    for (const s of result?.skipped ?? []) expect(s.element.localName).toBe('dt');
  });

  it('falls back to the link text when the href is odd, and reads versioned hrefs', () => {
    const odd = `<dt><a href="javascript:void(0)" title="Abstract" id="2610.00007">arXiv:2610.00007</a></dt><dd><div class='list-title'>Odd</div></dd>`;
    const versioned = `<dt><a href="https://arxiv.org/abs/2610.00008v3" title="Abstract">arXiv:2610.00008v3</a></dt><dd><div class='list-title'>Versioned</div></dd>`;
    const oldStyle = `<dt><a href="/abs/hep-th/9901001v2" title="Abstract">arXiv:hep-th/9901001v2</a></dt><dd><div class='list-title'>Old</div></dd>`;
    const { entries } = arxiv.extract(listPage(odd + versioned + oldStyle));
    expect(entries.map((e) => e.meta.id)).toEqual(['2610.00007', '2610.00008', 'hep-th/9901001']);
  });

  it('treats hostile text as text', () => {
    const hostile = '&lt;img src=x onerror=alert(1)&gt; &lt;/div&gt;&lt;script&gt;alert(2)&lt;/script&gt;';
    const doc = listPage(
      item('2610.00009', hostile, {
        authors: `<a href="#">&lt;b onmouseover=alert(3)&gt;Eve&lt;/b&gt;</a>`,
        abstract: `Abstract ${hostile}`,
      }),
    );
    const { entries } = arxiv.extract(doc);
    const e = entries[0] as Entry;
    expect(e.meta.title).toBe('<img src=x onerror=alert(1)> </div><script>alert(2)</script>');
    expect(e.meta.authors).toEqual(['<b onmouseover=alert(3)>Eve</b>']);
    expect(e.meta.abstract).toBe('Abstract <img src=x onerror=alert(1)> </div><script>alert(2)</script>');
    expect(doc.querySelector('img, script, b')).toBeNull();
    expect(PaperMetaSchema.safeParse(e.meta).success).toBe(true);
  });

  it('clips huge text and author lists to the schema limits', () => {
    const longTitle = `${'Very '.repeat(5_000)}Long`;
    const authors = Array.from({ length: 1_500 }, (_, i) => `<a href="#">Author ${i}</a>`).join(', ');
    const doc = listPage(item('2610.00010', longTitle, { authors, abstract: 'x'.repeat(50_000) }));
    const e = arxiv.extract(doc).entries[0] as Entry;
    expect(e.meta.title).toHaveLength(LIMITS.title);
    expect(e.meta.authors).toHaveLength(LIMITS.authors);
    expect(e.meta.abstract).toHaveLength(LIMITS.abstract);
    expect(PaperMetaSchema.safeParse(e.meta).success).toBe(true);
  });

  it('reads text present at call time after MathJax re-renders, through the same containers', () => {
    const doc = listPage(item('2610.00011', 'Scaling $\\alpha$ Laws', { abstract: 'We bound $x^2$ tightly.' }));
    const before = arxiv.extract(doc).entries[0] as Entry;
    expect(before.meta.title).toBe('Scaling $\\alpha$ Laws');
    const titleEl = before.titleEl as HTMLElement;
    const abstractEl = before.abstractEl as HTMLElement;

    // MathJax 2 (CommonHTML): preview + rendered glyphs + assistive MathML, TeX kept in a script.
    const mj2 = (tex: string, glyph: string) => {
      const frag = doc.createDocumentFragment();
      const preview = doc.createElement('span');
      preview.className = 'MathJax_Preview';
      const out = doc.createElement('span');
      out.className = 'mjx-chtml MathJax_CHTML';
      const glyphs = doc.createElement('span');
      glyphs.textContent = glyph;
      const assistive = doc.createElement('span');
      assistive.className = 'MJX_Assistive_MathML';
      assistive.textContent = glyph;
      out.append(glyphs, assistive);
      const script = doc.createElement('script');
      script.setAttribute('type', 'math/tex');
      script.textContent = tex;
      frag.append(preview, out, script);
      return frag;
    };
    const label = doc.createElement('span');
    label.className = 'descriptor';
    label.textContent = 'Title:';
    titleEl.replaceChildren(label, ' Scaling ', mj2('\\alpha', 'α'), ' Laws');
    abstractEl.replaceChildren('We bound ', mj2('x^2', 'x2'), ' tightly.');

    const after = arxiv.extract(doc).entries[0] as Entry;
    expect(after.titleEl).toBe(titleEl);
    expect(after.abstractEl).toBe(abstractEl);
    expect(after.meta.title).toBe('Scaling $\\alpha$ Laws');
    expect(after.meta.abstract).toBe('We bound $x^2$ tightly.');

    // MathJax 3: no TeX left in the DOM; only the assistive MathML is readable text.
    const container = doc.createElement('mjx-container');
    const rendered = doc.createElement('mjx-math');
    rendered.textContent = '';
    const assistive = doc.createElement('mjx-assistive-mml');
    assistive.textContent = 'α';
    container.append(rendered, assistive);
    titleEl.replaceChildren(label, ' Scaling ', container, ' Laws');
    expect(arxiv.extract(doc).entries[0]?.meta.title).toBe('Scaling α Laws');
  });

  it('handles a 3000-entry page', () => {
    const items = Array.from({ length: 3000 }, (_, i) =>
      item(`2608.${String(10000 + i)}`, `Paper $k$ number ${i}`, { abstract: `Abstract ${i}<br />second line.` }),
    ).join('');
    const doc = listPage(`<h3>New submissions (showing 3000 of 3000 entries)</h3>${items}`);
    const t0 = performance.now();
    const { entries, skipped } = arxiv.extract(doc);
    const ms = performance.now() - t0;
    expect(skipped).toEqual([]);
    expect(entries).toHaveLength(3000);
    expect(entries[2999]?.meta).toMatchObject({
      id: '2608.12999',
      title: 'Paper $k$ number 2999',
      abstract: 'Abstract 2999 second line.',
    });
    // happy-dom selectors are far slower than a browser's; this only catches quadratic work.
    expect(ms).toBeLessThan(10_000);
  }, 60_000);
});

// ---------------------------------------------------------------- paper pages

describe('arxiv.extractPaper', () => {
  const listing = arxiv.extract(load('arxiv/list-cs.LG-new.html')).entries;

  it('reads a new-style abs page from its citation tags and agrees with the listing', () => {
    const doc = load('arxiv/abs-2610.22702.html');
    const url = 'https://arxiv.org/abs/2610.22702';
    expect(arxiv.detect(url, doc)).toBe('paper');
    const e = arxiv.extractPaper(doc, url);
    expect(e).not.toBeNull();
    const listed = byId(listing, '2610.22702');
    expect(e?.meta).toEqual({ ...listed.meta, published: '2026-10-26' });
    expect(e?.element.id).toBe('abs');
    expect(e?.titleEl?.matches('h1.title')).toBe(true);
    expect(e?.titleEl?.parentElement).toBe(e?.element);
    expect(e?.mount.classList.contains('authors')).toBe(true);
    expect(e?.mount.previousElementSibling).toBe(e?.titleEl);
    expect(e?.abstractEl?.localName).toBe('blockquote');
    expect(PaperMetaSchema.safeParse(e?.meta).success).toBe(true);
  });

  it('reads an old-style id abs page (versioned URL), flipping "Last, First" names', () => {
    const doc = load('arxiv/abs-hep-th-9901001v2.html');
    const url = 'https://arxiv.org/abs/hep-th/9901001v2';
    expect(arxiv.detect(url, doc)).toBe('paper');
    const e = arxiv.extractPaper(doc, url);
    expect(e?.meta).toEqual({
      id: 'hep-th/9901001',
      title: 'Non-Abelian $D$-Brane Charges and the $\\mathcal{N}=4$ Moduli Space',
      authors: ['Hans-Jürgen Müller', 'Bram de Wit', 'John R. Smith Jr'],
      abstract:
        'We study the charges of non-Abelian $D$-branes on $T^4/\\mathbb{Z}_2$ orbifolds and show that they are classified by the twisted $K$-theory of the moduli space. For $\\mathcal{N}=4$ theories the resulting lattice is even and self-dual. We comment on the relation to the Müller-Ríos conjecture.',
      published: '1999-01-04',
      primaryClass: 'hep-th',
    });
    expect(PaperMetaSchema.safeParse(e?.meta).success).toBe(true);
  });

  it('falls back to the page body when the citation tags are missing', () => {
    const doc = load('arxiv/abs-2610.22702.html');
    for (const m of Array.from(doc.querySelectorAll('meta[name^="citation_"]'))) m.remove();
    const e = arxiv.extractPaper(doc, 'https://arxiv.org/abs/2610.22702v1');
    expect(e?.meta).toEqual({ ...byId(listing, '2610.22702').meta });
  });

  it('reads a LaTeXML /html page: MathML as $TeX$, person names without affiliations', () => {
    const doc = load('arxiv/html-2610.23241v1.html');
    const url = 'https://arxiv.org/html/2610.23241v1';
    expect(arxiv.detect(url, doc)).toBe('paper');
    const e = arxiv.extractPaper(doc, url);
    expect(e?.meta.id).toBe('2610.23241');
    expect(e?.meta.title).toBe('On the $\\ell_{1}$ Geometry of Multimodal Reasoning');
    expect(e?.meta.authors).toEqual(byId(listing, '2610.23241').meta.authors);
    expect(e?.meta.abstract).toMatch(
      /^Recent advances in process reward models .* measured in the \$\\ell_\{1\}\$ norm\. Extensive experiments on LongBench v2/,
    );
    expect(e?.meta.abstract).not.toMatch(/roman_|POSTSUBSCRIPT|Abstract|ℓ/);
    expect(e?.element.localName).toBe('article');
    expect(e?.titleEl?.parentElement).toBe(e?.element);
    expect(e?.mount.classList.contains('ltx_authors')).toBe(true);
    expect(e?.abstractEl?.classList.contains('ltx_abstract')).toBe(true);
    expect(PaperMetaSchema.safeParse(e?.meta).success).toBe(true);
  });

  it('returns null for non-paper URLs and pages without a paper', () => {
    const abs = load('arxiv/abs-2610.22702.html');
    expect(arxiv.extractPaper(abs, 'https://arxiv.org/list/cs.LG/new')).toBeNull();
    expect(arxiv.extractPaper(abs, 'https://arxiv.org/pdf/2610.22702')).toBeNull();
    expect(arxiv.extractPaper(abs, 'https://export.arxiv.org/abs/2610.22702')).toBeNull();
    expect(arxiv.extractPaper(load('arxiv/list-cs.LG-new.html'), 'https://arxiv.org/abs/2610.22702')).toBeNull();
    expect(
      arxiv.extractPaper(parse('<p>Article identifier not recognized</p>'), 'https://arxiv.org/abs/2610.99999'),
    ).toBeNull();
    expect(arxiv.extractPaper(parse('<p>no LaTeXML</p>'), 'https://arxiv.org/html/2610.23241v1')).toBeNull();
  });

  it('treats hostile abs-page text as text and clips it', () => {
    const doc = parse(`<html><head>
<meta name="citation_title" content="&lt;img src=x onerror=alert(1)&gt;${'T'.repeat(5_000)}">
<meta name="citation_author" content="&lt;script&gt;, Eve">
</head><body><div id="abs"><h1 class="title mathjax"><span class="descriptor">Title:</span>x</h1>
<div class="authors"></div></div></body></html>`);
    const e = arxiv.extractPaper(doc, 'https://arxiv.org/abs/2610.00012');
    expect(e?.meta.id).toBe('2610.00012');
    expect(e?.meta.title.startsWith('<img src=x onerror=alert(1)>')).toBe(true);
    expect(e?.meta.title).toHaveLength(LIMITS.title);
    expect(e?.meta.authors).toEqual(['Eve <script>']);
    expect(doc.querySelector('img, script')).toBeNull();
  });
});
