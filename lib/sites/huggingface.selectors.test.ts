// @vitest-environment happy-dom
import { expect, it } from 'vitest';
import * as SEL from './huggingface.selectors';

// The generic pairing of selectors and fixtures is in selectors.test.ts; these are HF's own edge cases.

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
