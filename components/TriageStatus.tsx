export interface TriageStatusProps {
  /** What a screen reader hears: the entry reached, or what a key did. */
  message: string;
  /** A batch action (several selected entries) and its one undo, shown until undone or timed out. */
  batch: { label: string; undo: () => void } | null;
}

/**
 * Keyboard triage's status strip: a polite live region (always in the page,
 * so a change is announced) and, after a batch action, the batch's undo.
 * A single entry's undo stays in its own overlay, as with the buttons.
 */
export function TriageStatus({ message, batch }: TriageStatusProps) {
  return (
    <>
      <div class="sr" role="status" aria-live="polite" aria-atomic="true">
        {message}
      </div>
      {batch && (
        <div class="toast">
          <span>{batch.label}</span>
          <button type="button" data-dogear-action="undo" title="Undo (u)" onClick={batch.undo}>
            Undo
          </button>
        </div>
      )}
    </>
  );
}
