/**
 * An answer's envelope and its errors, without a schema library: the content script and the
 * popup check answers with type guards (utils/checks.ts), and a module that imported zod
 * here would bring it into their bundles (a module is never split between chunks).
 */
import { hasFields, isObject, isText, oneOf } from '../checks';

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

/**
 * A sender whose answers are checked by `answers[type]` before anyone reads them: the
 * content script's and the popup's. `send` is the browser's runtime.sendMessage (or a test double).
 */
export function checkedSender<Requests, Responses extends { [T in keyof Requests]: unknown }>(
  answers: { [T in keyof Requests]: (value: unknown) => boolean },
  send: (message: unknown) => Promise<unknown>,
): <T extends keyof Requests & string>(type: T, data: Requests[T]) => Promise<Reply<Responses[T]>> {
  return async <T extends keyof Requests & string>(type: T, data: Requests[T]): Promise<Reply<Responses[T]>> => {
    const reply = openReply(type, await send({ type, data }));
    if (!reply.ok) return reply;
    return answers[type](reply.data) ? (reply as Reply<Responses[T]>) : fail('invalid-response', `${type}: the answer has an unexpected shape`);
  };
}
