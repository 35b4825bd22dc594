/**
 * ScrollCart's one data model: every record kept in IndexedDB and every value that
 * crosses a context boundary is declared here, as a zod schema with its inferred type.
 * docs/data-model.md explains each table and why it is keyed the way it is.
 */
import { z } from 'zod';

// Branded ids, so one kind of id can't be passed where another belongs.
export const TikTokItemId = z.string().regex(/^\d{1,25}$/).brand<'TikTokItemId'>();
export type TikTokItemId = z.infer<typeof TikTokItemId>;

/** `host/handle`, lower-case host, decoded handle: the cache key of a Shopify product. */
export const ProductKey = z.string().min(3).max(600).brand<'ProductKey'>();
export type ProductKey = z.infer<typeof ProductKey>;

export const VariantId = z.number().int().positive().brand<'VariantId'>();
export type VariantId = z.infer<typeof VariantId>;

/** Where a sighting came from: the feed API, the page's server-rendered JSON, ... */
export const SightingSource = z.enum(['api', 'ssr', 'prefetch', 'dom', 'click']);
export type SightingSource = z.infer<typeof SightingSource>;

/** What kind of ad an item is, as far as ScrollCart can tell. */
// 'product-link': the landing URL has a Shopify product shape; only the resolver can confirm the store.
export const AdKind = z.enum(['product-link', 'tiktok-shop', 'external', 'unknown']);
export type AdKind = z.infer<typeof AdKind>;

const shortText = (max: number) => z.string().max(max);

/** One ad as the content script saw it: untrusted, validated before it is stored. */
export const AdSighting = z.object({
  itemId: TikTokItemId,
  author: shortText(200),
  caption: shortText(5000),
  ctaText: shortText(200),
  landingUrlRaw: shortText(4096),
  landingUrl: shortText(4096),
  adKind: AdKind,
  source: SightingSource,
  page: shortText(200),
});
export type AdSighting = z.infer<typeof AdSighting>;

/** The `sightings` table: one row per ad item, impressions counted. */
export interface SightingRow extends AdSighting {
  productKey: ProductKey | null;
  firstSeen: number;
  lastSeen: number;
  impressions: number;
}

/** How a product lookup ended: a typed outcome, never a thrown string. */
export const LookupStatus = z.enum([
  'ok',
  'not-shopify',
  'not-found',
  'password-protected',
  'rate-limited',
  'blocked',
  'network',
  'invalid-response',
]);
export type LookupStatus = z.infer<typeof LookupStatus>;

export interface VariantRow {
  id: VariantId;
  title: string;
  available: boolean;
  /** Integer ISO-4217 minor units of `currency`. */
  price: number;
  compareAtPrice: number | null;
}

/** The `products` table: a resolved (or failed) Shopify product, keyed by `host/handle`. */
export interface ProductRow {
  key: ProductKey;
  host: string;
  handle: string;
  status: LookupStatus;
  /** A person-readable reason when `status` is not `ok`. */
  detail: string;
  fetchedAt: number;
  title: string | null;
  currency: string | null;
  variants: VariantRow[];
  image: string | null;
}

/** The `stores` table: what ScrollCart learned about a store host. */
export interface StoreRow {
  host: string;
  name: string | null;
  /** Presentment currency per locale prefix ('' = root). */
  currencyByPrefix: Record<string, string>;
  checkedAt: number;
}

/** The `saved` table: one saved variant. */
export interface SavedRow {
  key: string; // `${productKey}#${variantId}`
  productKey: ProductKey;
  host: string;
  variantId: VariantId;
  quantity: number;
  savedAt: number;
  priceWhenSaved: number;
  currency: string;
  sightingItemId: TikTokItemId | null;
}

export const ClickKind = z.enum(['cta', 'overlay-open', 'save', 'checkout']);
export type ClickKind = z.infer<typeof ClickKind>;

/** The `clicks` table: append-only history. `id` is made where the click happens, so a retried write can't duplicate it. */
export interface ClickRow {
  id: string;
  time: number;
  kind: ClickKind;
  host: string | null;
  productKey: ProductKey | null;
  sightingItemId: TikTokItemId | null;
}

/** The `snapshots` table: how an ad looked, for the merchant audit (bounded in total size). */
export interface SnapshotRow {
  id?: number;
  sightingItemId: TikTokItemId;
  takenAt: number;
  bytes: number;
  image: Blob;
}
