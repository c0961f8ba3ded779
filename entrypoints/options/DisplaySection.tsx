import type { Settings } from '@/lib/model';

interface Props {
  settings: Settings;
  onChange: (s: Settings) => void;
}

type BoolKey = { [K in keyof Settings]: Settings[K] extends boolean ? K : never }[keyof Settings];

const TOGGLES: Array<[BoolKey, string]> = [
  ['hideDismissed', 'Hide dismissed papers on listings'],
  ['matchesFirst', 'Show entries that match my keywords first'],
  ['showNew', 'Mark entries I have never been shown before as “new”'],
  ['relevance', 'Show a relevance indicator learned from what I save, read and dismiss'],
  ['sortByRelevance', 'Sort listings by relevance'],
  ['badge', 'Show the number of papers to read on the toolbar icon'],
];

export function DisplaySection({ settings, onChange }: Props) {
  return (
    <section aria-labelledby="dp-h">
      <h2 id="dp-h">On listings</h2>
      {TOGGLES.map(([key, label]) => (
        <label class="row" key={key}>
          <input type="checkbox" name={key} checked={settings[key]} onChange={(e) => onChange({ ...settings, [key]: (e.currentTarget as HTMLInputElement).checked })} />
          {label}
        </label>
      ))}
      <label class="row">
        Entries with no keyword match:
        <select
          name="unmatched"
          value={settings.unmatched}
          onChange={(e) => onChange({ ...settings, unmatched: (e.currentTarget as HTMLSelectElement).value as Settings['unmatched'] })}
        >
          <option value="show">show</option>
          <option value="dim">dim</option>
          <option value="hide">hide</option>
        </select>
      </label>
      <label class="row">
        Dim entries below relevance
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
      </label>
    </section>
  );
}
