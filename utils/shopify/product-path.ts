/**
 * The shape of a Shopify product path (research/shopify-storefront.md §1.2): an optional
 * market/locale subfolder, an optional `/collections/{c}` scope, then `/products/{handle}`.
 * Shape only, no host check and no handle decoding: the content script uses it as a hint
 * (which first card to draw) without bundling the host guard, and `identifyProduct` builds
 * on it, so every URL the background takes for a product also looks like one here.
 */

/** `/fr`, `/en-ca`, `/zh-hant`, `/es-419`: Shopify's language and market subfolders (§1.2). */
const LOCALE = /^[a-z]{2}(-([a-z]{2,4}|\d{3}))?$/;

/** '' or a locale subfolder with its slash, as `readStorePath` returns it: `/en-ca`. */
export const isLocalePrefix = (prefix: string): boolean => prefix === '' || (prefix.startsWith('/') && LOCALE.test(prefix.slice(1)));

export interface StorePath {
  /** '' or the locale subfolder, lower-cased: `/en-ca`. */
  localePrefix: string;
  /** The path's segments after the locale subfolder. */
  segments: string[];
  /** The raw `{handle}` segment when the path names a product, else null. */
  handleSegment: string | null;
}

export function readStorePath(pathname: string): StorePath {
  const segments = pathname.split('/').filter(Boolean);
  let localePrefix = '';
  const first = segments[0]?.toLowerCase();
  if (first && LOCALE.test(first)) {
    localePrefix = `/${first}`;
    segments.shift();
  }
  // The collection-scoped URL names the same product (§1.2).
  const rest = segments[0] === 'collections' && segments[2] === 'products' ? segments.slice(2) : segments;
  const handleSegment = rest.length === 2 && rest[0] === 'products' ? rest[1]! : null;
  return { localePrefix, segments, handleSegment };
}

/** An https URL whose path has a product's shape: what the content script calls a product link until the background says more. */
export function looksLikeProductUrl(landingUrl: string): boolean {
  let url: URL;
  try {
    url = new URL(landingUrl);
  } catch {
    return false;
  }
  return url.protocol === 'https:' && readStorePath(url.pathname).handleSegment !== null;
}
