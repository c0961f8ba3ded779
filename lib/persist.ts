/**
 * Asks the browser to keep Dogear's storage when the disk runs low (otherwise
 * extension storage is "best effort" and may be evicted). Only window contexts
 * (popup, options) have `navigator.storage.persist`; Chrome grants it silently
 * to extensions with `unlimitedStorage`, Firefox may ask the user once.
 * Resolves to whether storage is persistent, or null when the API is missing.
 * (Not `storage` as a name: see StateCache's constructor.)
 */
export async function requestPersistence(
  manager: Pick<StorageManager, 'persist' | 'persisted'> | undefined = globalThis.navigator?.storage,
): Promise<boolean | null> {
  if (typeof manager?.persist !== 'function') return null;
  try {
    if (typeof manager.persisted === 'function' && (await manager.persisted())) return true;
    return await manager.persist();
  } catch {
    // Some browsers reject in contexts they do not consider windows; nothing to do but carry on.
    return null;
  }
}
