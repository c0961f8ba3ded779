/** What can go wrong talking to Zotero, shared by the client, the background and the popup. */

export const ZOTERO_ERROR_KINDS = [
  'not-running',
  'not-reachable',
  'session-exists',
  'read-only',
  'outdated',
  'timeout',
  'failed',
  /** The browser has not granted the optional host permission for 127.0.0.1. */
  'no-permission',
] as const;
export type ZoteroErrorKind = (typeof ZOTERO_ERROR_KINDS)[number];

export const NOT_RUNNING = 'Zotero is not running — start Zotero and try again';

export class ZoteroError extends Error {
  override name = 'ZoteroError';
  constructor(
    readonly kind: ZoteroErrorKind,
    message: string,
  ) {
    super(message);
  }
}
