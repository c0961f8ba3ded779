import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../model';
import { decodeSetting, mergeSettings, settingKey, settingsItems, stamp, type SyncedSetting } from './settings';
import { BUDGET, itemBytes } from './quota';

const NOW = Date.UTC(2026, 11, 5, 9);
const DAY = 86_400_000;
const kw = (...p: string[]) => p.map((pattern) => ({ pattern, caseSensitive: false, wholeWord: true }));

describe('settings sync', () => {
  it('first stamp: a device’s own choices beat defaults, later edits carry their time', () => {
    const mine: Settings = { ...DEFAULT_SETTINGS, keywords: kw('diffusion') };
    const c = stamp({}, mine, NOW);
    expect(c.keywords?.[0]).toBe(1);
    expect(c.hideDismissed?.[0]).toBe(0);
    const c2 = stamp(c, { ...mine, hideDismissed: true }, NOW + 5);
    expect(c2.hideDismissed?.[0]).toBe(NOW + 5);
    expect(c2.keywords).toEqual(c.keywords);
  });

  it('last writer wins per setting; settings kept to this device are neither taken nor sent', () => {
    const local: Settings = { ...DEFAULT_SETTINGS, keywords: kw('a'), hideDismissed: true };
    const clock = stamp(stamp({}, DEFAULT_SETTINGS, 0), local, NOW - 1000);
    const incoming = new Map<keyof Settings, SyncedSetting>([
      ['keywords', { t: NOW - 10, value: kw('b') }], // newer: wins
      ['hideDismissed', { t: NOW - 2000, value: false }], // older: loses
      ['badge', { t: NOW, value: false }], // newer, but this device keeps it
    ]);
    const r = mergeSettings(local, clock, incoming, new Set(['badge']));
    expect(r.settings.keywords).toEqual(kw('b'));
    expect(r.settings.hideDismissed).toBe(true);
    expect(r.settings.badge).toBe(true);
    expect(r.changed).toEqual(['keywords']);
    const out = settingsItems(r.clock, new Set(['badge']));
    expect(out.items[settingKey('keywords')]).toEqual([NOW - 10, kw('b')]);
    expect(out.items[settingKey('badge')]).toBeUndefined();
  });

  it('equal times resolve the same way on both devices', () => {
    const a: Settings = { ...DEFAULT_SETTINGS, unmatched: 'dim' };
    const b: Settings = { ...DEFAULT_SETTINGS, unmatched: 'hide' };
    const ca = stamp({}, a, 0);
    const cb = stamp({}, b, 0);
    const ra = mergeSettings(a, ca, new Map([['unmatched', { t: 1, value: 'hide' }]]), new Set());
    const rb = mergeSettings(b, cb, new Map([['unmatched', { t: 1, value: 'dim' }]]), new Set());
    expect(ra.settings.unmatched).toBe(rb.settings.unmatched);
  });

  it('a setting too large for one key stays local and is reported', () => {
    const big: Settings = {
      ...DEFAULT_SETTINGS,
      keywords: kw(...Array.from({ length: 400 }, (_, i) => `keyword ${i}`)),
    };
    const out = settingsItems(stamp({}, big, NOW), new Set());
    expect(out.tooLarge).toEqual(['keywords']);
    const total = Object.entries(out.items).reduce((n, [k, v]) => n + itemBytes(k, v), 0);
    expect(total).toBeLessThanOrEqual(BUDGET.settings);
  });

  it('validates what comes in as strictly as an import', () => {
    const bad: Array<[string, unknown]> = [
      ['keywords', [NOW, [{ pattern: '' }]]],
      ['keywords', [NOW, 'diffusion']],
      ['keywords', [NOW, kw(...Array.from({ length: 501 }, (_, i) => `k${i}`))]],
      ['keywords', [NOW, [{ pattern: ' padded ' }]]], // would be trimmed: not taken as is
      ['dimBelow', [NOW, 7]],
      ['unmatched', [NOW, 'explode']],
      ['hideDismissed', [NOW + 2 * DAY, true]],
      ['hideDismissed', [-1, true]],
      ['hideDismissed', [NOW]],
      ['hideDismissed', { t: NOW, value: true }],
      ['__proto__', [NOW, {}]],
      ['zoteroPassword', [NOW, 'x']],
    ];
    for (const [name, raw] of bad) expect(typeof decodeSetting(name, raw, NOW, DAY), name).toBe('string');
    expect(decodeSetting('keywords', [NOW, kw('ok')], NOW, DAY)).toEqual({ t: NOW, value: kw('ok') });
  });
});
