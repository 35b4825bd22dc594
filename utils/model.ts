/**
 * ScrollCart's one data model: every record kept in IndexedDB and every value that
 * crosses a context boundary is declared here, as a zod schema with its inferred type.
 * docs/data-model.md explains each table and why it is keyed the way it is.
 */
import { z } from 'zod/mini';
import { AD_KINDS, CLICK_KINDS, ITEM_ID_PATTERN, LOOKUP_STATUSES, SIGHTING_LIMITS } from './model-limits';

// Branded ids, so one kind of id can't be passed where another belongs.
export const TikTokItemId = z.string().check(z.regex(ITEM_ID_PATTERN)).brand<'TikTokItemId'>();
export type TikTokItemId = z.infer<typeof TikTokItemId>;

/** `host/handle`, lower-case host, decoded handle: the cache key of a Shopify product. */
export const ProductKey = z.string().check(z.minLength(3), z.maxLength(600)).brand<'ProductKey'>();
export type ProductKey = z.infer<typeof ProductKey>;

export const VariantId = z.int().check(z.positive()).brand<'VariantId'>();
export type VariantId = z.infer<typeof VariantId>;

/** Where a sighting came from: the feed API, the page's server-rendered JSON, ... */
export const SightingSource = z.enum(['api', 'ssr', 'prefetch', 'dom', 'click']);
export type SightingSource = z.infer<typeof SightingSource>;

/** What kind of ad an item is, as far as ScrollCart can tell. */
// 'product-link': the landing URL has a Shopify product shape; only the resolver can confirm the store.
export const AdKind = z.enum(AD_KINDS);
export type AdKind = z.infer<typeof AdKind>;

const shortText = (max: number) => z.string().check(z.maxLength(max));

/** One ad as the content script saw it: untrusted, validated before it is stored. */
export const AdSighting = z.object({
  itemId: TikTokItemId,
  author: shortText(SIGHTING_LIMITS.author),
  caption: shortText(SIGHTING_LIMITS.caption),
  ctaText: shortText(SIGHTING_LIMITS.ctaText),
  landingUrlRaw: shortText(SIGHTING_LIMITS.landingUrl),
  landingUrl: shortText(SIGHTING_LIMITS.landingUrl),
  adKind: AdKind,
  source: SightingSource,
  page: shortText(SIGHTING_LIMITS.page),
});
export type AdSighting = z.infer<typeof AdSighting>;

/** How many report ids a sightings row remembers: a retry follows its first try within seconds, a few other reports at most in between. */
export const RECENT_REPORTS = 8;

/** The `sightings` table: one row per ad item, impressions counted. */
export interface SightingRow extends AdSighting {
  productKey: ProductKey | null;
  firstSeen: number;
  lastSeen: number;
  impressions: number;
  /** The last few reports that counted an impression (ids made by the content script): one sent again after the worker died counts nothing. Absent in rows written before. */
  recentReportIds?: string[];
}

/** How a product lookup ended: a typed outcome, never a thrown string. */
export const LookupStatus = z.enum(LOOKUP_STATUSES);
export type LookupStatus = z.infer<typeof LookupStatus>;

export interface VariantRow {
  id: VariantId;
  title: string;
  available: boolean;
  /** Integer ISO-4217 minor units of `currency`. */
  price: number;
  compareAtPrice: number | null;
  /** One value per product option, in option order (`["Moss", "9"]`). */
  options: string[];
  /** A subscription-only variant: a cart permalink can't buy it (research §1.8). */
  requiresSellingPlan: boolean;
  /** The variant's own image (absolute https), when it has one. */
  image: string | null;
  /** Lowest price seen for this variant in the row's current `currency` (reset when the currency changes). */
  lowestPrice: number;
}

/** One product option as the store lists it (`Size`: `S`, `M`, `L`). */
export interface ProductOption {
  name: string;
  values: string[];
}

/** One point of a product's price history: its cheapest variant price, recorded when it changes. */
export interface PricePoint {
  at: number;
  currency: string;
  minPrice: number;
}

/** How many price points a product keeps; the oldest go first. */
export const PRICE_HISTORY_LIMIT = 100;

/** Where a currency code came from: `cart` = `/{prefix}/cart.js`, the presentment currency; `meta` = `/meta.json`, the base currency (may differ). */
export type CurrencySource = 'cart' | 'meta';

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
  /** The market prefix the prices were read in ('' = root); a resolve for another prefix refetches. */
  localePrefix: string;
  vendor: string | null;
  /** The shop's name, when `/meta.json` was read for this store. */
  storeName: string | null;
  options: ProductOption[];
  /** Every variant is subscription-only. */
  requiresSellingPlan: boolean;
  currencySource: CurrencySource | null;
  /** When the product data (title, variants, ...) was last read successfully; `fetchedAt` is the last attempt. */
  lastOkAt: number | null;
  /** Until then the resolver answers from this row without the network (TTL per status). */
  expiresAt: number;
  /** Cheapest variant price now, in `currency`. */
  minPrice: number | null;
  /** Cheapest price ever seen in `currency`. */
  lowestPrice: number | null;
  /** Bounded (PRICE_HISTORY_LIMIT), oldest first; a point is added when `minPrice` or `currency` changes. */
  priceHistory: PricePoint[];
}

/** The `stores` table: what ScrollCart learned about a store host. */
export interface StoreRow {
  host: string;
  name: string | null;
  /** Presentment currency per locale prefix ('' = root). */
  currencyByPrefix: Record<string, string>;
  checkedAt: number;
  /** Per locale prefix: the currency, where it came from and when it was read (for its TTL). */
  markets: Record<string, StoreMarket>;
  /** `other` = probed and not a Shopify storefront; products there answer `not-shopify` without the network. */
  platform: 'shopify' | 'other' | 'unknown';
  platformCheckedAt: number | null;
  myshopifyDomain: string | null;
  /** The shop's base currency from `/meta.json`. */
  baseCurrency: string | null;
}

export interface StoreMarket {
  currency: string;
  source: CurrencySource;
  checkedAt: number;
}

/** The `jobs` table: work persisted before it starts, so a killed worker resumes it. */
export interface JobRow {
  /** `lookup:{productKey}{localePrefix}`: enqueueing the same lookup twice keeps one job. */
  id: string;
  kind: 'lookup';
  key: ProductKey;
  ref: { kind: 'product'; host: string; localePrefix: string; handle: string; variantId: number | null };
  createdAt: number;
  attempts: number;
  /** Not taken again before this time (a lease while it runs, a backoff after it fails). */
  dueAt: number;
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

/**
 * The `watches` table (schema v3): what the price watch last saw of one saved variant, so a
 * change is told once. Keyed like `saved`; a saved item without a row was never checked.
 */
export interface WatchRow {
  /** The saved row's key, `${productKey}#${variantId}`. */
  key: string;
  productKey: ProductKey;
  /** When the price watch last read this variant's product from the store. */
  checkedAt: number;
  /** The price the shopper last heard of: the price at save, then each notified drop; a rise moves it up. */
  referencePrice: number;
  /** The currency of `referencePrice` and `price`; a change starts over (prices in two currencies are never compared). */
  currency: string;
  /** The price and availability seen at `checkedAt`; null until a check has read them. */
  price: number | null;
  available: boolean | null;
}

export const ClickKind = z.enum(CLICK_KINDS);
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
