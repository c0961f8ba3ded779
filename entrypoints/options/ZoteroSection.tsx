import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { DEFAULT_PORT, ZOTERO_PERMISSION } from '@/lib/zotero/client';
import { errorText } from '@/lib/errors';
import { parseZoteroPrefs, ZoteroPrefsSchema, ZOTERO_PREFS_KEY, type ZoteroPrefs } from '@/lib/zotero/prefs';

/**
 * Send to Zotero on this device: the port of Zotero's connector server and the
 * optional library check. Kept in `storage.local`, not with the synced settings.
 */
export function ZoteroSection() {
  const [prefs, setPrefs] = useState<ZoteroPrefs | null>(null);
  const [port, setPort] = useState('');
  const [error, setError] = useState('');
  const [granted, setGranted] = useState<boolean | null>(null);

  useEffect(() => {
    browser.storage.local
      .get(ZOTERO_PREFS_KEY)
      .then((r) => {
        const p = parseZoteroPrefs(r[ZOTERO_PREFS_KEY]);
        setPrefs(p);
        setPort(String(p.port));
      })
      .catch((e) => setError(errorText(e)));
    const check = () =>
      browser.permissions
        .contains({ origins: [ZOTERO_PERMISSION] })
        .then(setGranted)
        .catch(() => setGranted(false));
    void check();
    browser.permissions.onAdded.addListener(check);
    browser.permissions.onRemoved.addListener(check);
    return () => {
      browser.permissions.onAdded.removeListener(check);
      browser.permissions.onRemoved.removeListener(check);
    };
  }, []);

  const store = async (next: ZoteroPrefs) => {
    setPrefs(next);
    await browser.storage.local.set({ [ZOTERO_PREFS_KEY]: next });
  };

  const changePort = (text: string) => {
    setPort(text);
    const parsed = ZoteroPrefsSchema.safeParse({ ...prefs, port: Number(text) });
    if (!/^\d+$/.test(text.trim()) || !parsed.success) {
      setError('A port is a whole number from 1 to 65535.');
      return;
    }
    setError('');
    if (prefs) void store(parsed.data).catch((e) => setError(errorText(e)));
  };

  return (
    <section class="card" id="zotero" aria-labelledby="zt-h">
      <header class="card-head">
        <h2 id="zt-h">Zotero</h2>
        <p class="muted">
          The popup’s Send to Zotero hands papers to the Zotero app on this computer (127.0.0.1), only when you press
          Send. These settings stay on this device.
        </p>
      </header>
      <label class="setting">
        <div>
          <span class="setting-label">Zotero connector port</span>
          <span class="muted small">
            Zotero’s default is {DEFAULT_PORT}; change it only if you changed Zotero’s <code>httpServer.port</code>.
          </span>
          {error && (
            <span role="alert" class="small error">
              {error}
            </span>
          )}
        </div>
        <input
          type="number"
          name="zoteroPort"
          min={1}
          max={65535}
          value={port}
          disabled={!prefs}
          onInput={(e) => changePort((e.currentTarget as HTMLInputElement).value)}
        />
      </label>
      <label class="setting">
        <div>
          <span class="setting-label">Check my Zotero library first</span>
          <span class="muted small">
            Before sending up to 50 papers, ask Zotero whether they are in your library already. Needs Zotero’s local
            API: in Zotero, Settings → Advanced → “Allow other applications on this computer to communicate with
            Zotero”.
          </span>
        </div>
        <input
          type="checkbox"
          role="switch"
          class="switch"
          name="zoteroCheckLibrary"
          checked={prefs?.checkLibrary ?? false}
          disabled={!prefs}
          onChange={(e) =>
            prefs && void store({ ...prefs, checkLibrary: (e.currentTarget as HTMLInputElement).checked })
          }
        />
      </label>
      <div class="setting">
        <div>
          <span class="setting-label">Access to Zotero</span>
          <span class="muted small" data-dogear-zotero-permission={granted ? 'granted' : 'not-granted'}>
            {granted === null
              ? ''
              : granted
                ? 'Allowed. Dogear contacts Zotero only when you press Send.'
                : 'Not allowed yet: the first Send to Zotero asks.'}
          </span>
        </div>
        {granted && (
          <button
            type="button"
            data-dogear-action="zotero-revoke"
            onClick={() => void browser.permissions.remove({ origins: [ZOTERO_PERMISSION] })}
          >
            Withdraw
          </button>
        )}
      </div>
    </section>
  );
}
