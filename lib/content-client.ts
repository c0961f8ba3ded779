import type * as z from 'zod/mini';
import { CONTENT_CATALOGUE, exchange, type Transport } from './messages-content';
import { noteFreeSchema, type WithoutNotes } from './page-safe';

/** The messages a listing's content script may send. */
export type ContentMessage = keyof typeof CONTENT_CATALOGUE;

type ContentRequestOf<T extends ContentMessage> = z.infer<(typeof CONTENT_CATALOGUE)[T]['request']>;

/** What a content script is answered: the catalogue's reply with every note taken out (lib/page-safe.ts). */
export type ContentReplyOf<T extends ContentMessage> = WithoutNotes<z.infer<(typeof CONTENT_CATALOGUE)[T]['response']>>;

/** The reply schemas of the content messages, derived from the catalogue's. */
export const CONTENT_REPLIES = Object.fromEntries(
  (Object.keys(CONTENT_CATALOGUE) as ContentMessage[]).map((t) => [t, noteFreeSchema(CONTENT_CATALOGUE[t].response)]),
) as { [T in ContentMessage]: z.ZodMiniType<ContentReplyOf<T>> };

/** The typed client of content scripts: only the content messages, and replies that carry no note. */
export function createContentClient(transport: Transport) {
  return <T extends ContentMessage>(type: T, payload: ContentRequestOf<T>) =>
    exchange(transport, type, payload, CONTENT_CATALOGUE[type].request, CONTENT_REPLIES[type]) as Promise<
      ContentReplyOf<T>
    >;
}

/** The typed sender of content scripts. */
export type ContentSend = ReturnType<typeof createContentClient>;
