/**
 * Rows for the unit tests, shaped like the background writes them: products through the
 * resolver's own builders (utils/shopify/product-row.ts), so a new row field reaches every test.
 * tests/unit/popup-fixtures.ts builds its popup-flavoured rows on these.
 */
import { openDb, type ScrollCartDb } from '@/utils/db';
import type { ClickRow, ProductKey, ProductRow, SavedRow, SightingRow, TikTokItemId, VariantId, VariantRow } from '@/utils/model';
import { emptyRow, okRow } from '@/utils/shopify/product-row';

export const DAY = 24 * 60 * 60 * 1000;

export function freshDb(): ScrollCartDb {
  return openDb(`test-${crypto.randomUUID()}`);
}

export function variantRow(id: number, price: number, extra: Partial<VariantRow> = {}): VariantRow {
  return { id: id as VariantId, title: `V${id}`, available: true, price, compareAtPrice: null, options: [`V${id}`], requiresSellingPlan: false, image: null, lowestPrice: price, ...extra };
}

/**
 * An `ok` product row as the resolver writes it (`okRow`, the same builder), with the given
 * variants' own `lowestPrice` kept (okRow starts it at the price: a first read) and no price
 * history unless `extra` brings one, so a test states the memory it depends on. No variants:
 * the `emptyRow` a lookup that found nothing writes, with status `ok`.
 */
export function productRow(host: string, handle: string, variants: VariantRow[], extra: Partial<ProductRow> = {}): ProductRow {
  const key = `${host}/${handle}` as ProductKey;
  const context = { key, host, currency: 'USD', fetchedAt: 1_000, expiresAt: 2_000, currencySource: 'cart' as const, storeName: 'Demo Store' };
  const base =
    variants.length > 0
      ? okRow({ handle, title: handle, vendor: null, image: null, options: [], variants }, context)
      : { ...emptyRow({ host, handle, localePrefix: '' }, 'ok', '', context.fetchedAt, context.expiresAt), title: handle, currency: 'USD', currencySource: 'cart' as const, storeName: 'Demo Store', lastOkAt: context.fetchedAt };
  const lowestPrice = variants.length > 0 ? Math.min(...variants.map((v) => v.lowestPrice)) : null;
  return { ...base, variants, lowestPrice, priceHistory: [], ...extra };
}

/** A saved variant as the background writes it: price and currency of the product row when saved. */
export function savedRow(product: ProductRow, variantId: number, extra: Partial<SavedRow> = {}): SavedRow {
  return {
    key: `${product.key}#${variantId}`,
    productKey: product.key,
    host: product.host,
    variantId: variantId as VariantId,
    quantity: 1,
    savedAt: 1_000,
    priceWhenSaved: product.variants.find((v) => v.id === variantId)?.price ?? 0,
    currency: product.currency ?? 'USD',
    sightingItemId: null,
    ...extra,
  };
}

export function sightingRow(itemId: string, landingUrl: string, lastSeen: number, productKey: string | null): SightingRow {
  return {
    itemId: itemId as TikTokItemId,
    author: 'demostore',
    caption: 'caption',
    ctaText: 'Shop now',
    landingUrlRaw: landingUrl,
    landingUrl,
    adKind: 'product-link',
    source: 'api',
    page: '/foryou',
    productKey: productKey as ProductKey | null,
    firstSeen: lastSeen,
    lastSeen,
    impressions: 1,
  };
}

export function clickRow(id: string, time: number, extra: Partial<ClickRow> = {}): ClickRow {
  return { id, time, kind: 'cta', host: null, productKey: null, sightingItemId: null, ...extra };
}
