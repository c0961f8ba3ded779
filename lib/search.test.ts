import { describe, expect, it } from 'vitest';
import { blankPaper, type Paper } from './model';
import { buildIndex, entryAt, matchesQuery, paperYear, warmSteps } from './search';
import { type Clause, foldText, parseQuery } from './search-query';
import { finish } from './rank/steps';
import { filterPapers } from './search-scan';
import { sortPapers } from './sort';

function paper(over: Partial<Paper> & { id: string }): Paper {
  return { ...blankPaper(over.id, 0, 'arxiv'), ...over };
}

const text = (value: string, negate = false): Clause => ({ kind: 'text', value, negate });

describe('parseQuery', () => {
  const cases: [string, Clause[]][] = [
    ['', []],
    ['   ', []],
    ['Diffusion', [text('diffusion')]],
    ['diffusion  models', [text('diffusion'), text('models')]],
    ['"large language" model', [text('large language'), text('model')]],
    ['"unterminated phrase', [text('unterminated phrase')]],
    ['""', []],
    ['-survey', [text('survey', true)]],
    ['-"state space"', [text('state space', true)]],
    ['-', [text('-')]],
    ['a - b', [text('a'), text('-'), text('b')]],
    ['Müller', [text('muller')]],
    ['tag:rl', [{ kind: 'tag', value: 'rl', negate: false }]],
    ['TAG:RL', [{ kind: 'tag', value: 'rl', negate: false }]],
    ['tag:"world models"', [{ kind: 'tag', value: 'world models', negate: false }]],
    ['-tag:vision', [{ kind: 'tag', value: 'vision', negate: true }]],
    ['tag:', []],
    ['status:read', [{ kind: 'status', value: 'read', negate: false }]],
    ['status:toread', [{ kind: 'status', value: 'saved', negate: false }]],
    ['status:Saved', [{ kind: 'status', value: 'saved', negate: false }]],
    ['-status:dismissed', [{ kind: 'status', value: 'dismissed', negate: true }]],
    ['status:later', [text('status:later')]],
    ['year:2024', [{ kind: 'year', min: 2024, max: 2024, negate: false }]],
    ['year:2020-2023', [{ kind: 'year', min: 2020, max: 2023, negate: false }]],
    ['year:2023-2020', [{ kind: 'year', min: 2020, max: 2023, negate: false }]],
    ['year:<2015', [{ kind: 'year', min: -Infinity, max: 2014, negate: false }]],
    ['year:<=2015', [{ kind: 'year', min: -Infinity, max: 2015, negate: false }]],
    ['year:>2015', [{ kind: 'year', min: 2016, max: Infinity, negate: false }]],
    ['year:>=2024', [{ kind: 'year', min: 2024, max: Infinity, negate: false }]],
    ['-year:2024', [{ kind: 'year', min: 2024, max: 2024, negate: true }]],
    ['year:24', [text('year:24')]],
    ['year:abc', [text('year:abc')]],
    ['foo:bar', [text('foo:bar')]],
    ['foo:"bar baz"', [text('foo:bar baz')]],
    ['https://arxiv.org/abs/2406.1', [text('https://arxiv.org/abs/2406.1')]],
    [
      'transformer tag:nlp -status:read year:>=2023 "in-context"',
      [
        text('transformer'),
        { kind: 'tag', value: 'nlp', negate: false },
        { kind: 'status', value: 'read', negate: true },
        { kind: 'year', min: 2023, max: Infinity, negate: false },
        text('in-context'),
      ],
    ],
  ];
  it.each(cases)('%j', (q, clauses) => {
    expect(parseQuery(q).clauses).toEqual(clauses);
  });

  it('never throws on hostile or huge input', () => {
    for (const q of [
      '"',
      '-"',
      '::::',
      'tag:"',
      '<img src=x onerror=alert(1)>',
      '\u0000\u0001',
      'x'.repeat(1e6),
      '"'.repeat(9999),
    ]) {
      expect(() => parseQuery(q)).not.toThrow();
    }
    expect(parseQuery(undefined as unknown as string).clauses).toEqual([]);
    expect(parseQuery('<img src=x onerror=alert(1)>').clauses).toEqual([
      text('<img'),
      text('src=x'),
      text('onerror=alert(1)>'),
    ]);
  });
});

describe('foldText and paperYear', () => {
  it('folds case, accents and letters NFD keeps', () => {
    expect(foldText('  Ørsted  Müller\nSánchez ŁUKASZ Straße ')).toBe('orsted muller sanchez lukasz strasse');
  });

  it('takes the year from published, else from new- and old-style ids', () => {
    expect(paperYear({ id: '2406.12345', published: '2023-12-30T00:00:00Z' })).toBe(2023);
    expect(paperYear({ id: '2406.12345' })).toBe(2024);
    expect(paperYear({ id: '0704.0001' })).toBe(2007);
    expect(paperYear({ id: 'hep-th/9901001' })).toBe(1999);
    expect(paperYear({ id: 'math/0211159' })).toBe(2002);
    expect(paperYear({ id: 'hep-th/9901001', published: 'garbage' })).toBe(1999);
  });
});

describe('matchesQuery', () => {
  const p = paper({
    id: '2407.21783',
    title: 'The Llama 3 Herd of Models',
    authors: ['Abhimanyu Dubey', 'Zoë Papakipos'],
    abstract: 'Modern artificial\nintelligence systems are powered by foundation models.',
    note: 'Read section 4 — pré-training',
    tags: ['LLM'],
    ruleTags: ['World Models'],
    status: 'read',
  });
  const m = (q: string) => matchesQuery(p, parseQuery(q));

  it('matches every field, case- and accent-insensitively', () => {
    expect(m('llama')).toBe(true);
    expect(m('ZOE')).toBe(true);
    expect(m('papakipos zoë')).toBe(true);
    expect(m('foundation')).toBe(true);
    expect(m('"artificial intelligence"')).toBe(true);
    expect(m('pre-training')).toBe(true);
    expect(m('2407.21783')).toBe(true);
    expect(m('')).toBe(true);
  });

  it('requires all terms and honours negation', () => {
    expect(m('llama herd')).toBe(true);
    expect(m('llama mamba')).toBe(false);
    expect(m('llama -mamba')).toBe(true);
    expect(m('-llama')).toBe(false);
    expect(m('"herd models"')).toBe(false);
  });

  it('does not let a phrase span two fields', () => {
    expect(m('"models abhimanyu"')).toBe(false);
  });

  it('filters by tag (user or rule), status and year', () => {
    expect(m('tag:llm')).toBe(true);
    expect(m('tag:"world models"')).toBe(true);
    expect(m('tag:world')).toBe(false);
    expect(m('-tag:llm')).toBe(false);
    expect(m('status:read')).toBe(true);
    expect(m('status:toread')).toBe(false);
    expect(m('-status:dismissed')).toBe(true);
    expect(m('year:2024')).toBe(true);
    expect(m('year:2020-2023')).toBe(false);
    expect(m('year:>=2024')).toBe(true);
    expect(m('year:<2024')).toBe(false);
    expect(m('-year:2024')).toBe(false);
  });

  it('treats unknown tokens as text', () => {
    const q = paper({ id: '2401.00001', title: 'Ratio 3:1 is foo:bar' });
    expect(matchesQuery(q, parseQuery('foo:bar'))).toBe(true);
    expect(matchesQuery(q, parseQuery('3:1'))).toBe(true);
  });

  it('zotero:yes / zotero:no by whether the paper was sent; other values stay text', () => {
    const sent = paper({
      id: '2401.00003',
      sentToZotero: { date: '2026-12-05T09:00:00.000Z', collection: 'My Library' },
    });
    const not = paper({ id: '2401.00004' });
    const m = (p: Paper, q: string) => matchesQuery(p, parseQuery(q));
    expect([m(sent, 'zotero:yes'), m(not, 'zotero:yes')]).toEqual([true, false]);
    expect([m(sent, 'zotero:no'), m(not, 'zotero:no')]).toEqual([false, true]);
    expect([m(sent, '-zotero:yes'), m(not, '-zotero:yes')]).toEqual([false, true]);
    expect([m(sent, 'Zotero:TRUE'), m(sent, 'zotero:sent')]).toEqual([true, true]);
    expect(parseQuery('zotero:maybe').clauses).toEqual([text('zotero:maybe')]);
    expect(parseQuery('zotero:').clauses).toEqual([text('zotero:')]);
  });

  it('treats hostile text as plain text', () => {
    const q = paper({ id: '2401.00002', title: '<img src=x onerror=alert(1)>' });
    expect(matchesQuery(q, parseQuery('onerror=alert(1)'))).toBe(true);
    expect(matchesQuery(q, parseQuery('"<img src=x"'))).toBe(true);
  });
});

describe('filterPapers', () => {
  const papers = [
    paper({ id: '2401.00001', title: 'Alpha', status: 'saved', tags: ['rl'] }),
    paper({ id: '2401.00002', title: 'Beta', status: 'read', tags: ['RL', 'vision'] }),
    paper({ id: '2401.00003', title: 'Gamma alpha', status: 'dismissed' }),
    paper({ id: '2401.00004', title: 'Delta', status: 'saved', ruleTags: ['vision'] }),
  ];
  const index = buildIndex(papers);
  const ids = (ps: Paper[]) => ps.map((p) => p.id.slice(-1));

  it('applies status, tag and query together, keeping index order', () => {
    expect(ids(filterPapers(index, { query: '', status: 'all' }))).toEqual(['1', '2', '3', '4']);
    expect(ids(filterPapers(index, { query: '', status: 'toread' }))).toEqual(['1', '4']);
    expect(ids(filterPapers(index, { query: '', status: 'read' }))).toEqual(['2']);
    expect(ids(filterPapers(index, { query: '', status: 'dismissed' }))).toEqual(['3']);
    expect(ids(filterPapers(index, { query: '', status: 'all', tag: 'Vision' }))).toEqual(['2', '4']);
    expect(ids(filterPapers(index, { query: 'alpha', status: 'all' }))).toEqual(['1', '3']);
    expect(ids(filterPapers(index, { query: 'alpha', status: 'toread' }))).toEqual(['1']);
    expect(ids(filterPapers(index, { query: parseQuery('tag:rl'), status: 'all' }))).toEqual(['1', '2']);
  });

  it('reuses haystacks of unchanged papers across rebuilds', () => {
    const again = buildIndex(papers);
    expect(entryAt(again, 0)).toBe(entryAt(index, 0));
    const edited = { ...papers[0]!, title: 'Omega' };
    const next = buildIndex([edited, ...papers.slice(1)]);
    expect(entryAt(next, 0)).not.toBe(entryAt(index, 0));
    expect(entryAt(next, 1)).toBe(entryAt(index, 1));
    expect(ids(filterPapers(next, { query: 'omega', status: 'all' }))).toEqual(['1']);
  });

  it('searches 50,000 papers quickly once indexed', () => {
    const big: Paper[] = [];
    for (let i = 0; i < 50_000; i++) {
      big.push(
        paper({
          id: `2401.${String(i).padStart(5, '0')}`,
          title: `Paper number ${i} on ${i % 7 === 0 ? 'diffusion' : 'transformers'}`,
          authors: ['Ada Lovelace', `Author ${i}`],
          abstract: 'We study things. '.repeat(60),
          status: i % 3 === 0 ? 'read' : 'saved',
        }),
      );
    }
    const idx = buildIndex(big);
    finish(warmSteps(idx, () => false));
    const started = performance.now();
    let hits = 0;
    // Simulates typing: one filter pass per keystroke.
    for (const q of ['d', 'di', 'dif', 'diff', 'diffu', 'diffusion', 'diffusion -status:read']) {
      hits = filterPapers(idx, { query: q, status: 'all' }).length;
    }
    const elapsed = performance.now() - started;
    expect(hits).toBe(big.filter((_, i) => i % 7 === 0 && i % 3 !== 0).length);
    expect(elapsed).toBeLessThan(2_000);
  });
});

describe('sortPapers', () => {
  const papers = [
    paper({ id: '2401.00001', title: 'beta', savedAt: 3, published: '2024-01-05' }),
    paper({ id: '2401.00002', title: 'Alpha', savedAt: 1 }),
    paper({ id: '2401.00003', title: 'alpha', savedAt: 3, published: '2023-06-01' }),
    paper({ id: '2401.00004', title: '', savedAt: 2, published: '2024-01-05' }),
    paper({ id: 'hep-th/9901001', title: 'Élan', savedAt: 3 }),
  ];
  const ids = (ps: Paper[]) => ps.map((p) => (p.id.startsWith('hep') ? 'h' : p.id.slice(-1)));

  it('sorts by savedAt, stably in both directions', () => {
    expect(ids(sortPapers(papers, 'savedAt', 'asc'))).toEqual(['2', '4', '1', '3', 'h']);
    expect(ids(sortPapers(papers, 'savedAt', 'desc'))).toEqual(['1', '3', 'h', '4', '2']);
    expect(ids(sortPapers(papers, 'savedAt'))).toEqual(['1', '3', 'h', '4', '2']);
  });

  it('sorts titles with a collator, empty titles last', () => {
    expect(ids(sortPapers(papers, 'title', 'asc'))).toEqual(['2', '3', '1', 'h', '4']);
    expect(ids(sortPapers(papers, 'title', 'desc'))).toEqual(['h', '1', '2', '3', '4']);
  });

  it('sorts by publication date, falling back to the id month, undated last', () => {
    // Undated 2401.00002 sorts as 2024-01, before 2024-01-05; hep-th/9901001 as 1999-01.
    expect(ids(sortPapers(papers, 'published', 'asc'))).toEqual(['h', '3', '2', '1', '4']);
    expect(ids(sortPapers(papers, 'published', 'desc'))).toEqual(['1', '4', '2', '3', 'h']);
    const undated = [
      paper({ id: '2401.00009', published: '2024-02-01' }),
      { ...paper({ id: 'x' }) },
      paper({ id: '2401.00008', published: '2020' }),
    ];
    expect(sortPapers(undated, 'published', 'asc').map((p) => p.id)).toEqual(['2401.00008', '2401.00009', 'x']);
    expect(sortPapers(undated, 'published', 'desc').map((p) => p.id)).toEqual(['2401.00009', '2401.00008', 'x']);
  });

  it('does not mutate its input', () => {
    const copy = [...papers];
    sortPapers(papers, 'title', 'asc');
    expect(papers).toEqual(copy);
  });
});
