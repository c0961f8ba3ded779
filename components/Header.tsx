import type { ComponentChildren } from 'preact';
import { Icon } from './icons';

interface Props {
  title: string;
  /** Shown beside the title, read out when it changes. */
  count?: string;
  /** A back button, on views other than the list. */
  onBack?: () => void;
  openOptions: () => void;
  /** The view's own buttons, before Settings. */
  children?: ComponentChildren;
}

/** The popup's top bar. */
export function Header({ title, count = '', onBack, openOptions, children }: Props) {
  return (
    <header class="top">
      {onBack ? (
        <button type="button" class="icon" aria-label="Back to the list" onClick={onBack}>
          <Icon name="back" />
        </button>
      ) : null}
      <h1>{title}</h1>
      <span class="count" aria-live="polite">
        {count}
      </span>
      {children}
      <button
        type="button"
        class="icon"
        data-dogear-action="options"
        aria-label="Open settings"
        title="Settings"
        onClick={openOptions}
      >
        <Icon name="sliders" />
      </button>
    </header>
  );
}
