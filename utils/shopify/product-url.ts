/**
 * From a landing URL to the Shopify product it names: store host, market/locale prefix,
 * handle and advertised variant. Shapes: research/shopify-storefront.md §1.2 and §1.11.
 * Also builds every store URL the background may fetch, from parsed parts only.
 */
import { isLocalePrefix, readStorePath } from './product-path';
import { checkStoreHost, checkStoreUrl } from './store-host-guard';

export interface ProductRef {
  kind: 'product';
  host: string;
  /** '' or a market/locale subfolder such as '/en-ca': kept, since it sets the currency. */
  localePrefix: string;
  /** Decoded, lower-cased and NFC-normalised handle; re-encoded when fetching. */
  handle: string;
  variantId: number | null;
}

/** What kind of store page a non-product URL is, so the sighting can still say "collection". */
export type StorePage = 'home' | 'collection' | 'cart' | 'search' | 'page' | 'other';

export type NotProduct =
  | { kind: 'not-product'; reason: 'not-a-url' | 'not-https' | 'refused-host' }
  | { kind: 'not-product'; reason: 'no-product-path'; host: string; page: StorePage };

export type ProductUrlResult = ProductRef | NotProduct;

const MAX_URL = 8192;
const MAX_HANDLE = 255;
/**
 * Characters no Shopify handle holds (handleize and the admin turn them into hyphens, §1.11;
 * inferred for `.`); refusing them keeps the endpoint one plain path segment.
 */
const NOT_IN_HANDLE = /[\s\p{Cc}\p{Cf}/\\?#%.:@]/u;
const ENDPOINT_SUFFIX = /\.(js|json|oembed)$/;

function decodeHandle(segment: string): string | null {
  let handle: string;
  try {
    handle = decodeURIComponent(segment.replace(ENDPOINT_SUFFIX, ''));
  } catch {
    return null;
  }
  // Admin stores handles lower-case (§1.11), so case and normal form must not split the cache.
  handle = handle.toLowerCase().normalize('NFC');
  if (handle.length === 0 || handle.length > MAX_HANDLE || NOT_IN_HANDLE.test(handle)) return null;
  return handle;
}

function pageOf(segments: string[]): StorePage {
  const first = segments[0];
  if (first === undefined) return 'home';
  if (first === 'collections' || first === 'products') return 'collection';
  if (first === 'cart') return 'cart';
  if (first === 'search') return 'search';
  if (first === 'pages' || first === 'blogs') return 'page';
  return 'other';
}

function variantOf(url: URL): number | null {
  const raw = url.searchParams.get('variant');
  if (!raw || !/^\d{1,16}$/.test(raw)) return null;
  const id = Number(raw);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

/** Reads a landing URL. Never throws: anything it can't read is a `not-product` with a reason. */
export function identifyProduct(landingUrl: string): ProductUrlResult {
  if (typeof landingUrl !== 'string' || landingUrl.length > MAX_URL) return { kind: 'not-product', reason: 'not-a-url' };
  let url: URL;
  try {
    url = new URL(landingUrl);
  } catch {
    return { kind: 'not-product', reason: 'not-a-url' };
  }
  if (url.protocol !== 'https:') return { kind: 'not-product', reason: 'not-https' };
  if (!checkStoreUrl(url).ok) return { kind: 'not-product', reason: 'refused-host' };
  const host = url.hostname;
  const { localePrefix, segments, handleSegment } = readStorePath(url.pathname);
  const handle = handleSegment === null ? null : decodeHandle(handleSegment);
  if (handle === null) return { kind: 'not-product', reason: 'no-product-path', host, page: pageOf(segments) };
  return { kind: 'product', host, localePrefix, handle, variantId: variantOf(url) };
}

/** The cache key of a product: `host/handle` (DESIGN.md § Resolve). */
export function productKeyOf(ref: Pick<ProductRef, 'host' | 'handle'>): string {
  return `${ref.host}/${ref.handle}`;
}

function storeBase(ref: Pick<ProductRef, 'host' | 'localePrefix'>): string {
  // A prefix that is not a locale subfolder is dropped, never spliced into the path.
  return `https://${ref.host}${isLocalePrefix(ref.localePrefix) ? ref.localePrefix : ''}`;
}

/** The product endpoint the background may fetch (`.js` Ajax, or `.json`); built here, never taken from a page. */
export function productEndpoint(ref: ProductRef, format: 'js' | 'json' = 'js'): string {
  return `${storeBase(ref)}/products/${encodeURIComponent(ref.handle)}.${format}`;
}

/** `/{prefix}/cart.js`: the presentment currency of the same market as the product (§1.5). */
export function cartEndpoint(ref: Pick<ProductRef, 'host' | 'localePrefix'>): string {
  return `${storeBase(ref)}/cart.js`;
}

/** `/meta.json`: the Shopify probe and the base currency (§1.3, §1.6). Root only. */
export function metaEndpoint(host: string): string {
  return `https://${host}/meta.json`;
}

/** The product page a person opens (with the advertised variant); `identifyProduct` reads it back to the same ref. */
export function productPageUrl(ref: ProductRef): string {
  const variant = ref.variantId !== null ? `?variant=${ref.variantId}` : '';
  return `${storeBase(ref)}/products/${encodeURIComponent(ref.handle)}${variant}`;
}

/** A ref read back from storage or a message: trusted only if it is exactly what `identifyProduct` makes. */
export function parseProductRef(value: unknown): ProductRef | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (v.kind !== 'product' || typeof v.host !== 'string' || typeof v.handle !== 'string' || typeof v.localePrefix !== 'string') return null;
  if (v.variantId !== null && typeof v.variantId !== 'number') return null;
  if (!isLocalePrefix(v.localePrefix)) return null;
  let page: string;
  try {
    page = productPageUrl(v as unknown as ProductRef);
  } catch {
    // A lone surrogate in a stored handle makes encodeURIComponent throw; found by fuzzing.
    return null;
  }
  const ref = identifyProduct(page);
  if (ref.kind !== 'product' || ref.host !== v.host || ref.handle !== v.handle || ref.localePrefix !== v.localePrefix || ref.variantId !== v.variantId) return null;
  return ref;
}

/** Store hosts the background may ever contact: named public hosts, never IP literals or local names. */
export function isPublicStoreHost(host: string): boolean {
  return checkStoreHost(host).ok;
}
