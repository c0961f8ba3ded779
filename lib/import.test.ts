import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toJson } from './export';
import { IMPORT_LIMITS, parseImport, type ImportResult } from './import';
import { mergePaper, planImport } from './import-plan';
import { DEFAULT_SETTINGS, type Paper, blankPaper } from './model';

const fixture = (name: string) => readFileSync(path.resolve(process.cwd(), 'tests/fixtures/import', name), 'utf8');

const NOW = Date.UTC(2026, 10, 26, 12);

function paper(over: Partial<Paper> & { id: string }): Paper {
  return { ...blankPaper(over.id, 100, 'arxiv'), ...over };
}

function ok(r: ImportResult) {
  if (!r.ok) throw new Error(`expected success, got: ${r.error}`);
  return r;
}
function err(r: ImportResult): string {
  if (r.ok) throw new Error('expected the import to be rejected');
  return r.error;
}

describe('parseImport: our JSON', () => {
  it('reads a valid export with its settings, filling setting defaults', () => {
    const r = ok(parseImport(fixture('valid.json'), NOW));
    expect(r.kind).toBe('json');
    expect(r.papers.map((p) => p.id)).toEqual(['2407.21783', '2405.01234', 'hep-th/9711200']);
    expect(r.papers[0]).toMatchObject({ status: 'read', tags: ['LLM'], note: 'Read §4 first.', readAt: 1795737600000 });
    expect(r.papers[1]!.title).toBe('Zoë Müller’s Søren-ñ paper');
    expect('abstract' in r.papers[1]!).toBe(false);
    expect(r.kind === 'json' && r.settings).toMatchObject({
      hideDismissed: true,
      unmatched: 'dim',
      showNew: true,
      keywords: [
        { pattern: 'diffusion', caseSensitive: false, wholeWord: true },
        { pattern: '/state[- ]space/i', caseSensitive: true, wholeWord: false },
      ],
      tagRules: [{ name: 'rl', color: '#22aa55', fields: ['title', 'abstract', 'authors'] }],
    });
  });

  it('round-trips what toJson writes', () => {
    const papers = [
      paper({ id: '2401.00001', title: 'A "quoted" {title}', note: 'line\nbreak', tags: ['x'] }),
      paper({ id: 'math/0309136', status: 'dismissed', readAt: 5 }),
    ];
    const r = ok(parseImport(toJson(papers, DEFAULT_SETTINGS, new Date(NOW)), NOW));
    expect(r.papers).toEqual(papers);
    expect(r.kind === 'json' && r.settings).toEqual(DEFAULT_SETTINGS);
  });

  it('round-trips the Trash, flagged apart from the list', () => {
    const papers = [paper({ id: '2401.00001', tags: ['x'] })];
    const trash = [{ ...paper({ id: '2401.00002', note: 'kept', tags: ['rl'], readAt: 7 }), trashedAt: 50 }];
    const text = toJson(papers, DEFAULT_SETTINGS, new Date(NOW), trash);
    const file = JSON.parse(text);
    expect(file.papers.map((p: Paper) => p.id)).toEqual(['2401.00001']);
    expect(file.trash).toEqual([expect.objectContaining({ id: '2401.00002', trashedAt: 50 })]);
    const r = ok(parseImport(text, NOW));
    expect(r.papers).toEqual(papers);
    expect(r.kind === 'json' && r.trash).toEqual(trash);
  });

  it('an export without a Trash has no trash key, and a file without one imports with none', () => {
    const text = toJson([paper({ id: '2401.00001' })], DEFAULT_SETTINGS, new Date(NOW), []);
    expect(Object.keys(JSON.parse(text))).toEqual(['format', 'version', 'exportedAt', 'papers', 'settings']);
    const r = ok(parseImport(text, NOW));
    expect(r.kind === 'json' && 'trash' in r).toBe(false);
    // The fixture is a file written before the Trash existed.
    expect(ok(parseImport(fixture('valid.json'), NOW))).not.toHaveProperty('trash');
  });

  it('refuses a Trash record that is invalid or whose id is also on the list or in the Trash twice', () => {
    const live = paper({ id: '2401.00001' });
    const file = (trash: unknown[]) =>
      JSON.stringify({ format: 'dogear', version: 1, papers: [live], trash, settings: DEFAULT_SETTINGS });
    expect(err(parseImport(file([{ ...paper({ id: '2401.00002' }) }]), NOW))).toBe(
      'Nothing was imported. trash[0].trashedAt (id "2401.00002"): expected number.',
    );
    expect(err(parseImport(file([{ ...live, trashedAt: 1 }]), NOW))).toBe(
      'Nothing was imported. trash[0]: id 2401.00001 appears twice (also papers[0]).',
    );
    const gone = { ...paper({ id: '2401.00003' }), trashedAt: 1 };
    expect(err(parseImport(file([gone, gone]), NOW))).toBe(
      'Nothing was imported. trash[1]: id 2401.00003 appears twice (also trash[0]).',
    );
    expect(err(parseImport(file('not a list' as never), NOW))).toBe('Nothing was imported. trash: expected array.');
  });

  it('rejects the whole file when one record is invalid, naming index, id and field', () => {
    const e = err(parseImport(fixture('partial.json'), NOW));
    expect(e).toBe(
      'Nothing was imported. papers[3].status (id "2401.00004"): expected one of saved|read|dismissed (and 1 more problem).',
    );
  });

  it('names the field for other kinds of invalid values', () => {
    const file = (p: Record<string, unknown>) =>
      JSON.stringify({ format: 'dogear', version: 1, papers: [{ ...paper({ id: '2401.00001' }), ...p }] });
    expect(err(parseImport(file({ title: 5 }), NOW))).toBe(
      'Nothing was imported. papers[0].title (id "2401.00001"): expected string.',
    );
    expect(err(parseImport(file({ id: '2401.1' }), NOW))).toBe(
      'Nothing was imported. papers[0].id (id "2401.1"): not a canonical arXiv id.',
    );
    expect(err(parseImport(file({ tags: ['ok', '  '] }), NOW))).toBe(
      'Nothing was imported. papers[0].tags[1] (id "2401.00001"): must not be empty.',
    );
    expect(err(parseImport(file({ title: 'x'.repeat(1001) }), NOW))).toBe(
      'Nothing was imported. papers[0].title (id "2401.00001"): too long (at most 1000).',
    );
    expect(err(parseImport(file({ codeUrl: 'javascript:alert(1)' }), NOW))).toBe(
      'Nothing was imported. papers[0].codeUrl (id "2401.00001"): must be an https URL.',
    );
    expect(err(parseImport(file({ id: 42 }), NOW))).toBe('Nothing was imported. papers[0].id: expected string.');
    expect(
      err(
        parseImport(
          JSON.stringify({ format: 'dogear', version: 1, papers: [], settings: { unmatched: 'blink' } }),
          NOW,
        ),
      ),
    ).toBe('Nothing was imported. settings.unmatched: expected one of show|dim|hide.');
    expect(
      err(parseImport(JSON.stringify({ format: 'dogear', version: 1, papers: [], settings: { dimBelow: 2 } }), NOW)),
    ).toBe('Nothing was imported. settings.dimBelow: must be from 0 to 1.');
    const tooMany = JSON.stringify({
      format: 'dogear',
      version: 1,
      papers: [paper({ id: '2401.00001', tags: Array.from({ length: 51 }, (_, i) => `t${i}`) })],
    });
    expect(err(parseImport(tooMany, NOW))).toBe(
      'Nothing was imported. papers[0].tags (id "2401.00001"): too many (at most 50).',
    );
    expect(err(parseImport(JSON.stringify({ format: 'dogear', version: 1 }), NOW))).toBe(
      'Nothing was imported. papers: expected array.',
    );
  });

  it('rejects duplicate ids', () => {
    const p = paper({ id: '2401.00001' });
    const e = err(
      parseImport(JSON.stringify({ format: 'dogear', version: 1, papers: [p, paper({ id: '2401.00002' }), p] }), NOW),
    );
    expect(e).toBe('Nothing was imported. papers[2]: id 2401.00001 appears twice (also papers[0]).');
  });

  it('rejects truncated JSON, other JSON and newer versions with a clear message', () => {
    expect(err(parseImport(fixture('corrupt.json'), NOW))).toMatch(
      /^Nothing was imported: the file is not valid JSON \(it may be truncated\)\./,
    );
    expect(err(parseImport('[1, 2, 3]', NOW))).toMatch(/not a Dogear export/);
    expect(err(parseImport('{"papers": []}', NOW))).toMatch(/not a Dogear export/);
    expect(err(parseImport('{"format": "dogear", "version": 2, "papers": []}', NOW))).toMatch(
      /newer Dogear \(format version 2\)/,
    );
    expect(err(parseImport('{"format": "dogear", "version": "1", "papers": []}', NOW))).toBe(
      'Nothing was imported. version: expected 1.',
    );
  });

  it('keeps hostile text as plain data and never pollutes prototypes', () => {
    const r = ok(parseImport(fixture('hostile.json'), NOW));
    const p = r.papers[0]!;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as unknown as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(p)).toBe(Object.prototype);
    expect(Object.keys(p)).not.toContain('__proto__');
    expect(Object.keys(p)).not.toContain('constructor');
    expect(Object.keys(p)).not.toContain('isAdmin');
    expect(p.status).toBe('saved');
    expect(p.title).toBe("<img src=x onerror=alert(1)><script>alert('xss')</script>");
    expect(p.authors).toEqual(['<svg onload=alert(2)>', "Robert'); DROP TABLE papers;--"]);
    expect(p.tags).toEqual(['<b>bold</b>', '__proto__']);
    expect(p.note).toBe("=cmd|' /C calc'!A0");
    const settings = r.kind === 'json' ? r.settings : undefined;
    expect(settings && Object.keys(settings)).not.toContain('__proto__');
    expect(settings?.keywords).toEqual([{ pattern: '(a+)+$', caseSensitive: false, wholeWord: true }]);
  });

  it('refuses a settings file with a pattern that could freeze the page, naming where it is', () => {
    const file = (settings: object) => JSON.stringify({ format: 'dogear', version: 1, papers: [], settings });
    const explosive = `/${'(?:.|.)'.repeat(20)}#/`;
    const kw = err(parseImport(file({ keywords: [{ pattern: 'LLM' }, { pattern: explosive }] }), NOW));
    expect(kw).toMatch(/^Nothing was imported\. settings\.keywords\[1\] \/\(\?:\.\|\.\).*: too many ways to match/);
    const rule = { name: 's', color: '#336699', patterns: [{ pattern: 'ok' }, { pattern: '/(?:s|\u017f)+x/i' }] };
    expect(err(parseImport(file({ tagRules: [rule] }), NOW))).toMatch(
      /^Nothing was imported\. settings\.tagRules\[0\]\.patterns\[1\] \/\(\?:s\|ſ\)\+x\/i: /,
    );
    // The same shapes, harmless: a literal keyword and a regex whose alternatives start differently.
    expect(ok(parseImport(file({ keywords: [{ pattern: '(a+)+$' }, { pattern: '/(?:ab|cd)+x/' }] }), NOW)).ok).toBe(
      true,
    );
  });

  it('survives deep nesting, huge strings and wrong types without throwing', () => {
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    expect(err(parseImport(deep, NOW))).toMatch(/Nothing was imported/);
    const deepObj = `{"format":"dogear","version":1,"papers":[${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}]}`;
    expect(err(parseImport(deepObj, NOW))).toMatch(/^Nothing was imported\. papers\[0\]\.id: expected string/);
    const huge = JSON.stringify({
      format: 'dogear',
      version: 1,
      papers: [paper({ id: '2401.00001', note: 'n'.repeat(5_000_000) })],
    });
    expect(err(parseImport(huge, NOW))).toMatch(/papers\[0\]\.note \(id "2401\.00001"\): too long \(at most 20000\)/);
    for (const bad of [null, undefined, 42, {}, ['2401.00001']]) {
      expect(err(parseImport(bad as unknown as string, NOW))).toBe('The file could not be read as text.');
    }
    expect(err(parseImport('{"format":"dogear","version":1,"papers":{"0":{}}}', NOW))).toBe(
      'Nothing was imported. papers: expected array.',
    );
  });

  it('caps file size before parsing', () => {
    const e = err(parseImport(' '.repeat(IMPORT_LIMITS.chars + 1), NOW));
    expect(e).toBe('The file is too large (over 50 MB).');
  });
});

describe('parseImport: id lists', () => {
  it('reads mixed ids and URLs, skipping comments and duplicates', () => {
    const r = ok(parseImport(fixture('ids.txt'), NOW));
    expect(r.kind).toBe('ids');
    expect(r.papers.map((p) => p.id)).toEqual([
      '2406.12345',
      '2405.01234',
      '2404.00001',
      '2403.00002',
      '2402.00003',
      '2401.00004',
      'hep-th/9901001',
      'math/0309136',
      '2309.10000',
      '1706.03762',
    ]);
    expect(r.papers[0]).toEqual({
      id: '2406.12345',
      title: '',
      authors: [],
      status: 'saved',
      tags: [],
      ruleTags: [],
      note: '',
      sources: ['import'],
      savedAt: NOW,
      updatedAt: NOW,
    });
  });

  it('rejects the list when a line is not an id, naming the line', () => {
    expect(err(parseImport(fixture('ids-bad.txt'), NOW))).toBe(
      'Nothing was imported. Line 5: "https://example.com/not-a-paper" is not an arXiv id or URL.',
    );
    expect(err(parseImport('2401.00001\n<img src=x onerror=alert(1)>', NOW))).toBe(
      'Nothing was imported. Line 2: "<img" is not an arXiv id or URL.',
    );
    expect(err(parseImport(`2401.00001 ${'x'.repeat(5000)}`, NOW))).toBe(
      `Nothing was imported. Line 1: "${'x'.repeat(60)}…" is not an arXiv id or URL.`,
    );
  });

  it('counts lines from the top of the file, blank leading lines included', () => {
    expect(err(parseImport('\uFEFF\n\n2401.00001\nnope', NOW))).toBe(
      'Nothing was imported. Line 4: "nope" is not an arXiv id or URL.',
    );
  });

  it('handles CRLF, commas, tabs and a byte-order mark', () => {
    const r = ok(parseImport('\uFEFF2401.00001,2401.00002\r\n\t2401.00003 ,, 2401.00001\r\n', NOW));
    expect(r.papers.map((p) => p.id)).toEqual(['2401.00001', '2401.00002', '2401.00003']);
  });

  it('says there is nothing to import for empty input', () => {
    expect(err(parseImport(fixture('empty.txt'), NOW))).toBe('The file is empty: nothing to import.');
    expect(err(parseImport('  \n\t\n', NOW))).toBe('The file is empty: nothing to import.');
    expect(err(parseImport(fixture('comments-only.txt'), NOW))).toBe('The file has no arXiv ids: nothing to import.');
  });

  it('caps the number of papers', () => {
    const ids = Array.from({ length: IMPORT_LIMITS.papers + 1 }, (_, i) => `2401.${String(i).padStart(5, '0')}`);
    // 2401.00000 … 2401.99999 is exactly the cap; one more id from another month tips it over.
    ids[IMPORT_LIMITS.papers] = '2402.00001';
    expect(err(parseImport(ids.join('\n'), NOW))).toBe('Nothing was imported: more than 100000 papers in one file.');
    expect(ok(parseImport(ids.slice(0, 1000).join('\n'), NOW)).papers).toHaveLength(1000);
  });
});

describe('mergePaper', () => {
  const old = paper({
    id: '2401.00001',
    title: 'Old title',
    authors: ['A'],
    abstract: 'A long abstract we already had.',
    status: 'read',
    tags: ['a', 'b'],
    ruleTags: ['r'],
    note: 'my note',
    sources: ['huggingface'],
    savedAt: 50,
    updatedAt: 300,
    readAt: 300,
  });

  it('unions tags and sources, joins different notes, keeps the newer status', () => {
    const inc = paper({
      id: '2401.00001',
      title: 'New title',
      abstract: 'Short.',
      status: 'saved',
      tags: ['b', 'c'],
      note: 'their note',
      sources: ['import', 'arxiv'],
      savedAt: 80,
      updatedAt: 200,
    });
    expect(mergePaper(old, inc)).toEqual({
      id: '2401.00001',
      title: 'New title',
      authors: ['A'],
      abstract: 'A long abstract we already had.',
      status: 'read',
      tags: ['a', 'b', 'c'],
      ruleTags: ['r'],
      note: 'my note\n\ntheir note',
      sources: ['huggingface', 'arxiv', 'import'],
      savedAt: 50,
      updatedAt: 300,
      readAt: 300,
    });
  });

  it('keeps the later send to Zotero from either side, whichever record is newer', () => {
    const early = { date: '2026-11-01T00:00:00.000Z', collection: 'My Library' };
    const late = { date: '2026-12-01T00:00:00.000Z', collection: 'My Library › Reading' };
    const inc = paper({ id: '2401.00001', updatedAt: 100, sentToZotero: late });
    expect(mergePaper({ ...old, sentToZotero: early }, inc).sentToZotero).toEqual(late);
    expect(mergePaper({ ...old, sentToZotero: late }, { ...inc, sentToZotero: early }).sentToZotero).toEqual(late);
    expect(mergePaper(old, inc).sentToZotero).toEqual(late);
    expect('sentToZotero' in mergePaper(old, paper({ id: '2401.00001' }))).toBe(false);
  });

  it('takes status and readAt from the incoming record when it is newer', () => {
    const m = mergePaper(
      old,
      paper({ id: '2401.00001', status: 'dismissed', updatedAt: 400, note: 'my note, longer' }),
    );
    expect(m.status).toBe('dismissed');
    expect(m.readAt).toBeUndefined();
    expect('readAt' in m).toBe(false);
    expect(m.note).toBe('my note, longer');
    expect(m.title).toBe('Old title');
  });

  it('keeps the existing status on a tie and never exceeds the tag cap', () => {
    const many = Array.from({ length: 50 }, (_, i) => `t${i}`);
    const m = mergePaper(
      { ...old, tags: many },
      paper({ id: '2401.00001', status: 'saved', updatedAt: 300, tags: ['new'] }),
    );
    expect(m.status).toBe('read');
    expect(m.tags).toHaveLength(50);
  });
});

describe('planImport', () => {
  const a = paper({ id: '2401.00001', title: 'A', tags: ['x'] });
  const b = paper({ id: '2401.00002', title: 'B' });
  const c = paper({ id: '2401.00003', title: 'C' });

  it('merge: adds new papers, merges known ones, counts unchanged, removes nothing', () => {
    const incoming = [{ ...a, tags: ['y'] }, { ...b }, paper({ id: '2401.00004', title: 'D' })];
    const plan = planImport([a, b, c], incoming, 'merge');
    expect(plan.add.map((p) => p.id)).toEqual(['2401.00004']);
    expect(plan.update).toHaveLength(1);
    expect(plan.update[0]!.before).toBe(a);
    expect(plan.update[0]!.after.tags).toEqual(['x', 'y']);
    expect(plan.unchanged).toBe(1);
    expect(plan.remove).toEqual([]);
    expect(plan.result.map((p) => p.id)).toEqual(['2401.00001', '2401.00002', '2401.00003', '2401.00004']);
    expect(plan.result[1]).toBe(b);
  });

  it('merge: a paper sent to Zotero and imported again unchanged counts as unchanged', () => {
    const sent = { ...b, sentToZotero: { date: '2026-12-01T00:00:00.000Z', collection: 'My Library' } };
    const plan = planImport([sent], [{ ...sent, sentToZotero: { ...sent.sentToZotero } }], 'merge');
    expect(plan.unchanged).toBe(1);
    expect(plan.update).toEqual([]);
  });

  it('merge: an id list never erases known metadata', () => {
    const ids = ok(parseImport('2401.00001', NOW)).papers;
    const plan = planImport(new Map([[a.id, a]]), ids, 'merge');
    const after = plan.update[0]!.after;
    expect(after.title).toBe('A');
    expect(after.tags).toEqual(['x']);
    expect(after.status).toBe('saved');
    expect(after.sources).toEqual(['arxiv', 'import']);
    expect(after.savedAt).toBe(100);
    expect(after.updatedAt).toBe(NOW);
  });

  it('replace: the list becomes the file, reporting removals', () => {
    const newB = { ...b, title: 'B2' };
    const plan = planImport([a, b, c], [newB, paper({ id: '2401.00004' }), { ...a }], 'replace');
    expect(plan.add.map((p) => p.id)).toEqual(['2401.00004']);
    expect(plan.update).toEqual([{ before: b, after: newB }]);
    expect(plan.unchanged).toBe(1);
    expect(plan.remove).toEqual([c]);
    expect(plan.result.map((p) => p.id).sort()).toEqual(['2401.00001', '2401.00002', '2401.00004']);
    expect(plan.result.find((p) => p.id === '2401.00002')!.title).toBe('B2');
  });

  it('replace: tags in the file win over tags in the list', () => {
    const plan = planImport([a], [{ ...a, tags: ['y'] }], 'replace');
    expect(plan.update[0]!.after.tags).toEqual(['y']);
  });

  it('treats records with the same fields in another key order as unchanged', () => {
    const reordered = JSON.parse(JSON.stringify({ ...a })) as Paper;
    const shuffled = Object.fromEntries(Object.entries(reordered).reverse()) as Paper;
    expect(planImport([a], [shuffled], 'merge').unchanged).toBe(1);
    expect(planImport([a], [shuffled], 'replace').unchanged).toBe(1);
  });

  it('handles empty sides and large lists in linear time', () => {
    expect(planImport([], [], 'merge')).toEqual({ add: [], update: [], unchanged: 0, remove: [], result: [] });
    expect(planImport([a], [], 'replace').remove).toEqual([a]);
    const big = Array.from({ length: 50_000 }, (_, i) => paper({ id: `2402.${String(i).padStart(5, '0')}` }));
    const started = performance.now();
    const plan = planImport(
      big,
      big.map((p) => ({ ...p, tags: ['t'] })),
      'merge',
    );
    expect(plan.update).toHaveLength(50_000);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
