// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SITE_NAMES } from '.';
import { inertPages } from '../testing/inert-pages';

/**
 * Every site's `*.selectors.ts`: each exported selector `NAME` comes with `NAME_`, the
 * fixture pages (paths under tests/fixtures/) or HTML examples it must match. A fixture
 * refresh or a selector edit that breaks the pairing fails here, for every site alike.
 */

inertPages();

const modules = import.meta.glob<Record<string, unknown>>('./*.selectors.ts', { eager: true });

const docs = new Map<string, Document>();
/** A fixture page, or an HTML example (anything starting with `<`), parsed once. */
function docOf(source: string): Document {
  let doc = docs.get(source);
  if (!doc) {
    const html = source.startsWith('<')
      ? source
      : readFileSync(path.resolve(process.cwd(), 'tests/fixtures', source), 'utf8');
    doc = new DOMParser().parseFromString(html, 'text/html');
    docs.set(source, doc);
  }
  return doc;
}

it('finds the selector catalogue of every site in the registry', () => {
  for (const name of SITE_NAMES) expect(Object.keys(modules)).toContain(`./${name}.selectors.ts`);
});

describe.each(Object.entries(modules))('%s', (_file, exported) => {
  const names = Object.keys(exported).filter((k) => !k.endsWith('_'));
  const examples = (name: string) => exported[`${name}_`] as string[] | undefined;

  it('exports only selectors, each with the pages it must match', () => {
    expect(names.length).toBeGreaterThanOrEqual(10);
    for (const name of names) {
      expect(typeof exported[name], name).toBe('string');
      expect(Array.isArray(examples(name)) && examples(name)!.length > 0, `${name}_`).toBe(true);
    }
    for (const key of Object.keys(exported).filter((k) => k.endsWith('_')))
      expect(names, `${key} has no selector`).toContain(key.slice(0, -1));
  });

  const pairs = names.flatMap((name) =>
    (examples(name) ?? []).map((source) => [name, source.startsWith('<') ? `<example>` : source, source]),
  );
  it.each(pairs)(
    '%s matches %s',
    (name, _label, source) => {
      expect(docOf(source).querySelector(exported[name] as string)).not.toBeNull();
    },
    60_000,
  );
});
