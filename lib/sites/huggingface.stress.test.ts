// @vitest-environment happy-dom
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { huggingface } from './huggingface';
import type { ExtractResult } from './types';
import { inertPages } from '../testing/inert-pages';

inertPages();

interface StressModule {
  makeStressPage(count?: number): string;
  stressId(k: number): string;
}
const stress = async () =>
  (await import(pathToFileURL(path.resolve(process.cwd(), 'tests/support/stress-page.mjs')).href)) as StressModule;
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('generated 3000-entry month page', () => {
  let result: ExtractResult;
  let ms = 0;
  beforeAll(async () => {
    const { makeStressPage } = await stress();
    const doc = parse(makeStressPage());
    const t0 = performance.now();
    result = huggingface.extract(doc);
    ms = performance.now() - t0;
  }, 120_000);

  it('yields every card, in order, with island data', async () => {
    const { stressId } = await stress();
    expect(result.entries).toHaveLength(3000);
    expect(result.skipped).toEqual([]);
    expect(result.entries[0]?.meta.id).toBe('2608.00001');
    expect(result.entries.at(-1)?.meta.id).toBe('2608.03000');
    result.entries.forEach((e, k) => expect(e.meta.id).toBe(stressId(k)));
    expect(result.entries.every((e) => e.meta.abstract && e.meta.published)).toBe(true);
    // Copies repeat the month page's 500 cards: the 501st is the first again under a new id.
    expect(result.entries[500]?.meta.title).toBe(result.entries[0]?.meta.title);
  });

  it('stays linear (generous bound for happy-dom; real browsers are far faster)', () => {
    expect(ms).toBeLessThan(10_000);
  });
});

it('the generator honours count and keeps island and DOM in step', async () => {
  const { makeStressPage } = await stress();
  const r = huggingface.extract(parse(makeStressPage(7)));
  expect(r.entries.map((e) => e.meta.id)).toEqual([
    '2608.00001',
    '2608.00002',
    '2608.00003',
    '2608.00004',
    '2608.00005',
    '2608.00006',
    '2608.00007',
  ]);
  expect(r.entries[0]?.meta.title).toBe('Towards Data-Efficient Tool-Augmented LLMs for Document Understanding');
  expect(() => makeStressPage(0)).toThrow(RangeError);
});
