/**
 * JSON with every object's keys in sorted order. Chrome hands `storage.sync`
 * values back with their keys sorted (its dictionaries are ordered maps), so
 * `{pattern, caseSensitive}` written comes back `{caseSensitive, pattern}`:
 * values from sync are compared in this form, never by plain `JSON.stringify`.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
