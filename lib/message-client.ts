import { CATALOGUE, type MessageType, type RequestOf, type ResponseOf } from './messages';
import { exchange, type Transport } from './messages-content';

/** The typed client of our extension pages (popup, options): replies as the catalogue describes them. */
export function createClient(transport: Transport) {
  return <T extends MessageType>(type: T, payload: RequestOf<T>) =>
    exchange(transport, type, payload, CATALOGUE[type].request, CATALOGUE[type].response) as Promise<ResponseOf<T>>;
}

/** The typed sender `createClient` makes; components take it as a prop so tests can pass their own transport. */
export type Send = ReturnType<typeof createClient>;
