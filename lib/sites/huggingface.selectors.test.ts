// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as SEL from './huggingface.selectors';

// Fixture pages are parsed, never run: their scripts and stylesheets stay inert.
Object.assign((window as unknown as { happyDOM: { settings: object } }).happyDOM.settings, {
  disableJavaScriptEvaluation: true,
  disableJavaScriptFileLoading: true,
  disableCSSFileLoading: true,
  handleDisabledFileLoadingAsSuccess: true,
});

const exported = SEL as unknown as Record<string, string | string[]>;
const selectors = Object.keys(exported).filter((k) => !k.endsWith('_'));
const fixturesOf = (name: string) => exported[`${name}_`];
const files = [...new Set(selectors.flatMap((name) => fixturesOf(name) ?? []))];

it('every selector lists the fixtures it must match', () => {
  expect(selectors.length).toBeGreaterThanOrEqual(10);
  for (const name of selectors) {
    expect(typeof exported[name], name).toBe('string');
    expect(Array.isArray(fixturesOf(name)) && fixturesOf(name)!.length > 0, `${name}_`).toBe(true);
  }
});

describe.each(files)('%s', (file) => {
  let doc: Document;
  beforeAll(() => {
    const html = readFileSync(path.resolve(process.cwd(), 'tests/fixtures/hf', file), 'utf8');
    doc = new DOMParser().parseFromString(html, 'text/html');
  }, 60_000);

  it.each(selectors.filter((name) => fixturesOf(name)?.includes(file)))('matches %s', (name) => {
    expect(doc.querySelector(exported[name] as string)).not.toBeNull();
  });
});

it('vote selectors stay inside the vote widget, away from the "Submitted by" badge', () => {
  const doc = new DOMParser().parseFromString(
    '<article><div class="pointer-events-none leading-none">Submitted by x</div>' +
      '<a href="/login?next=%2Fpapers%2F2407.21783"><div role="checkbox"><div class="leading-none">94</div></div></a></article>',
    'text/html',
  );
  const widget = doc.querySelector(SEL.VOTE_WIDGET);
  expect(widget?.querySelector(SEL.VOTE_COUNT)?.textContent).toBe('94');
});

it('the abstract selector does not match a daily card', () => {
  const doc = new DOMParser().parseFromString(
    '<article><div class="w-full"><h3><a href="/papers/2610.22092">T</a></h3><div><a href="/papers/2610.22092#community">4</a></div></div></article>',
    'text/html',
  );
  expect(doc.querySelector(SEL.CARD_ABSTRACT)).toBeNull();
});
