import { describe, expect, it } from 'vitest';
import { plural } from './words';

describe('plural', () => {
  it('adds s to every count but one', () => {
    expect(plural(0, 'paper')).toBe('0 papers');
    expect(plural(1, 'paper')).toBe('1 paper');
    expect(plural(2, 'tag')).toBe('2 tags');
  });
});
