// @vitest-environment happy-dom
// @vitest-environment-options {"settings":{"handleDisabledFileLoadingAsSuccess":true}}
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PaperMetaSchema } from '../model';
import { arxiv } from './arxiv';
import { FIXTURE_MANIFEST } from '../../tests/support/fixture-manifest';

/** Catchup pages are arxiv-browse's /new sections for a past day: the list reader handles them unchanged. */

const FIXTURES = path.resolve(process.cwd(), 'tests/fixtures');
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const load = (file: string) => parse(readFileSync(path.join(FIXTURES, file), 'utf8'));
const row = (file: string) => FIXTURE_MANIFEST.find((m) => m.file === file)!;

describe('arxiv.detect on catchup pages', () => {
  const doc = parse('<html><body></body></html>');
  it.each([
    ['https://arxiv.org/catchup/cs.LG/2026-10-26', 'listing'],
    ['https://arxiv.org/catchup/cs.LG/2026-10-26?abs=True', 'listing'],
    ['https://arxiv.org/catchup/cs.LG/2026-10-26?abs=False&page=2', 'listing'],
    ['https://arxiv.org/catchup/cs/2026-10-26/', 'listing'],
    ['https://arxiv.org/catchup/hep-th/2026-10-26', 'listing'],
    ['https://arxiv.org/catchup/grp_physics/2026-10-26', 'listing'],
    ['https://arxiv.org/catchup', null],
    ['https://arxiv.org/catchup/', null],
    ['https://arxiv.org/catchup/cs.LG', null],
    ['https://arxiv.org/catchup/cs.LG/2026-10', null],
    ['https://arxiv.org/catchup/cs.LG/26-10-2026', null],
    ['https://arxiv.org/catchup/cs.LG/2026-10-26/extra', null],
    ['https://arxiv.org/catchup/grp_evil/2026-10-26', null],
    ['https://export.arxiv.org/catchup/cs.LG/2026-10-26', null],
  ] as const)('%s → %s', (url, kind) => {
    expect(arxiv.detect(url, doc)).toBe(kind);
  });
});

describe('arxiv.extract on catchup-cs.LG-2026-10-26.html', () => {
  const file = 'arxiv/catchup-cs.LG-2026-10-26.html';
  const doc = load(file);
  const { entries, skipped } = arxiv.extract(doc);

  it('reads every entry of the three sections in page order, matching the manifest and the DOM', () => {
    const r = row(file);
    expect(skipped).toEqual([]);
    expect([entries.length, entries[0]?.meta.id, entries.at(-1)?.meta.id]).toEqual([60, r.firstId, r.lastId]);
    expect(r.entries).toBe(60);
    expect(entries.map((e) => e.element)).toEqual([...doc.querySelectorAll('dl[id="articles"] > dt')]);
  });

  it('anchors each entry on its dt (inline overlay, dt and dd as its boxes), with the abstract of ?abs=True', () => {
    for (const e of entries) {
      expect(e.element.localName).toBe('dt');
      expect(e.mount).toBe(e.element);
      expect(e.inline).toBe(true);
      expect(e.boxes).toEqual([e.element, e.element.nextElementSibling]);
      expect(e.meta.abstract).toBeTruthy();
      expect(e.meta.primaryClass).toMatch(/^(cs\.LG|cs\.CV)$/);
      expect(PaperMetaSchema.safeParse(e.meta).success).toBe(true);
    }
  });

  it('reads hostile-text catchup entries as text', () => {
    const hostile = 'hostile/arxiv-catchup-payloads.html';
    const page = load(hostile);
    const { entries: bad, skipped: none } = arxiv.extract(page);
    const r = row(hostile);
    expect(none).toEqual([]);
    expect([bad.length, bad[0]?.meta.id, bad.at(-1)?.meta.id]).toEqual([r.entries, r.firstId, r.lastId]);
    expect(bad[0]?.meta.title).toMatch(/^<img src=x onerror="window.__pwned=1"> /);
    expect(bad[2]?.meta.authors[0]).toBe("{{constructor.constructor('window.__pwned=1')()}} X");
    expect(page.querySelectorAll('dd img, dd script, dd svg, dd style, dd b')).toHaveLength(0);
    for (const e of bad) expect(PaperMetaSchema.safeParse(e.meta).success, e.meta.id).toBe(true);
  });
});
