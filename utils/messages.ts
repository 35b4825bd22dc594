/**
 * The one typed message protocol between ScrollCart's contexts. Each message names its
 * request and response schemas and who may send it; `handleMessage` validates a request
 * with zod on receipt and checks its sender before any handler sees it.
 */
import { z } from 'zod';

import { coreProtocol } from './protocol/core';
import { dashboardProtocol } from './protocol/dashboard';
import { dataProtocol } from './protocol/data';
import { diagnosticsProtocol } from './protocol/diagnostics';
import { popupProtocol } from './protocol/popup';
import { fail, senderFor, type Reply } from './protocol/send';
import type { HandlersOf, SenderInfo, SenderKind } from './protocol/spec';

export type { SenderInfo, SenderKind } from './protocol/spec';

/** Every message, from every feature's file in utils/protocol/. Names must not collide. */
export const protocol = { ...coreProtocol, ...popupProtocol, ...dashboardProtocol, ...dataProtocol, ...diagnosticsProtocol };

export type Protocol = typeof protocol;
export type MessageType = keyof Protocol;
export type RequestOf<T extends MessageType> = z.infer<Protocol[T]['request']>;
export type ResponseOf<T extends MessageType> = z.infer<Protocol[T]['response']>;

export type { ProtocolError, ProtocolErrorKind, Reply } from './protocol/send';

export type Handlers = HandlersOf<Protocol>;

const Envelope = z.object({ type: z.string().max(64), data: z.unknown() });

/** Which kind of sender this is, or null when it is not one of ours. */
export function classifySender(sender: SenderInfo, ownId: string, ownOrigin: string): SenderKind | null {
  if (sender.id !== ownId) return null;
  // An extension page opened in a tab also has a tab: its own URL decides.
  if (sender.url?.startsWith(ownOrigin)) return 'page';
  return sender.tabUrl !== undefined ? 'content' : null;
}


/** Validates, checks the sender, runs the handler, and always answers with a `Reply`. */
export async function handleMessage(
  raw: unknown,
  sender: SenderInfo,
  handlers: Handlers,
  self: { id: string; origin: string },
): Promise<Reply<unknown>> {
  const envelope = Envelope.safeParse(raw);
  if (!envelope.success || !Object.hasOwn(protocol, envelope.data.type)) return fail('unknown-type', 'not a ScrollCart message');
  const type = envelope.data.type as MessageType;
  const spec = protocol[type];
  const kind = classifySender(sender, self.id, self.origin);
  if (kind === null || !(spec.from as readonly SenderKind[]).includes(kind)) {
    return fail('forbidden-sender', `${type} may not be sent from ${kind ?? 'outside ScrollCart'}`);
  }
  const request = z.safeParse(spec.request, envelope.data.data);
  if (!request.success) return fail('invalid-request', `${type}: ${z.prettifyError(request.error)}`);
  try {
    const handler = handlers[type] as (data: unknown, sender: SenderInfo) => Promise<unknown>;
    return { ok: true, data: await handler(request.data, sender) };
  } catch (error) {
    // Matched by name: this file is bundled into content scripts, which must not import utils/db.ts.
    if (error instanceof Error && error.name === 'DatabaseUnavailableError') return fail('db-unavailable', `${type}: ${error.message}`);
    return fail('handler-failed', `${type}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Sends a message through `send` (the browser's runtime.sendMessage) and validates the answer. */
export function sendTyped<T extends MessageType>(send: (message: unknown) => Promise<unknown>, type: T, data: RequestOf<T>): Promise<Reply<ResponseOf<T>>> {
  return senderFor(protocol, send)(type, data);
}

/** A sender as `runtime.onMessage` reports it (the subset we read). */
export interface RuntimeSender {
  id?: string;
  url?: string;
  tab?: { url?: string };
}

/**
 * The background's `runtime.onMessage` listener. It answers through `sendResponse` and
 * returns true, the form every browser, the polyfill and WXT's fake browser all accept.
 */
export function createRuntimeListener(handlers: Handlers, self: { id: string; origin: string }) {
  return (message: unknown, sender: RuntimeSender, sendResponse: (reply: unknown) => void): true => {
    void handleMessage(message, { id: sender.id, url: sender.url, tabUrl: sender.tab?.url }, handlers, self).then(sendResponse);
    return true;
  };
}
