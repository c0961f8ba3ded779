import { describe, expect, it } from 'vitest';
import type { Paper } from '../model';
import { toCreator } from './creators';
import { extraFor, noteHtml, toZoteroItem, trimInternal } from './item';

const BERT_ABSTRACT =
  'We introduce a new language representation model called BERT, which stands for Bidirectional Encoder Representations from Transformers.';

function bert(over: Partial<Paper> = {}): Paper {
  return {
    id: '1810.04805',
    title: 'BERT: Pre-training of Deep Bidirectional Transformers for\n  Language Understanding',
    authors: ['Jacob Devlin', 'Ming-Wei Chang', 'Kenton Lee', 'Kristina Toutanova'],
    abstract: `  ${BERT_ABSTRACT.replace('model called', 'model\ncalled')}\n`,
    published: '2018-10-11T00:00:00.000Z',
    primaryClass: 'cs.CL',
    status: 'saved',
    tags: ['nlp'],
    ruleTags: ['transformers'],
    note: '',
    sources: ['arxiv'],
    savedAt: 1,
    updatedAt: 1,
    ...over,
  };
}

/**
 * What Zotero's arXiv translator produces for https://arxiv.org/abs/1810.04805 (its own test case,
 * `arXiv.org.js`), minus what it takes from elsewhere: the version line in `extra` (from a versioned
 * URL), `shortTitle` (added by Zotero's translation framework), subject tags, arXiv's comment note
 * and the PDF/snapshot attachments.
 */
const TRANSLATOR_BERT = {
  itemType: 'preprint',
  title: 'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding',
  creators: [
    { firstName: 'Jacob', lastName: 'Devlin', creatorType: 'author' },
    { firstName: 'Ming-Wei', lastName: 'Chang', creatorType: 'author' },
    { firstName: 'Kenton', lastName: 'Lee', creatorType: 'author' },
    { firstName: 'Kristina', lastName: 'Toutanova', creatorType: 'author' },
  ],
  date: '2018-10-11',
  DOI: '10.48550/arXiv.1810.04805',
  abstractNote: BERT_ABSTRACT,
  archiveID: 'arXiv:1810.04805',
  extra: 'arXiv:1810.04805 [cs.CL]',
  libraryCatalog: 'arXiv.org',
  repository: 'arXiv',
  url: 'http://arxiv.org/abs/1810.04805',
};

describe('toZoteroItem', () => {
  it('matches the arXiv translator field for field', () => {
    const item = toZoteroItem(bert());
    for (const [k, v] of Object.entries(TRANSLATOR_BERT)) expect(item[k as keyof typeof item], k).toEqual(v);
  });

  it('adds exactly the connector fields, our tags and no attachments', () => {
    const item = toZoteroItem(bert({ note: 'Read §3 first' }));
    expect(Object.keys(item).sort()).toEqual(
      [...Object.keys(TRANSLATOR_BERT), 'id', 'accessDate', 'tags', 'notes'].sort(),
    );
    expect(item.id).toBe('1810.04805');
    expect(item.accessDate).toBe('CURRENT_TIMESTAMP');
    expect(item.tags).toEqual([{ tag: 'nlp' }, { tag: 'transformers' }]);
    expect(item.notes).toEqual([{ note: '<p>Read §3 first</p>' }]);
  });

  it('old-style ids: no category in extra, archive kept in the id', () => {
    const item = toZoteroItem(bert({ id: 'hep-th/9901001', primaryClass: 'hep-th' }));
    expect(item.extra).toBe('arXiv:hep-th/9901001');
    expect(item.url).toBe('http://arxiv.org/abs/hep-th/9901001');
    expect(item.DOI).toBe('10.48550/arXiv.hep-th/9901001');
    expect(item.archiveID).toBe('arXiv:hep-th/9901001');
  });

  it('a paper known only by its id still makes a valid item, without empty fields', () => {
    const item = toZoteroItem(
      bert({
        title: '',
        authors: [],
        abstract: undefined,
        published: undefined,
        primaryClass: undefined,
        tags: [],
        ruleTags: [],
      }),
    );
    expect(item.title).toBe('1810.04805');
    expect(item.creators).toEqual([]);
    expect('abstractNote' in item).toBe(false);
    expect('date' in item).toBe(false);
    expect(item.extra).toBe('arXiv:1810.04805');
    expect(item.tags).toEqual([]);
    expect(item.notes).toEqual([]);
  });

  it('keeps a month-only date and drops an unreadable one', () => {
    expect(toZoteroItem(bert({ published: '2018-10' })).date).toBe('2018-10');
    expect('date' in toZoteroItem(bert({ published: 'yesterday' }))).toBe(false);
  });

  it('the same tag from the user and a rule is sent once', () => {
    expect(toZoteroItem(bert({ tags: ['rl'], ruleTags: ['rl', 'x'] })).tags).toEqual([{ tag: 'rl' }, { tag: 'x' }]);
  });
});

describe('noteHtml (the note is text, never markup)', () => {
  it('escapes markup and keeps paragraphs and line breaks', () => {
    expect(noteHtml('<script>alert(1)</script> & "q"')).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot;</p>',
    );
    expect(noteHtml('one\ntwo\r\n\r\nthree')).toBe('<p>one<br>two</p><p>three</p>');
    expect(noteHtml('  \n\n ')).toBe('');
  });
});

describe('helpers', () => {
  it('trimInternal collapses every whitespace run', () => {
    expect(trimInternal(' a\n\t b\u00a0 c ')).toBe('a b c');
  });
  it('extraFor ignores a blank category', () => {
    expect(extraFor('2506.02355', '  ')).toBe('arXiv:2506.02355');
    expect(extraFor('2506.02355', 'cs.LG')).toBe('arXiv:2506.02355 [cs.LG]');
  });
});

describe('toCreator (as Zotero cleanAuthor splits names)', () => {
  const cases: Array<[string, unknown]> = [
    ['Jacob Devlin', { firstName: 'Jacob', lastName: 'Devlin', creatorType: 'author' }],
    ['Ming-Wei Chang', { firstName: 'Ming-Wei', lastName: 'Chang', creatorType: 'author' }],
    ['Jean - Paul Sartre', { firstName: 'Jean-Paul', lastName: 'Sartre', creatorType: 'author' }],
    ['J. R. R. Tolkien', { firstName: 'J. R. R.', lastName: 'Tolkien', creatorType: 'author' }],
    ['JRR Tolkien', { firstName: 'J. R. R.', lastName: 'Tolkien', creatorType: 'author' }],
    ['J R Tolkien', { firstName: 'J. R.', lastName: 'Tolkien', creatorType: 'author' }],
    ['Ludwig van Beethoven', { firstName: 'Ludwig van', lastName: 'Beethoven', creatorType: 'author' }],
    // Zotero trims brackets at the ends too, so the country loses its closing one.
    ['Ada Lovelace [UK]', { firstName: 'Ada', lastName: 'Lovelace [UK', creatorType: 'author' }],
    ['Jürgen Schmidhuber', { firstName: 'Jürgen', lastName: 'Schmidhuber', creatorType: 'author' }],
    ['  Yann   LeCun, ', { firstName: 'Yann', lastName: 'LeCun', creatorType: 'author' }],
    ['Ivan IV', { firstName: 'Ivan', lastName: 'IV', creatorType: 'author' }],
    ['OpenAI', { name: 'OpenAI', creatorType: 'author' }],
    ['张伟', { name: '张伟', creatorType: 'author' }],
  ];
  it.each(cases)('%s', (raw, expected) => expect(toCreator(raw)).toEqual(expected));

  it('nothing but punctuation or space is no creator', () => {
    expect(toCreator(' .,: ')).toBeNull();
    expect(toCreator('')).toBeNull();
  });
});
