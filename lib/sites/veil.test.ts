import { describe, expect, it } from 'vitest';
import { veilCss } from './veil';

describe('veilCss', () => {
  const css = veilCss(['[data-a]', '[data-b] + dd']);

  it('draws the veil over every target and keeps the overlay above it', () => {
    expect(css).toContain('[data-a]::after, [data-b] + dd::after {');
    expect(css).toContain('background: var(--dg-veil)');
    expect(css).toContain('[data-a] dogear-card, [data-b] + dd dogear-card { position: relative; z-index: 1; }');
  });

  it('lifts most of it on hover and focus', () => {
    expect(css).toContain('[data-a]:hover::after, [data-b] + dd:hover::after, [data-a]:focus-within::after');
  });

  it('never fades the entry itself', () => {
    const rules = css.split('}').filter((r) => !r.includes('::after'));
    for (const rule of rules) expect(rule).not.toContain('opacity');
  });
});
