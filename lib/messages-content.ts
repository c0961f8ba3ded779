import * as z from 'zod/mini';
import { fraction, PaperIdSchema, PaperMetaSchema, PaperSchema, SourceSchema, TagNameSchema, LIMITS } from './model';
import { STATUS_ACTIONS } from './status';

/**
 * The part of the message catalogue a content script bundles: the messages it may send, the reply
 * envelope every message shares, and the exchange every sender checks both sides of a request with. The rest of the catalogue (the extension pages' messages, with the
 * settings, import, Trash, sync and Zotero schemas) and the router are in lib/messages.ts, which a
 * content script never imports.
 */

export const Ids = z.array(PaperIdSchema).check(z.maxLength(LIMITS.batch));
export const StatusActionSchema = z.enum(STATUS_ACTIONS);
const UndoToken = z.string().check(
  z.refine((s) => s.length >= 16, 'too short'),
  z.maxLength(64),
);

/**
 * `{ id, add }` or `{ id, remove }`, nothing else. One strict object and a refinement instead of a union of
 * two: the content script parses it, and z.union would add its code there (issue 13).
 */
const OneTagEdit = z
  .strictObject({ id: PaperIdSchema, add: z.optional(TagNameSchema), remove: z.optional(TagNameSchema) })
  .check(
    z.refine(
      (e) => Object.keys(e).length === 2 && (typeof e.add === 'string' || typeof e.remove === 'string'),
      'one tag, added or removed',
    ),
  ) as z.ZodMiniType<{ id: string; add: string } | { id: string; remove: string }>;

/** `content`: a content script on a supported site may send it; `page`: only our own extension pages. */
export type Audience = 'content' | 'page';

export function def<From extends Audience, Req extends z.ZodMiniType, Res extends z.ZodMiniType>(
  from: From,
  request: Req,
  response: Res,
) {
  return { from, request, response };
}

export const CONTENT_CATALOGUE = {
  /** Every status change (overlay buttons, listing keys, popup rows): the status table decides the outcome. */
  'paper.act': def(
    'content',
    z.object({
      meta: PaperMetaSchema,
      action: StatusActionSchema,
      // A content script names its own site (its adapter's name in lib/sites/index.ts); the router
      // rejects any other name from a script on that site's origin.
      source: z.optional(SourceSchema),
    }),
    z.object({
      paper: z.nullable(PaperSchema),
      previous: z.nullable(PaperSchema),
      undoable: z.boolean(),
      /** When the action moved the paper to the Trash: `paper.undo` with it puts back the record the Trash kept. */
      undo: z.optional(UndoToken),
    }),
  ),
  /** A listing's tag chip: one of the user's own tags added to or removed from one paper, nothing else. */
  'paper.tag': def('content', OneTagEdit, z.object({ paper: z.nullable(PaperSchema) })),
  /** Undoes a removal `paper.act` made, with the token its reply carried: never a record the page supplies. */
  'paper.undo': def('content', z.object({ undo: UndoToken }), z.object({ paper: z.nullable(PaperSchema) })),
  'seen.record': def('content', z.object({ ids: Ids }), z.object({ fresh: z.array(z.string()) })),
  'rank.score': def(
    'content',
    z.object({ papers: z.array(PaperMetaSchema).check(z.maxLength(LIMITS.batch)) }),
    z.object({
      basis: z.enum(['model', 'keywords', 'cold']),
      // By paper id. An object whose every key takes the one schema: what z.record would check here (a
      // message is a plain object), without the record schema in the content script (issue 13).
      scores: z.catchall(z.object({}), z.object({ value: fraction(), words: z.array(z.string()) })),
    }),
  ),
} as const;

export type Reply<T> = { ok: true; data: T } | { ok: false; error: string };

// Checked as one object and a refinement rather than a union of the two shapes, for the reason OneTagEdit is.
const ReplySchema = z
  .object({ ok: z.boolean(), data: z.optional(z.unknown()), error: z.optional(z.string()) })
  .check(z.refine((r) => (r.ok ? 'data' in r : r.error !== undefined), 'not a reply')) as z.ZodMiniType<Reply<unknown>>;

export function summarise(error: z.core.$ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid';
}

class MessageError extends Error {
  override name = 'MessageError';
}

export type Transport = (message: unknown) => Promise<unknown>;

/** One request: checked against `request` before it goes, and its reply against `reply` when it comes back. */
export async function exchange(
  transport: Transport,
  type: string,
  payload: unknown,
  request: z.ZodMiniType,
  reply: z.ZodMiniType,
): Promise<unknown> {
  const req = request.safeParse(payload);
  if (!req.success) throw new MessageError(`invalid ${type}: ${summarise(req.error)}`);
  const raw = ReplySchema.safeParse(await transport({ type, payload: req.data }));
  if (!raw.success) throw new MessageError(`malformed reply to ${type}`);
  if (!raw.data.ok) throw new MessageError(raw.data.error);
  const res = reply.safeParse(raw.data.data);
  if (!res.success) throw new MessageError(`invalid reply to ${type}: ${summarise(res.error)}`);
  return res.data;
}
