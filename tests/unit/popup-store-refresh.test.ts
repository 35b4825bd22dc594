/**
 * The popup's "check this store again" with the real resolver: it must reach the store even
 * while the cached rows are fresh, and still share lookups already in flight.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createHandlers } from '@/utils/background-handlers';
import type { DataServices } from '@/utils/data/services';
import type { ScrollCartDb } from '@/utils/db';
import type { VariantId } from '@/utils/model';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import { identifyProduct, type ProductRef } from '@/utils/shopify/product-url';
import { saved } from './popup-fixtures';
import { cart, fakeStores, json, makeResolver, page, RATIO_JS } from './resolver-fake-store';

const DEMO = 'demo-store.myshopify.com';
const ratio = identifyProduct(`https://${DEMO}/products/ratio-eight`) as ProductRef;

let dbs: ScrollCartDb[] = [];
afterEach(async () => {
  await Promise.all(dbs.map((db) => db.delete()));
  dbs = [];
});

async function setUp(productRoute: () => Response) {
  const store = fakeStores({ [`${DEMO}/products/ratio-eight.js`]: productRoute, [`${DEMO}/cart.js`]: () => cart('USD') });
  const { resolver, db, clock } = makeResolver(store.fetch);
  dbs.push(db);
  const handlers = createHandlers({
    db,
    version: 't',
    now: clock.now,
    canFetchHost: async () => true,
    settings: async () => DEFAULT_SETTINGS,
    resolve: (ref) => resolver.resolve(ref),
    // As the background wires it (entrypoints/background.ts).
    data: { refresh: (ref: ProductRef) => resolver.resolve(ref, { force: true }) } as unknown as DataServices,
  });
  return { store, resolver, db, clock, handlers };
}

describe('popup/store-refresh with the real resolver', () => {
  it('asks the store again while the cached row is still fresh', async () => {
    let status = 404;
    const { store, db, clock, handlers } = await setUp(() => (status === 200 ? json(RATIO_JS) : page(status)));
    // The ad's product is missing from the store: not-found is cached for an hour.
    await handlers['sighting/report'](
      { sighting: { itemId: '7400000000000000001', author: 'a', caption: '', ctaText: null, landingUrlRaw: `https://${DEMO}/products/ratio-eight`, landingUrl: `https://${DEMO}/products/ratio-eight`, adKind: 'product-link', source: 'api', page: '/foryou' } as never, appeared: true },
      {},
    );
    const missing = (await db.products.get(`${DEMO}/ratio-eight` as never))!;
    expect(missing.status).toBe('not-found');
    await db.saved.put(saved({ ...missing, variants: [] }, 1 as VariantId));
    // The merchant fixes the store; the shopper presses "check again" a minute later.
    status = 200;
    clock.t += 60_000;
    expect(await handlers['popup/store-refresh']({ host: DEMO, localePrefix: '' }, {})).toEqual({ checked: 1, failed: 0 });
    expect(store.count(`${DEMO}/products/`)).toBe(2);
    expect((await db.products.get(`${DEMO}/ratio-eight` as never))!.status).toBe('ok');
  });

  it('shares one request between two refreshes at once', async () => {
    const { store, db, handlers, resolver } = await setUp(() => json(RATIO_JS));
    const row = await resolver.resolve(ratio);
    await db.saved.put(saved(row, row.variants[0]!.id));
    const before = store.count(`${DEMO}/products/`);
    await Promise.all([handlers['popup/store-refresh']({ host: DEMO, localePrefix: '' }, {}), handlers['popup/store-refresh']({ host: DEMO, localePrefix: '' }, {})]);
    expect(store.count(`${DEMO}/products/`)).toBe(before + 1);
  });
});

describe('resolver: a forced resolve and a plain one in flight', () => {
  it('does not take a cached answer for a fresh one', async () => {
    const { store, resolver, clock } = await setUp(() => json(RATIO_JS));
    await resolver.resolve(ratio);
    clock.t += 1_000;
    // The plain resolve answers from the cache; the forced one, asked meanwhile, must still reach the store.
    const [cached, forced] = await Promise.all([resolver.resolve(ratio), resolver.resolve(ratio, { force: true })]);
    expect(store.count(`${DEMO}/products/`)).toBe(2);
    expect(forced.fetchedAt).toBeGreaterThan(cached.fetchedAt);
  });
});
