import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { send } from '@/lib/client';
import { errorText } from '@/lib/errors';
import { SYNC_QUOTA } from '@/lib/sync/quota';
import { SYNC_STATUS_KEY, SyncStatusSchema, type SyncConfigChange, type SyncStatus } from '@/lib/sync/status';
import type { SettingName } from '@/lib/sync/settings';
import { SETTING_GROUPS } from '@/lib/sync/groups';
import { SwitchSetting } from './SwitchSetting';

const n = (x: number) => x.toLocaleString('en-US');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const time = (t: number) => new Date(t).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Sync through the browser's own `storage.sync`: what goes, what stays, and how much of the quota it takes. */
export function SyncSection() {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    send('sync.status', {})
      .then(setStatus)
      .catch((e: unknown) => setError(errorText(e)));
    // The background publishes every run, so the page follows syncs from other devices live.
    const onChange = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      const change = area === 'local' ? changes[SYNC_STATUS_KEY] : undefined;
      const next = change && SyncStatusSchema.safeParse(change.newValue);
      if (next?.success) setStatus(next.data);
    };
    browser.storage.onChanged.addListener(onChange);
    return () => browser.storage.onChanged.removeListener(onChange);
  }, []);

  async function configure(change: SyncConfigChange) {
    try {
      setStatus(await send('sync.configure', change));
      setError('');
    } catch (e) {
      setError(errorText(e));
    }
  }

  const config = status?.config;
  const deviceOnly = new Set(config?.deviceOnly ?? []);
  const keepHere = (names: SettingName[], on: boolean) =>
    configure({
      deviceOnly: on
        ? [...new Set([...deviceOnly, ...names])]
        : [...deviceOnly].filter((x) => !names.includes(x as SettingName)),
    });
  const used = status ? status.bytes / SYNC_QUOTA.bytes : 0;

  return (
    <section class="card sync" id="sync" aria-labelledby="sync-h">
      <header class="card-head">
        <h2 id="sync-h">Sync</h2>
        <p class="muted">
          Your settings and a compact index of your library follow you to your other browsers through the browser’s own
          sync (Chrome: signed in, with sync on; Firefox: <em>Add-ons</em> ticked in Sync settings). No server or
          account of Dogear’s. Without browser sync it all simply stays here.
        </p>
      </header>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {!status || !config ? (
        <p class="muted">Loading…</p>
      ) : (
        <>
          <SwitchSetting
            sync="settings"
            label="Sync settings"
            hint="Keywords, tag rules and how listings look. The later change of each setting wins."
            checked={config.settings}
            onChange={(on) => void configure({ settings: on })}
          />
          {config.settings && (
            <div class="sync-groups" role="group" aria-label="Settings that stay on this device">
              {SETTING_GROUPS.map(([label, names]) => {
                const tooLarge = names.some((x) => status.settingsTooLarge.includes(x));
                return (
                  <label class="pill-check" key={label}>
                    <input
                      type="checkbox"
                      checked={!names.some((x) => deviceOnly.has(x))}
                      onChange={(e) => void keepHere(names, !(e.currentTarget as HTMLInputElement).checked)}
                    />
                    <span>
                      {label}
                      {tooLarge && <em class="error"> · too large to sync</em>}
                    </span>
                  </label>
                );
              })}
              <span class="muted small">Untick what this browser keeps to itself.</span>
            </div>
          )}
          <SwitchSetting
            sync="index"
            label="Sync the library"
            hint={
              <>
                Each paper’s id, status, your own tags and its dates; titles of papers still to read as room allows.{' '}
                <strong>Notes never sync</strong>: they stay in this browser and its backups.
              </>
            }
            checked={config.index}
            onChange={(on) => void configure({ index: on })}
          />
          <dl class="sync-facts">
            <dt>Library</dt>
            <dd data-dogear-sync="summary">
              {config.index
                ? `${n(status.papersSynced)} of ${n(status.papersTotal)} papers sync; notes never do.`
                : 'Not synced: switched off on this browser.'}
              {config.index && status.papersSynced < status.papersTotal && (
                <span class="muted small">
                  {' '}
                  Sync has room for part of it: papers to read first, then the most recently changed.
                </span>
              )}
            </dd>
            <dt>Last sync</dt>
            <dd data-dogear-sync="last">
              {status.lastSyncAt ? time(status.lastSyncAt) : 'Not yet'}
              {status.waitingUntil && (
                <span class="muted small"> · next write at {time(status.waitingUntil)} (pacing writes)</span>
              )}
            </dd>
            <dt>Quota</dt>
            <dd data-dogear-sync="quota">
              <meter min={0} max={1} high={0.9} value={used} aria-label="Sync storage used" /> {kb(status.bytes)} of{' '}
              {kb(SYNC_QUOTA.bytes)} · {status.keys} of {SYNC_QUOTA.maxItems} keys
            </dd>
          </dl>
          {status.error && (
            <p role="alert" class="error" data-dogear-sync="error">
              {status.error}
            </p>
          )}
          <p class="muted small">
            Switching either off removes Dogear’s data of that kind from your browser’s sync. Other browsers where it is
            still on put theirs back.
          </p>
        </>
      )}
    </section>
  );
}
