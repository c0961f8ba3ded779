import { keyList } from '@/components/key-list';
import type { Settings } from '@/lib/model';
import { SwitchSetting } from './SwitchSetting';

interface Props {
  settings: Settings;
  onChange: (s: Settings) => void;
}

/** The list the key help card on a listing shows, built once when the section mounts (Preact leaves it alone). */
const showKeyList = (el: HTMLElement | null) => el?.replaceChildren(keyList(el.ownerDocument));

export function KeyboardSection({ settings, onChange }: Props) {
  return (
    <section class="card" id="keyboard" aria-labelledby="kb-h">
      <header class="card-head">
        <h2 id="kb-h">Keyboard</h2>
        <p class="muted">
          Triage a listing without the mouse. Keys are never taken while you type in a field, while the site shows a
          dialog, or with Ctrl, ⌘ or Alt held — the site’s and the browser’s shortcuts keep working. Press <kbd>?</kbd>{' '}
          on a listing for this list.
        </p>
      </header>
      <SwitchSetting
        name="shortcuts"
        label="Single-key shortcuts on listings"
        hint="Switched off, Dogear takes no keys on Hugging Face and arXiv pages."
        checked={settings.shortcuts}
        onChange={(on) => onChange({ ...settings, shortcuts: on })}
      />
      <div class={`keys-list${settings.shortcuts ? '' : ' off'}`} ref={showKeyList} />
    </section>
  );
}
