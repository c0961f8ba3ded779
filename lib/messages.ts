import * as z from 'zod/mini';
import {
  markChecked,
  PaperIdSchema,
  PaperSchema,
  SettingsSchema,
  TagNameSchema,
  TrashedPaperSchema,
  LIMITS,
} from './model';
import { describeError } from './errors';
import {
  CONTENT_CATALOGUE,
  def,
  Ids,
  StatusActionSchema,
  summarise,
  type Audience,
  type Reply,
} from './messages-content';
import { withoutNotes } from './page-safe';
import { SyncConfigChangeSchema, SyncStatusSchema } from './sync/status';
import { ZOTERO_ERROR_KINDS } from './zotero/errors';
import { IMPORT_LIMITS } from './import';

/**
 * The message catalogue: every request and response that crosses a context
 * boundary, with who may send it. Requests are validated in the background,
 * responses in the sender, so neither side trusts the other's shape. The messages a
 * content script may send are in lib/messages-content.ts, so that it bundles only those.
 */

const Tags = z.array(TagNameSchema).check(z.maxLength(LIMITS.tags));
/** Papers the store will not parse again: the objects this parse made (lib/model.ts, validPaper). */
export const CheckedPapersSchema = z.array(PaperSchema).check(z.overwrite(markChecked));
const ImportCounts = z.object({ add: z.number(), update: z.number(), remove: z.number(), unchanged: z.number() });
const Ok = z.object({});

const ZoteroFailure = z.object({ ok: z.literal(false), kind: z.enum(ZOTERO_ERROR_KINDS), message: z.string() });
const ZoteroTarget = z.object({
  libraryName: z.string(),
  collection: z.nullable(z.string()),
  editable: z.boolean(),
  label: z.string(),
});
/** Papers per saveItems request: the popup sends long lists in batches and shows progress between them. */
export const ZOTERO_BATCH = 50;

export const CATALOGUE = {
  ...CONTENT_CATALOGUE,
  /** Any edit of a paper's tags and note: the popup. */
  'paper.update': def(
    'page',
    z.object({
      id: PaperIdSchema,
      tags: z.optional(Tags),
      /** Edits relative to the stored tags: two tabs tagging the same paper at once both keep their tag. */
      addTags: z.optional(Tags),
      removeTags: z.optional(Tags),
      note: z.optional(z.string().check(z.maxLength(LIMITS.note))),
    }),
    z.object({ paper: z.nullable(PaperSchema) }),
  ),
  'paper.restore': def('page', z.object({ papers: z.array(PaperSchema).check(z.maxLength(LIMITS.batch)) }), Ok),
  'papers.bulk': def(
    'page',
    z.object({
      ids: Ids,
      action: z.optional(StatusActionSchema),
      addTag: z.optional(TagNameSchema),
      removeTag: z.optional(TagNameSchema),
      remove: z.optional(z.boolean()),
    }),
    z.object({ changed: z.array(PaperSchema) }),
  ),
  'papers.apply': def(
    'page',
    z.object({
      put: CheckedPapersSchema,
      remove: z.array(PaperIdSchema),
      settings: z.optional(SettingsSchema),
      /** The Trash of an imported file. */
      trash: z.optional(z.array(TrashedPaperSchema)),
    }),
    Ok,
  ),
  /** A parsed import file, kept by the background until `import.apply`; its preview for each mode (lib/import-stage.ts). */
  'import.stage': def(
    'page',
    z.object({
      kind: z.enum(['json', 'ids']),
      papers: CheckedPapersSchema.check(z.maxLength(IMPORT_LIMITS.papers)),
      trash: z.optional(z.array(TrashedPaperSchema).check(z.maxLength(IMPORT_LIMITS.papers))),
      settings: z.optional(SettingsSchema),
    }),
    z.object({ token: z.string(), merge: ImportCounts, replace: ImportCounts }),
  ),
  /** The staged import, planned again against the list as it is now; `expired`: stage the file again. */
  'import.apply': def(
    'page',
    z.object({ token: z.string().check(z.maxLength(64)), mode: z.enum(['merge', 'replace']), settings: z.boolean() }),
    z.union([z.object({ done: ImportCounts }), z.object({ expired: z.literal(true) })]),
  ),
  /** Back on the list: the given papers, or everything in the Trash. */
  'trash.restore': def(
    'page',
    z.union([z.object({ ids: Ids }), z.object({ all: z.literal(true) })]),
    z.object({ restored: z.number() }),
  ),
  /** Forgets what was removed more than 30 days ago (the popup asks before it lists the Trash). */
  'trash.purge': def('page', z.object({}), z.object({ purged: z.number() })),
  'trash.empty': def('page', z.object({}), Ok),
  /** With `base` (the settings the edit started from), only what changed from it is applied: see lib/settings-edit.ts. */
  'settings.set': def(
    'page',
    z.object({ settings: SettingsSchema, base: z.optional(SettingsSchema) }),
    z.object({ settings: SettingsSchema }),
  ),
  'rank.reset': def('page', z.object({}), Ok),
  /** How the model measures against the keywords on the user's own decisions (AUCs null while cold). */
  'rank.status': def(
    'page',
    z.object({}),
    z.object({
      basis: z.enum(['model', 'keywords', 'cold']),
      decisions: z.number(),
      modelAuc: z.nullable(z.number()),
      keywordAuc: z.nullable(z.number()),
    }),
  ),
  'backup.take': def('page', z.object({}), z.object({ id: z.number() })),
  'backup.restore': def('page', z.object({ id: z.number() }), Ok),
  /** Sync: extension pages only. */
  'sync.status': def('page', z.object({}), SyncStatusSchema),
  'sync.configure': def('page', SyncConfigChangeSchema, SyncStatusSchema),
  // Zotero desktop on 127.0.0.1: extension pages only, each one a user's click.
  'zotero.target': def(
    'page',
    z.object({}),
    z.union([z.object({ ok: z.literal(true), version: z.string(), target: ZoteroTarget }), ZoteroFailure]),
  ),
  'zotero.save': def(
    'page',
    z.object({ ids: z.array(PaperIdSchema).check(z.minLength(1), z.maxLength(ZOTERO_BATCH)) }),
    z.union([z.object({ ok: z.literal(true), target: z.string(), papers: z.array(PaperSchema) }), ZoteroFailure]),
  ),
  'zotero.check': def(
    'page',
    z.object({ ids: z.array(PaperIdSchema).check(z.minLength(1), z.maxLength(ZOTERO_BATCH)) }),
    z.union([z.object({ ok: z.literal(true), found: z.record(z.string(), z.nullable(z.boolean())) }), ZoteroFailure]),
  ),
} as const;

export type ZoteroMessage = 'zotero.target' | 'zotero.save' | 'zotero.check';

export type MessageType = keyof typeof CATALOGUE;
export type RequestOf<T extends MessageType> = z.infer<(typeof CATALOGUE)[T]['request']>;
export type ResponseOf<T extends MessageType> = z.infer<(typeof CATALOGUE)[T]['response']>;

const EnvelopeSchema = z.object({
  type: z.string().check(z.maxLength(64)),
  payload: z.unknown(),
});

/** The parts of `runtime.MessageSender` the router checks. */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: unknown;
}

export interface RouterOptions {
  /** Our own extension id; anything else is rejected. */
  runtimeId: string;
  /** e.g. `chrome-extension://<id>/`: the origin of our extension pages. */
  extensionOrigin: string;
  /** The sites whose content scripts may talk to us (the registry, lib/sites/index.ts): a script on a
   *  site's origin may name only that site as a paper's `source`. */
  contentSites: readonly ContentSite[];
  /** Called for every rejected message, for logging. */
  onReject?: (reason: string, message: unknown) => void;
}

interface ContentSite {
  origin: string;
  name: string;
}

/** Who sent a request: one of our own pages, or a content script on a registered site. */
type Sender = { audience: 'page' } | { audience: 'content'; site: string };

/** Where a request came from, as far as handlers need it. */
interface RequestContext {
  /** `content`: a listing's content script, which may not see notes or do anything destructive. */
  audience: Audience;
  /** Sent from a private (incognito) window's tab: nothing it shows may be remembered. */
  incognito: boolean;
}

export type Handlers = {
  [T in MessageType]: (req: RequestOf<T>, from?: RequestContext) => Promise<ResponseOf<T>>;
};

function senderOf(sender: SenderInfo, opts: RouterOptions): Sender | null {
  if (sender.id !== opts.runtimeId || typeof sender.url !== 'string') return null;
  // Popup and options keep our origin even when opened in a tab.
  if (sender.url.startsWith(opts.extensionOrigin)) return { audience: 'page' };
  let origin: string;
  try {
    origin = new URL(sender.url).origin;
  } catch {
    return null;
  }
  const site = sender.tab ? opts.contentSites.find((s) => s.origin === origin) : undefined;
  return site ? { audience: 'content', site: site.name } : null;
}

/** A content script may claim only its own page's site as a request's `source`: a script on one site
 *  (or a page that fooled it) cannot make papers look as if saved on another. The reason, or null. */
function foreignSource(from: Sender, request: unknown): string | null {
  if (from.audience !== 'content') return null;
  const source = (request as { source?: unknown }).source;
  if (source === undefined || source === from.site) return null;
  return `a content script on ${from.site} cannot name ${String(source)} as its source`;
}

/**
 * The background's message handler: rejects unknown types, invalid payloads and
 * senders that may not send that type, before any handler runs.
 */
export function createRouter(handlers: Handlers, opts: RouterOptions) {
  return async (message: unknown, sender: SenderInfo): Promise<Reply<unknown>> => {
    const reject = (reason: string): Reply<unknown> => {
      opts.onReject?.(reason, message);
      return { ok: false, error: reason };
    };
    const from = senderOf(sender, opts);
    if (!from) return reject('unexpected sender');
    const env = EnvelopeSchema.safeParse(message);
    if (!env.success) return reject('malformed message');
    const type = env.data.type;
    if (!Object.hasOwn(CATALOGUE, type)) return reject(`unknown message type`);
    const entry = CATALOGUE[type as MessageType];
    if (entry.from === 'page' && from.audience !== 'page') return reject(`${type} is not allowed from a web page`);
    const req = entry.request.safeParse(env.data.payload);
    if (!req.success) return reject(`invalid ${type}: ${summarise(req.error)}`);
    const foreign = foreignSource(from, req.data);
    if (foreign) return reject(`${type}: ${foreign}`);
    try {
      const tab = sender.tab as { incognito?: unknown } | undefined;
      const context: RequestContext = { audience: from.audience, incognito: tab?.incognito === true };
      const data = await (handlers[type as MessageType] as (r: unknown, f: RequestContext) => Promise<unknown>)(
        req.data,
        context,
      );
      // A content script's page is not trusted with the user's notes, whatever the handler answers.
      return { ok: true, data: from.audience === 'content' ? withoutNotes(data) : data };
    } catch (err) {
      return { ok: false, error: describeError(err) };
    }
  };
}
