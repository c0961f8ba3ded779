import { useState } from 'preact/hooks';
import { send } from '@/lib/client';
import { errorText } from '@/lib/errors';

/** What the on-device ranking learns, and a way to make it forget. */
export function RelevanceSection() {
  const [state, setState] = useState<'idle' | 'confirm' | 'done' | 'error'>('idle');
  const [error, setError] = useState('');
  const reset = async () => {
    try {
      await send('rank.reset', {});
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
