import type { Settings } from '@/lib/model';
import { NEW_FOR_MS } from '@/lib/store';
import { SwitchSetting } from './SwitchSetting';

interface Props {
  settings: Settings;
  onChange: (s: Settings) => void;
}

type BoolKey = { [K in keyof Settings]: Settings[K] extends boolean ? K : never }[keyof Settings];

const NEW_MINUTES = Math.round(NEW_FOR_MS / 60_000);

const TOGGLES: Array<[BoolKey, string, string]> = [
  [
    'matchesFirst',
    'Matching entries first',
    'Entries with keyword matches move to the top of their list; switched off, the site’s own order comes back.',
  ],
  ['hideDismissed', 'Hide dismissed papers', 'Dismissed papers disappear from listings instead of fading.'],
  [
    'showNew',
    'Mark new entries',
    `A small “new” marker on entries first shown to you in the last ${NEW_MINUTES} minutes, so a reload keeps it.`,
  ],
  [
    'relevance',
    'Relevance indicator',
    'A bar learned from what you save, read and dismiss; your keyword matches stand in until there is enough to learn from.',
  ],
  ['sortByRelevance', 'Sort listings by relevance', 'Most relevant first; ties keep the site’s order.'],
  ['badge', 'Count on the toolbar icon', 'The number of saved papers you have not read yet.'],
];

const UNMATCHED: Array<[Settings['unmatched'], string]> = [
  ['show', 'Show'],
  ['dim', 'Dim'],
  ['hide', 'Hide'],
];

export function DisplaySection({ settings, onChange }: Props) {
  const noKeywords = settings.keywords.length === 0;
  return (
    <section class="card" id="display" aria-labelledby="dp-h">
      <header class="card-head">
        <h2 id="dp-h">On listings</h2>
        <p class="muted">
          How entries are shown on Hugging Face and arXiv listings. Saved and read papers are never dimmed or hidden by
          matches.
        </p>
      </header>
      <div class="setting">
        <div>
          <span class="setting-label" id="unmatched-label">
            Entries with no keyword match
          </span>
          <span class="muted small">
            {noKeywords
              ? 'Takes effect once you have keywords.'
              : 'Dimmed entries come back to full strength on hover.'}
          </span>
        </div>
        <div class="segmented" role="radiogroup" aria-labelledby="unmatched-label">
          {UNMATCHED.map(([value, label]) => (
            <label key={value} class={settings.unmatched === value ? 'on' : ''}>
              <input
                type="radio"
                name="unmatched"
                value={value}
                checked={settings.unmatched === value}
                onChange={() => onChange({ ...settings, unmatched: value })}
              />
              {label}
            </label>
          ))}
        </div>
      </div>
      {TOGGLES.map(([key, label, hint]) => (
        <SwitchSetting
          key={key}
          name={key}
          label={label}
          hint={hint}
          checked={settings[key]}
          onChange={(on) => onChange({ ...settings, [key]: on })}
        />
      ))}
      <label class="setting">
        <div>
          <span class="setting-label">Dim entries below relevance</span>
          <span class="muted small">Fades entries the relevance indicator rates below this level.</span>
        </div>
        <span class="range">
          <input
            type="range"
            name="dimBelow"
            min={0}
            max={1}
            step={0.05}
            value={settings.dimBelow}
            onInput={(e) => onChange({ ...settings, dimBelow: Number((e.currentTarget as HTMLInputElement).value) })}
          />
          <output>{settings.dimBelow === 0 ? 'off' : `${Math.round(settings.dimBelow * 100)}%`}</output>
        </span>
      </label>
    </section>
  );
}
