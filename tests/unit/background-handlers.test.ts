import { afterEach, describe, expect, it } from 'vitest';
import { createHandlers, type BackgroundDeps } from '@/utils/background-handlers';
import { openDb, type ScrollCartDb } from '@/utils/db';
import { RECENT_REPORTS, type AdSighting, type ProductKey, type ProductRow, type TikTokItemId, type VariantId } from '@/utils/model';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import type { ProductRef } from '@/utils/shopify/product-url';

let db: ScrollCartDb | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

const itemId = '7400000000000000001' as TikTokItemId;
const sighting = (landingUrl: string, source: AdSighting['source'] = 'api'): AdSighting =>
  ({ itemId, author: 'brand', caption: 'Tote', ctaText: 'Shop now', landingUrlRaw: landingUrl, landingUrl, adKind: 'product-link', source, page: '/foryou' }) as AdSighting;

const product = (ref: ProductRef): ProductRow => ({
  key: `${ref.host}/${ref.handle}` as ProductKey,
  host: ref.host,
  handle: ref.handle,
  status: 'ok',
  detail: '',
  fetchedAt: 1,
  title: 'Classic Tote',
  currency: 'USD',
  image: null,
  variants: [
    { id: 11 as VariantId, title: 'Red', available: false, price: 2500, compareAtPrice: null, options: ['Red'], requiresSellingPlan: false, image: null, lowestPrice: 2500 },
    { id: 12 as VariantId, title: 'Blue', available: true, price: 2600, compareAtPrice: 3000, options: ['Blue'], requiresSellingPlan: false, image: null, lowestPrice: 2600 },
  ],
  localePrefix: ref.localePrefix,
  vendor: 'Demo',
  storeName: 'Demo Store',
  options: [{ name: 'Color', values: ['Red', 'Blue'] }],
  requiresSellingPlan: false,
  currencySource: 'cart',
  lastOkAt: 1,
  expiresAt: 10_000,
  minPrice: 2500,
  lowestPrice: 2500,
  priceHistory: [],
});

function setUp(overrides: Partial<BackgroundDeps> = {}) {
  db = openDb(`test-${crypto.randomUUID()}`);
  const resolved: string[] = [];
  const handlers = createHandlers({
    db,
    version: 't',
    now: () => 1000,
    canFetchHost: async () => true,
    settings: async () => DEFAULT_SETTINGS,
    resolve: async (ref) => (resolved.push(`${ref.host}${ref.localePrefix}/${ref.handle}`), product(ref)),
    ...overrides,
  });
  return { handlers, resolved, db };
}

describe('sighting/learned', () => {
  it("records a feed page's ads without an impression and resolves each product, like separate reports", async () => {
    const { handlers, resolved } = setUp();
    const tote = sighting('https://demo-store.myshopify.com/products/classic-tote');
    const beanie = { ...sighting('https://demo-store.myshopify.com/products/beanie'), itemId: '7400000000000000009' as TikTokItemId };
    expect(await handlers['sighting/learned']({ sightings: [tote, beanie] }, {})).toEqual({ recorded: 2 });
    expect(resolved.sort()).toEqual(['demo-store.myshopify.com/beanie', 'demo-store.myshopify.com/classic-tote']);
    expect((await db!.sightings.toArray()).map((row) => row.impressions)).toEqual([0, 0]);
    const ack = await handlers['sighting/report']({ sighting: tote, appeared: true }, {});
    expect(ack.impressions).toBe(1);
  });
});

describe('sighting/report', () => {
  it('records the ad, resolves its product and answers the card to draw', async () => {
    const { handlers, resolved } = setUp();
    const ack = await handlers['sighting/report']({ sighting: sighting('https://demo-store.myshopify.com/products/classic-tote?utm_source=tiktok&ttclid=x'), appeared: true }, {});
    expect(resolved).toEqual(['demo-store.myshopify.com/classic-tote']);
    expect(ack).toMatchObject({ impressions: 1, productKey: 'demo-store.myshopify.com/classic-tote' });
    // No ?variant= in the ad: the first available variant, with a single-item permalink carrying the ad's utm only.
    expect(ack.card).toEqual({
      state: 'product',
      host: 'demo-store.myshopify.com',
      storeName: 'Demo Store',
      title: 'Classic Tote',
      variantTitle: 'Blue',
      variantId: 12,
      currency: 'USD',
      price: 2600,
      compareAtPrice: 3000,
      available: true,
      buyUrl: 'https://demo-store.myshopify.com/cart/12:1?utm_source=tiktok',
    });
  });

  it('decides the ad kind itself: a product-shaped URL on a host the guard refuses is stored as external', async () => {
    const { handlers, resolved } = setUp();
    // The content script hints 'product-link' from the path's shape alone (utils/shopify/product-path.ts).
    const ack = await handlers['sighting/report']({ sighting: sighting('https://127.0.0.1/products/classic-tote'), appeared: true }, {});
    expect(resolved).toEqual([]);
    expect(ack.card).toEqual({ state: 'not-shoppable', adKind: 'external' });
    expect((await db!.sightings.get(itemId))?.adKind).toBe('external');
    // And the other way: a hint of 'external' on a real product URL is corrected too.
    const other = '7400000000000000002' as TikTokItemId;
    await handlers['sighting/learned']({ sightings: [{ ...sighting('https://demo-store.myshopify.com/products/classic-tote'), itemId: other, adKind: 'external' }] }, {});
    expect((await db!.sightings.get(other))?.adKind).toBe('product-link');
  });

  it('honours the settings: no utm forwarding, cart landing', async () => {
    const { handlers } = setUp({ settings: async () => ({ ...DEFAULT_SETTINGS, forwardUtm: false, checkoutLanding: 'cart' }) });
    const ack = await handlers['sighting/report']({ sighting: sighting('https://demo-store.myshopify.com/products/classic-tote?utm_source=tiktok'), appeared: true }, {});
    expect(ack.card).toMatchObject({ buyUrl: 'https://demo-store.myshopify.com/cart/12:1?storefront=true' });
  });

  it('counts impressions only for appearances and keeps one row', async () => {
    const { handlers } = setUp();
    const url = 'https://demo-store.myshopify.com/products/classic-tote';
    await handlers['sighting/report']({ sighting: sighting(url), appeared: false }, {});
    await handlers['sighting/report']({ sighting: sighting(url), appeared: true }, {});
    const ack = await handlers['sighting/report']({ sighting: sighting(url), appeared: true }, {});
    expect(ack.impressions).toBe(2);
    expect(await db!.sightings.count()).toBe(1);
  });

  it('counts a report sent again after the worker died (same report id) once', async () => {
    const { handlers } = setUp();
    const url = 'https://demo-store.myshopify.com/products/classic-tote';
    const first = { sighting: sighting(url), appeared: true, reportId: crypto.randomUUID() };
    await handlers['sighting/report'](first, {});
    // Other appearances in between, then the retry of the first (its answer never arrived).
    const ids = Array.from({ length: 3 }, () => crypto.randomUUID());
    for (const reportId of ids) await handlers['sighting/report']({ sighting: sighting(url), appeared: true, reportId }, {});
    const retried = await handlers['sighting/report'](first, {});
    expect(retried.impressions).toBe(4);
    expect((await db!.sightings.get(itemId))?.recentReportIds).toEqual([first.reportId, ...ids]);
    // The memory is bounded: the oldest ids are forgotten.
    for (let i = 0; i < 10; i += 1) await handlers['sighting/report']({ sighting: sighting(url), appeared: true, reportId: crypto.randomUUID() }, {});
    expect((await db!.sightings.get(itemId))?.recentReportIds).toHaveLength(RECENT_REPORTS);
  });

  it('lets feed data replace what only the DOM knew', async () => {
    const { handlers } = setUp();
    await handlers['sighting/report']({ sighting: { ...sighting(''), adKind: 'unknown', source: 'dom' }, appeared: true }, {});
    await handlers['sighting/report']({ sighting: sighting('https://demo-store.myshopify.com/products/classic-tote?variant=11'), appeared: false }, {});
    expect(await db!.sightings.get(itemId)).toMatchObject({ source: 'api', impressions: 1, productKey: 'demo-store.myshopify.com/classic-tote' });
  });

  it('asks for permission instead of contacting a store it may not reach, and chips non-shop ads', async () => {
    const { handlers, resolved } = setUp({ canFetchHost: async () => false });
    const custom = await handlers['sighting/report']({ sighting: sighting('https://shop.example-brand.com/products/beanie'), appeared: true }, {});
    expect(custom.card).toEqual({ state: 'needs-permission', host: 'shop.example-brand.com' });
    const app = await handlers['sighting/report']({ sighting: { ...sighting('https://play.google.com/store/apps/details?id=x'), itemId: '7400000000000000002' as TikTokItemId, adKind: 'external' }, appeared: true }, {});
    expect(app.card).toEqual({ state: 'not-shoppable', adKind: 'external' });
    expect(resolved).toEqual([]);
  });
});

describe('saved/add and click/record', () => {
  it('saves the advertised variant once and records each click once', async () => {
    const { handlers } = setUp();
    await handlers['sighting/report']({ sighting: sighting('https://demo-store.myshopify.com/products/classic-tote?variant=11'), appeared: true }, {});
    // resolve() above returned the product but the test double does not store it: the real resolver does.
    await db!.products.put(product({ kind: 'product', host: 'demo-store.myshopify.com', localePrefix: '', handle: 'classic-tote', variantId: 11 }));
    // Two Save clicks (two click ids): one saved row, two save clicks.
    expect(await handlers['saved/add']({ itemId, clickId: crypto.randomUUID() }, {})).toEqual({ saved: true, reason: null });
    expect(await handlers['saved/add']({ itemId, clickId: crypto.randomUUID() }, {})).toEqual({ saved: true, reason: null });
    expect(await db!.saved.toArray()).toMatchObject([{ key: 'demo-store.myshopify.com/classic-tote#11', variantId: 11, priceWhenSaved: 2500, quantity: 1 }]);

    const click = { id: crypto.randomUUID(), kind: 'cta' as const, itemId };
    expect(await handlers['click/record'](click, {})).toEqual({ recorded: true });
    expect(await handlers['click/record'](click, {})).toEqual({ recorded: false });
    const kinds = (await db!.clicks.toArray()).map((c) => c.kind).sort();
    expect(kinds).toEqual(['cta', 'save', 'save']);
    expect((await db!.clicks.toArray()).every((c) => c.host === 'demo-store.myshopify.com')).toBe(true);
  });

  it('explains why an ad without a product cannot be saved', async () => {
    const { handlers } = setUp();
    expect(await handlers['saved/add']({ itemId, clickId: crypto.randomUUID() }, {})).toEqual({ saved: false, reason: 'this ad does not link to a product' });
    expect(await db!.clicks.count()).toBe(0);
  });

  it('writes nothing twice when a Save is retried with its click id (the worker died before answering)', async () => {
    const { handlers } = setUp();
    await handlers['sighting/report']({ sighting: sighting('https://demo-store.myshopify.com/products/classic-tote?variant=11'), appeared: true }, {});
    await db!.products.put(product({ kind: 'product', host: 'demo-store.myshopify.com', localePrefix: '', handle: 'classic-tote', variantId: 11 }));
    const save = { itemId, clickId: crypto.randomUUID() };
    expect(await handlers['saved/add'](save, {})).toEqual({ saved: true, reason: null });
    expect(await handlers['saved/add'](save, {})).toEqual({ saved: true, reason: null });
    expect(await db!.saved.count()).toBe(1);
    expect(await db!.clicks.toArray()).toMatchObject([{ id: save.clickId, kind: 'save', sightingItemId: itemId }]);
  });

  it('leaves neither the saved row nor its click when writing the click fails', async () => {
    const { handlers } = setUp();
    await handlers['sighting/report']({ sighting: sighting('https://demo-store.myshopify.com/products/classic-tote?variant=11'), appeared: true }, {});
    await db!.products.put(product({ kind: 'product', host: 'demo-store.myshopify.com', localePrefix: '', handle: 'classic-tote', variantId: 11 }));
    // The click is the second write: failing it must take the saved row's write back too.
    const failClick = () => {
      throw new Error('disk full');
    };
    db!.clicks.hook('creating', failClick);
    await expect(handlers['saved/add']({ itemId, clickId: crypto.randomUUID() }, {})).rejects.toThrow('disk full');
    db!.clicks.hook('creating').unsubscribe(failClick);
    expect(await db!.saved.count()).toBe(0);
    expect(await db!.clicks.count()).toBe(0);
  });
});
