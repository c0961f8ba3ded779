import { useEffect, useState } from 'preact/hooks';
import { send } from '@/lib/client';
import { errorText } from '@/lib/errors';
import type { ResponseOf } from '@/lib/messages';
import { GATE } from '@/lib/rank/gate';

type RankStatus = ResponseOf<'rank.status'>;

/** The gate's measurement in plain words: which ranking listings show, and why. */
export function rankStatusText(s: RankStatus): string {
  const f = (x: number | null) => (x ?? 0.5).toFixed(2);
  const on = `on your last ${s.decisions} decisions`;
  if (s.basis === 'model')
    return `Ranking from what you save predicts your choices better than your keywords: ${f(s.modelAuc)} vs ${f(s.keywordAuc)} ${on}. Listings rank by it.`;
  if (s.basis === 'keywords')
    return `Ranking from what you save does not yet predict your choices clearly better than your keywords: ${f(s.modelAuc)} vs ${f(s.keywordAuc)} ${on}. Listings rank by your keywords.`;
  return `Too few decisions to compare yet (${s.decisions} so far; at least ${GATE.minDecisions}, with ${GATE.minPerClass} saved or read and ${GATE.minPerClass} dismissed). Listings rank by your keywords.`;
}

/** What the on-device ranking learns, and a way to make it forget. */
export function RelevanceSection() {
  const [state, setState] = useState<'idle' | 'confirm' | 'done' | 'error'>('idle');
  const [error, setError] = useState('');
  const [status, setStatus] = useState<RankStatus | null>(null);
  const refresh = () =>
    void send('rank.status', {})
      .then(setStatus)
      .catch(() => setStatus(null));
  useEffect(refresh, []);
  const reset = async () => {
    try {
      await send('rank.reset', {});
      refresh();
      setState('done');
    } catch (e) {
      setError(errorText(e));
      setState('error');
    }
  };
  return (
    <section class="card" id="learning" aria-labelledby="rl-h">
      <h2 id="rl-h">What Dogear learns</h2>
      <p class="muted">
        Dogear learns which papers you care about from what you save, read and dismiss, and from the words of the papers
        listings show you. It counts words and word pairs of titles, abstracts and author names, and fits a small linear
        model. All of it stays in this browser&apos;s extension storage; nothing is sent anywhere. Resetting forgets the
        word counts, the model and the suggestions — your reading list stays as it is.
      </p>
      <p class="muted">
        Your keywords and tag rules are part of the model: it starts from them and departs from them only as your
        decisions show it should. Every decision is first predicted by the model trained on the ones before it; a figure
        below is the chance that a paper you kept is ranked above one you dismissed (0.5 is a coin toss, 1 is perfect).
      </p>
      {status && (
        <p data-dogear-rank-status={status.basis} role="status">
          {rankStatusText(status)}
        </p>
      )}
      {state === 'confirm' ? (
        <p class="row">
          Forget what Dogear has learned?{' '}
          <button type="button" class="primary" data-dogear-action="reset-learning" onClick={() => void reset()}>
            Forget
          </button>
          <button type="button" onClick={() => setState('idle')}>
            Cancel
          </button>
        </p>
      ) : (
        <p class="row">
          <button type="button" onClick={() => setState('confirm')}>
            Reset what Dogear learned…
          </button>
          {state === 'done' && (
            <span role="status">Forgotten. Dogear starts learning again from your next saves and dismissals.</span>
          )}
          {state === 'error' && (
            <span role="alert" class="error">
              {error}
            </span>
          )}
        </p>
      )}
    </section>
  );
}
