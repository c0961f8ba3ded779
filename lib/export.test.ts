import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Paper, blankPaper } from './model';
import { citationKeys, toBibtex } from './bibtex';
import { CSV_COLUMNS, EXPORT_FORMATS, exportFilename, renderExport, toCsv, toJson, toMarkdown } from './export';

function paper(over: Partial<Paper> & { id: string }): Paper {
  return { ...blankPaper(over.id, Date.UTC(2026, 10, 26, 9, 30), 'arxiv'), ...over };
}

/** The golden set: accents, TeX/Markdown/CSV specials, an old-style id, notes, tags, hostile text. */
const PAPERS: Paper[] = [
  paper({
    id: '2407.21783',
    title: 'The Llama 3 Herd of Models',
    authors: ['Abhimanyu Dubey', 'Abhinav Jauhri', 'Abhinav Pandey'],
    abstract: 'Modern artificial intelligence (AI) systems\nare powered by foundation models.',
    published: '2024-07-31T17:54:27Z',
    primaryClass: 'cs.AI',
    status: 'read',
    tags: ['LLM'],
    ruleTags: ['foundation models', 'LLM'],
    note: 'Read §4 first.\n\nCompare with *Mistral* <b>later</b>',
    readAt: Date.UTC(2026, 10, 27),
  }),
  paper({
    id: '2405.01234',
    title: 'Cost & Quality: 100% of $GPU_time, #1 ~ ^ \\ {LLMs} "quoted"\nacross GPT-4 and LLaMA',
    authors: ['José Ñúñez', 'Zoë Müller', 'Søren Kierkegaard', 'Ludwig van Beethoven', 'Martin Luther King Jr.'],
    tags: ['reading group', 'Ünïcode'],
    note: '=HYPERLINK("http://evil.example")',
    sources: ['huggingface', 'arxiv'],
    codeUrl: 'https://github.com/example/repo',
  }),
  paper({
    id: 'hep-th/9711200',
    title: 'The Large N Limit of Superconformal Field Theories and Supergravity',
    authors: ['Juan M. Maldacena'],
    published: '1997-11-27T00:00:00Z',
    status: 'dismissed',
    savedAt: Date.UTC(2025, 0, 2, 3, 4, 5),
  }),
  paper({
    id: '2401.00001',
    title: '} @comment{ \\\\ [link](javascript:x) <img src=x onerror=alert(1)> `code` *bold* _em_',
    authors: ['Meta AI, Inc.', 'Team and Co', '}{'],
    abstract: '}}}{{{',
    note: '-1+1\r\n@SUM(A1)',
  }),
  paper({
    id: '2402.09999',
    title: 'LLaMA adapters, again',
    authors: ['A. Dubey'],
    published: '2024-02-15',
    primaryClass: 'cs.CL',
  }),
  paper({ id: '2501.00042', sources: ['import'] }),
];

const EXPORTED_AT = new Date(Date.UTC(2026, 10, 26, 12, 0, 0));

const GOLDEN_DIR = path.resolve(process.cwd(), 'lib/__golden__');

/** Byte-exact comparison; `UPDATE_GOLDEN=1 npx vitest run lib/export.test.ts` rewrites the files. */
function expectGolden(name: string, actual: string) {
  const file = path.join(GOLDEN_DIR, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(GOLDEN_DIR, { recursive: true });
    writeFileSync(file, actual, 'utf8');
  }
  expect(existsSync(file), `${name} missing; run with UPDATE_GOLDEN=1 once`).toBe(true);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

// ---------------------------------------------------------------- test-only parsers

/** Minimal BibTeX reader: `@type{key,` then `name = {value}` fields with BibTeX's brace counting. */
function parseBib(src: string): { type: string; key: string; fields: Record<string, string> }[] {
  const out: { type: string; key: string; fields: Record<string, string> }[] = [];
  let i = 0;
  const fail = (why: string) => {
    throw new Error(`${why} at ${i}: ${JSON.stringify(src.slice(i, i + 40))}`);
  };
  const ws = () => {
    while (/\s/.test(src[i] ?? '')) i++;
  };
  while (true) {
    ws();
    if (i >= src.length) return out;
    const head = /^@(\w+)\{([A-Za-z0-9]+),/.exec(src.slice(i));
    if (!head) fail('expected entry');
    i += head![0].length;
    const fields: Record<string, string> = {};
    while (true) {
      ws();
      if (src[i] === '}') {
        i++;
        break;
      }
      const name = /^(\w+) = \{/.exec(src.slice(i));
      if (!name) fail('expected field');
      i += name![0].length;
      let depth = 1;
      const start = i;
      for (; i < src.length && depth > 0; i++) {
        if (src[i] === '{') depth++;
        else if (src[i] === '}') depth--;
      }
      if (depth !== 0) fail('unbalanced field');
      fields[name![1]!] = src.slice(start, i - 1);
      ws();
      if (src[i] === ',') i++;
      else if (src[i] !== '}') fail('expected , or }');
    }
    out.push({ type: head![1]!, key: head![2]!, fields });
  }
}

/** RFC 4180 reader that insists on CRLF records and well-formed quoting. */
function parseCsv(src: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < src.length) {
    let cell = '';
    if (src[i] === '"') {
      i++;
      while (true) {
        if (i >= src.length) throw new Error('unterminated quote');
        if (src[i] === '"') {
          if (src[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        cell += src[i++];
      }
    } else {
      while (i < src.length && src[i] !== ',' && src[i] !== '\r' && src[i] !== '\n') {
        if (src[i] === '"') throw new Error('quote inside unquoted cell');
        cell += src[i++];
      }
    }
    row.push(cell);
    if (src[i] === ',') i++;
    else if (src.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else throw new Error(`bad record end at ${i}`);
  }
  if (row.length) throw new Error('last record not CRLF-terminated');
  return rows;
}

// ---------------------------------------------------------------- golden files

describe('golden files', () => {
  it('bibtex', () => expectGolden('papers.bib', toBibtex(PAPERS)));
  it('markdown', () => expectGolden('papers.md', toMarkdown(PAPERS)));
  it('csv', () => expectGolden('papers.csv', toCsv(PAPERS)));
  it('json', () => expectGolden('papers.json', toJson(PAPERS, DEFAULT_SETTINGS, EXPORTED_AT)));
});

// ---------------------------------------------------------------- BibTeX

describe('toBibtex', () => {
  const entries = parseBib(toBibtex(PAPERS));
  const byId = new Map(entries.map((e) => [e.fields.eprint, e]));

  it('writes one arXiv @misc entry per paper, in list order', () => {
    expect(entries.map((e) => e.type)).toEqual(Array(PAPERS.length).fill('misc'));
    expect(entries.map((e) => e.fields.eprint)).toEqual(PAPERS.map((p) => p.id));
    const llama = byId.get('2407.21783')!;
    expect(llama.fields).toMatchObject({
      title: 'The Llama 3 Herd of Models',
      author: 'Dubey, Abhimanyu and Jauhri, Abhinav and Pandey, Abhinav',
      year: '2024',
      archivePrefix: 'arXiv',
      primaryClass: 'cs.AI',
      doi: '10.48550/arXiv.2407.21783',
      url: 'https://arxiv.org/abs/2407.21783',
      abstract: 'Modern artificial intelligence (AI) systems are powered by foundation models.',
    });
    expect(llama.fields.note).toBeUndefined();
  });

  it('gives old-style ids their archive as primary class and no DOI', () => {
    const m = byId.get('hep-th/9711200')!;
    expect(m.key).toBe('maldacena1997large');
    expect(m.fields.primaryClass).toBe('hep-th');
    expect(m.fields.doi).toBeUndefined();
    expect(m.fields.year).toBe('1997');
    expect(m.fields.author).toBe('Maldacena, Juan M.');
  });

  it('makes stable keys, suffixed in id order when they clash', () => {
    expect(byId.get('2402.09999')!.key).toBe('dubey2024llamaa');
    expect(byId.get('2407.21783')!.key).toBe('dubey2024llamab');
    expect(byId.get('2405.01234')!.key).toBe('nunez2024cost');
    expect(byId.get('2501.00042')!.key).toBe('anon2025');
    expect(byId.get('2401.00001')!.key).toBe('metaai2024comment');
    const reversed = citationKeys([...PAPERS].reverse());
    expect(reversed).toEqual(citationKeys(PAPERS));
  });

  it('gives a paper listed twice one key, unsuffixed unless another paper clashes', () => {
    const p = paper({ id: '2404.00001', title: 'Twice', authors: ['Ann Lee'] });
    const q = paper({ id: '2404.00002', title: 'Twice', authors: ['Ann Lee'] });
    expect([...citationKeys([p, p]).values()]).toEqual(['lee2024twice']);
    expect(citationKeys([p, q, p])).toEqual(
      new Map([
        ['2404.00001', 'lee2024twicea'],
        ['2404.00002', 'lee2024twiceb'],
      ]),
    );
  });

  it('keeps suffixed keys unique against other base keys and past z', () => {
    const many = Array.from({ length: 30 }, (_, i) =>
      paper({ id: `2403.${String(i).padStart(5, '0')}`, title: 'Same', authors: ['Ann Lee'] }),
    );
    const clash = paper({ id: '2403.99999', title: 'Samea', authors: ['Ann Lee'] });
    const keys = citationKeys([...many, clash]);
    expect(new Set(keys.values()).size).toBe(31);
    expect(keys.get('2403.99999')).toBe('lee2024samea');
    expect(keys.get('2403.00000')).toBe('lee2024sameb');
    expect(keys.get('2403.00029')).toBe('lee2024sameae');
  });

  it('escapes TeX specials and keeps accents as UTF-8', () => {
    const e = byId.get('2405.01234')!;
    expect(e.fields.title).toBe(
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a title's literal `${GPU}`, escaped for TeX.
      'Cost \\& Quality: 100\\% of \\${GPU}\\_time, \\#1 \\textasciitilde{} \\textasciicircum{} \\textbackslash{} \\textbraceleft{}{LLMs}\\textbraceright{} "quoted" across {GPT-4} and {LLaMA}',
    );
    expect(e.fields.author).toBe(
      'Ñúñez, José and Müller, Zoë and Kierkegaard, Søren and van Beethoven, Ludwig and King, Jr., Martin Luther',
    );
  });

  it('splits plain names and names with particles, suffixes or odd spacing alike', () => {
    // Plain "First Middle Last" names take a shortcut; these sit on both sides of it.
    const names: [string, string][] = [
      ['Anna Maria Rossi', 'Rossi, Anna Maria'],
      ['Anna\u00a0 Maria\tRossi', 'Rossi, Anna Maria'],
      ['  Rossi  ', 'Rossi'],
      ['Van Morrison', 'Morrison, Van'],
      ['Jean de', 'de, Jean'],
      ['Jean de La Fontaine', 'de La Fontaine, Jean'],
      ['John Smith III', 'Smith, III, John'],
      ['Smith Jr', 'Jr, Smith'],
      ['Andrea Anders', 'Anders, Andrea'],
      ['Rand Al_Thor', 'Al\\_Thor, Rand'],
    ];
    const bib = parseBib(toBibtex([paper({ id: '2409.00001', title: 'T', authors: names.map(([n]) => n) })]));
    expect(bib[0]!.fields.author).toBe(names.map(([, b]) => b).join(' and '));
  });

  it('braces names BibTeX would misread', () => {
    expect(byId.get('2401.00001')!.fields.author).toBe(
      '{Meta AI, Inc.} and {Team and Co} and \\textbraceright{}\\textbraceleft{}',
    );
  });

  it('stays parseable with hostile text in every field', () => {
    const nasty = [
      '}',
      '{',
      '}{',
      '@comment{',
      '\\',
      '\\\\',
      '\\}',
      '%}',
      '"}',
      '\n}\n@misc{x,',
      '{{{',
      '}}}}',
      ' and ',
      '\u0000\u001f',
    ];
    const papers = nasty.map((s, i) =>
      paper({
        id: `2311.${String(i).padStart(5, '0')}`,
        title: `a${s}b`,
        authors: [s, `x ${s} y`, ''],
        abstract: s,
        primaryClass: s,
      }),
    );
    const parsed = parseBib(toBibtex(papers));
    expect(parsed).toHaveLength(nasty.length);
    expect(parsed[0]!.fields.author).toBe('\\textbraceright{} and y, x \\textbraceright{}');
    for (const e of parsed) expect(e.fields.eprint).toMatch(/^2311\.\d{5}$/);
  });

  it('stays parseable on random strings of special characters', () => {
    const alphabet = '{}\\%$#&_~^@"\', \nAaÉ';
    let seed = 42;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const str = () =>
      Array.from({ length: 1 + Math.floor(rand() * 30) }, () => alphabet[Math.floor(rand() * alphabet.length)]).join(
        '',
      );
    const papers = Array.from({ length: 200 }, (_, i) =>
      paper({ id: `2312.${String(i).padStart(5, '0')}`, title: str(), authors: [str(), str()], abstract: str() }),
    );
    expect(parseBib(toBibtex(papers))).toHaveLength(200);
  });

  it('escapes every TeX special wherever it stands, one by one or in runs', () => {
    // The rule, written the plain way: each special replaced where it stands.
    const rule = (s: string) =>
      s.replace(
        /[\\{}&%$#_~^]/g,
        (c) =>
          ({
            '\\': '\\textbackslash{}',
            '{': '\\textbraceleft{}',
            '}': '\\textbraceright{}',
            '~': '\\textasciitilde{}',
            '^': '\\textasciicircum{}',
          })[c] ?? `\\${c}`,
      );
    const alphabet = '\\{}&%$#_~^ab é';
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const texts = Array.from({ length: 300 }, () =>
      Array.from({ length: 1 + Math.floor(rand() * 12) }, () => alphabet[Math.floor(rand() * alphabet.length)])
        .join('')
        .replace(/ +/g, ' ')
        .trim(),
    ).filter(Boolean);
    const papers = texts.map((t, i) => paper({ id: `2310.${String(i).padStart(5, '0')}`, title: 'T', abstract: t }));
    const bib = toBibtex(papers);
    expect(parseBib(bib).map((e) => e.fields.abstract)).toEqual(texts.map(rule));
  });

  it('writes a long list as its entries one after another, blank line between', () => {
    // Entries are joined in parts: nothing may be lost or doubled where one part ends.
    const papers = Array.from({ length: 450 }, (_, i) =>
      paper({ id: `2308.${String(i).padStart(5, '0')}`, title: `Topic${i} study`, authors: ['Ann Lee'] }),
    );
    expect(toBibtex(papers)).toBe(papers.map((p) => toBibtex([p])).join('\n'));
  });

  it('returns an empty string for an empty list', () => {
    expect(toBibtex([])).toBe('');
  });
});

// ---------------------------------------------------------------- Markdown

describe('toMarkdown', () => {
  const lines = toMarkdown(PAPERS).split('\n');

  it('writes a link, authors, year, tags and status per paper', () => {
    expect(lines[0]).toBe(
      '- [The Llama 3 Herd of Models](https://arxiv.org/abs/2407.21783) — Abhimanyu Dubey, Abhinav Jauhri, Abhinav Pandey (2024) · LLM, foundation models · read',
    );
  });

  it('block-quotes notes under their item, neutralising HTML', () => {
    expect(lines.slice(1, 4)).toEqual(['  > Read §4 first.', '  >', '  > Compare with *Mistral* \\<b>later\\</b>']);
  });

  it('escapes Markdown in titles so hostile text stays text', () => {
    const item = lines.find((l) => l.includes('2401.00001'))!;
    expect(item).toBe(
      '- [} @comment{ \\\\\\\\ \\[link\\](javascript:x) \\<img src=x onerror=alert(1)\\> \\`code\\` \\*bold\\* \\_em\\_](https://arxiv.org/abs/2401.00001) — Meta AI, Inc., Team and Co, }{ (2024) · saved',
    );
  });

  it('escapes dollar signs that GitHub would render as math', () => {
    expect(toMarkdown([paper({ id: '2402.00004', title: 'From $x$ to $y$' })])).toBe(
      '- [From \\$x\\$ to \\$y\\$](https://arxiv.org/abs/2402.00004) (2024) · saved\n',
    );
  });

  it('shortens long author lists and uses the id for untitled papers', () => {
    const many = paper({ id: '2402.00001', title: 'T', authors: ['A', 'B', 'C', 'D', 'E', 'F'] });
    expect(toMarkdown([many])).toBe('- [T](https://arxiv.org/abs/2402.00001) — A, B, C, D, E, et al. (2024) · saved\n');
    expect(lines).toContain('- [2501.00042](https://arxiv.org/abs/2501.00042) (2025) · saved');
  });

  it('puts each title on one line', () => {
    expect(lines.filter((l) => l.startsWith('- ['))).toHaveLength(PAPERS.length);
  });
});

// ---------------------------------------------------------------- CSV

describe('toCsv', () => {
  const csv = toCsv(PAPERS);
  const rows = parseCsv(csv);

  it('is RFC 4180 with a header and one CRLF record per paper', () => {
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(PAPERS.length + 1);
    for (const r of rows) expect(r).toHaveLength(CSV_COLUMNS.length);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('round-trips quotes, commas and newlines', () => {
    const r = rows[2]!;
    expect(r[0]).toBe('2405.01234');
    expect(r[1]).toBe(PAPERS[1]!.title);
    expect(r[2]).toBe('José Ñúñez; Zoë Müller; Søren Kierkegaard; Ludwig van Beethoven; Martin Luther King Jr.');
    expect(r[5]).toBe('reading group; Ünïcode');
    expect(r[7]).toBe('2026-11-26T09:30:00.000Z');
    expect(r[8]).toBe('https://arxiv.org/abs/2405.01234');
    expect(r[9]).toBe('https://arxiv.org/pdf/2405.01234');
    expect(rows[1]![5]).toBe('LLM; foundation models');
    expect(rows[1]![6]).toBe(PAPERS[0]!.note);
  });

  it("prefixes cells a spreadsheet would run as formulas with '", () => {
    expect(rows[2]![6]).toBe('\'=HYPERLINK("http://evil.example")');
    expect(rows[4]![6]).toBe("'-1+1\r\n@SUM(A1)");
    const f = parseCsv(toCsv([paper({ id: '2402.00002', title: '+cmd|calc', authors: ['@me'], tags: ['\tx'] })]))[1]!;
    expect([f[1], f[2], f[5]]).toEqual(["'+cmd|calc", "'@me", "'\tx"]);
  });

  it('writes an empty savedAt for an impossible date instead of throwing', () => {
    expect(parseCsv(toCsv([paper({ id: '2402.00003', savedAt: 1e20 })]))[1]![7]).toBe('');
  });

  it('writes only the header for an empty list', () => {
    expect(toCsv([])).toBe(`${CSV_COLUMNS.join(',')}\r\n`);
  });
});

// ---------------------------------------------------------------- JSON, names

describe('toJson', () => {
  it('writes our versioned format with compact records', () => {
    const data = JSON.parse(toJson(PAPERS, DEFAULT_SETTINGS, EXPORTED_AT));
    expect(data.format).toBe('dogear');
    expect(data.version).toBe(1);
    expect(data.exportedAt).toBe('2026-11-26T12:00:00.000Z');
    expect(data.settings).toEqual(DEFAULT_SETTINGS);
    expect(data.papers).toHaveLength(PAPERS.length);
    expect(Object.keys(data.papers[5])).not.toContain('abstract');
    expect(data.papers[3].title).toBe(PAPERS[3]!.title);
  });
});

describe('exportFilename and renderExport', () => {
  it('names files by format and local date', () => {
    const d = new Date(2026, 10, 26, 23, 59);
    expect(exportFilename('bibtex', d)).toBe('dogear-2026-11-26.bib');
    expect(exportFilename('markdown', d)).toBe('dogear-2026-11-26.md');
    expect(exportFilename('csv', new Date(2027, 0, 5))).toBe('dogear-2027-01-05.csv');
    expect(exportFilename('json', d)).toBe('dogear-2026-11-26.json');
  });

  it('renders every format with its mime type', () => {
    const d = new Date(2026, 10, 26);
    for (const f of Object.keys(EXPORT_FORMATS) as (keyof typeof EXPORT_FORMATS)[]) {
      const r = renderExport(f, PAPERS, DEFAULT_SETTINGS, d);
      expect(r.mime).toBe(EXPORT_FORMATS[f].mime);
      expect(r.filename).toBe(exportFilename(f, d));
      expect(r.text.length).toBeGreaterThan(100);
    }
    expect(renderExport('csv', PAPERS, DEFAULT_SETTINGS, d).text).toBe(toCsv(PAPERS));
    expect(EXPORT_FORMATS.bibtex.mime).toMatch(/^application\/x-bibtex/);
  });
});
