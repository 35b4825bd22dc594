import { describe, expect, it } from 'vitest';
import { forgetHostAccess, hostsAwaitingPermission, knownStoreHosts, productRefsOfHosts } from '@/utils/data/host-access';
import { EVERY_SHOP_ORIGIN, hostOfProductKey, hostsCovered, MYSHOPIFY_ORIGIN, originsToRequest, patternCoversHost, permissionPagePath } from '@/utils/data/origins';
import type { ScrollCartDb } from '@/utils/db';
import { productRow, sightingRow, variantRow } from './data-rows';
import { freshDbs } from './test-db';

const freshDb = freshDbs();

describe('origins to request and to match', () => {
  it.each([
    ['shop.example-brand.com', 'store', ['https://shop.example-brand.com/*']],
    ['shop.example-brand.com', 'every-shop', [EVERY_SHOP_ORIGIN]],
    // Firefox may withhold the declared pattern: a myshopify store asks for it, not for one subdomain.
    ['demo-store.myshopify.com', 'store', [MYSHOPIFY_ORIGIN]],
    ['127.0.0.1', 'store', null],
    ['localhost', 'every-shop', null],
    ['shop.local', 'store', null],
    ['SHOP.example.com', 'store', null],
    ['evil.com/path', 'store', null],
    ['a.com:8443', 'store', null],
  ] as const)('%s for %s → %j', (host, scope, expected) => {
    expect(originsToRequest(host, scope)).toEqual(expected);
  });

  it.each([
    ['https://*/*', 'shop.example-brand.com', true],
    ['<all_urls>', 'shop.example-brand.com', true],
    ['https://*.myshopify.com/*', 'demo-store.myshopify.com', true],
    ['https://*.myshopify.com/*', 'myshopify.com', true],
    ['https://*.myshopify.com/*', 'evilmyshopify.com', false],
    ['https://shop.example-brand.com/*', 'shop.example-brand.com', true],
    ['https://shop.example-brand.com/*', 'other.example-brand.com', false],
    ['*://*.tiktok.com/*', 'www.tiktok.com', true],
    ['http://shop.example-brand.com/*', 'shop.example-brand.com', false],
    ['not a pattern', 'shop.example-brand.com', false],
  ] as const)('%s covers %s: %s', (pattern, host, covered) => {
    expect(patternCoversHost(pattern, host)).toBe(covered);
  });

  it('lists each covered host once, and builds the page path with an encoded host', () => {
    expect(hostsCovered(['https://*.myshopify.com/*'], ['a.myshopify.com', 'shop.b.com', 'a.myshopify.com'])).toEqual(['a.myshopify.com']);
    expect(permissionPagePath('shop.example-brand.com')).toBe('/permissions.html?host=shop.example-brand.com');
    expect(permissionPagePath()).toBe('/permissions.html');
    expect(hostOfProductKey('demo-store.myshopify.com/tote')).toBe('demo-store.myshopify.com');
  });
});

const brand = 'shop.example-brand.com';
const demo = 'demo-store.myshopify.com';

/** A fresh database holding five ads: three of the brand's (two products, one in two markets), one of the Demo Store's, one for an app. */
async function dbWithAds(): Promise<ScrollCartDb> {
  const db = freshDb();
  await db.sightings.bulkPut([
    sightingRow('7000000000000000001', `https://${brand}/products/cap?variant=7`, 3, `${brand}/cap`),
    sightingRow('7000000000000000002', `https://${brand}/en-ca/products/cap`, 2, `${brand}/cap`),
    sightingRow('7000000000000000003', `https://${brand}/products/mug`, 1, `${brand}/mug`),
    sightingRow('7000000000000000004', `https://${demo}/products/tote`, 4, `${demo}/tote`),
    sightingRow('7000000000000000005', 'https://play.google.com/store/apps/details?id=x', 5, null),
  ]);
  return db;
}

describe('hosts and their permission in the database', () => {
  it('lists the store hosts seen in ads that await permission, most-seen first', async () => {
    const db = await dbWithAds();
    expect(await hostsAwaitingPermission(db, async (host) => host === demo)).toEqual([{ host: brand, ads: 3 }]);
    expect(await hostsAwaitingPermission(db, async () => false)).toEqual([
      { host: brand, ads: 3 },
      { host: demo, ads: 1 },
    ]);
  });

  it('re-reads product refs from the ads of a host, one per product and market', async () => {
    const db = await dbWithAds();
    const refs = await productRefsOfHosts(db, [brand]);
    expect(refs.map((r) => `${r.localePrefix}/${r.handle}`).sort()).toEqual(['/cap', '/en-ca/cap', '/mug']);
    expect(await productRefsOfHosts(db, [brand], 1)).toHaveLength(1);
    expect(await productRefsOfHosts(db, ['nobody.example.com'])).toEqual([]);
  });

  it('forgets a revoked host: its jobs go, its product rows expire, other hosts stay', async () => {
    const db = await dbWithAds();
    const cap = productRow(brand, 'cap', [variantRow(7, 3_000)], { expiresAt: 99_999 });
    const tote = productRow(demo, 'tote', [variantRow(1, 2_500)], { expiresAt: 99_999 });
    await db.products.bulkPut([cap, tote]);
    const job = (host: string, handle: string) => ({ id: `lookup:${host}/${handle}`, kind: 'lookup' as const, key: `${host}/${handle}` as never, ref: { kind: 'product' as const, host, handle, localePrefix: '', variantId: null }, createdAt: 1, attempts: 0, dueAt: 1 });
    await db.jobs.bulkPut([job(brand, 'mug'), job(demo, 'tote')]);
    expect((await knownStoreHosts(db)).sort()).toEqual([demo, brand].sort());

    expect(await forgetHostAccess(db, [brand])).toEqual({ jobs: 1, products: 1 });
    expect((await db.jobs.toArray()).map((j) => j.ref.host)).toEqual([demo]);
    expect(await db.products.get(cap.key)).toMatchObject({ expiresAt: 0, title: 'cap', status: 'ok' });
    expect(await db.products.get(tote.key)).toMatchObject({ expiresAt: 99_999 });
    expect(await forgetHostAccess(db, [])).toEqual({ jobs: 0, products: 0 });
  });
});
