import type { SettingName } from './settings';

/** Settings as the user knows them from the options page: each group can stay on one device. */
export const SETTING_GROUPS: ReadonlyArray<[label: string, names: SettingName[]]> = [
  ['Keywords', ['keywords']],
  ['Tag rules', ['tagRules']],
  [
    'How listings look',
    ['hideDismissed', 'unmatched', 'matchesFirst', 'showNew', 'relevance', 'sortByRelevance', 'dimBelow'],
  ],
  ['Keyboard shortcuts', ['shortcuts']],
  ['Count on the toolbar icon', ['badge']],
];
