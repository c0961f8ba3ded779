import { useState } from 'preact/hooks';
import { formatPattern, testPattern, type Matcher } from '@/lib/match';
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
  const rows: Array<{ key: string; where: string; p: Pattern }> = [
    ...settings.keywords.map((p, i) => ({ key: `k${i}`, where: 'keyword', p })),
    ...settings.tagRules.flatMap((r, i) => r.patterns.map((p, j) => ({ key: `r${i}:${j}`, where: r.name, p }))),
  ];
  return (
    <section aria-labelledby="pv-h">
      <h2 id="pv-h">Try it</h2>
      <label class="row">
        Sample title
        <input name="sample" class="wide" value={sample} onInput={(e) => setSample((e.currentTarget as HTMLInputElement).value)} />
      </label>
      <p class="sample" data-dogear-preview>
        {segments(sample, matcher.keywordRanges(sample)).map((s, i) => (s.hit ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}
      </p>
      {tags.length > 0 && (
        <p>
          Tags:{' '}
          {tags.map((t) => (
            <span key={t} class="chip" style={{ '--chip': settings.tagRules.find((r) => r.name === t)?.color }}>
              {t}
            </span>
          ))}
        </p>
      )}
      {rows.length > 0 && (
        <table class="patterns">
          <tbody>
            {rows.map(({ key, where, p }) => {
              const r = testPattern(p, sample);
              return (
                <tr key={key} data-dogear-pattern-match={'error' in r ? 'error' : r.ranges.length ? 'yes' : 'no'}>
                  <td>
                    <code>{formatPattern(p)}</code>
                  </td>
                  <td class="muted">{where}</td>
                  <td>{'error' in r ? <span class="error">{r.error}</span> : r.ranges.length ? '✓ matches' : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
