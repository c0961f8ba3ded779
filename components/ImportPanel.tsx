import { useMemo, useState } from 'preact/hooks';
import { parseImport, type ImportResult } from '@/lib/import';
import { planImport, type ImportMode } from '@/lib/import-plan';
import type { RequestOf } from '@/lib/messages';
import type { Paper } from '@/lib/model';
import { errorText } from '@/lib/errors';
import { plural } from '@/lib/words';

export interface ImportPanelProps {
  /** The current list, to preview what the import changes. */
  existing: readonly Paper[];
  /** Writes the import in one go; pages pass `(r) => send('papers.apply', r)`. */
  apply: (request: RequestOf<'papers.apply'>) => Promise<unknown>;
  /** Called after a successful import with a one-line summary. */
  onApplied?: (summary: string) => void;
  now?: () => number;
}

type Parsed = Extract<ImportResult, { ok: true }>;

/**
 * Import from our JSON export (merge or replace) or a list of arXiv ids/URLs,
 * from a file or pasted text. Nothing is written until the preview is
 * confirmed, and then with a single `papers.apply`.
 */
export function ImportPanel({ existing, apply, onApplied, now = Date.now }: ImportPanelProps) {
  const [text, setText] = useState('');
  const [parsed, setParsed] = useState<Parsed | null>(null);
  const [error, setError] = useState('');
  const [mode, setMode] = useState<ImportMode>('merge');
  const [withSettings, setWithSettings] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');

  const read = (body: string) => {
    const r = parseImport(body, now());
    setDone('');
    setMode('merge');
    setWithSettings(false);
    if (r.ok) {
      setParsed(r);
      setError('');
    } else {
      setParsed(null);
      setError(r.error);
    }
  };

  const onFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    try {
      read(await file.text());
    } catch {
      setParsed(null);
      setError('The file could not be read.');
    }
    // Picking the same file again after an edit must fire `change` again.
    input.value = '';
  };

  const plan = useMemo(() => {
    if (!parsed) return null;
    // An id list only adds papers: merging a bare record into a known paper would reset its status.
    const have = parsed.kind === 'ids' ? new Set(existing.map((p) => p.id)) : null;
    const incoming = have ? parsed.papers.filter((p) => !have.has(p.id)) : parsed.papers;
    return {
      ...planImport(existing, incoming, parsed.kind === 'ids' ? 'merge' : mode),
      known: parsed.papers.length - incoming.length,
    };
  }, [parsed, existing, mode]);

  const settings = parsed?.kind === 'json' ? parsed.settings : undefined;
  const trash = parsed?.kind === 'json' ? parsed.trash : undefined;
  const changes = plan ? plan.add.length + plan.update.length + plan.remove.length : 0;

  const confirm = async () => {
    if (!plan || busy) return;
    setBusy(true);
    try {
      await apply({
        put: [...plan.add, ...plan.update.map((u) => u.after)],
        remove: plan.remove.map((p) => p.id),
        ...(settings && withSettings ? { settings } : {}),
        ...(trash && { trash }),
      });
      const summary = `Imported: ${plural(plan.add.length, 'new paper')}, ${plan.update.length} updated${plan.remove.length ? `, ${plan.remove.length} removed` : ''}.`;
      setDone(summary);
      setParsed(null);
      setText('');
      onApplied?.(summary);
    } catch (e) {
      setError(`Nothing was imported: ${errorText(e)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="import" aria-label="Import">
      <label class="import-file">
        <span>Import a Dogear JSON export or a list of arXiv ids</span>
        <input
          type="file"
          name="import"
          accept=".json,.txt,.csv,.md,application/json,text/plain"
          aria-label="Import from a file"
          onChange={(e) => void onFile(e.currentTarget as HTMLInputElement)}
        />
      </label>
      <textarea
        name="import-text"
        rows={3}
        placeholder="…or paste arXiv ids or URLs, one per line"
        aria-label="Paste arXiv ids or URLs to import"
        value={text}
        onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)}
      />
      <div class="import-actions">
        <button type="button" data-dogear-action="import-check" disabled={!text.trim()} onClick={() => read(text)}>
          Preview
        </button>
      </div>
      {error && (
        <p role="alert" class="import-error" data-dogear-import-error>
          {error}
        </p>
      )}
      {done && (
        <p role="status" class="import-done">
          {done}
        </p>
      )}
      {parsed && plan && (
        <div class="import-preview">
          {parsed.kind === 'json' && (
            <fieldset class="import-mode">
              <legend>How to import</legend>
              <label>
                <input
                  type="radio"
                  name="import-mode"
                  value="merge"
                  checked={mode === 'merge'}
                  onChange={() => setMode('merge')}
                />
                Merge into my list
              </label>
              <label>
                <input
                  type="radio"
                  name="import-mode"
                  value="replace"
                  checked={mode === 'replace'}
                  onChange={() => setMode('replace')}
                />
                Replace my list
              </label>
            </fieldset>
          )}
          {settings && (
            <label class="import-settings">
              <input
                type="checkbox"
                checked={withSettings}
                onChange={(e) => setWithSettings((e.currentTarget as HTMLInputElement).checked)}
              />
              Also import keywords and tag rules from the file
            </label>
          )}
          <p role="status" data-dogear-import-preview>
            {plan.add.length} new, {plan.update.length} updated, {plan.remove.length} removed
            {plan.unchanged + plan.known ? ` (${plan.unchanged + plan.known} already in the list)` : ''}
            {trash ? `; to the Trash: ${plural(trash.length, 'removed paper')} (unless on your list)` : ''}
          </p>
          <div class="import-actions">
            <button
              type="button"
              class="primary"
              data-dogear-action="import-apply"
              disabled={busy || (!changes && !trash && !(settings && withSettings))}
              onClick={() => void confirm()}
            >
              {plan.remove.length ? `Import and remove ${plan.remove.length}` : 'Import'}
            </button>
            <button type="button" onClick={() => setParsed(null)}>
              Cancel
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
