import { afterEach, describe, expect, it } from 'vitest';
import type { Notice } from '@/utils/data/services';
import { runPriceWatch, singleFlight, type WatchRunDeps } from '@/utils/data/watch-run';
import type { ScrollCartDb } from '@/utils/db';
import type { ProductRow } from '@/utils/model';
import type { ProductRef } from '@/utils/shopify/product-url';
import { freshDb, productRow, savedRow, variantRow } from './data-rows';

let db: ScrollCartDb | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

const HOUR = 60 * 60 * 1000;
const tote = productRow('demo-store.myshopify.com', 'tote', [variantRow(1, 10_000), variantRow(2, 12_000, { available: false })]);
const cap = productRow('shop.example-brand.com', 'cap', [variantRow(7, 3_000)]);

/** A store whose products change between checks: `storefront` is what the next forced read returns. */
function setUp(opts: { notifications?: boolean; allowed?: (host: string) => boolean } = {}) {
  db = freshDb();
  const storefront = new Map<string, ProductRow>();
  const refreshed: string[] = [];
  const notices: [string, Notice][] = [];
  let clock = 100 * HOUR;
  const deps: WatchRunDeps = {
    db,
    now: () => clock,
    canFetchHost: async (host) => opts.allowed?.(host) ?? true,
    settings: async () => ({ priceDropNotifications: opts.notifications ?? true, priceDropThresholdPercent: 5 }),
    translate: (k, subs) => `${k}:${subs.join('|')}`,
    locale: 'en-US',
    services: {
      // Like the resolver: a forced read writes the row and returns it.
      refresh: async (ref: ProductRef) => {
        refreshed.push(`${ref.host}/${ref.handle}`);
        const row = { ...storefront.get(`${ref.host}/${ref.handle}`)!, fetchedAt: clock };
        await db!.products.put(row);
        return row;
      },
      notify: async (id, notice) => void notices.push([id, notice]),
    },
  };
  const later = (ms: number) => (clock += ms);
  return { db, deps, storefront, refreshed, notices, later };
}

describe('runPriceWatch', () => {
  it('re-reads saved products and raises one notification per product per change', async () => {
    const { db, deps, storefront, notices, later } = setUp();
    await db.products.bulkPut([tote, cap]);
    await db.saved.bulkPut([savedRow(tote, 1), savedRow(tote, 2), savedRow(cap, 7)]);
    storefront.set(tote.key, tote);
    storefront.set(cap.key, cap);

    expect(await runPriceWatch(deps)).toEqual({ checked: 2, notified: 0, skipped: 0 });
    expect(notices).toEqual([]);
    expect(await db.watches.count()).toBe(3);

    // Variant 1 drops 20 %, variant 2 comes back: one notice for the tote, nothing for the cap.
    storefront.set(tote.key, { ...tote, variants: [variantRow(1, 8_000), variantRow(2, 12_000, { available: true })] });
    later(7 * HOUR);
    expect(await runPriceWatch(deps)).toEqual({ checked: 2, notified: 1, skipped: 0 });
    expect(notices).toEqual([
      [`scrollcart-watch:${tote.key}`, { title: 'data_notifyDropBackTitle:tote', message: 'data_notifyDropBody:$80.00|$100.00|Demo Store|20' }],
    ]);

    // Nothing new at the next check: nothing told twice.
    later(7 * HOUR);
    await runPriceWatch(deps);
    expect(notices).toHaveLength(1);
    expect(await db.watches.get(`${tote.key}#1`)).toMatchObject({ referencePrice: 8_000, price: 8_000, checkedAt: deps.now() });
  });

  it('checks a small batch, oldest first, and leaves products it may not read for later', async () => {
    // Sorts before the demo store's products: examined first, and skipped without a grant.
    const brand = productRow('brand.example-shop.com', 'cap', [variantRow(7, 3_000)]);
    const { db, deps, storefront, refreshed } = setUp({ allowed: (host) => host !== brand.host });
    const products = Array.from({ length: 12 }, (_, i) => productRow('demo-store.myshopify.com', `p${String(i).padStart(2, '0')}`, [variantRow(100 + i, 1_000)]));
    await db.products.bulkPut([...products, brand]);
    await db.saved.bulkPut([...products.map((p) => savedRow(p, p.variants[0]!.id)), savedRow(brand, 7)]);
    for (const p of products) storefront.set(p.key, p);

    expect(await runPriceWatch({ ...deps, batch: 5 })).toEqual({ checked: 5, notified: 0, skipped: 1 });
    expect(refreshed).toEqual(['p00', 'p01', 'p02', 'p03', 'p04'].map((h) => `demo-store.myshopify.com/${h}`));
    refreshed.length = 0;
    expect(await runPriceWatch({ ...deps, batch: 5 })).toMatchObject({ checked: 5 });
    expect(refreshed[0]).toBe('demo-store.myshopify.com/p05');
  });

  it('records changes without notifying when the shopper has not opted in, and forgets removed items', async () => {
    const { db, deps, storefront, notices } = setUp({ notifications: false });
    await db.products.put(tote);
    await db.saved.put(savedRow(tote, 1));
    storefront.set(tote.key, { ...tote, variants: [variantRow(1, 5_000)] });
    expect(await runPriceWatch(deps)).toEqual({ checked: 1, notified: 0, skipped: 0 });
    expect(notices).toEqual([]);
    expect(await db.watches.get(`${tote.key}#1`)).toMatchObject({ referencePrice: 5_000 });

    await db.saved.clear();
    await runPriceWatch(deps);
    expect(await db.watches.count()).toBe(0);
  });

  it('a failed check changes nothing but the time, so the queue moves on', async () => {
    const { db, deps, storefront, notices } = setUp();
    await db.products.put(tote);
    await db.saved.put(savedRow(tote, 1));
    storefront.set(tote.key, { ...tote, status: 'network', detail: 'no answer within 10000 ms', variants: [variantRow(1, 1)] });
    await runPriceWatch(deps);
    expect(notices).toEqual([]);
    expect(await db.watches.get(`${tote.key}#1`)).toMatchObject({ referencePrice: 10_000, price: null, checkedAt: deps.now() });
  });
});

describe('singleFlight', () => {
  it('shares one run between callers until it ends', async () => {
    let runs = 0;
    let finish: (n: number) => void = () => undefined;
    const run = singleFlight(() => ((runs += 1), new Promise<number>((resolve) => (finish = resolve))));
    const a = run();
    const b = run();
    finish(7);
    expect(await Promise.all([a, b])).toEqual([7, 7]);
    expect(runs).toBe(1);
    void run();
    expect(runs).toBe(2);
  });
});
