/**
 * Sending one message and validating its answer with zod, against only the specs the caller
 * names (the dashboard's and the permission page's sender). The content script and the popup
 * check answers with guards instead (content-script.ts, popup-page.ts).
 */
import { z } from 'zod/mini';
import { fail, openReply, type Reply } from './reply';
import type { MessageSpecs } from './spec';

export { PROTOCOL_ERROR_KINDS, fail, openReply } from './reply';
export type { ProtocolError, ProtocolErrorKind, Reply } from './reply';

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
