import { describe, expect, it, vi } from 'vitest';
import { classifySender, createRuntimeListener, handleMessage, sendTyped, type Handlers, type SenderInfo } from '@/utils/messages';

const self = { id: 'our-id', origin: 'chrome-extension://our-id/' };
const content: SenderInfo = { id: 'our-id', tabUrl: 'https://www.tiktok.com/foryou', url: 'https://www.tiktok.com/foryou' };
const page: SenderInfo = { id: 'our-id', url: 'chrome-extension://our-id/popup.html' };

const sighting = {
  itemId: '7312345678901234567',
  author: 'brand',
  caption: 'New drop',
  ctaText: 'Shop now',
  landingUrlRaw: 'https://demo-store.myshopify.com/products/tee?ttclid=1',
  landingUrl: 'https://demo-store.myshopify.com/products/tee?ttclid=1',
  adKind: 'product-link',
  source: 'api',
  page: '/foryou',
};

function fakeHandlers(): Handlers & { calls: string[] } {
  const calls: string[] = [];
  // Only the messages these tests send; handleMessage calls nothing else.
  const some: Partial<Handlers> & { calls: string[] } = {
    calls,
    ping: async () => (calls.push('ping'), { dbOpen: true, version: '1' }),
    'sighting/report': async ({ sighting: s }) => (calls.push(`report:${s.itemId}`), { itemId: s.itemId, impressions: 1, productKey: null, card: { state: 'pending' } }),
    'click/record': async (c) => (calls.push(`click:${c.kind}`), { recorded: true }),
    'saved/add': async (r) => (calls.push(`save:${r.itemId}`), { saved: true, reason: null }),
    'overview/get': async () => (calls.push('overview'), { sightings: 0, products: 0, saved: 0, recent: [] }),
  };
  return some as unknown as Handlers & { calls: string[] };
}

describe('classifySender', () => {
  it('tells our content scripts from our pages and refuses strangers', () => {
    expect(classifySender(content, self.id, self.origin)).toBe('content');
    expect(classifySender(page, self.id, self.origin)).toBe('page');
    // A popup opened in a tab still has a tab, but its URL is ours.
    expect(classifySender({ ...page, tabUrl: page.url }, self.id, self.origin)).toBe('page');
    expect(classifySender({ ...content, id: 'other-extension' }, self.id, self.origin)).toBeNull();
    expect(classifySender({ id: 'our-id' }, self.id, self.origin)).toBeNull();
  });
});

describe('handleMessage', () => {
  it('runs the handler for a valid message from an allowed sender', async () => {
    const handlers = fakeHandlers();
    const reply = await handleMessage({ type: 'sighting/report', data: { sighting, appeared: true } }, content, handlers, self);
    expect(reply).toEqual({ ok: true, data: { itemId: sighting.itemId, impressions: 1, productKey: null, card: { state: 'pending' } } });
    expect(handlers.calls).toEqual([`report:${sighting.itemId}`]);
  });

  it('refuses a message type from a sender kind that may not send it', async () => {
    const handlers = fakeHandlers();
    const fromPage = await handleMessage({ type: 'sighting/report', data: { sighting, appeared: true } }, page, handlers, self);
    const fromContent = await handleMessage({ type: 'overview/get', data: {} }, content, handlers, self);
    expect(fromPage).toMatchObject({ ok: false, error: { kind: 'forbidden-sender' } });
    expect(fromContent).toMatchObject({ ok: false, error: { kind: 'forbidden-sender' } });
    expect(handlers.calls).toEqual([]);
  });

  it('refuses unknown types, prototype keys and malformed envelopes', async () => {
    const handlers = fakeHandlers();
    for (const raw of [null, 'ping', { type: 'nope', data: {} }, { type: 'toString', data: {} }, { type: '__proto__', data: {} }, { data: {} }]) {
      expect(await handleMessage(raw, content, handlers, self)).toMatchObject({ ok: false, error: { kind: 'unknown-type' } });
    }
    expect(handlers.calls).toEqual([]);
  });

  it('rejects invalid requests with the failing field named', async () => {
    const handlers = fakeHandlers();
    const reply = await handleMessage({ type: 'sighting/report', data: { sighting: { ...sighting, itemId: '<img onerror=x>' }, appeared: true } }, content, handlers, self);
    expect(reply.ok).toBe(false);
    if (!reply.ok) {
      expect(reply.error.kind).toBe('invalid-request');
      expect(reply.error.message).toContain('itemId');
    }
    const oversized = await handleMessage({ type: 'sighting/report', data: { sighting: { ...sighting, caption: 'x'.repeat(5001) }, appeared: true } }, content, handlers, self);
    const forgedClick = await handleMessage({ type: 'click/record', data: { id: 'not-a-uuid', kind: 'cta', itemId: null } }, content, handlers, self);
    expect(forgedClick).toMatchObject({ ok: false, error: { kind: 'invalid-request' } });
    expect(oversized).toMatchObject({ ok: false, error: { kind: 'invalid-request' } });
    expect(handlers.calls).toEqual([]);
  });

  it('turns a throwing handler into a typed error', async () => {
    const handlers = fakeHandlers();
    handlers.ping = async () => {
      throw new Error('database closed');
    };
    const reply = await handleMessage({ type: 'ping', data: {} }, page, handlers, self);
    expect(reply).toEqual({ ok: false, error: { kind: 'handler-failed', message: 'ping: database closed' } });
  });
});

describe('sendTyped', () => {
  it('validates the answer against the response schema', async () => {
    const good = vi.fn(async () => ({ ok: true, data: { dbOpen: true, version: '0.1.0' } }));
    expect(await sendTyped(good, 'ping', {})).toEqual({ ok: true, data: { dbOpen: true, version: '0.1.0' } });
    expect(good).toHaveBeenCalledWith({ type: 'ping', data: {} });

    const wrongShape = async () => ({ ok: true, data: { dbOpen: 'yes' } });
    expect(await sendTyped(wrongShape, 'ping', {})).toMatchObject({ ok: false, error: { kind: 'invalid-response' } });
    expect(await sendTyped(async () => undefined, 'ping', {})).toMatchObject({ ok: false, error: { kind: 'invalid-response' } });
  });
});

describe('the runtime listener over the browser messaging API (WXT fake browser)', () => {
  it('answers a message whose sender is ours, and refuses one it cannot verify', async () => {
    const { fakeBrowser } = await import('wxt/testing/fake-browser');
    fakeBrowser.reset();
    const handlers = fakeHandlers();
    const own = { id: fakeBrowser.runtime.id, origin: fakeBrowser.runtime.getURL('/') };
    const listener = createRuntimeListener(handlers, own);
    fakeBrowser.runtime.onMessage.addListener(listener);

    // The fake browser reports an empty sender: nothing proves the message is ours.
    const unverified = await sendTyped((m) => fakeBrowser.runtime.sendMessage(m), 'ping', {});
    expect(unverified).toMatchObject({ ok: false, error: { kind: 'forbidden-sender' } });

    const reply = await new Promise((resolve) => listener({ type: 'ping', data: {} }, { id: own.id, url: fakeBrowser.runtime.getURL('/popup.html') }, resolve));
    expect(reply).toEqual({ ok: true, data: { dbOpen: true, version: '1' } });
    expect(handlers.calls).toEqual(['ping']);
  });
});
