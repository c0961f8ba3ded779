import type * as z from 'zod/mini';
import { CATALOGUE, ReplySchema, summarise, type MessageType, type RequestOf, type ResponseOf } from './messages';
import { noteFreeSchema, type WithoutNotes } from './page-safe';

class MessageError extends Error {
  override name = 'MessageError';
}

export type Transport = (message: unknown) => Promise<unknown>;

/** One request: checked before it goes, and its reply checked against `reply` when it comes back. */
async function exchange(transport: Transport, type: MessageType, payload: unknown, reply: z.ZodMiniType) {
  const req = CATALOGUE[type].request.safeParse(payload);
  if (!req.success) throw new MessageError(`invalid ${type}: ${summarise(req.error)}`);
  const raw = ReplySchema.safeParse(await transport({ type, payload: req.data }));
  if (!raw.success) throw new MessageError(`malformed reply to ${type}`);
  if (!raw.data.ok) throw new MessageError(raw.data.error);
  const res = reply.safeParse(raw.data.data);
  if (!res.success) throw new MessageError(`invalid reply to ${type}: ${summarise(res.error)}`);
  return res.data;
}

/** The typed client of our extension pages (popup, options): replies as the catalogue describes them. */
export function createClient(transport: Transport) {
  return <T extends MessageType>(type: T, payload: RequestOf<T>) =>
    exchange(transport, type, payload, CATALOGUE[type].response) as Promise<ResponseOf<T>>;
}

/** The typed sender `createClient` makes; components take it as a prop so tests can pass their own transport. */
export type Send = ReturnType<typeof createClient>;

/** The messages a listing's content script may send. */
export type ContentMessage = {
  [T in MessageType]: (typeof CATALOGUE)[T]['from'] extends 'content' ? T : never;
}[MessageType];

/** What a content script is answered: the catalogue's reply with every note taken out (lib/page-safe.ts). */
export type ContentReplyOf<T extends ContentMessage> = WithoutNotes<ResponseOf<T>>;

/** The reply schemas of the content messages, derived from the catalogue's. */
export const CONTENT_REPLIES = Object.fromEntries(
  (Object.keys(CATALOGUE) as MessageType[])
    .filter((t) => CATALOGUE[t].from === 'content')
    .map((t) => [t, noteFreeSchema(CATALOGUE[t].response)]),
) as { [T in ContentMessage]: z.ZodMiniType<ContentReplyOf<T>> };

/** The typed client of content scripts: only the content messages, and replies that carry no note. */
export function createContentClient(transport: Transport) {
  return <T extends ContentMessage>(type: T, payload: RequestOf<T>) =>
    exchange(transport, type, payload, CONTENT_REPLIES[type]) as Promise<ContentReplyOf<T>>;
}

/** The typed sender of content scripts. */
export type ContentSend = ReturnType<typeof createContentClient>;
