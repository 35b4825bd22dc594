import { afterEach, describe, expect, it } from 'vitest';
import { createHandlers, type BackgroundDeps } from '@/utils/background-handlers';
import { MYSHOPIFY_ORIGIN } from '@/utils/data/origins';
import type { DataServices, Notice } from '@/utils/data/services';
import type { ScrollCartDb } from '@/utils/db';
import { handleMessage } from '@/utils/messages';
import type { ProductKey, ProductRow } from '@/utils/model';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import type { ProductRef } from '@/utils/shopify/product-url';
import { freshDb, productRow, savedRow, sightingRow, variantRow } from './data-rows';

let db: ScrollCartDb | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

const brand = 'shop.example-brand.com';
const self = { id: 'scrollcart', origin: 'chrome-extension://scrollcart/' };
const fromPage = { id: 'scrollcart', url: 'chrome-extension://scrollcart/permissions.html' };
const fromContent = { id: 'scrollcart', url: 'https://www.tiktok.com/foryou', tabUrl: 'https://www.tiktok.com/foryou' };

function setUp(granted: Set<string>) {
  db = freshDb();
  const tabs: string[] = [];
  const notices: [string, Notice][] = [];
  const resolved: string[] = [];
  let storageCleared = 0;
  const row = (ref: ProductRef): ProductRow => productRow(ref.host, ref.handle, [variantRow(1, 1_000)]);
  const data: DataServices = {
    refresh: async (ref) => row(ref),
    hasOrigins: async (origins) => origins.every((o) => granted.has(o)),
    openExtensionTab: async (path) => void tabs.push(path),
    notify: async (id, notice) => void notices.push([id, notice]),
    clearNotifications: async () => undefined,
    clearStorage: async () => void (storageCleared += 1),
    translate: (key) => key,
    uiLanguage: () => 'en',
  };
  const deps: BackgroundDeps = {
    db,
    version: 't',
    now: () => 5_000,
    settings: async () => DEFAULT_SETTINGS,
    canFetchHost: async (host) => granted.has(`https://${host}/*`) || granted.has('https://*/*') || (host.endsWith('.myshopify.com') && granted.has(MYSHOPIFY_ORIGIN)),
    resolve: async (ref) => (resolved.push(`${ref.host}${ref.localePrefix}/${ref.handle}`), row(ref)),
    data,
  };
  const handlers = createHandlers(deps);
  const send = (type: string, payload: unknown, sender: object = fromPage) => handleMessage({ type, data: payload }, sender, handlers, self);
  return { db, handlers, send, tabs, notices, resolved, storageCleared: () => storageCleared };
}

describe('data/open-permission-page', () => {
  it('opens our page for a store host the card names, and nothing for a host we would never contact', async () => {
    const { send, tabs } = setUp(new Set());
    expect(await send('data/open-permission-page', { host: brand }, fromContent)).toEqual({ ok: true, data: { opened: true, reason: null } });
    expect(await send('data/open-permission-page', { host: '192.168.1.1' }, fromContent)).toMatchObject({ ok: true, data: { opened: false } });
    expect(await send('data/open-permission-page', { host: 'javascript:alert(1)//x.com' }, fromContent)).toMatchObject({ data: { opened: false } });
    expect(tabs).toEqual(['/permissions.html?host=shop.example-brand.com']);
  });
});

describe('data/permission-status and data/resolve-hosts', () => {
  it('names the hosts that wait, and looks up their ads once allowed', async () => {
    const granted = new Set([MYSHOPIFY_ORIGIN]);
    const { db, send, resolved } = setUp(granted);
    await db.sightings.bulkPut([
      sightingRow('7000000000000000001', `https://${brand}/products/cap`, 2, `${brand}/cap`),
      sightingRow('7000000000000000002', 'https://demo-store.myshopify.com/products/tote', 1, 'demo-store.myshopify.com/tote'),
    ]);
    expect(await send('data/permission-status', {})).toEqual({ ok: true, data: { awaiting: [{ host: brand, ads: 1 }], everyShop: false, myshopify: true } });
    expect(await send('data/resolve-hosts', { hosts: [brand] })).toEqual({ ok: true, data: { looked: 0, found: 0, notAllowed: [brand] } });
    expect(resolved).toEqual([]);

    granted.add(`https://${brand}/*`);
    expect(await send('data/resolve-hosts', { hosts: [brand] })).toEqual({ ok: true, data: { looked: 1, found: 1, notAllowed: [] } });
    expect(resolved).toEqual([`${brand}/cap`]);
    expect(await send('data/permission-status', {})).toMatchObject({ data: { awaiting: [] } });
  });
});

describe('who may send the data messages', () => {
  it('keeps deleting, status, retention and the price watch to our own pages', async () => {
    const { send } = setUp(new Set());
    for (const [type, payload] of [
      ['data/delete-all', { confirm: true }],
      ['data/permission-status', {}],
      ['data/resolve-hosts', { hosts: [brand] }],
      ['data/apply-retention', {}],
      ['data/price-watch-run', {}],
    ] as const) {
      expect(await send(type, payload, fromContent), type).toMatchObject({ ok: false, error: { kind: 'forbidden-sender' } });
      expect(await send(type, payload, { id: 'another-extension', url: 'chrome-extension://other/x.html' }), type).toMatchObject({ ok: false, error: { kind: 'forbidden-sender' } });
    }
    expect(await send('data/delete-all', {})).toMatchObject({ ok: false, error: { kind: 'invalid-request' } });
    expect(await send('data/resolve-hosts', { hosts: Array(51).fill(brand) })).toMatchObject({ ok: false, error: { kind: 'invalid-request' } });
  });
});

describe('data/delete-all, data/apply-retention, data/price-watch-run', () => {
  it('delete everything answers what it deleted; retention and the watch run on demand', async () => {
    const { db, send, storageCleared } = setUp(new Set([MYSHOPIFY_ORIGIN]));
    const tote = productRow('demo-store.myshopify.com', 'tote', [variantRow(1, 1_000)]);
    await db.products.put(tote);
    await db.saved.put(savedRow(tote, 1));
    await db.clicks.put({ id: 'c', time: 1, kind: 'cta', host: null, productKey: null, sightingItemId: null });

    expect(await send('data/price-watch-run', {})).toEqual({ ok: true, data: { checked: 1, notified: 0, skipped: 0 } });
    // The clock says 5 s after the epoch: nothing is older than 365 days.
    expect(await send('data/apply-retention', {})).toEqual({ ok: true, data: { clicks: 0, sightings: 0, snapshots: 0, products: 0 } });
    const reply = await send('data/delete-all', { confirm: true });
    expect(reply).toMatchObject({ ok: true, data: { deleted: { products: 1, saved: 1, clicks: 1, watches: 1 } } });
    expect(storageCleared()).toBe(1);
    expect(await db.products.get(tote.key as ProductKey)).toBeUndefined();
  });

  it('answers handler-failed, in words, when the services are not wired', async () => {
    db = freshDb();
    const handlers = createHandlers({ db, version: 't', now: () => 1, settings: async () => DEFAULT_SETTINGS, canFetchHost: async () => true, resolve: async () => productRow('a.myshopify.com', 'x', []) });
    const reply = await handleMessage({ type: 'data/open-permission-page', data: { host: brand } }, fromContent, handlers, self);
    expect(reply).toMatchObject({ ok: false, error: { kind: 'handler-failed', message: expect.stringContaining('not wired') } });
  });
});
