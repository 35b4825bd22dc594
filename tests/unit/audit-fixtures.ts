/** Rows for the audit and export tests: one product of the audit scenario's store, and ads landing on it. */
import { auditInput } from '@/utils/audit/input';
import type { CheckInput } from '@/utils/audit/types';
import type { LookupStatus, ProductKey, ProductRow, SightingRow, TikTokItemId, VariantId, VariantRow } from '@/utils/model';

export const HOST = 'audit-outfitters.myshopify.com';
const UTM = 'utm_source=tiktok&utm_medium=paid&utm_campaign=__CAMPAIGN_NAME__&utm_content=__CID_NAME__';

const variant = (id: number, title: string, price: number, available = true): VariantRow => ({
  id: id as VariantId,
  title,
  available,
  price,
  compareAtPrice: null,
  options: [title],
  requiresSellingPlan: false,
  image: null,
  lowestPrice: price,
});

export function product(overrides: Partial<ProductRow> = {}): ProductRow {
  return {
    key: `${HOST}/canvas-sneaker` as ProductKey,
    host: HOST,
    handle: 'canvas-sneaker',
    status: 'ok',
    detail: '',
    fetchedAt: 1_000,
    title: 'Canvas Sneaker',
    currency: 'USD',
    variants: [variant(201, 'White / 8', 5900), variant(202, 'White / 9', 5900, false)],
    image: null,
    localePrefix: '',
    vendor: 'Audit Outfitters',
    storeName: 'Audit Outfitters',
    options: [{ name: 'Size', values: ['8', '9'] }],
    requiresSellingPlan: false,
    currencySource: 'cart',
    lastOkAt: 1_000,
    expiresAt: 10_000,
    minPrice: 5900,
    lowestPrice: 5900,
    priceHistory: [],
    ...overrides,
  };
}

export const failed = (status: LookupStatus): ProductRow => product({ status, detail: `lookup ${status}`, title: null, variants: [], currency: null });

export function sighting(overrides: Partial<SightingRow> = {}): SightingRow {
  const url = `https://${HOST}/products/canvas-sneaker?variant=201&${UTM}&ttclid=abc123`;
  return {
    itemId: '7600000000000000001' as TikTokItemId,
    author: 'auditoutfitters',
    caption: 'Canvas Sneaker — $59 👟',
    ctaText: 'Shop now',
    landingUrlRaw: url,
    landingUrl: url,
    adKind: 'product-link',
    source: 'api',
    page: '/foryou',
    productKey: `${HOST}/canvas-sneaker` as ProductKey,
    firstSeen: Date.UTC(2026, 5, 1, 10),
    lastSeen: Date.UTC(2026, 5, 1, 12),
    impressions: 3,
    ...overrides,
  };
}

/** The input a check gets for an ad landing on `url` (raw), with `caption` and the store's answer. */
export function inputFor(url: string, productRow: ProductRow | null = product(), caption = 'Canvas Sneaker — $59 👟'): CheckInput {
  return auditInput({ ...sighting({ landingUrlRaw: url, landingUrl: url, caption }) }, productRow);
}

export const landing = (path: string, query = `${UTM}&ttclid=abc123`) => `https://${HOST}${path}${query ? `?${query}` : ''}`;
