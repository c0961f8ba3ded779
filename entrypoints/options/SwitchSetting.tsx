import type { ComponentChildren } from 'preact';

interface Props {
  label: string;
  hint: ComponentChildren;
  checked: boolean;
  onChange: (on: boolean) => void;
  /** The input's `name` (settings) or `data-dogear-sync` (sync): what tests and styles find it by. */
  name?: string;
  sync?: string;
}

/** One on/off setting of the options page: label and hint on the left, a switch on the right. */
export function SwitchSetting({ label, hint, checked, onChange, name, sync }: Props) {
  return (
    <label class="setting">
      <div>
        <span class="setting-label">{label}</span>
        <span class="muted small">{hint}</span>
      </div>
      <input
        type="checkbox"
        role="switch"
        class="switch"
        name={name}
        data-dogear-sync={sync}
        checked={checked}
        onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked)}
      />
    </label>
  );
}
