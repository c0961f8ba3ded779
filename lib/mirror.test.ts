import { describe, expect, it } from 'vitest';
import { mirrorItems, mirrorRepairs, parseState, readChangedIds, SETTINGS_KEY, stateKey } from './mirror';
import { DEFAULT_SETTINGS } from './model';
import { samplePapers } from './testing/old-db';

describe('mirrorRepairs', () => {
  const papers = samplePapers(4);
  const inStep = { ...mirrorItems(papers), [SETTINGS_KEY]: DEFAULT_SETTINGS, other: 1 };

  it('has nothing to do when the mirror is in step', () => {
    expect(mirrorRepairs(papers, DEFAULT_SETTINGS, inStep)).toEqual({ set: {}, remove: [] });
  });

  it('writes missing and differing entries, removes ours the store lacks, never touches other keys', () => {
    const current: Record<string, unknown> = { ...inStep, [stateKey('2401.00001')]: ['saved', [], []] };
    delete current[stateKey(papers[0]!.id)];
    current[stateKey(papers[1]!.id)] = ['saved', ['x'], []];
    current[SETTINGS_KEY] = { ...DEFAULT_SETTINGS, badge: !DEFAULT_SETTINGS.badge };
    const { set, remove } = mirrorRepairs(papers, DEFAULT_SETTINGS, current);
    expect(Object.keys(set).sort()).toEqual([SETTINGS_KEY, stateKey(papers[0]!.id), stateKey(papers[1]!.id)].sort());
    expect(remove).toEqual([stateKey('2401.00001')]);
  });

  it('treats hostile values and keys as entries to repair', () => {
    const current = JSON.parse(
      `{"__proto__": {"polluted": true}, "constructor": 1, "p:": 1, "${stateKey(papers[0]!.id)}": null}`,
    ) as Record<string, unknown>;
    const { set, remove } = mirrorRepairs(papers.slice(0, 1), DEFAULT_SETTINGS, current);
    expect(Object.keys(set).sort()).toEqual([SETTINGS_KEY, stateKey(papers[0]!.id)].sort());
    expect(remove).toEqual(['p:']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('parseState', () => {
  it("reads an entry of three parts and refuses any other shape (other tabs' scripts can write the mirror)", () => {
    expect(parseState(['saved', ['rl'], ['rule']])).toEqual({ status: 'saved', tags: ['rl'], ruleTags: ['rule'] });
    const bad = [
      ['archived', [], []],
      ['saved', [1], []],
      ['saved', [], 'x'],
      ['saved', []],
      ['saved', [], [], []],
      { 0: 'saved', 1: [], 2: [], length: 3 },
      'saved',
      null,
      undefined,
    ];
    expect(bad.map(parseState)).toEqual(bad.map(() => null));
  });
});

describe('readChangedIds', () => {
  it('names the papers a batch changed, whatever their values, and parses only the settings', () => {
    const out = readChangedIds({
      other: { newValue: 1 },
      [stateKey('2401.00003')]: { newValue: ['hacked', 1] },
      [SETTINGS_KEY]: { newValue: { hideDismissed: true, unmatched: 'explode' } },
      [stateKey('2401.00001')]: {},
    });
    expect(out.ids).toEqual(['2401.00003', '2401.00001']);
    expect(out.settings).toEqual(DEFAULT_SETTINGS);
    expect(readChangedIds({ [SETTINGS_KEY]: { newValue: { hideDismissed: true } } }).settings?.hideDismissed).toBe(
      true,
    );
    expect(readChangedIds({ other: { newValue: 1 } })).toEqual({ ids: [] });
  });
});
