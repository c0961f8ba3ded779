import type { MatchError } from '@/lib/match';
import { formatPattern } from '@/lib/pattern-line';
import type { Pattern, Settings } from '@/lib/model';
import { parseLines, PatternLines } from './PatternLines';
import { SyntaxHelp } from './SyntaxHelp';

interface Props {
  settings: Settings;
  errors: MatchError[];
  onChange: (s: Settings) => void;
}

/** One click away from a first highlight, and each teaches one piece of the syntax. */
const STARTERS = ['LLM*', 'reinforcement learning', '"RAG"', '/multi-?modal/i'];

const isRegex = (p: Pattern) => /^\/.+\/[a-z]*$/s.test(p.pattern);

/** Keywords, one per line, with per-keyword switches for case and whole words. */
export function KeywordsSection({ settings, errors, onChange }: Props) {
  const keywords = settings.keywords;
  const set = (next: Pattern[]) => onChange({ ...settings, keywords: next });
  const patch = (i: number, p: Partial<Pattern>) => set(keywords.map((k, j) => (j === i ? { ...k, ...p } : k)));
  const errorOf = (p: Pattern) => errors.find((e) => e.pattern === p.pattern);
  const unused = STARTERS.filter((s) => !keywords.some((k) => formatPattern(k) === s));

  return (
    <section class="card" id="keywords" aria-labelledby="kw-h">
      <header class="card-head">
        <h2 id="kw-h">Keywords</h2>
        <p class="muted">
          Highlighted in titles and abstracts on every listing. Entries are counted, and can be dimmed, hidden or sorted
          by their matches below.
        </p>
      </header>
      <div class="kw-grid">
        <div class="kw-edit">
          <PatternLines
            name="keywords"
            label="Keywords, one per line"
            rows={9}
            patterns={keywords}
            onChange={set}
            describedBy="kw-help"
            placeholder={'diffusion\nreinforcement learning\n"BERT"\ntransform*\n/multi-?modal/i'}
          />
          {unused.length > 0 && keywords.length < 3 && (
            <p class="starters">
              <span class="muted">Try:</span>
              {unused.map((s) => (
                <button
                  type="button"
                  class="pill"
                  key={s}
                  data-dogear-starter={s}
                  onClick={() => set([...keywords, ...parseLines(s)])}
                >
                  + <code>{s}</code>
                </button>
              ))}
            </p>
          )}
        </div>
        <SyntaxHelp id="kw-help" />
      </div>
      {keywords.length > 0 && (
        <ul class="kw-list" aria-label="Your keywords">
          {keywords.map((k, i) => {
            const err = errorOf(k);
            const regex = isRegex(k);
            return (
              <li key={i} class={err ? 'kw bad' : 'kw'} data-dogear-keyword={k.pattern}>
                <code class="kw-text">{k.pattern}</code>
                {err ? (
                  <span class="error" data-dogear-error>
                    {err.message}
                  </span>
                ) : regex ? (
                  <span class="muted small">
                    regular expression · {k.caseSensitive ? 'exact case' : 'any case'} (its flags decide)
                  </span>
                ) : (
                  <span class="toggles">
                    <button
                      type="button"
                      class="toggle"
                      aria-pressed={k.caseSensitive ? 'true' : 'false'}
                      data-dogear-option="case"
                      title={
                        k.caseSensitive
                          ? `Only “${k.pattern}” as written — click for any case`
                          : `Any case — click to match “${k.pattern}” exactly`
                      }
                      onClick={() => patch(i, { caseSensitive: !k.caseSensitive })}
                    >
                      Match case
                    </button>
                    <button
                      type="button"
                      class="toggle"
                      aria-pressed={k.wholeWord ? 'true' : 'false'}
                      data-dogear-option="whole-word"
                      title={
                        k.wholeWord
                          ? 'Whole words only — click to also match longer words starting with it'
                          : 'Matches word beginnings — click for whole words only'
                      }
                      onClick={() => patch(i, { wholeWord: !k.wholeWord })}
                    >
                      Whole word
                    </button>
                  </span>
                )}
                <button
                  type="button"
                  class="icon-btn"
                  aria-label={`Remove ${k.pattern}`}
                  onClick={() => set(keywords.filter((_, j) => j !== i))}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
