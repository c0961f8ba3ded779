import { KEY_HELP } from '@/lib/keys/keymap';

/** The listing shortcuts as a definition list: in the help card and on the options page. */
export function KeyList() {
  return (
    <dl>
      {KEY_HELP.map(({ keys, label }) => (
        <div key={label} style={{ display: 'contents' }}>
          <dt>
            {keys.map((k) => (
              <kbd key={k}>{k}</kbd>
            ))}
          </dt>
          <dd>{label}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * The help card `?` shows on a listing. Not modal and it does not take focus:
 * the keys keep working while it is open, so it can be kept up while learning them.
 */
export function KeyHelp({ onClose }: { onClose: () => void }) {
  return (
    <aside class="card" aria-labelledby="dogear-keys-h">
      <div class="head">
        <h2 id="dogear-keys-h">Dogear keys</h2>
        <button type="button" class="quiet icon" aria-label="Close (Esc)" title="Close (Esc)" onClick={onClose}>
          ×
        </button>
      </div>
      <KeyList />
      <p class="foot">Off while you type, and with Ctrl, ⌘ or Alt. Switch them off in Dogear’s settings.</p>
    </aside>
  );
}
