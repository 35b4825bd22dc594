/**
 * The one typed message protocol between ScrollCart's contexts. Each message names its
 * request and response schemas and who may send it; `handleMessage` validates a request
 * with zod on receipt and checks its sender before any handler sees it.
 */
import { z } from 'zod';
import { CardModel } from './card-model';
import { AdSighting, ClickKind, LookupStatus } from './model';

/** Who sent a message, as the browser reports it (never as the message claims). */
export interface SenderInfo {
  /** The sending extension's id; must be ours. */
  id?: string;
  /** Set when the sender is a content script in a tab. */
  tabUrl?: string;
  /** The sending document's URL. */
  url?: string;
}

/** `content`: our content script on a TikTok page. `page`: one of our extension pages. */
export type SenderKind = 'content' | 'page';

const Empty = z.object({}).strict();

const SightingReport = z.object({
  sighting: AdSighting,
  /** true when the ad's card is on screen (an impression); false when only its data was seen. */
  appeared: z.boolean(),
});

const SightingAck = z.object({
  itemId: z.string(),
  impressions: z.number().int(),
  productKey: z.string().nullable(),
  card: CardModel,
});

const ItemRef = z.object({ itemId: AdSighting.shape.itemId });

const Overview = z.object({
  sightings: z.number().int(),
  products: z.number().int(),
  saved: z.number().int(),
  recent: z.array(
    z.object({
      itemId: z.string(),
      author: z.string(),
      caption: z.string(),
      landingUrl: z.string(),
      productTitle: z.string().nullable(),
      lookup: LookupStatus.nullable(),
    }),
  ),
});

export const protocol = {
  /** Liveness and database check, used by tests and the popup's first paint. */
  ping: { from: ['content', 'page'], request: Empty, response: z.object({ dbOpen: z.boolean(), version: z.string() }) },
  /** An ad seen in the feed; the background records it and resolves its product. */
  'sighting/report': { from: ['content'], request: SightingReport, response: SightingAck },
  /** A click on the ad's own CTA or on the overlay; `id` is made at the click so a retry can't duplicate it. */
  'click/record': { from: ['content', 'page'], request: z.object({ id: z.uuid(), kind: ClickKind, itemId: AdSighting.shape.itemId.nullable() }), response: z.object({ recorded: z.boolean() }) },
  /** Save the ad's advertised (or first available) variant. */
  'saved/add': { from: ['content'], request: ItemRef, response: z.object({ saved: z.boolean(), reason: z.string().nullable() }) },
  /** What the popup and the dashboard show first. */
  'overview/get': { from: ['page'], request: Empty, response: Overview },
} as const satisfies Record<string, { from: readonly SenderKind[]; request: z.ZodType; response: z.ZodType }>;

export type Protocol = typeof protocol;
export type MessageType = keyof Protocol;
export type RequestOf<T extends MessageType> = z.infer<Protocol[T]['request']>;
export type ResponseOf<T extends MessageType> = z.infer<Protocol[T]['response']>;

export type ProtocolErrorKind = 'unknown-type' | 'invalid-request' | 'forbidden-sender' | 'handler-failed' | 'invalid-response';
export interface ProtocolError {
  kind: ProtocolErrorKind;
  message: string;
}
export type Reply<T> = { ok: true; data: T } | { ok: false; error: ProtocolError };

export type Handlers = { [T in MessageType]: (data: RequestOf<T>, sender: SenderInfo) => Promise<ResponseOf<T>> };

const Envelope = z.object({ type: z.string().max(64), data: z.unknown() });

/** Which kind of sender this is, or null when it is not one of ours. */
export function classifySender(sender: SenderInfo, ownId: string, ownOrigin: string): SenderKind | null {
  if (sender.id !== ownId) return null;
  // An extension page opened in a tab also has a tab: its own URL decides.
  if (sender.url?.startsWith(ownOrigin)) return 'page';
  return sender.tabUrl !== undefined ? 'content' : null;
}

function fail(kind: ProtocolErrorKind, message: string): Reply<never> {
  return { ok: false, error: { kind, message } };
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
  const request = spec.request.safeParse(envelope.data.data);
  if (!request.success) return fail('invalid-request', `${type}: ${z.prettifyError(request.error)}`);
  try {
    const handler = handlers[type] as (data: unknown, sender: SenderInfo) => Promise<unknown>;
    return { ok: true, data: await handler(request.data, sender) };
  } catch (error) {
    return fail('handler-failed', `${type}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Sends a message through `send` (the browser's runtime.sendMessage) and validates the answer. */
export async function sendTyped<T extends MessageType>(
  send: (message: unknown) => Promise<unknown>,
  type: T,
  data: RequestOf<T>,
): Promise<Reply<ResponseOf<T>>> {
  const reply = (await send({ type, data })) as Reply<unknown> | undefined;
  if (!reply || typeof reply !== 'object') return fail('invalid-response', `${type}: no answer from the background`);
  if (!reply.ok) return reply;
  const parsed = protocol[type].response.safeParse(reply.data);
  if (!parsed.success) return fail('invalid-response', `${type}: ${z.prettifyError(parsed.error)}`);
  return { ok: true, data: parsed.data as ResponseOf<T> };
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
