/**
 * The sentence a user sees when a request fails. Storage failures arrive as
 * DOMExceptions whose own messages ("The quota has been exceeded.") neither
 * say that nothing was saved nor what to do, so the common ones are named here.
 */
export function describeError(err: unknown): string {
  const name = typeof err === 'object' && err !== null && 'name' in err ? String(err.name) : '';
  switch (name) {
    case 'QuotaExceededError':
      return 'Storage is full: nothing was saved. Free some disk space and try again.';
    case 'AbortError':
    case 'TransactionInactiveError':
      return 'The change was interrupted and not saved. Please try again.';
    case 'InvalidStateError':
    case 'UnknownError':
      return 'The browser could not write to Dogear’s storage: nothing was saved. Please try again, or restart the browser.';
  }
  return errorText(err);
}

/** An error's message, for any thrown value; `fallback` for a value that is not an Error, if given. */
export function errorText(err: unknown, fallback?: string): string {
  return err instanceof Error ? err.message : (fallback ?? String(err));
}
