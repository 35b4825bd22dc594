import { afterEach, describe, expect, it } from 'vitest';
import { createHandlers, type BackgroundDeps } from '@/utils/background-handlers';
import { openDb, type ScrollCartDb } from '@/utils/db';
import type { DataServices } from '@/utils/data/services';
import type { ProductRow } from '@/utils/model';
import type { ProductRef } from '@/utils/shopify/product-url';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import { product, saved, sighting, variant } from './popup-fixtures';

let db: ScrollCartDb | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

const host = 'demo-store.myshopify.com';
const tee = product(host, 'tee', [variant(101, 'S', 6500), variant(102, 'M', 6000), variant(103, 'L', 6500, { available: false })], { storeName: 'Demo Store' });
const tote = product(host, 'tote', [variant(301, 'Default Title', 2400)]);
const ad = sighting('7400000000000000001', `https://${host}/products/tee?utm_source=tiktok&ttclid=secret`);

async function setUp(overrides: Partial<BackgroundDeps> = {}) {
  db = openDb(`popup-${crypto.randomUUID()}`);
  await db.products.bulkPut([tee, tote]);
  await db.sightings.put(ad);
  await db.saved.bulkPut([saved(tee, 101, { savedAt: 10, sightingItemId: ad.itemId, priceWhenSaved: 7000 }), saved(tote, 301, { savedAt: 20 })]);
  const resolved: string[] = [];
  const handlers = createHandlers({
    db,
    version: 't',
    now: () => 50_000,
    canFetchHost: async () => true,
    settings: async () => DEFAULT_SETTINGS,
    resolve: async (ref) => (resolved.push(`${ref.host}${ref.localePrefix}/${ref.handle}`), (await db!.products.get(`${ref.host}/${ref.handle}` as ProductRow['key']))!),
    ...overrides,
  });
  return { handlers, db, resolved };
}

describe('popup/saved-list', () => {
  it('lists the saved items grouped by store with prices, change and the ad', async () => {
    const { handlers } = await setUp();
    const view = await handlers['popup/saved-list']({ limit: 40 }, {});
    expect(view.groups).toHaveLength(1);
    expect(view.groups[0]).toMatchObject({ host, storeName: 'Demo Store', permitted: true });
    expect(view.groups[0]!.items.map((i) => i.key)).toEqual([`${host}/tote#301`, `${host}/tee#101`]);
    expect(view.groups[0]!.items[1]).toMatchObject({ price: 6500, priceWhenSaved: 7000, change: { kind: 'drop', basisPoints: -714 }, ad: { author: 'demostore' } });
  });
});

describe('popup/saved-list paging', () => {
  it('reads and sends only the stores on the page, asking permissions for those alone', async () => {
    const asked: string[] = [];
    const { handlers, db } = await setUp({ canFetchHost: async (h) => (asked.push(h), h !== host) });
    const other = product('shop.example-brand.com', 'coat', [variant(401, 'Default Title', 9900)]);
    const third = product('third.myshopify.com', 'mug', [variant(501, 'Default Title', 1200)]);
    await db.products.bulkPut([other, third]);
    await db.saved.bulkPut([saved(other, 401, { savedAt: 15 }), saved(third, 501, { savedAt: 1 })]);
    // Newest first by store: demo (20, 10), brand (15), third (1).
    const page = await handlers['popup/saved-list']({ limit: 2 }, {});
    expect(page.totalItems).toBe(4);
    expect(page.groups.map((g) => [g.host, g.itemCount, g.items.length, g.permitted])).toEqual([[host, 2, 2, false]]);
    expect(page.groups[0]!.items[1]!.ad).toMatchObject({ itemId: ad.itemId, author: 'demostore' });
    expect(asked).toEqual([host]);
    const more = await handlers['popup/saved-list']({ limit: 3 }, {});
    expect(more.groups.map((g) => [g.host, g.items.length, g.permitted])).toEqual([[host, 2, false], ['shop.example-brand.com', 1, true]]);
    expect(Object.keys(more.choices)).toEqual([tee.key]);
  });
});

describe('popup/saved-update', () => {
  it('changes the quantity in place', async () => {
    const { handlers, db } = await setUp();
    expect(await handlers['popup/saved-update']({ key: `${host}/tote#301`, quantity: 3 }, {})).toEqual({ ok: true, key: `${host}/tote#301`, reason: null });
    expect((await db.saved.get(`${host}/tote#301`))?.quantity).toBe(3);
  });

  it('moves the item to another variant, keeping when and from which ad it was saved', async () => {
    const { handlers, db } = await setUp();
    const reply = await handlers['popup/saved-update']({ key: `${host}/tee#101`, variantId: 102, quantity: 2 }, {});
    expect(reply).toEqual({ ok: true, key: `${host}/tee#102`, reason: null });
    expect(await db.saved.get(`${host}/tee#101`)).toBeUndefined();
    expect(await db.saved.get(`${host}/tee#102`)).toMatchObject({ variantId: 102, quantity: 2, savedAt: 10, sightingItemId: ad.itemId, priceWhenSaved: 6000 });
    expect(await handlers['popup/saved-update']({ key: `${host}/tee#102`, variantId: 999 }, {})).toMatchObject({ ok: false, reason: 'no-such-variant' });
    expect(await handlers['popup/saved-update']({ key: `${host}/none#1`, quantity: 2 }, {})).toMatchObject({ ok: false, reason: 'not-found' });
  });

  it('merges into the same variant saved already', async () => {
    const { handlers, db } = await setUp();
    await db.saved.put(saved(tee, 102, { quantity: 2 }));
    await handlers['popup/saved-update']({ key: `${host}/tee#101`, variantId: 102 }, {});
    expect((await db.saved.where('productKey').equals(tee.key).toArray()).map((r) => [r.variantId, r.quantity])).toEqual([[102, 3]]);
  });
});

describe('popup/saved-remove and popup/saved-restore', () => {
  it('undo puts the removed row back exactly', async () => {
    const { handlers, db } = await setUp();
    const before = await db.saved.get(`${host}/tee#101`);
    const { removed } = await handlers['popup/saved-remove']({ key: `${host}/tee#101` }, {});
    expect(removed).toEqual(before);
    expect(await db.saved.count()).toBe(1);
    expect(await handlers['popup/saved-restore']({ row: removed! }, {})).toEqual({ restored: true });
    expect(await db.saved.get(`${host}/tee#101`)).toEqual(before);
    expect(await handlers['popup/saved-remove']({ key: 'nothing/here#1' }, {})).toEqual({ removed: null });
  });

  it('refuses a restored row whose key does not match its fields', async () => {
    const { handlers } = await setUp();
    const { removed } = await handlers['popup/saved-remove']({ key: `${host}/tee#101` }, {});
    expect(await handlers['popup/saved-restore']({ row: { ...removed!, variantId: 102 } }, {})).toEqual({ restored: false });
    expect(await handlers['popup/saved-restore']({ row: { ...removed!, host: 'evil.example' } }, {})).toEqual({ restored: false });
  });
});

describe('popup/checkout', () => {
  it('returns the permalink of the store and records one checkout click with a fresh id', async () => {
    const { handlers, db } = await setUp();
    await handlers['popup/saved-update']({ key: `${host}/tote#301`, quantity: 2 }, {});
    const plan = await handlers['popup/checkout']({ host, localePrefix: '' }, {});
    // The tote has no ad left (retention may delete it): the one ad known decides the tags.
    expect(plan).toEqual({ kind: 'ready', url: `https://${host}/cart/301:2,101:1?utm_source=tiktok`, lines: 2, leftOut: [] });
    const clicks = await db.clicks.toArray();
    expect(clicks).toEqual([{ id: expect.stringMatching(/^[0-9a-f-]{36}$/), time: 50_000, kind: 'checkout', host, productKey: null, sightingItemId: ad.itemId }]);
  });

  it('forwards the ad utm tags only with the setting on, lands on the cart when asked, and never sends the click id', async () => {
    const { handlers, db } = await setUp({ settings: async () => ({ ...DEFAULT_SETTINGS, checkoutLanding: 'cart' }) });
    await db.saved.delete(`${host}/tote#301`);
    const plan = await handlers['popup/checkout']({ host, localePrefix: '' }, {});
    expect(plan).toMatchObject({ url: `https://${host}/cart/101:1?utm_source=tiktok&storefront=true` });
    expect((await db.clicks.toArray())[0]).toMatchObject({ productKey: tee.key, sightingItemId: ad.itemId });
  });

  it('records nothing when the store cannot be checked out', async () => {
    const { handlers, db } = await setUp();
    await db.products.put({ ...tote, status: 'password-protected' });
    expect(await handlers['popup/checkout']({ host, localePrefix: '' }, {})).toMatchObject({ kind: 'blocked', reason: 'password-protected' });
    expect(await handlers['popup/checkout']({ host, localePrefix: '/fr' }, {})).toMatchObject({ kind: 'blocked', reason: 'nothing-to-buy' });
    expect(await db.clicks.count()).toBe(0);
  });
});

describe('popup/store-refresh', () => {
  it('checks every product of the store again, skipping the cache, unless the host is not allowed', async () => {
    const refreshed: string[] = [];
    const refresh = async (ref: ProductRef) => (refreshed.push(`${ref.host}${ref.localePrefix}/${ref.handle}`), (await db!.products.get(`${ref.host}/${ref.handle}` as ProductRow['key']))!);
    const { handlers, resolved } = await setUp({ data: { refresh } as unknown as DataServices });
    expect(await handlers['popup/store-refresh']({ host, localePrefix: '' }, {})).toEqual({ checked: 2, failed: 0 });
    expect(refreshed.sort()).toEqual([`${host}/tee`, `${host}/tote`]);
    // Not the cached resolve: it would answer from a fresh row without asking the store.
    expect(resolved).toEqual([]);
    const denied = await setUp({ canFetchHost: async () => false, data: { refresh } as unknown as DataServices });
    expect(await denied.handlers['popup/store-refresh']({ host, localePrefix: '' }, {})).toEqual({ checked: 0, failed: 2 });
  });
});
