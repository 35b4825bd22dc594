import { afterEach, describe, expect, it } from 'vitest';
import type { ScrollCartDb } from '@/utils/db';
import { identifyProduct, type ProductRef } from '@/utils/shopify/product-url';
import { cart, fakeStores, json, makeResolver, page, RATIO_JS, redirected, sample } from './resolver-fake-store';

const ref = (url: string) => identifyProduct(url) as ProductRef;
const DEMO = 'demo-store.myshopify.com';
const ratio = ref(`https://${DEMO}/products/ratio-eight?variant=20230103745&ttclid=abc`);
const withPrice = (price: number) => JSON.stringify({ ...JSON.parse(RATIO_JS), variants: JSON.parse(RATIO_JS).variants.map((v: object) => ({ ...v, price })) });

let dbs: ScrollCartDb[] = [];
const track = <T extends { db: ScrollCartDb }>(made: T) => (dbs.push(made.db), made);
afterEach(async () => {
  await Promise.all(dbs.map((db) => db.delete()));
  dbs = [];
});

describe('resolver: one request per product, however many ads', () => {
  it('50 concurrent and then 50 sequential resolves of one product cost 1 product + 1 currency request', async () => {
    const store = fakeStores({ [`${DEMO}/products/ratio-eight.js`]: () => json(RATIO_JS), [`${DEMO}/cart.js`]: () => cart('USD') });
    const { resolver, db } = track(makeResolver(store.fetch));
    const rows = await Promise.all(Array.from({ length: 50 }, () => resolver.resolve(ratio)));
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['ok']));
    for (let i = 0; i < 50; i += 1) expect((await resolver.resolve(ratio)).status).toBe('ok');
    expect(store.log.sort()).toEqual([`${DEMO}/cart.js`, `${DEMO}/products/ratio-eight.js`]);
    expect(resolver.stats()).toMatchObject({ resolves: 100, requests: 2, sharedInFlight: 49, cacheHits: 50, requestsByKind: { product: 1, currency: 1, probe: 0 } });
    const row = await db.products.get(rows[0]!.key);
    expect(row).toMatchObject({ status: 'ok', currency: 'USD', currencySource: 'cart', title: 'Ratio Eight', vendor: 'tk-narrative', localePrefix: '', minPrice: 52000, lowestPrice: 52000 });
    expect(row?.priceHistory).toHaveLength(1);
  });

  it('answers a cache hit fast (measured)', async () => {
    const store = fakeStores({ [`${DEMO}/products/ratio-eight.js`]: () => json(RATIO_JS), [`${DEMO}/cart.js`]: () => cart('USD') });
    const { resolver } = track(makeResolver(store.fetch));
    await resolver.resolve(ratio);
    const started = performance.now();
    const n = 500;
    for (let i = 0; i < n; i += 1) await resolver.resolve(ratio);
    const perHit = (performance.now() - started) / n;
    console.info(`cache-hit resolve: ${perHit.toFixed(3)} ms each over ${n} (fake-indexeddb)`);
    expect(perHit).toBeLessThan(20);
    expect(resolver.stats().requests).toBe(2);
  });

  it('pays one currency request per store and market, however many products', async () => {
    const host = 'shop.example-brand.com';
    const product = (handle: string, id: number) => () => json({ ...JSON.parse(RATIO_JS), id, handle });
    const store = fakeStores({
      [`${host}/products/a.js`]: product('a', 1),
      [`${host}/products/b.js`]: product('b', 2),
      [`${host}/en-ca/products/c.js`]: product('c', 3),
      [`${host}/cart.js`]: () => cart('USD'),
      [`${host}/en-ca/cart.js`]: () => cart('CAD'),
    });
    const { resolver } = track(makeResolver(store.fetch));
    const [a, b, c] = [await resolver.resolve(ref(`https://${host}/products/a`)), await resolver.resolve(ref(`https://${host}/products/b`)), await resolver.resolve(ref(`https://${host}/en-ca/products/c`))];
    expect([a.currency, b.currency, c.currency]).toEqual(['USD', 'USD', 'CAD']);
    expect(c.localePrefix).toBe('/en-ca');
    // A confirmed Shopify body spares the /meta.json probe.
    expect(store.count(`${host}/meta.json`)).toBe(0);
    expect(store.count(`${host}/cart.js`)).toBe(1);
    expect(store.count(`${host}/en-ca/cart.js`)).toBe(1);
  });

  it('falls back to /meta.json for the currency when cart.js fails, and says so', async () => {
    const host = 'shop.example-brand.com';
    const store = fakeStores({
      [`${host}/products/ratio-eight.js`]: () => json(RATIO_JS),
      [`${host}/cart.js`]: () => page(404),
      [`${host}/meta.json`]: () => json({ myshopify_domain: 'example-brand.myshopify.com', name: 'Example Brand', currency: 'EUR' }),
    });
    const { resolver } = track(makeResolver(store.fetch));
    const row = await resolver.resolve(ref(`https://${host}/products/ratio-eight`));
    expect(row).toMatchObject({ status: 'ok', currency: 'EUR', currencySource: 'meta', storeName: 'Example Brand' });
  });
});

describe('resolver: freshness and history', () => {
  it('refetches after the TTL, re-reads the currency with it (a store may switch: resolver-currency-change.test.ts), and records price changes', async () => {
    let price = 52000;
    const store = fakeStores({ [`${DEMO}/products/ratio-eight.js`]: () => json(withPrice(price)), [`${DEMO}/cart.js`]: () => cart('USD') });
    const { resolver, clock } = track(makeResolver(store.fetch, { ttlMs: 60_000 }));
    await resolver.resolve(ratio);
    clock.t += 61_000;
    price = 45000;
    const cheaper = await resolver.resolve(ratio);
    clock.t += 61_000;
    price = 50000;
    const dearer = await resolver.resolve(ratio);
    expect(store.count(`${DEMO}/products/`)).toBe(3);
    // Each refetch is past the product TTL, so the currency its prices are labelled with is read again.
    expect(store.count(`${DEMO}/cart.js`)).toBe(3);
    expect(cheaper).toMatchObject({ minPrice: 45000, lowestPrice: 45000 });
    expect(dearer).toMatchObject({ minPrice: 50000, lowestPrice: 45000 });
    expect(dearer.variants[0]).toMatchObject({ price: 50000, lowestPrice: 45000 });
    expect(dearer.priceHistory.map((p) => p.minPrice)).toEqual([52000, 45000, 50000]);
    // An unchanged price adds no point.
    clock.t += 61_000;
    expect((await resolver.resolve(ratio)).priceHistory).toHaveLength(3);
    // force skips the cache, the currency's too.
    await resolver.resolve(ratio, { force: true });
    expect(store.count(`${DEMO}/products/`)).toBe(5);
    expect(store.count(`${DEMO}/cart.js`)).toBe(5);
  });

  it('caches failures for as long as they mean: not-found for an hour', async () => {
    const store = fakeStores({ [`${DEMO}/products/gone.js`]: () => json({ errors: 'Not Found' }, { status: 404 }) });
    const { resolver, clock } = track(makeResolver(store.fetch));
    const gone = ref(`https://${DEMO}/products/gone`);
    expect(await resolver.resolve(gone)).toMatchObject({ status: 'not-found', title: null });
    clock.t += 59 * 60_000;
    await resolver.resolve(gone);
    expect(store.log).toEqual([`${DEMO}/products/gone.js`]);
    clock.t += 2 * 60_000;
    await resolver.resolve(gone);
    expect(store.log).toHaveLength(2);
  });

  it('keeps the last good data when a later check fails, with the failure named', async () => {
    let up = true;
    const store = fakeStores({ [`${DEMO}/products/ratio-eight.js`]: () => (up ? json(RATIO_JS) : page(503)), [`${DEMO}/cart.js`]: () => cart('USD') });
    const { resolver } = track(makeResolver(store.fetch));
    await resolver.resolve(ratio);
    up = false;
    const row = await resolver.resolve(ratio, { force: true });
    expect(row).toMatchObject({ status: 'network', title: 'Ratio Eight', minPrice: 52000 });
    expect(row.detail).toContain('503');
    expect(row.lastOkAt).toBeLessThan(row.fetchedAt);
  });

  it('reports password-protected stores', async () => {
    const store = fakeStores({ [`${DEMO}/products/ratio-eight.js`]: () => redirected(page(200, '<html>password</html>'), `https://${DEMO}/password`) });
    const { resolver } = track(makeResolver(store.fetch));
    expect(await resolver.resolve(ratio)).toMatchObject({ status: 'password-protected', detail: 'the store is password-protected' });
  });
});

describe('resolver: not every shop is Shopify', () => {
  const host = 'www.other-store.example';

  it('probes a custom domain once, then answers not-shopify for all its products with no network', async () => {
    const store = fakeStores({});
    const { resolver, db } = track(makeResolver(store.fetch));
    expect(await resolver.resolve(ref(`https://${host}/products/lamp`))).toMatchObject({ status: 'not-shopify', detail: `${host} is not a Shopify store` });
    expect(await resolver.resolve(ref(`https://${host}/products/desk`))).toMatchObject({ status: 'not-shopify' });
    expect(await resolver.resolve(ref(`https://${host}/products/lamp`))).toMatchObject({ status: 'not-shopify' });
    expect(store.log).toEqual([`${host}/products/lamp.js`, `${host}/meta.json`]);
    expect(await db.stores.get(host)).toMatchObject({ platform: 'other' });
  });

  it('treats a site answering 200 pages for everything as not Shopify too', async () => {
    const store = fakeStores({ [`${host}/products/lamp.js`]: () => page(200, '<html>spa</html>'), [`${host}/meta.json`]: () => page(200, '<html>spa</html>') });
    const { resolver } = track(makeResolver(store.fetch));
    expect(await resolver.resolve(ref(`https://${host}/products/lamp`))).toMatchObject({ status: 'not-shopify' });
  });

  it('tells an unknown handle on a Shopify custom domain from a non-Shopify site', async () => {
    const brand = 'shop.example-brand.com';
    const store = fakeStores({ [`${brand}/meta.json`]: () => json({ myshopify_domain: 'example-brand.myshopify.com', name: 'Example Brand', currency: 'USD' }) });
    const { resolver, db } = track(makeResolver(store.fetch));
    expect(await resolver.resolve(ref(`https://${brand}/products/nope`))).toMatchObject({ status: 'not-found' });
    expect(await resolver.resolve(ref(`https://${brand}/products/nope-2`))).toMatchObject({ status: 'not-found' });
    expect(store.count(`${brand}/meta.json`)).toBe(1);
    expect(await db.stores.get(brand)).toMatchObject({ platform: 'shopify', name: 'Example Brand', baseCurrency: 'USD', myshopifyDomain: 'example-brand.myshopify.com' });
  });

  it("doesn't probe when Shopify's own headers already answered, nor on *.myshopify.com", async () => {
    const brand = 'shop.example-brand.com';
    const store = fakeStores({ [`${brand}/products/nope.js`]: () => json({ errors: 'Not Found' }, { status: 404 }) });
    const { resolver } = track(makeResolver(store.fetch));
    expect(await resolver.resolve(ref(`https://${brand}/products/nope`))).toMatchObject({ status: 'not-found' });
    expect(await resolver.resolve(ref(`https://${DEMO}/products/nope`))).toMatchObject({ status: 'not-found' });
    expect(store.log).toEqual([`${brand}/products/nope.js`, `${DEMO}/products/nope.js`]);
  });

  it('reads .json once when a Shopify store\'s .js body changed shape, and names the field when both fail', async () => {
    const broken = JSON.stringify({ ...JSON.parse(RATIO_JS), variants: [{ id: 1, title: 'x', available: true, price: '12.00' }] });
    const productJson = JSON.parse(sample('product_json__localboxes_just-for-1-2_EUR.json'));
    const store = fakeStores({
      [`${DEMO}/products/ratio-eight.js`]: () => json(broken),
      [`${DEMO}/products/ratio-eight.json`]: () => json(productJson),
      [`${DEMO}/products/other.js`]: () => json(broken),
      [`${DEMO}/cart.js`]: () => cart('EUR'),
    });
    const { resolver } = track(makeResolver(store.fetch));
    expect(await resolver.resolve(ratio)).toMatchObject({ status: 'ok', currency: 'EUR', minPrice: 3000 });
    expect(await resolver.resolve(ref(`https://${DEMO}/products/other`))).toMatchObject({ status: 'invalid-response', detail: 'unexpected product data at "variants.0.price"' });
  });

  it('never sends anything for a ref naming a private host', async () => {
    const store = fakeStores({});
    const { resolver, db } = track(makeResolver(store.fetch));
    const forged: ProductRef = { kind: 'product', host: '127.0.0.1', localePrefix: '', handle: 'x', variantId: null };
    expect(await resolver.resolve(forged)).toMatchObject({ status: 'blocked' });
    expect(await resolver.resolve({ ...forged, host: 'printer.local' })).toMatchObject({ status: 'blocked' });
    expect(store.log).toEqual([]);
    expect(await db.products.count()).toBe(0);
  });
});
