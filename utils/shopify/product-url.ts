/**
 * From a landing URL to the Shopify product it names: store host, market/locale prefix,
 * handle and advertised variant. Shapes: research/shopify-storefront.md §1.2 and §1.11.
 */
export interface ProductRef {
  kind: 'product';
  host: string;
  /** '' or a market/locale subfolder such as '/en-ca': kept, since it sets the currency. */
  localePrefix: string;
  /** Decoded (and NFC-normalised) handle; re-encoded when fetching. */
  handle: string;
  variantId: number | null;
}

export type ProductUrlResult = ProductRef | { kind: 'not-product'; reason: 'not-a-url' | 'not-https' | 'no-product-path' };

const LOCALE = /^[a-z]{2}(-[a-z]{2,3})?$/i;
const MAX_HANDLE = 255;

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment).normalize('NFC');
  } catch {
    return null;
  }
}

export function identifyProduct(landingUrl: string): ProductUrlResult {
  let url: URL;
  try {
    url = new URL(landingUrl);
  } catch {
    return { kind: 'not-product', reason: 'not-a-url' };
  }
  if (url.protocol !== 'https:') return { kind: 'not-product', reason: 'not-https' };
  const segments = url.pathname.split('/').filter(Boolean);
  let localePrefix = '';
  if (segments[0] && LOCALE.test(segments[0]) && segments[0] !== 'products') {
    localePrefix = `/${segments.shift()!.toLowerCase()}`;
  }
  if (segments[0] === 'collections' && segments[2] === 'products') segments.splice(0, 2);
  if (segments.length !== 2 || segments[0] !== 'products') return { kind: 'not-product', reason: 'no-product-path' };
  const handle = decodeSegment(segments[1]!.replace(/\.(js|json|oembed)$/, ''));
  if (!handle || handle.length > MAX_HANDLE || /[/?#\s]/.test(handle)) return { kind: 'not-product', reason: 'no-product-path' };
  const variant = url.searchParams.get('variant');
  const variantId = variant && /^\d{1,20}$/.test(variant) ? Number(variant) : null;
  return {
    kind: 'product',
    host: url.hostname.toLowerCase(),
    localePrefix,
    handle,
    variantId: variantId !== null && Number.isSafeInteger(variantId) && variantId > 0 ? variantId : null,
  };
}

/** The cache key of a product: `host/handle` (DESIGN.md § Resolve). */
export function productKeyOf(ref: Pick<ProductRef, 'host' | 'handle'>): string {
  return `${ref.host}/${ref.handle}`;
}

/** The Ajax product endpoint the background may fetch; built here, never taken from a page. */
export function productEndpoint(ref: ProductRef): string {
  return `https://${ref.host}${ref.localePrefix}/products/${encodeURIComponent(ref.handle)}.js`;
}

/** Store hosts the background may ever contact: named public hosts, never IP literals or local names. */
export function isPublicStoreHost(host: string): boolean {
  if (!/^[a-z0-9.-]+$/.test(host) || !host.includes('.')) return false;
  if (/^\d+(\.\d+){3}$/.test(host)) return false;
  return !/(^|\.)(localhost|local|internal|lan|home\.arpa)$/.test(host);
}
