/**
 * Asks the browser to keep Dogear's storage when the disk runs low (otherwise
 * extension storage is "best effort" and may be evicted). Only window contexts
 * (popup, options) have `navigator.storage.persist`; Chrome grants it silently
 * to extensions with `unlimitedStorage`, Firefox may ask the user once.
 * Resolves to whether storage is persistent, or null when the API is missing.
 */
export async function requestPersistence(
  storage: Pick<StorageManager, 'persist' | 'persisted'> | undefined = globalThis.navigator?.storage,
): Promise<boolean | null> {
  if (typeof storage?.persist !== 'function') return null;
  try {
    if (typeof storage.persisted === 'function' && (await storage.persisted())) return true;
    return await storage.persist();
  } catch {
    // Some browsers reject in contexts they do not consider windows; nothing to do but carry on.
    return null;
  }
}
