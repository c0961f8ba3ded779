import { describe, expect, it } from 'vitest';
import { applySettingsEdit, STALE_SETTINGS } from './settings-edit';
import { DEFAULT_SETTINGS, type Settings } from './model';

const kw = (...patterns: string[]) => patterns.map((pattern) => ({ pattern, caseSensitive: false, wholeWord: true }));
const with_ = (over: Partial<Settings>): Settings => ({ ...DEFAULT_SETTINGS, ...over });

describe('applySettingsEdit', () => {
  it('keeps what another tab changed in fields this edit did not touch', () => {
    const base = DEFAULT_SETTINGS;
    const current = with_({ hideDismissed: true, tagRules: [] });
    const next = with_({ keywords: kw('agents') });
    expect(applySettingsEdit(current, base, next)).toEqual(with_({ hideDismissed: true, keywords: kw('agents') }));
  });

  it('an edit that changes nothing writes back the current settings unchanged', () => {
    const current = with_({ badge: false });
    expect(applySettingsEdit(current, DEFAULT_SETTINGS, DEFAULT_SETTINGS)).toEqual(current);
  });

  it('refuses when a field it edits was changed elsewhere since its base', () => {
    const base = with_({ keywords: kw('a') });
    const current = with_({ keywords: kw('a', 'b') });
    expect(() => applySettingsEdit(current, base, with_({ keywords: kw('a', 'c') }))).toThrow(STALE_SETTINGS);
    expect(() => applySettingsEdit(with_({ dimBelow: 0.5 }), DEFAULT_SETTINGS, with_({ dimBelow: 0.2 }))).toThrow(
      STALE_SETTINGS,
    );
  });

  it('two tabs making the same change agree', () => {
    const current = with_({ keywords: kw('a') });
    expect(applySettingsEdit(current, DEFAULT_SETTINGS, current)).toEqual(current);
  });

  it('compares values, not key order', () => {
    const base = with_({ keywords: [{ wholeWord: true, caseSensitive: false, pattern: 'a' }] });
    const current = with_({ keywords: kw('a'), showNew: false });
    expect(applySettingsEdit(current, base, { ...base, badge: false })).toEqual({ ...current, badge: false });
  });
});
