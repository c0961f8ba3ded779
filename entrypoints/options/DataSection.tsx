import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { send } from '@/lib/client';
import type { BackupInfo, BackupRecord } from '@/lib/store-schema';
import { load, loadSome, readBackup, readTrash, type Data } from './data-read';
import { renderExport } from '@/lib/export';
import { requestPersistence } from '@/lib/persist';
import { ExportButtons, downloadText } from '@/components/ExportButtons';
import { ImportPanel } from '@/components/ImportPanel';
import { errorText } from '@/lib/errors';
import { plural } from '@/lib/words';
import { readChangedIds } from '@/lib/mirror';
import { PATCH_LIMIT, patchList } from '@/lib/list-patch';

const REASONS: Record<BackupRecord['reason'], string> = {
  daily: 'Daily',
  migration: 'Before a Dogear update',
  manual: 'Taken by you',
  'before-import': 'Before an import',
  'before-restore': 'Before a restore',
  'before-bulk': 'Before a bulk removal',
};

// A restore or an import with settings changes the keywords and rules the sections above show: the page
// reloads so they cannot write stale settings back, and the outcome survives the reload here.
const NOTICE_KEY = 'dogear:data-notice';

const when = (t: number) => new Date(t).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const papersWord = (n: number) => plural(n, 'paper');

/** Backups (list, restore, download), export and import, and whether the browser keeps the data under disk pressure. */
export function DataSection() {
  const [data, setData] = useState<Data | null>(null);
  const [persisted, setPersisted] = useState<boolean | null>(null);
  const [confirming, setConfirming] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState(() => sessionStorage.getItem(NOTICE_KEY) ?? '');
  const [error, setError] = useState('');

  useEffect(() => {
    sessionStorage.removeItem(NOTICE_KEY);
    void requestPersistence().then(setPersisted);
    // Changes arrive in bursts (a bulk action, an import): one read at a time, and one more for what came meanwhile.
    // Only the papers a change names are re-read: a click on a listing must not make this page read the whole
    // library (its read holds the background's next write back). The backups' list is small, and a change may
    // have taken the daily one.
    let loading = false;
    let whole = true;
    const pending = new Set<string>();
    const refresh = async () => {
      if (loading) return;
      loading = true;
      try {
        while (whole || pending.size) {
          const ids = whole || pending.size > PATCH_LIMIT ? null : [...pending];
          whole = false;
          pending.clear();
          if (!ids) setData(await load());
          else {
            const { fresh, ...side } = await loadSome(ids);
            setData((prev) => prev && { ...prev, ...side, papers: patchList(prev.papers, fresh) });
          }
        }
      } catch (e) {
        setError(errorText(e));
      } finally {
        loading = false;
      }
    };
    const onChange = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'local') return;
      const { ids, settings } = readChangedIds(changes);
      if (settings) setData((prev) => prev && { ...prev, settings });
      if (!ids.length) return;
      for (const id of ids) pending.add(id);
      void refresh();
    };
    void refresh();
    browser.storage.onChanged.addListener(onChange);
    return () => browser.storage.onChanged.removeListener(onChange);
  }, []);

  async function run(action: () => Promise<string>, reload = false) {
    setBusy(true);
    setError('');
    try {
      const done = await action();
      if (reload) {
        sessionStorage.setItem(NOTICE_KEY, done);
        location.reload();
        return;
      }
      setNotice(done);
      setData(await load());
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  async function download(info: BackupInfo) {
    const backup = await readBackup(info.id);
    const file = renderExport('json', backup.papers, backup.settings, new Date(backup.createdAt), backup.trash);
    downloadText(file.filename.replace(/^dogear-/, 'dogear-backup-'), file.mime, file.text);
  }

  const restore = (b: BackupInfo) =>
    run(async () => {
      await send('backup.restore', { id: b.id });
      setConfirming(null);
      return `Restored the backup of ${when(b.createdAt)} (${papersWord(b.papers)}). The list as it was before is kept as a backup.`;
    }, true);

  return (
    <section class="card data" id="data" aria-labelledby="data-h">
      <header class="card-head">
        <h2 id="data-h">Your data</h2>
        <p class="muted">
          Your reading list, tags, notes and settings live only in this browser profile. Nothing is sent anywhere.{' '}
          <span data-dogear-persisted={persisted === null ? 'unknown' : String(persisted)}>
            {persisted === true
              ? 'The browser keeps this storage even when the disk runs low.'
              : persisted === false
                ? 'The browser has not marked this storage as persistent: download a backup now and then.'
                : ''}
          </span>
        </p>
      </header>
      {notice && (
        <p role="status" class="notice" data-dogear-data-notice>
          {notice}
        </p>
      )}
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}

      <div class="data-head">
        <div>
          <h3>Backups</h3>
          <p class="muted small">
            Dogear backs up your list and its Trash once a day while it changes (the last seven daily backups are kept),
            before every import, restore and bulk removal (the last five of those are kept, apart from the daily ones),
            and before every Dogear update (the newest per version is kept).
          </p>
        </div>
        <button
          type="button"
          data-dogear-action="backup-now"
          disabled={busy}
          onClick={() => void run(async () => `Backup ${(await send('backup.take', {})).id} taken.`)}
        >
          Back up now
        </button>
      </div>
      {data?.failure && (
        <p role="alert" class="error" data-dogear-backup-failed>
          The last backup ({REASONS[data.failure.reason]}, {when(data.failure.at)}) failed: {data.failure.message}. Your
          list is unchanged; Dogear tries again with the next change, or press Back up now.
        </p>
      )}
      {!data ? (
        <p class="muted">Loading…</p>
      ) : data.backups.length === 0 ? (
        <p class="muted" data-dogear-backups-empty>
          No backups yet: the first is taken when you first save a paper.
        </p>
      ) : (
        <table class="backups">
          <thead>
            <tr>
              <th scope="col">Taken</th>
              <th scope="col">Why</th>
              <th scope="col">Papers</th>
              <th scope="col">
                <span class="sr">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.backups.map((b) => (
              <tr key={b.id} data-dogear-backup={b.id}>
                <td>{when(b.createdAt)}</td>
                <td>{REASONS[b.reason] ?? b.reason}</td>
                <td>{b.papers}</td>
                <td class="actions">
                  {confirming === b.id ? (
                    <span class="confirm" role="group" aria-label="Confirm restore">
                      <span>Replace your {papersWord(data.papers.length)} and settings with this backup?</span>
                      <button
                        type="button"
                        class="primary"
                        data-dogear-action="backup-restore-confirm"
                        disabled={busy}
                        onClick={() => void restore(b)}
                      >
                        Restore
                      </button>
                      <button type="button" onClick={() => setConfirming(null)}>
                        Cancel
                      </button>
                    </span>
                  ) : (
                    <>
                      <button
                        type="button"
                        data-dogear-action="backup-download"
                        aria-label={`Download the backup of ${when(b.createdAt)}`}
                        onClick={() => void download(b).catch((e: unknown) => setError(String(e)))}
                      >
                        Download
                      </button>{' '}
                      <button
                        type="button"
                        data-dogear-action="backup-restore"
                        aria-label={`Restore the backup of ${when(b.createdAt)}`}
                        disabled={busy}
                        onClick={() => setConfirming(b.id)}
                      >
                        Restore…
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {data && (
        <>
          <h3>Export and import</h3>
          <ExportButtons papers={data.papers} settings={data.settings} trash={readTrash} />
          <ImportPanel
            send={send}
            onApplied={(summary, settings) => {
              if (!settings) return void setNotice(summary);
              sessionStorage.setItem(NOTICE_KEY, `${summary} Keywords and tag rules were imported too.`);
              location.reload();
            }}
          />
        </>
      )}
    </section>
  );
}
