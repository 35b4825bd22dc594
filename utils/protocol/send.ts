/**
 * Sending one message and validating its answer, against only the specs the caller names:
 * a content script that sends core messages never bundles the popup's or dashboard's schemas.
 */
import { z } from 'zod/mini';
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

export type Sender<P extends MessageSpecs> = <T extends keyof P & string>(type: T, data: z.infer<P[T]['request']>) => Promise<Reply<z.infer<P[T]['response']>>>;

/** `send` is the browser's runtime.sendMessage (or a test double). */
export function senderFor<P extends MessageSpecs>(specs: P, send: (message: unknown) => Promise<unknown>): Sender<P> {
  return async <T extends keyof P & string>(type: T, data: z.infer<P[T]['request']>): Promise<Reply<z.infer<P[T]['response']>>> => {
    const reply = (await send({ type, data })) as Reply<unknown> | undefined;
    if (!reply || typeof reply !== 'object') return fail('invalid-response', `${type}: no answer from the background`);
    if (!reply.ok) return reply;
    const parsed = z.safeParse(specs[type]!.response, reply.data);
    if (!parsed.success) return fail('invalid-response', `${type}: ${z.prettifyError(parsed.error)}`);
    return { ok: true, data: parsed.data as z.infer<P[T]['response']> };
  };
}
