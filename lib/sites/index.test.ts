import { describe, expect, it } from 'vitest';
import { PAGES } from '../../tests/support/fixture-routes.mjs';
import { CONTENT_MATCHES, CONTENT_ORIGINS, HOST_PATTERNS, SITE_NAMES, SITES, siteFor } from '.';

describe('the site registry', () => {
  it('gives each site one https origin, a unique name, and matches inside that origin', () => {
    expect(new Set(SITE_NAMES).size).toBe(SITES.length);
    expect(SITE_NAMES).not.toContain('import');
    for (const site of SITES) {
      expect(new URL(site.origin).origin).toBe(site.origin);
      expect(site.origin.startsWith('https://')).toBe(true);
      expect(site.matches.length).toBeGreaterThan(0);
      for (const m of site.matches) expect(m.startsWith(`${site.origin}/`), m).toBe(true);
    }
  });

  it('derives host permissions and content-script matches from the adapters', () => {
    expect(HOST_PATTERNS).toEqual(['https://huggingface.co/*', 'https://arxiv.org/*']);
    expect(CONTENT_MATCHES).toEqual(SITES.flatMap((s) => s.matches));
    for (const m of CONTENT_MATCHES) expect(HOST_PATTERNS.some((h) => m.startsWith(h.slice(0, -1)))).toBe(true);
  });

  it('picks the adapter by exact origin only', () => {
    expect(siteFor('https://arxiv.org/list/cs.LG/new')?.name).toBe('arxiv');
    expect(siteFor('https://huggingface.co/papers')?.name).toBe('huggingface');
    for (const url of [
      'https://export.arxiv.org/list/cs.LG/new',
      'http://arxiv.org/abs/1',
      'https://arxiv.org:8443/',
      'nonsense',
    ])
      expect(siteFor(url), url).toBeNull();
  });

  it('the test routes serve exactly the registered origins, each page one its site annotates', () => {
    const origins = new Set(Object.keys(PAGES).map((u) => new URL(u).origin));
    expect([...origins].sort()).toEqual([...CONTENT_ORIGINS].sort());
    for (const url of Object.keys(PAGES)) {
      const site = siteFor(url);
      expect(site, url).not.toBeNull();
      // Matches are chrome match patterns: `*` is any run of characters.
      const re = (p: string) => new RegExp(`^${p.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*')}$`);
      expect(
        site!.matches.some((m) => re(m).test(url)),
        url,
      ).toBe(true);
    }
  });
});
