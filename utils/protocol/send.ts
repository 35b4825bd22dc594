/**
 * Sending one message and validating its answer, against only the specs the caller names:
 * a content script that sends core messages never bundles the popup's or dashboard's schemas.
 */
import { z } from 'zod/mini';
import { hasFields, isObject, isText, oneOf } from '../checks';
import type { MessageSpecs } from './spec';

export const PROTOCOL_ERROR_KINDS = ['unknown-type', 'invalid-request', 'forbidden-sender', 'handler-failed', 'db-unavailable', 'invalid-response'] as const;
export type ProtocolErrorKind = (typeof PROTOCOL_ERROR_KINDS)[number];
export interface ProtocolError {
  kind: ProtocolErrorKind;
  message: string;
}
export type Reply<T> = { ok: true; data: T } | { ok: false; error: ProtocolError };

export function fail(kind: ProtocolErrorKind, message: string): Reply<never> {
  return { ok: false, error: { kind, message } };
}

const isProtocolError = hasFields<ProtocolError>({ kind: oneOf(PROTOCOL_ERROR_KINDS), message: isText() });

/**
 * The envelope of an answer, before its data is checked: no answer, or an error without a
 * known kind and a message, becomes a typed `invalid-response` (a bare `{ ok: false }` once
 * made a caller throw reading `error.message`); a well-formed error is returned as it came.
 */
export function openReply(type: string, reply: unknown): Reply<unknown> {
  if (!isObject(reply)) return fail('invalid-response', `${type}: no answer from the background`);
  if (reply.ok !== true) return isProtocolError(reply.error) ? { ok: false, error: reply.error } : fail('invalid-response', `${type}: an error without a kind and message`);
  return { ok: true, data: reply.data };
}

export type Sender<P extends MessageSpecs> = <T extends keyof P & string>(type: T, data: z.infer<P[T]['request']>) => Promise<Reply<z.infer<P[T]['response']>>>;

/** `send` is the browser's runtime.sendMessage (or a test double). */
export function senderFor<P extends MessageSpecs>(specs: P, send: (message: unknown) => Promise<unknown>): Sender<P> {
  return async <T extends keyof P & string>(type: T, data: z.infer<P[T]['request']>): Promise<Reply<z.infer<P[T]['response']>>> => {
    const reply = openReply(type, await send({ type, data }));
    if (!reply.ok) return reply;
    const parsed = z.safeParse(specs[type]!.response, reply.data);
    if (!parsed.success) return fail('invalid-response', `${type}: ${z.prettifyError(parsed.error)}`);
    return { ok: true, data: parsed.data as z.infer<P[T]['response']> };
  };
}
