import type { Mirror } from '../service';

/** An in-memory stand-in for the background's storage.local mirror. */
export function fakeMirror(): Mirror & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    set: async (items) => void Object.entries(items).forEach(([k, v]) => data.set(k, v)),
    remove: async (keys) => void keys.forEach((k) => data.delete(k)),
    get: async () => Object.fromEntries(data),
  };
}
