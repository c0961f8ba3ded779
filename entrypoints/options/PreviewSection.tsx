import { useState } from 'preact/hooks';
import { testPattern, type Matcher } from '@/lib/match';
import { formatPattern } from '@/lib/pattern-line';
import type { Pattern, Settings } from '@/lib/model';

interface Props {
  settings: Settings;
  matcher: Matcher;
}

const SAMPLE = 'Multimodal Agents Learn Faster with Reinforcement Learning from Verifiable Rewards';

/** Splits text into plain and matched runs, rendered as text (never as HTML). */
function segments(text: string, ranges: Array<[number, number]>) {
  const out: Array<{ text: string; hit: boolean }> = [];
  let at = 0;
  for (const [s, e] of ranges) {
    if (s > at) out.push({ text: text.slice(at, s), hit: false });
    out.push({ text: text.slice(s, e), hit: true });
    at = e;
  }
  if (at < text.length) out.push({ text: text.slice(at), hit: false });
  return out;
}

export function PreviewSection({ settings, matcher }: Props) {
  const [sample, setSample] = useState(SAMPLE);
  const tags = matcher.tagsFor({ title: sample, abstract: '', authors: [] });
  // The sample is a title: a rule that does not look at titles cannot tag it, whatever its patterns find.
  const rows: Array<{ key: string; where: string; p: Pattern; titles: boolean }> = [
    ...settings.keywords.map((p, i) => ({ key: `k${i}`, where: 'keyword', p, titles: true })),
    ...settings.tagRules.flatMap((r, i) =>
      r.patterns.map((p, j) => ({ key: `r${i}:${j}`, where: `tag ${r.name}`, p, titles: r.fields.includes('title') })),
    ),
  ];
  return (
    <section class="card" id="preview" aria-labelledby="pv-h">
      <header class="card-head">
        <h2 id="pv-h">Try it</h2>
        <p class="muted">Type or paste a title to see what your keywords and tag rules find in it.</p>
      </header>
      <input
        name="sample"
        class="wide"
        aria-label="Sample title"
        value={sample}
        onInput={(e) => setSample((e.currentTarget as HTMLInputElement).value)}
      />
      <div class="sample" data-dogear-preview aria-live="polite">
        <p>
          {segments(sample, matcher.keywordRanges(sample)).map((s, i) =>
            s.hit ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>,
          )}
        </p>
        {tags.length > 0 && (
          <p class="sample-tags">
            {tags.map((t) => (
              <span
                key={t}
                class="chip"
                data-dogear-preview-tag={t}
                style={{ '--chip': settings.tagRules.find((r) => r.name === t)?.color }}
              >
                {t}
              </span>
            ))}
          </p>
        )}
      </div>
      {rows.length > 0 ? (
        <table class="patterns">
          <thead>
            <tr>
              <th scope="col">Pattern</th>
              <th scope="col">From</th>
              <th scope="col">In the sample</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ key, where, p, titles }) => {
              const r = testPattern(p, sample);
              const state = 'error' in r ? 'error' : !titles ? 'off' : r.ranges.length ? 'yes' : 'no';
              return (
                <tr key={key} data-dogear-pattern-match={state}>
                  <td>
                    <code>{formatPattern(p)}</code>
                  </td>
                  <td class="muted">{where}</td>
                  <td>
                    {'error' in r ? (
                      <span class="error">{r.error}</span>
                    ) : !titles ? (
                      <span class="status no">rule does not look at titles</span>
                    ) : (
                      <span class={`status ${state}`}>
                        {r.ranges.length
                          ? `✓ ${r.ranges.length === 1 ? 'matches' : `${r.ranges.length} matches`}`
                          : 'no match'}
                      </span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : (
        <p class="muted small">Add keywords or tag rules above to see them here.</p>
      )}
    </section>
  );
}
