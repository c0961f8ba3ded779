// @vitest-environment happy-dom
import { afterEach, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/preact';
import { DEFAULT_SETTINGS } from '@/lib/model';
import { KEY_HELP } from '@/lib/keys/keymap';
import { KeyboardSection } from './KeyboardSection';

afterEach(cleanup);

it('lists the keys once, and keeps the list when the switch redraws the section', () => {
  const onChange = () => {};
  const { container, rerender } = render(<KeyboardSection settings={DEFAULT_SETTINGS} onChange={onChange} />);
  const terms = () => [...container.querySelectorAll('.keys-list dd')].map((d) => d.textContent);
  expect(terms()).toEqual(KEY_HELP.map((k) => k.label));
  rerender(<KeyboardSection settings={{ ...DEFAULT_SETTINGS, shortcuts: false }} onChange={onChange} />);
  expect(container.querySelector('.keys-list')!.className).toBe('keys-list off');
  expect(terms()).toEqual(KEY_HELP.map((k) => k.label));
});
