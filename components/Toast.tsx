import { useEffect } from 'preact/hooks';
import { Icon } from './icons';

export interface ToastMessage {
  text: string;
  undo?: () => Promise<unknown>;
}

const TOAST_MS = 10_000;

/** The popup's one-line message, with Undo when the action can be undone; closes itself after a while. */
export function Toast({
  toast,
  onClose,
  onError,
}: {
  toast: ToastMessage;
  onClose: () => void;
  onError: (e: unknown) => void;
}) {
  useEffect(() => {
    const t = setTimeout(onClose, TOAST_MS);
    return () => clearTimeout(t);
  }, [toast]);

  return (
    <div class="toast" role="status">
      <span>{toast.text}</span>
      {toast.undo && (
        <button
          type="button"
          data-dogear-action="undo"
          onClick={() => {
            const undo = toast.undo;
            onClose();
            undo?.().catch(onError);
          }}
        >
          Undo
        </button>
      )}
      <button type="button" class="icon" aria-label="Close message" onClick={onClose}>
        <Icon name="x" />
      </button>
    </div>
  );
}
