import { useRef, useState } from 'preact/hooks';
import { parseImport, type ImportResult } from '@/lib/import';
import type { ImportMode } from '@/lib/import-plan';
import type { ImportCounts } from '@/lib/import-stage';
import type { Send } from '@/lib/message-client';
import { errorText } from '@/lib/errors';
import { plural } from '@/lib/words';

export interface ImportPanelProps {
  /** The background: it keeps the file from its preview to Import (`import.stage`, `import.apply`). */
  send: Send;
  /** Called after a successful import with a one-line summary, and whether settings came with it. */
  onApplied?: (summary: string, settings: boolean) => void;
  now?: () => number;
}

type Parsed = Extract<ImportResult, { ok: true }>;
interface Staged {
  token: string;
  merge: ImportCounts;
  replace: ImportCounts;
}

/**
 * Import from our JSON export (merge or replace) or a list of arXiv ids/URLs,
 * from a file or pasted text. The file is checked here (the messages name what is wrong where), then
 * handed to the background once, which previews it against the list; nothing is written until the
 * preview is confirmed, and then the click sends only the token the background gave for the file.
 */
export function ImportPanel({ send, onApplied, now = Date.now }: ImportPanelProps) {
  const [text, setText] = useState('');
  const [parsed, setParsed] = useState<Parsed | null>(null);
  const [staged, setStaged] = useState<Staged | null>(null);
  const [error, setError] = useState('');
  const [mode, setMode] = useState<ImportMode>('merge');
  const [withSettings, setWithSettings] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');
  // The file picked last: a slower preview of the one before must not replace its own.
  const latest = useRef(0);

  const stage = (r: Parsed) =>
    send('import.stage', {
      kind: r.kind,
      papers: r.papers,
      ...(r.kind === 'json' && r.trash && { trash: r.trash }),
      ...(r.kind === 'json' && r.settings && { settings: r.settings }),
    });

  const read = async (body: string) => {
    const r = parseImport(body, now());
    const turn = ++latest.current;
    setDone('');
    setMode('merge');
    setWithSettings(false);
    setParsed(null);
    setStaged(null);
    if (!r.ok) return setError(r.error);
    setError('');
    try {
      const preview = await stage(r);
      if (turn !== latest.current) return;
      setParsed(r);
      setStaged(preview);
    } catch (e) {
      if (turn === latest.current) setError(`Nothing was imported: ${errorText(e)}`);
    }
  };

  const onFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    let body: string;
    try {
      body = await file.text();
    } catch {
      setParsed(null);
      setStaged(null);
      setError('The file could not be read.');
      return;
    }
    // Picking the same file again after an edit must fire `change` again.
    input.value = '';
    await read(body);
  };

  const counts = staged?.[parsed?.kind === 'json' ? mode : 'merge'];
  const settings = parsed?.kind === 'json' ? parsed.settings : undefined;
  const trash = parsed?.kind === 'json' ? parsed.trash : undefined;
  const changes = counts ? counts.add + counts.update + counts.remove : 0;

  const confirm = async () => {
    if (!parsed || !staged || busy) return;
    setBusy(true);
    try {
      const request = { mode, settings: Boolean(settings && withSettings) };
      let reply = await send('import.apply', { token: staged.token, ...request });
      // The worker stopped since the preview (it forgets the file): hand it the file again.
      if ('expired' in reply) reply = await send('import.apply', { token: (await stage(parsed)).token, ...request });
      if ('expired' in reply) throw new Error('the file was replaced by another import; pick it again');
      const { add, update, remove } = reply.done;
      const summary = `Imported: ${plural(add, 'new paper')}, ${update} updated${remove ? `, ${remove} removed` : ''}.`;
      setDone(summary);
      setParsed(null);
      setStaged(null);
      setText('');
      onApplied?.(summary, request.settings);
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
        <button type="button" data-dogear-action="import-check" disabled={!text.trim()} onClick={() => void read(text)}>
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
      {parsed && counts && (
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
            {counts.add} new, {counts.update} updated, {counts.remove} removed
            {counts.unchanged ? ` (${counts.unchanged} already in the list)` : ''}
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
              {counts.remove ? `Import and remove ${counts.remove}` : 'Import'}
            </button>
            <button type="button" onClick={() => (setParsed(null), setStaged(null))}>
              Cancel
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
