import { describe, expect, it } from 'vitest';
import {
  idMonth,
  isNewStyleId,
  canonicalId,
  hfPaperUrl,
  mergeMeta,
  PaperMetaSchema,
  PaperSchema,
  SettingsSchema,
  SourceSchema,
  DEFAULT_SETTINGS,
  TagNameSchema,
  blankPaper,
  validPaper,
} from './model';
import { CheckedPapersSchema } from './messages';

describe('canonicalId', () => {
  const same: Array<[string, string]> = [
    ['2407.21783', '2407.21783'],
    ['2407.21783v2', '2407.21783'],
    ['arXiv:2407.21783v1', '2407.21783'],
    ['  arxiv: 2407.21783 ', '2407.21783'],
    ['https://arxiv.org/abs/2407.21783v3', '2407.21783'],
    ['http://arxiv.org/abs/2407.21783', '2407.21783'],
    ['https://arxiv.org/pdf/2407.21783v1.pdf', '2407.21783'],
    ['https://arxiv.org/pdf/2407.21783', '2407.21783'],
    ['https://arxiv.org/html/2407.21783v2', '2407.21783'],
    ['https://export.arxiv.org/abs/2407.21783', '2407.21783'],
    ['https://www.arxiv.org/abs/2407.21783?context=cs', '2407.21783'],
    ['https://ar5iv.labs.arxiv.org/html/2407.21783', '2407.21783'],
    ['https://ar5iv.org/abs/2407.21783', '2407.21783'],
    ['https://huggingface.co/papers/2407.21783', '2407.21783'],
    ['https://huggingface.co/papers/2407.21783#community', '2407.21783'],
    ['huggingface.co/papers/2407.21783/', '2407.21783'],
    ['https://www.alphaxiv.org/abs/2407.21783', '2407.21783'],
    ['https://alphaxiv.org/overview/2407.21783v2', '2407.21783'],
    ['https://doi.org/10.48550/arXiv.2407.21783', '2407.21783'],
    ['10.48550/arXiv.2407.21783', '2407.21783'],
    ['1312.1234', '1312.1234'],
    ['0704.0001', '0704.0001'],
    ['hep-th/9901001', 'hep-th/9901001'],
    ['hep-th/9901001v2', 'hep-th/9901001'],
    ['HEP-TH/9901001', 'hep-th/9901001'],
    ['https://arxiv.org/abs/hep-th/9901001v1', 'hep-th/9901001'],
    ['https://arxiv.org/abs/math.GT/0309136', 'math/0309136'],
    ['cond-mat/0703470', 'cond-mat/0703470'],
    ['https://arxiv.org/pdf/quant-ph/0201082v1', 'quant-ph/0201082'],
  ];
  it.each(same)('%s → %s', (input, id) => expect(canonicalId(input)).toBe(id));

  const invalid: unknown[] = [
    '',
    'bad',
    '2407',
    '2407.217',
    '2407.217831',
    '2413.12345',
    '2400.12345',
    '1312.12345',
    '1501.1234',
    '0703.0001',
    'hep-th/9913001',
    'hep-th/0801001',
    '/9901001',
    'https://example.com/abs/2407.21783',
    'https://huggingface.co/models/2407.21783',
    'https://arxiv.org/list/cs.LG/new',
    '2407.21783 extra',
    '<script>2407.21783</script>',
    'x'.repeat(5000),
    null,
    undefined,
    2407.21783,
    {},
    ['2407.21783'],
  ];
  it.each(invalid.map((v) => [v]))('rejects %j', (input) => expect(canonicalId(input)).toBeNull());
});

describe('idMonth and isNewStyleId', () => {
  it('reads the month from both id styles, across the 1991–2007 century boundary', () => {
    expect(idMonth('2506.02355')).toEqual({ year: 2025, month: 6 });
    expect(idMonth('0704.0001')).toEqual({ year: 2007, month: 4 });
    expect(idMonth('hep-th/9901001')).toEqual({ year: 1999, month: 1 });
    expect(idMonth('math/0211159')).toEqual({ year: 2002, month: 11 });
  });
  it('knows nothing of what is not an id', () => {
    for (const bad of ['', 'abc', '25060.2355', 'hep-th/990100', '2506.02355/extra']) expect(idMonth(bad)).toBeNull();
  });
  it('tells the two styles apart', () => {
    expect(isNewStyleId('2506.02355')).toBe(true);
    expect(isNewStyleId('1412.6980')).toBe(true);
    expect(isNewStyleId('hep-th/9901001')).toBe(false);
  });
});

describe('schemas', () => {
  const meta = { id: '2407.21783', title: 'The Llama 3 Herd of Models', authors: ['Abhimanyu Dubey'] };
  it('accepts a minimal paper meta and rejects non-canonical ids', () => {
    expect(PaperMetaSchema.safeParse(meta).success).toBe(true);
    expect(PaperMetaSchema.safeParse({ ...meta, id: '2407.21783v2' }).success).toBe(false);
    expect(PaperMetaSchema.safeParse({ ...meta, id: 'nope' }).success).toBe(false);
  });
  it('caps hostile sizes', () => {
    expect(PaperMetaSchema.safeParse({ ...meta, title: 'x'.repeat(1001) }).success).toBe(false);
    expect(PaperMetaSchema.safeParse({ ...meta, authors: Array(1001).fill('a') }).success).toBe(false);
    expect(PaperMetaSchema.safeParse({ ...meta, codeUrl: 'javascript:alert(1)' }).success).toBe(false);
  });
  it('validates full papers', () => {
    const p = {
      ...meta,
      status: 'saved',
      tags: ['rl'],
      ruleTags: [],
      note: '',
      sources: ['huggingface'],
      savedAt: 1,
      updatedAt: 1,
    };
    expect(PaperSchema.safeParse(p).success).toBe(true);
    expect(PaperSchema.safeParse({ ...p, status: 'archived' }).success).toBe(false);
    expect(PaperSchema.safeParse({ ...p, sources: ['Evil <source>'] }).success).toBe(false);
    // A site a newer version knows (its adapter's name) still reads.
    expect(PaperSchema.safeParse({ ...p, sources: ['newsite'] }).success).toBe(true);
  });
  it('tags are trimmed, non-empty and free of control characters', () => {
    expect(TagNameSchema.parse('  rl  ')).toBe('rl');
    expect(TagNameSchema.safeParse('   ').success).toBe(false);
    expect(TagNameSchema.safeParse('a\u0000b').success).toBe(false);
  });
  it('settings fill defaults and reject bad values', () => {
    expect(SettingsSchema.parse({})).toEqual(DEFAULT_SETTINGS);
    expect(SettingsSchema.safeParse({ unmatched: 'explode' }).success).toBe(false);
    expect(SettingsSchema.safeParse({ tagRules: [{ name: 'x', color: 'red', patterns: [] }] }).success).toBe(false);
    const s = SettingsSchema.parse({ keywords: [{ pattern: 'diffusion' }] });
    expect(s.keywords[0]).toEqual({ pattern: 'diffusion', caseSensitive: false, wholeWord: true });
  });
  it('refinements draw the lines the regex, length and range checks drew', () => {
    const source = (name: string) => SourceSchema.safeParse(name).success;
    expect([source('a'), source(`a${'-'.repeat(31)}`), source('arxiv-2')]).toEqual([true, true, true]);
    expect([source(''), source(`a${'b'.repeat(32)}`), source('2arxiv'), source('Arxiv'), source('a_b')]).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    const color = (color: string) =>
      SettingsSchema.safeParse({ tagRules: [{ name: 'x', color, patterns: [] }] }).success;
    expect([color('#1f6FEB'), color('#1f6feb0'), color('#1f6fe'), color('#1f6feg'), color('1f6feb0')]).toEqual([
      true,
      false,
      false,
      false,
      false,
    ]);
    const dim = (dimBelow: number) => SettingsSchema.safeParse({ dimBelow }).success;
    expect([dim(0), dim(1), dim(0.5), dim(-0.01), dim(1.01), dim(Number.NaN)]).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
    expect(SettingsSchema.safeParse({ keywords: [{ pattern: ' \t ' }] }).success).toBe(false);
    expect(SettingsSchema.safeParse({ keywords: [{ pattern: ' a ' }] }).data?.keywords[0]?.pattern).toBe('a');
  });
});

describe('mergeMeta', () => {
  it('keeps what the page does not show and never shortens an abstract', () => {
    const old = {
      id: '2407.21783',
      title: 'Old',
      authors: ['A B'],
      abstract: 'a long abstract here',
      primaryClass: 'cs.LG',
    };
    const merged = mergeMeta(old, { id: '2407.21783', title: 'New', authors: [], abstract: 'short' });
    expect(merged).toMatchObject({
      title: 'New',
      authors: ['A B'],
      abstract: 'a long abstract here',
      primaryClass: 'cs.LG',
    });
  });
});

it('hfPaperUrl exists only for new-style ids', () => {
  expect(hfPaperUrl('2407.21783')).toBe('https://huggingface.co/papers/2407.21783');
  expect(hfPaperUrl('hep-th/9901001')).toBeNull();
});

describe('CheckedPapersSchema', () => {
  const record = { ...blankPaper('2601.00001', 1, 'import'), title: 'T' };

  it('papers parsed on arrival are not parsed again by validPaper; anything else is', () => {
    const [arrived] = CheckedPapersSchema.parse([record]);
    expect(validPaper(arrived)).toBe(arrived);
    const copy = validPaper(record);
    expect(copy).not.toBe(record);
    expect(copy).toEqual(record);
    // A record built from a checked one is a new object: checked like any other.
    const tooMany = { ...arrived, tags: Array.from({ length: 51 }, (_, i) => `t${i}`) };
    expect(() => validPaper(tooMany)).toThrow(/at most 50 tags/);
  });

  it('refuses a list with one bad record', () => {
    expect(CheckedPapersSchema.safeParse([record, { ...record, id: 'x' }]).success).toBe(false);
  });
});
