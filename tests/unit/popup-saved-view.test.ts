import { describe, expect, it } from 'vitest';
import type { ProductRow, SightingRow, StoreRow } from '@/utils/model';
import { captionSnippet, tiktokVideoUrl } from '@/utils/popup/ad-ref';
import { buildSavedView, compareSaved } from '@/utils/popup/saved-view';
import { product, saved, sighting, variant } from './popup-fixtures';

const tee = product('demo-store.myshopify.com', 'transit-logo-tee', [variant(1, 'XS', 6500, { available: false }), variant(2, 'S', 6500), variant(3, 'M', 5850, { lowestPrice: 5200 })], { storeName: 'Demo Store' });
const tote = product('demo-store.myshopify.com', 'classic-tote', [variant(10, 'Default Title', 2400)]);
const coat = product('shop.example-brand.com', 'rain-coat', [variant(20, 'Default Title', 9900)], { localePrefix: '/en-ca', currency: 'CAD' });

function view(rows: ReturnType<typeof saved>[], extra: { sightings?: SightingRow[]; stores?: StoreRow[]; products?: ProductRow[] } = {}) {
  const products = extra.products ?? [tee, tote, coat];
  return buildSavedView({
    saved: rows,
    products: new Map(products.map((p) => [p.key, p])),
    sightings: new Map((extra.sightings ?? []).map((s) => [s.itemId, s])),
    stores: new Map((extra.stores ?? []).map((s) => [s.host, s])),
    permittedHosts: new Set(['demo-store.myshopify.com']),
  });
}

describe('buildSavedView', () => {
  it('groups by store market, newest store first, newest item first within a store', () => {
    const v = view([saved(tee, 3, { savedAt: 100 }), saved(coat, 20, { savedAt: 300, currency: 'CAD' }), saved(tote, 10, { savedAt: 200 }), saved(tee, 2, { savedAt: 200 })]);
    expect(v.groups.map((g) => [g.id, g.items.map((i) => i.key)])).toEqual([
      ['shop.example-brand.com/en-ca', ['shop.example-brand.com/rain-coat#20']],
      ['demo-store.myshopify.com', ['demo-store.myshopify.com/classic-tote#10', 'demo-store.myshopify.com/transit-logo-tee#2', 'demo-store.myshopify.com/transit-logo-tee#3']],
    ]);
    expect(v.groups[0]).toMatchObject({ host: 'shop.example-brand.com', localePrefix: '/en-ca', currency: 'CAD', permitted: false, storeName: null });
    expect(v.groups[1]).toMatchObject({ storeName: 'Demo Store', currency: 'USD', permitted: true, passwordProtected: false });
  });

  it('gives each item its prices, change, stock and options, and the picker its choices once per product', () => {
    const v = view([saved(tee, 3, { priceWhenSaved: 6500 }), saved(tee, 1), saved(tote, 10)]);
    const [m, xs] = v.groups[0]!.items.filter((i) => i.productKey === tee.key).sort((a, b) => a.variantId - b.variantId).reverse();
    expect(m).toMatchObject({ variantTitle: 'M', selectedOptions: [{ name: 'Size', value: 'M' }], price: 5850, priceWhenSaved: 6500, lowestPrice: 5200, available: true, change: { kind: 'drop', amount: -650, basisPoints: -1000 } });
    expect(xs).toMatchObject({ available: false, change: { kind: 'same' } });
    const toteItem = v.groups[0]!.items.find((i) => i.productKey === tote.key)!;
    expect(toteItem).toMatchObject({ variantTitle: null, selectedOptions: [], image: 'https://demo-store.myshopify.com/cdn/classic-tote.png' });
    expect(Object.keys(v.choices)).toEqual([tee.key]);
    expect(v.choices[tee.key]!.variants.map((c) => [c.id, c.available])).toEqual([[1, false], [2, true], [3, true]]);
  });

  it('keeps an item whose variant or product is gone, and marks failed and password-protected stores', () => {
    const locked = { ...tote, status: 'password-protected' as const, detail: 'the store is password-protected' };
    const v = view([saved(tee, 99, { priceWhenSaved: 100 }), saved(tote, 10)], { products: [tee, locked] });
    const gone = v.groups[0]!.items.find((i) => i.variantId === 99)!;
    expect(gone).toMatchObject({ available: null, price: null, change: { kind: 'unknown' }, status: 'ok' });
    expect(v.groups[0]!.passwordProtected).toBe(true);
    const orphan = view([saved(coat, 20, { currency: 'CAD' })], { products: [] }).groups[0]!;
    expect(orphan.items[0]).toMatchObject({ title: 'rain-coat', status: null, price: null, currency: 'CAD' });
  });

  it('links each item to its ad, and takes the market from the ad when the product row is missing', () => {
    const ad = sighting('7400000000000000001', 'https://shop.example-brand.com/en-ca/products/rain-coat?utm_source=tiktok', { author: 'example.brand' });
    const v = view([saved(coat, 20, { sightingItemId: ad.itemId })], { products: [], sightings: [ad], stores: [{ host: coat.host, name: 'Example Brand' } as StoreRow] });
    expect(v.groups[0]).toMatchObject({ id: 'shop.example-brand.com/en-ca', storeName: 'Example Brand' });
    expect(v.groups[0]!.items[0]!.ad).toEqual({ itemId: ad.itemId, author: 'example.brand', caption: ad.caption, videoUrl: 'https://www.tiktok.com/@example.brand/video/7400000000000000001' });
  });

  it('sends one page of items, while each store keeps its count, total and left-out list over all its items', () => {
    const rows = [saved(coat, 20, { savedAt: 50, currency: 'CAD', quantity: 2 }), saved(tee, 1, { savedAt: 40 }), saved(tee, 2, { savedAt: 30, quantity: 3 }), saved(tee, 3, { savedAt: 20 }), saved(tote, 10, { savedAt: 10 })];
    const full = view(rows);
    expect(full.totalItems).toBe(5);
    expect(full.groups.map((g) => [g.itemCount, g.total, g.leftOut.map((l) => l.reason)])).toEqual([
      [1, 19800, []],
      [4, 6500 * 3 + 5850 + 2400, ['unavailable']],
    ]);
    const page = buildSavedView({ saved: rows, products: new Map([tee, tote, coat].map((p) => [p.key, p])), sightings: new Map(), stores: new Map(), permittedHosts: new Set() }, 2);
    expect(page.groups.map((g) => [g.id, g.itemCount, g.items.map((i) => i.key)])).toEqual([
      ['shop.example-brand.com/en-ca', 1, [`${coat.key}#20`]],
      ['demo-store.myshopify.com', 4, [`${tee.key}#1`]],
    ]);
    expect(page.groups[1]!.total).toBe(full.groups[1]!.total);
    expect(page.groups[1]!.leftOut).toEqual(full.groups[1]!.leftOut);
    expect(buildSavedView({ saved: rows, products: new Map(), sightings: new Map(), stores: new Map(), permittedHosts: new Set() }, 1).groups).toHaveLength(1);
  });

  it('orders ties by key, so the list never flickers', () => {
    expect([{ savedAt: 1, key: 'b' }, { savedAt: 1, key: 'a' }, { savedAt: 2, key: 'c' }].sort(compareSaved).map((r) => r.key)).toEqual(['c', 'a', 'b']);
  });
});

describe('ad links', () => {
  it('build the video URL only from a handle and a numeric id', () => {
    expect(tiktokVideoUrl('demo store', '123')).toBe('https://www.tiktok.com/@demo%20store/video/123');
    expect(tiktokVideoUrl('', '123')).toBeNull();
    expect(tiktokVideoUrl('x', '12/../3')).toBeNull();
  });

  it('cut captions on one line without splitting an emoji', () => {
    expect(captionSnippet('a\n\n b')).toBe('a b');
    const long = `${'x'.repeat(118)}🚚🚚🚚`;
    expect(captionSnippet(long)).toBe(`${'x'.repeat(118)}🚚…`);
  });
});
