/** Rows for the data features' tests (retention, delete-all, price watch, permissions), shaped like the background writes them. */
import { openDb, type ScrollCartDb } from '@/utils/db';
import type { ClickRow, ProductKey, ProductRow, SavedRow, SightingRow, TikTokItemId, VariantId, VariantRow } from '@/utils/model';

export const DAY = 24 * 60 * 60 * 1000;

export function freshDb(): ScrollCartDb {
  return openDb(`test-${crypto.randomUUID()}`);
}

export function variantRow(id: number, price: number, extra: Partial<VariantRow> = {}): VariantRow {
  return { id: id as VariantId, title: `V${id}`, available: true, price, compareAtPrice: null, options: [`V${id}`], requiresSellingPlan: false, image: null, lowestPrice: price, ...extra };
}

export function productRow(host: string, handle: string, variants: VariantRow[], extra: Partial<ProductRow> = {}): ProductRow {
  return {
    key: `${host}/${handle}` as ProductKey,
    host,
    handle,
    status: 'ok',
    detail: '',
    fetchedAt: 1_000,
    title: handle,
    currency: 'USD',
    image: null,
    variants,
    localePrefix: '',
    vendor: null,
    storeName: 'Demo Store',
    options: [],
    requiresSellingPlan: false,
    currencySource: 'cart',
    lastOkAt: 1_000,
    expiresAt: 2_000,
    minPrice: Math.min(...variants.map((v) => v.price)),
    lowestPrice: Math.min(...variants.map((v) => v.lowestPrice)),
    priceHistory: [],
    ...extra,
  };
}

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
