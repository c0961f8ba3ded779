// @vitest-environment happy-dom
import { expect, it } from 'vitest';
import * as SEL from './huggingface.selectors';

// The generic pairing of selectors and fixtures is in selectors.test.ts; these are HF's own edge cases.

it('the abstract selector does not match a daily card', () => {
  const doc = new DOMParser().parseFromString(
    '<article><div class="w-full"><h3><a href="/papers/2610.22092">T</a></h3><div><a href="/papers/2610.22092#community">4</a></div></div></article>',
    'text/html',
  );
  expect(doc.querySelector(SEL.CARD_ABSTRACT)).toBeNull();
});
