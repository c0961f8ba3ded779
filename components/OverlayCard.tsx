import { useEffect, useRef, useState } from 'preact/hooks';
import type { PaperState } from '@/lib/mirror';
import { Icon } from './icons';
import { errorText } from '@/lib/errors';

export type CardAction = 'save' | 'read' | 'dismiss';

export interface ScoreInfo {
  value: number;
  /** What raised the score: words and keywords for the model, the matching keywords otherwise. */
  words: string[];
  basis: 'model' | 'keywords';
}

export interface OverlayCardProps {
  state: PaperState | null;
  /** Tags keyword rules give this entry on the page right now. */
  pageTags: string[];
  tagColors: ReadonlyMap<string, string>;
  isNew: boolean;
  score: ScoreInfo | null;
  layout: 'block' | 'inline';
  /** Performs the action; resolves with a function that undoes it when the change is one to offer undo for. */
  onAction: (action: CardAction) => Promise<(() => Promise<void>) | void>;
  onAddTag: (tag: string) => Promise<void>;
  onRemoveTag: (tag: string) => Promise<void>;
}

export const UNDO_MS = 8_000;

/** The per-entry overlay: reading-list state at a glance, and the actions beside it. */
export function OverlayCard(props: OverlayCardProps) {
  const { state, pageTags, tagColors, isNew, score } = props;
  const status = state?.status;
  const [error, setError] = useState('');
  const [undo, setUndo] = useState<{ label: string; run: () => Promise<void> } | null>(null);
  const [adding, setAdding] = useState(false);
  const [tipOpen, setTipOpen] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  /** The newest action's number: only it may offer an undo. */
  const latest = useRef(0);

  useEffect(() => () => clearTimeout(timer.current), []);

  async function act(action: CardAction) {
    setError('');
    // A new action supersedes the undo on offer, and any still on its way: offered, it would revert an older change.
    const mine = ++latest.current;
    clearTimeout(timer.current);
    setUndo(null);
    try {
      const revert = await props.onAction(action);
      // Only changes the status table marks undoable come with a revert.
      if (revert && mine === latest.current) {
        const dismissed = action === 'dismiss' && status !== 'dismissed';
        setUndo({ label: dismissed ? 'Dismissed' : 'Removed from your list', run: revert });
        timer.current = setTimeout(() => setUndo(null), UNDO_MS);
      }
    } catch (e) {
      setError(errorText(e, 'Could not save the change'));
    }
  }

  async function runUndo() {
    if (!undo) return;
    setUndo(null);
    try {
      await undo.run();
    } catch (e) {
      setError(errorText(e, 'Undo failed'));
    }
  }

  async function tagOp(op: () => Promise<void>) {
    setError('');
    try {
      await op();
    } catch (e) {
      setError(errorText(e, 'Could not change tags'));
    }
  }

  const userTags = state?.tags ?? [];
  const ruleTags = [...new Set([...(state?.ruleTags ?? []), ...pageTags])].filter((t) => !userTags.includes(t));
  const inList = status === 'saved' || status === 'read';

  return (
    <div class="row" role="group" aria-label="Dogear">
      {isNew && (
        <span class="new" title="Not shown to you before">
          new
        </span>
      )}
      <button
        type="button"
        data-dogear-action="save"
        aria-pressed={inList ? 'true' : 'false'}
        title={inList ? 'In your reading list — click to remove' : 'Save to your reading list'}
        onClick={() => act('save')}
      >
        <Icon name={inList ? 'bookmark-filled' : 'bookmark'} />
        {inList ? 'Saved' : 'Save'}
      </button>
      <button
        type="button"
        data-dogear-action="read"
        aria-pressed={status === 'read' ? 'true' : 'false'}
        title={status === 'read' ? 'Marked read — click to mark unread' : 'Mark as read'}
        onClick={() => act('read')}
      >
        <Icon name="check" />
        {status === 'read' ? 'Read' : 'Mark read'}
      </button>
      <button
        type="button"
        class="icon"
        data-dogear-action="dismiss"
        aria-pressed={status === 'dismissed' ? 'true' : 'false'}
        aria-label={status === 'dismissed' ? 'Dismissed — click to restore' : 'Dismiss (not interested)'}
        title={status === 'dismissed' ? 'Dismissed — click to restore' : 'Dismiss (not interested)'}
        onClick={() => act('dismiss')}
      >
        <Icon name="x" />
      </button>
      {userTags.map((t) => (
        <span class="chip" data-dogear-tag={t} key={`u:${t}`} style={chipStyle(tagColors.get(t))}>
          <span>{t}</span>
          <button type="button" aria-label={`Remove tag ${t}`} onClick={() => tagOp(() => props.onRemoveTag(t))}>
            ×
          </button>
        </span>
      ))}
      {ruleTags.map((t) => (
        <span
          class="chip"
          data-dogear-tag={t}
          key={`r:${t}`}
          style={chipStyle(tagColors.get(t))}
          title="From a tag rule"
        >
          <span>{t}</span>
        </span>
      ))}
      {adding ? (
        <TagInput
          onDone={(tag) => {
            setAdding(false);
            if (tag) void tagOp(() => props.onAddTag(tag));
          }}
        />
      ) : (
        <button
          type="button"
          class="quiet icon"
          data-dogear-action="tag"
          aria-label="Add a tag"
          title="Add a tag"
          onClick={() => setAdding(true)}
        >
          <Icon name="tag" />
        </button>
      )}
      {score && (
        // A picture of the score (its name says the number), focusable so keyboard users can open its
        // tooltip; not a control, so no button semantics.
        <span
          class="score"
          data-dogear-score={score.value.toFixed(2)}
          role="img"
          // biome-ignore lint/a11y/noNoninteractiveTabindex: see above
          tabIndex={0}
          aria-label={`Relevance ${Math.round(score.value * 100)}%`}
          onMouseEnter={() => setTipOpen(true)}
          onMouseLeave={() => setTipOpen(false)}
          onFocus={() => setTipOpen(true)}
          onBlur={() => setTipOpen(false)}
        >
          <span class="bar">
            <i style={{ width: `${Math.round(score.value * 100)}%` }} />
          </span>
          {tipOpen && (
            <span class="tip" role="tooltip">
              {score.basis === 'model'
                ? score.words.length
                  ? `Relevant because of: ${score.words.join(', ')}`
                  : 'Nothing in it matches what you usually save'
                : score.words.length
                  ? `Ranked by your keywords: ${score.words.join(', ')}`
                  : 'Ranked by your keywords: none match'}
            </span>
          )}
        </span>
      )}
      {undo && (
        <span class="msg" role="status">
          {undo.label}{' '}
          <button type="button" class="quiet" data-dogear-action="undo" onClick={runUndo}>
            Undo
          </button>
        </span>
      )}
      {error && (
        <span class="err" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

function chipStyle(color: string | undefined) {
  return color ? { '--chip': color } : undefined;
}

function TagInput({ onDone }: { onDone: (tag: string | null) => void }) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <input
      ref={ref}
      aria-label="New tag"
      placeholder="tag"
      maxLength={60}
      onKeyDown={(e) => {
        if (e.key === 'Enter') onDone((e.currentTarget as HTMLInputElement).value.trim() || null);
        if (e.key === 'Escape') onDone(null);
        // Keep the host page's keyboard shortcuts from firing while typing.
        e.stopPropagation();
      }}
      onBlur={(e) => onDone((e.currentTarget as HTMLInputElement).value.trim() || null)}
    />
  );
}
