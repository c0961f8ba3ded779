import { formatPattern, parsePatternLine, type MatchError } from '@/lib/match';
import { TAG_FIELDS, type Settings, type TagRule } from '@/lib/model';

interface Props {
  settings: Settings;
  errors: MatchError[];
  onChange: (s: Settings) => void;
}

const PALETTE = ['#2563eb', '#16a34a', '#d97706', '#db2777', '#7c3aed', '#0891b2', '#dc2626', '#4b5563'];

/** Tag rules: a named, coloured tag given to every entry whose fields match one of its patterns. */
export function TagRulesSection({ settings, errors, onChange }: Props) {
  const rules = settings.tagRules;
  const set = (next: TagRule[]) => onChange({ ...settings, tagRules: next });
  const patch = (i: number, p: Partial<TagRule>) => set(rules.map((r, j) => (j === i ? { ...r, ...p } : r)));
  const move = (i: number, d: -1 | 1) => {
    const next = [...rules];
    const [r] = next.splice(i, 1);
    next.splice(i + d, 0, r!);
    set(next);
  };
  const add = () => {
    let n = rules.length + 1;
    while (rules.some((r) => r.name === `tag ${n}`)) n++;
    set([...rules, { name: `tag ${n}`, color: PALETTE[rules.length % PALETTE.length]!, patterns: [], fields: [...TAG_FIELDS] }]);
  };

  return (
    <section aria-labelledby="tr-h">
      <h2 id="tr-h">Tag rules</h2>
      <p class="muted">Entries whose title, abstract or authors match a rule get its chip on the page; saving such a paper keeps the tag.</p>
      <ol class="rules">
        {rules.map((r, i) => (
          <li key={i} class="rule" data-dogear-rule={r.name}>
            <div class="rule-head">
              <input type="color" aria-label={`Colour of ${r.name}`} value={r.color} onInput={(e) => patch(i, { color: (e.currentTarget as HTMLInputElement).value })} />
              <input
                class="rule-name"
                aria-label="Tag name"
                name="rule-name"
                value={r.name}
                maxLength={60}
                onChange={(e) => {
                  const name = (e.currentTarget as HTMLInputElement).value.trim();
                  if (name && !rules.some((x, j) => j !== i && x.name === name)) patch(i, { name });
                  else (e.currentTarget as HTMLInputElement).value = r.name;
                }}
              />
              <span class="spacer" />
              <button type="button" aria-label={`Move ${r.name} up`} disabled={i === 0} onClick={() => move(i, -1)}>↑</button>
              <button type="button" aria-label={`Move ${r.name} down`} disabled={i === rules.length - 1} onClick={() => move(i, 1)}>↓</button>
              <button type="button" aria-label={`Delete ${r.name}`} data-dogear-action="delete-rule" onClick={() => set(rules.filter((_, j) => j !== i))}>
                Delete
              </button>
            </div>
            <textarea
              name="rule-patterns"
              rows={3}
              spellcheck={false}
              aria-label={`Patterns of ${r.name}, one per line`}
              placeholder={'one pattern per line'}
              value={r.patterns.map(formatPattern).join('\n')}
              onChange={(e) =>
                patch(i, {
                  patterns: (e.currentTarget as HTMLTextAreaElement).value.split('\n').map((l) => l.trim()).filter(Boolean).map(parsePatternLine),
                })
              }
            />
            <fieldset class="fields">
              <legend class="sr">Match in</legend>
              {TAG_FIELDS.map((f) => (
                <label key={f}>
                  <input
                    type="checkbox"
                    checked={r.fields.includes(f)}
                    onChange={(e) =>
                      patch(i, { fields: (e.currentTarget as HTMLInputElement).checked ? [...r.fields, f] : r.fields.filter((x) => x !== f) })
                    }
                  />{' '}
                  {f}
                </label>
              ))}
            </fieldset>
            <ul class="errors">
              {errors
                .filter((e) => e.source === r.name)
                .map((e) => (
                  <li key={e.pattern} data-dogear-error>
                    <code>{e.pattern}</code>: {e.message}
                  </li>
                ))}
            </ul>
          </li>
        ))}
      </ol>
      <button type="button" data-dogear-action="add-rule" onClick={add}>
        Add a tag rule
      </button>
    </section>
  );
}
