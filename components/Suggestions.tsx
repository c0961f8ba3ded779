import { useState } from 'preact/hooks';
import { hfPaperUrl, arxivAbsUrl } from '@/lib/model';
import type { Suggestion } from '@/lib/relevance';
import type { Send } from '@/lib/message-client';
import { shortAuthors } from './reading-list';
import { errorText } from '@/lib/errors';

interface Props {
  suggestions: Suggestion[];
  send: Send;
  openUrl: (url: string) => void;
}

/**
 * "Suggested from today's pages": the unsaved papers the user was shown
 * recently that the on-device model scores highest, with the words that made
 * the score, and one click to save or dismiss (which also teaches the model).
 */
export function Suggestions({ suggestions, send, openUrl }: Props) {
  const [done, setDone] = useState<Record<string, 'saved' | 'dismissed'>>({});
  const [error, setError] = useState('');
  if (!suggestions.length)
    return (
      <div class="empty" data-dogear-suggestions-empty>
        <h2>No suggestions yet</h2>
        <p>
          Dogear learns from the papers you save, read and dismiss on listings — on this device only. After about ten of
          them, the best unsaved papers from the listings you open show up here.
        </p>
      </div>
    );
  const act = async (s: Suggestion, status: 'saved' | 'dismissed') => {
    try {
      await send('paper.act', { meta: s.meta, action: status === 'saved' ? 'save' : 'dismiss' });
      setDone((d) => ({ ...d, [s.meta.id]: status }));
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <ul class="suggestions" aria-label="Suggested papers">
      {error && (
        <li class="error" role="alert">
          {error}
        </li>
      )}
      {suggestions.map((s) => {
        const url = hfPaperUrl(s.meta.id) ?? arxivAbsUrl(s.meta.id);
        const state = done[s.meta.id];
        return (
          <li key={s.meta.id} class="suggestion" data-dogear-suggestion={s.meta.id}>
            <span
              class="bar"
              role="img"
              title={`Relevance ${Math.round(s.score * 100)}%`}
              aria-label={`Relevance ${Math.round(s.score * 100)}%`}
            >
              <i style={{ width: `${Math.round(s.score * 100)}%` }} />
            </span>
            <div class="row-main">
              <a
                class="row-title"
                href={url}
                onClick={(e) => {
                  e.preventDefault();
                  openUrl(url);
                }}
              >
                {s.meta.title || s.meta.id}
              </a>
              <span class="row-meta">
                <span class="row-authors">{shortAuthors(s.meta.authors)}</span>
                {s.words.length > 0 && <span class="why">because: {s.words.slice(0, 3).join(', ')}</span>}
              </span>
            </div>
            {state ? (
              <span class="muted small">{state === 'saved' ? 'Saved' : 'Dismissed'}</span>
            ) : (
              <span class="suggestion-actions">
                <button
                  type="button"
                  data-dogear-action="save"
                  aria-label={`Save ${s.meta.title}`}
                  onClick={() => void act(s, 'saved')}
                >
                  Save
                </button>
                <button
                  type="button"
                  class="icon"
                  data-dogear-action="dismiss"
                  aria-label={`Dismiss ${s.meta.title}`}
                  onClick={() => void act(s, 'dismissed')}
                >
                  ×
                </button>
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
