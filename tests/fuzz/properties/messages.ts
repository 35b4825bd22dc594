/**
 * Fuzz property of the message validator: whatever arrives on `runtime.onMessage` (any
 * envelope, any sender the browser could report), `handleMessage` answers with a `Reply`,
 * and a handler runs only for a known type, from a sender allowed to send it, with a request
 * its schema accepts — and then with exactly the parsed request.
 */
import fc from 'fast-check';
import { classifySender, handleMessage, protocol, type Handlers, type MessageType, type SenderInfo } from '@/utils/messages';
import type { FuzzProperty } from '../property';
import { anyJson, hostileText, nastyObject } from './arbitraries';

const SELF = { id: 'scrollcart-id', origin: 'chrome-extension://scrollcart-id/' };
const TYPES = Object.keys(protocol) as MessageType[];

/** Valid requests of some messages, so the fuzzer reaches the handlers and not only the refusals. */
const VALID: Partial<Record<string, unknown>> = {
  ping: {},
  'overview/get': {},
  'saved/add': { itemId: '7301234567890123456', clickId: '6f1c2d3e-4a5b-4c6d-8e7f-0a1b2c3d4e5f' },
  'click/record': { id: '3b241101-e2bb-4255-8caf-4136c566a962', kind: 'cta', itemId: '7301234567890123456' },
  'diagnostics/report': { delta: { ads: 1 } },
  'diagnostics/get': {},
  'data/delete-all': { confirm: true },
  'sighting/report': {
    appeared: true,
    sighting: {
      itemId: '7301234567890123456',
      author: 'shop',
      caption: '<img src=x onerror=alert(1)>',
      ctaText: 'Shop now',
      landingUrlRaw: 'https://demo-store.myshopify.com/products/x',
      landingUrl: 'https://demo-store.myshopify.com/products/x',
      adKind: 'product-link',
      source: 'api',
      page: '/foryou',
    },
  },
};

/** A valid request with one field replaced or added: the schema's edges. */
const mutated = fc.tuple(fc.constantFrom(...Object.entries(VALID)), fc.option(fc.tuple(fc.constantFrom('itemId', 'kind', 'id', 'confirm', 'appeared', 'sighting', 'delta', '__proto__', 'extra'), anyJson), { nil: undefined })).map(([[type, data], change]) => {
  const copy = structuredClone(data) as Record<string, unknown>;
  if (change) Object.defineProperty(copy, change[0], { value: change[1], enumerable: true, configurable: true, writable: true });
  return { type, data: copy };
});

const envelope = fc.oneof(
  { weight: 3, arbitrary: mutated },
  { weight: 2, arbitrary: fc.record({ type: fc.constantFrom(...TYPES), data: fc.oneof(anyJson, nastyObject, fc.constant({})) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.oneof(hostileText, fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'PING', 'ping ', 'x'.repeat(65))), data: anyJson }) },
  { weight: 1, arbitrary: fc.oneof(anyJson, nastyObject) },
);

const sender: fc.Arbitrary<SenderInfo> = fc.oneof(
  fc.constant({ id: SELF.id, tabUrl: 'https://www.tiktok.com/foryou', url: 'https://www.tiktok.com/foryou' }),
  fc.constant({ id: SELF.id, url: `${SELF.origin}popup.html` }),
  fc.constant({ id: SELF.id, url: `${SELF.origin}dashboard.html`, tabUrl: `${SELF.origin}dashboard.html` }),
  fc.constant({ id: SELF.id, url: 'chrome-extension://scrollcart-id.evil.example/popup.html' }),
  fc.constant({ id: 'another-extension', url: 'chrome-extension://another-extension/x.html', tabUrl: 'https://www.tiktok.com/' }),
  fc.constant({ id: SELF.id }),
  fc.constant({}),
  fc.record({ id: fc.option(fc.oneof(fc.constant(SELF.id), hostileText), { nil: undefined }), url: fc.option(hostileText, { nil: undefined }), tabUrl: fc.option(hostileText, { nil: undefined }) }, { requiredKeys: [] }),
);

export const messageProperties: FuzzProperty[] = [
  {
    name: 'handleMessage always answers, and runs a handler only for a valid request from an allowed sender, with the parsed request',
    make: () =>
      fc.asyncProperty(envelope, sender, fc.boolean(), async (raw, from, handlerThrows) => {
        const calls: { type: string; data: unknown }[] = [];
        const handlers = new Proxy({} as Handlers, {
          get: (_target, type) => async (data: unknown) => {
            calls.push({ type: String(type), data });
            if (handlerThrows) throw new Error('handler failed');
            return { handled: true };
          },
        });
        const reply = await handleMessage(structuredClone(raw), from, handlers, SELF);
        if (typeof reply !== 'object' || reply === null || typeof reply.ok !== 'boolean') throw new Error('no Reply');
        if (calls.length > 1) throw new Error('more than one handler ran');
        const call = calls[0];
        if (!call) {
          if (reply.ok) throw new Error('ok without a handler');
          return;
        }
        const envelopeOk = typeof raw === 'object' && raw !== null && !Array.isArray(raw) && typeof (raw as { type?: unknown }).type === 'string';
        if (!envelopeOk || !Object.hasOwn(protocol, call.type)) throw new Error(`handler ran for an unknown type ${call.type}`);
        const spec = protocol[call.type as MessageType];
        const kind = classifySender(from, SELF.id, SELF.origin);
        if (kind === null || !(spec.from as readonly string[]).includes(kind)) throw new Error(`${call.type} ran for a forbidden sender ${JSON.stringify(from)}`);
        const parsed = spec.request.safeParse((raw as { data?: unknown }).data);
        if (!parsed.success) throw new Error(`${call.type} ran with an invalid request`);
        if (JSON.stringify(parsed.data) !== JSON.stringify(call.data)) throw new Error('the handler got something other than the parsed request');
        if (reply.ok === handlerThrows) throw new Error('reply does not say what the handler did');
        if (!reply.ok && reply.error.kind !== 'handler-failed') throw new Error('a handler failure is not typed as one');
      }),
  },
  {
    name: 'only our own extension is a sender: any other id, or none, is refused whatever its URLs claim',
    make: () =>
      fc.property(sender, (from) => {
        const kind = classifySender(from, SELF.id, SELF.origin);
        if (from.id !== SELF.id && kind !== null) throw new Error('a foreign sender was classified as ours');
        if (kind === 'page' && !from.url?.startsWith(SELF.origin)) throw new Error('a page outside our origin counts as ours');
      }),
  },
];
