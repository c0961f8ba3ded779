import { useEffect, useRef, useState } from 'preact/hooks';
import type { Paper } from '@/lib/model';
import { parseTagInput } from './reading-list';
import { errorText } from '@/lib/errors';

export interface PopupEditorProps {
  paper: Paper;
  /** Tags already used elsewhere, offered as suggestions. */
  knownTags: readonly string[];
  onSave: (patch: { tags: string[]; note: string }) => Promise<void>;
  onClose: () => void;
}

/** Edits one paper's own tags and note. Rule tags are shown but belong to the rules. */
export function PopupEditor({ paper, knownTags, onSave, onClose }: PopupEditorProps) {
  const [tags, setTags] = useState(paper.tags.join(', '));
  const [note, setNote] = useState(paper.note);
  const [error, setError] = useState('');
  const first = useRef<HTMLInputElement>(null);

  useEffect(() => first.current?.focus(), []);

  const save = async () => {
    const parsed = parseTagInput(tags);
    if (parsed.error) return setError(parsed.error);
    try {
      await onSave({ tags: parsed.tags, note });
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <div class="editor" role="dialog" aria-label={`Tags and note for ${paper.title || paper.id}`}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            onClose();
          } else if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) {
            e.preventDefault();
            void save();
          }
        }}
      >
        <p class="editor-title">{paper.title || paper.id}</p>
        <label>
          Tags <span class="muted">(comma separated)</span>
          <input
            ref={first}
            name="tags"
            list="dogear-known-tags"
            value={tags}
            aria-label="Tags, comma separated"
            onInput={(e) => setTags((e.currentTarget as HTMLInputElement).value)}
          />
        </label>
        <datalist id="dogear-known-tags">
          {knownTags.map((t) => (
            <option key={t} value={t} />
          ))}
        </datalist>
        {paper.ruleTags.length > 0 && <p class="muted small">From rules: {paper.ruleTags.join(', ')}</p>}
        <label>
          Note
          <textarea
            name="note"
            rows={4}
            value={note}
            aria-label="Note"
            onInput={(e) => setNote((e.currentTarget as HTMLTextAreaElement).value)}
          />
        </label>
        {error && (
          <p role="alert" class="error">
            {error}
          </p>
        )}
        <div class="editor-actions">
          <button type="submit" class="primary" data-dogear-action="save-edit">
            Save
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </div>
  );
}
