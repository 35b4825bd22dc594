import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb, SCHEMA_V1, type ScrollCartDb } from '@/utils/db';

// Writes rows exactly as version 1 of the schema stored them, with a database opened at
// version 1 only, then opens it with today's `openDb` and checks every row survived.
let name = '';
let db: ScrollCartDb | undefined;
afterEach(async () => {
  db?.close();
  await Dexie.delete(name);
});

const v1Product = {
  key: 'demo-store.myshopify.com/ratio-eight',
  host: 'demo-store.myshopify.com',
  handle: 'ratio-eight',
  status: 'ok',
  detail: '',
  fetchedAt: 5_000,
  title: 'Ratio Eight',
  currency: 'USD',
  variants: [
    { id: 1, title: 'Silver', available: true, price: 52000, compareAtPrice: 60000 },
    { id: 2, title: 'Nickel', available: false, price: 58000, compareAtPrice: null },
  ],
  image: 'https://cdn.shopify.com/a.jpg',
};
const v1Failed = { ...v1Product, key: 'demo-store.myshopify.com/gone', handle: 'gone', status: 'not-found', detail: 'the store has no such product (404)', title: null, currency: null, variants: [], image: null };

describe('schema version 1 → 2', () => {
  it('keeps every v1 row and fills the v2 fields, so new code can read old rows', async () => {
    name = `test-${crypto.randomUUID()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_V1);
    await v1.table('products').bulkPut([v1Product, v1Failed]);
    await v1.table('stores').put({ host: 'shop.example-brand.com', name: null, currencyByPrefix: { '': 'USD', '/en-ca': 'CAD' }, checkedAt: 7_000 });
    await v1.table('sightings').put({ itemId: '7400000000000000001', productKey: v1Product.key, firstSeen: 1, lastSeen: 2, impressions: 3 });
    await v1.table('saved').put({ key: `${v1Product.key}#1`, productKey: v1Product.key, host: v1Product.host, variantId: 1, quantity: 2, savedAt: 9, priceWhenSaved: 52000, currency: 'USD', sightingItemId: null });
    await v1.table('clicks').put({ id: 'c1', time: 3, kind: 'cta', host: null, productKey: null, sightingItemId: null });
    v1.close();

    db = openDb(name);
    await db.open();
    // Today's schema is later than 2 (v3 adds `watches`, tests/unit/data-migration.test.ts); the v2 upgrade ran on the way.
    expect(db.verno).toBeGreaterThanOrEqual(2);
    const ok = await db.products.get(v1Product.key as never);
    expect(ok).toMatchObject({
      ...v1Product,
      localePrefix: '',
      vendor: null,
      options: [],
      requiresSellingPlan: false,
      currencySource: 'cart',
      lastOkAt: 5_000,
      expiresAt: 5_000,
      minPrice: 52000,
      lowestPrice: 52000,
      priceHistory: [{ at: 5_000, currency: 'USD', minPrice: 52000 }],
    });
    expect(ok?.variants[1]).toMatchObject({ id: 2, price: 58000, lowestPrice: 58000, options: [], image: null, requiresSellingPlan: false });
    expect(await db.products.get(v1Failed.key as never)).toMatchObject({ status: 'not-found', lastOkAt: null, minPrice: null, priceHistory: [] });
    expect(await db.stores.get('shop.example-brand.com')).toMatchObject({
      currencyByPrefix: { '': 'USD', '/en-ca': 'CAD' },
      markets: { '': { currency: 'USD', source: 'cart', checkedAt: 7_000 }, '/en-ca': { currency: 'CAD', source: 'cart', checkedAt: 7_000 } },
      platform: 'unknown',
    });
    expect(await db.sightings.count()).toBe(1);
    expect(await db.saved.count()).toBe(1);
    expect(await db.clicks.count()).toBe(1);
    expect(await db.jobs.count()).toBe(0);
  });
});
