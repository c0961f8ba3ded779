import { useState } from 'preact/hooks';
import type { MatchError } from '@/lib/match';
import { TAG_FIELDS, type Settings, type TagRule } from '@/lib/model';
import { Icon } from '@/components/icons';
import { PatternLines } from './PatternLines';

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
    set([
      ...rules,
      { name: `tag ${n}`, color: PALETTE[rules.length % PALETTE.length]!, patterns: [], fields: [...TAG_FIELDS] },
    ]);
  };

  return (
    <section class="card" id="tag-rules" aria-labelledby="tr-h">
      <header class="card-head">
        <h2 id="tr-h">Tag rules</h2>
        <p class="muted">
          Entries whose title, abstract or authors match one of a rule’s patterns get its chip on the page, and keep the
          tag when you save them. Patterns use the keyword syntax.
        </p>
      </header>
      {rules.length === 0 && (
        <p class="empty">
          No tag rules yet. For example, a tag{' '}
          <span class="chip" style={{ '--chip': PALETTE[0] }}>
            RL
          </span>{' '}
          for <code>reinforcement learning</code>, <code>"RLHF"</code> and <code>/\bPPO\b/</code>.
        </p>
      )}
      <ol class="rules">
        {rules.map((r, i) => (
          <li key={i} class="rule" data-dogear-rule={r.name} style={{ '--chip': r.color }}>
            <div class="rule-head">
              <input
                type="color"
                name="rule-color"
                class="swatch"
                aria-label={`Colour of ${r.name}`}
                value={r.color}
                onInput={(e) => patch(i, { color: (e.currentTarget as HTMLInputElement).value })}
              />
              <RuleName
                name={r.name}
                taken={(name) => rules.some((x, j) => j !== i && x.name === name)}
                onRename={(name) => patch(i, { name })}
              />
              <span class="spacer" />
              <button
                type="button"
                class="icon-btn"
                aria-label={`Move ${r.name} up`}
                title="Move up"
                disabled={i === 0}
                onClick={() => move(i, -1)}
              >
                ↑
              </button>
              <button
                type="button"
                class="icon-btn"
                aria-label={`Move ${r.name} down`}
                title="Move down"
                disabled={i === rules.length - 1}
                onClick={() => move(i, 1)}
              >
                ↓
              </button>
              <button
                type="button"
                class="icon-btn danger"
                aria-label={`Delete ${r.name}`}
                title="Delete this rule"
                data-dogear-action="delete-rule"
                onClick={() => set(rules.filter((_, j) => j !== i))}
              >
                <Icon name="trash" />
              </button>
            </div>
            <PatternLines
              name="rule-patterns"
              label={`Patterns of ${r.name}, one per line`}
              rows={3}
              patterns={r.patterns}
              onChange={(patterns) => patch(i, { patterns })}
              placeholder={'one pattern per line, e.g.\nreinforcement learning'}
            />
            <fieldset class="fields">
              <legend>Look in</legend>
              {TAG_FIELDS.map((f) => (
                <label key={f} class="pill-check">
                  <input
                    type="checkbox"
                    name={`rule-field-${f}`}
                    checked={r.fields.includes(f)}
                    onChange={(e) =>
                      patch(i, {
                        fields: (e.currentTarget as HTMLInputElement).checked
                          ? [...r.fields, f]
                          : r.fields.filter((x) => x !== f),
                      })
                    }
                  />
                  <span>{f}</span>
                </label>
              ))}
            </fieldset>
            {r.patterns.length > 0 && r.fields.length === 0 && (
              <p class="error small">Pick at least one field, or this rule never matches.</p>
            )}
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
      <button type="button" class="add" data-dogear-action="add-rule" onClick={add}>
        + Add a tag rule
      </button>
    </section>
  );
}

/**
 * The tag name, renamed as the user types (so open listings follow at once);
 * a name that is empty or another rule's is not taken, and reverts on leaving the field.
 */
function RuleName({
  name,
  taken,
  onRename,
}: {
  name: string;
  taken: (name: string) => boolean;
  onRename: (name: string) => void;
}) {
  const [problem, setProblem] = useState('');
  return (
    <>
      <input
        class="rule-name"
        aria-label="Tag name"
        name="rule-name"
        value={name}
        maxLength={60}
        aria-invalid={problem ? 'true' : 'false'}
        title={problem}
        onInput={(e) => {
          const next = (e.currentTarget as HTMLInputElement).value.trim();
          const why = !next ? 'A tag needs a name' : taken(next) ? 'Another rule has this name' : '';
          setProblem(why);
          if (!why && next !== name) onRename(next);
        }}
        onBlur={(e) => {
          (e.currentTarget as HTMLInputElement).value = name;
          setProblem('');
        }}
      />
      {problem && <span class="error small">{problem}</span>}
    </>
  );
}
