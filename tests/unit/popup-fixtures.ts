/** Rows for the popup's tests: products, saved items, ads and clicks shaped like the background writes them. */
import type { AdSighting, ClickRow, ProductKey, ProductRow, SavedRow, SightingRow, TikTokItemId, VariantId, VariantRow } from '@/utils/model';

export function variant(id: number, title: string, price: number, extra: Partial<VariantRow> = {}): VariantRow {
  return { id: id as VariantId, title, available: true, price, compareAtPrice: null, options: title === 'Default Title' ? ['Default Title'] : title.split(' / '), requiresSellingPlan: false, image: null, lowestPrice: price, ...extra };
}

export function product(host: string, handle: string, variants: VariantRow[], extra: Partial<ProductRow> = {}): ProductRow {
  const single = variants.length === 1 && variants[0]!.title === 'Default Title';
  return {
    key: `${host}/${handle}` as ProductKey,
    host,
    handle,
    status: 'ok',
    detail: '',
    fetchedAt: 5_000,
    title: handle.replace(/-/g, ' '),
    currency: 'USD',
    image: `https://${host}/cdn/${handle}.png`,
    variants,
    localePrefix: '',
    vendor: null,
    storeName: null,
    options: single ? [{ name: 'Title', values: ['Default Title'] }] : [{ name: 'Size', values: variants.map((v) => v.title) }],
    requiresSellingPlan: false,
    currencySource: 'cart',
    lastOkAt: 5_000,
    expiresAt: 10_000,
    minPrice: Math.min(...variants.map((v) => v.price)),
    lowestPrice: Math.min(...variants.map((v) => v.lowestPrice)),
    priceHistory: [],
    ...extra,
  };
}

export function saved(p: ProductRow, variantId: number, extra: Partial<SavedRow> = {}): SavedRow {
  const v = p.variants.find((x) => x.id === variantId);
  return {
    key: `${p.key}#${variantId}`,
    productKey: p.key,
    host: p.host,
    variantId: variantId as VariantId,
    quantity: 1,
    savedAt: 1_000,
    priceWhenSaved: v?.price ?? 100,
    currency: p.currency ?? 'USD',
    sightingItemId: null,
    ...extra,
  };
}

export function sighting(itemId: string, landingUrl: string, extra: Partial<AdSighting> = {}): SightingRow {
  return {
    itemId: itemId as TikTokItemId,
    author: 'demostore',
    caption: 'Ratio Eight — free shipping this week 🚚 #shopify',
    ctaText: 'Shop now',
    landingUrlRaw: landingUrl,
    landingUrl,
    adKind: 'product-link',
    source: 'api',
    page: '/foryou',
    ...extra,
    productKey: null,
    firstSeen: 1,
    lastSeen: 1,
    impressions: 1,
  };
}

export function click(id: string, time: number, extra: Partial<ClickRow> = {}): ClickRow {
  return { id, time, kind: 'overlay-open', host: null, productKey: null, sightingItemId: null, ...extra };
}
