import { describe, expect, it } from 'vitest';
import { describeError, errorText } from './errors';

describe('errorText', () => {
  it("gives an Error's message, and the fallback (or the value as text) for anything else", () => {
    expect(errorText(new Error('quota'))).toBe('quota');
    expect(errorText(new Error('quota'), 'fallback')).toBe('quota');
    expect(errorText('plain')).toBe('plain');
    expect(errorText({ name: 'x' }, 'Could not save the change')).toBe('Could not save the change');
    expect(errorText(undefined, '')).toBe('');
  });
});

describe('describeError', () => {
  it('names the storage failures a user can act on, and says nothing was saved', () => {
    expect(describeError(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))).toMatch(
      /^Storage is full: nothing was saved/,
    );
    expect(describeError({ name: 'AbortError' })).toMatch(/interrupted and not saved/);
    expect(describeError(new Error('Not saved: the paper would be invalid'))).toBe(
      'Not saved: the paper would be invalid',
    );
  });
});
