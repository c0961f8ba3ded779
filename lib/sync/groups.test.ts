import { describe, expect, it } from 'vitest';
import { SETTING_GROUPS } from './groups';
import { SETTING_NAMES } from './settings';

describe('setting groups of the Sync section', () => {
  it('name every setting exactly once, so each can be kept on one device', () => {
    const names = SETTING_GROUPS.flatMap(([, n]) => n);
    expect([...names].sort()).toEqual([...SETTING_NAMES].sort());
    expect(new Set(names).size).toBe(names.length);
  });
});
