import { useEffect, useState } from 'preact/hooks';
import { formatPattern, parsePatternLine, type MatchError } from '@/lib/match';
import type { Settings } from '@/lib/model';

interface Props {
  settings: Settings;
  errors: MatchError[];
  onChange: (s: Settings) => void;
}

/** Keywords, one per line; the text the user typed is kept as typed while it is edited. */
export function KeywordsSection({ settings, errors, onChange }: Props) {
  const [text, setText] = useState(() => settings.keywords.map(formatPattern).join('\n'));
  const [dirty, setDirty] = useState(false);

  useEffect(() => {
    if (!dirty) setText(settings.keywords.map(formatPattern).join('\n'));
  }, [settings.keywords, dirty]);

  function edit(value: string) {
    setText(value);
    setDirty(true);
    const keywords = value
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .map(parsePatternLine);
    onChange({ ...settings, keywords });
  }

  return (
    <section aria-labelledby="kw-h">
      <h2 id="kw-h">Keywords</h2>
      <p class="muted">
        Highlighted in titles and abstracts on every listing. One per line: a word or phrase (whole words, any case), <code>"Exact Case"</code>{' '}
        in quotes to match case, <code>word*</code> to match word beginnings, or a <code>/regular expression/i</code>.
      </p>
      <textarea
        name="keywords"
        rows={8}
        spellcheck={false}
        value={text}
        aria-describedby="kw-errors"
        placeholder={'diffusion\nreinforcement learning\n/multi-?modal/i'}
        onInput={(e) => edit((e.currentTarget as HTMLTextAreaElement).value)}
        onBlur={() => setDirty(false)}
      />
      <ul id="kw-errors" class="errors" aria-live="polite">
        {errors.map((e) => (
          <li key={e.pattern} data-dogear-error>
            <code>{e.pattern}</code>: {e.message}
          </li>
        ))}
      </ul>
    </section>
  );
}
