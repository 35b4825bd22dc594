/**
 * From an ad's raw landing URL to the URL a shopper really lands on, with the tracking
 * parameters set aside for audits (they never travel to checkout from here).
 */
import { REDIRECT_PATHS, REDIRECT_TARGET_KEYS, TIKTOK_SHOP_HOSTS, TIKTOK_SHOP_PATHS } from './signals';

export interface UnwrappedLink {
  /** The landing URL with wrappers removed; tracking parameters still on it. */
  url: string;
  /** `utm_*`, `ttclid` and other tracking parameters found on the landing URL. */
  tracking: Record<string, string>;
  /** How many TikTok redirect wrappers were peeled off. */
  hops: number;
}

const TRACKING_KEY = /^(utm_[a-z_]+|ttclid|gclid|fbclid|msclkid)$/i;
const MAX_HOPS = 5;

function isTikTokHost(host: string): boolean {
  return host === 'tiktok.com' || host.endsWith('.tiktok.com');
}

function parseHttpUrl(raw: string): URL | null {
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

/** The wrapped target of a TikTok redirect URL, or null when `url` is not one. */
function redirectTarget(url: URL): URL | null {
  if (!isTikTokHost(url.hostname) || !REDIRECT_PATHS.includes(url.pathname.replace(/\/$/, ''))) return null;
  for (const key of REDIRECT_TARGET_KEYS) {
    const value = url.searchParams.get(key); // already percent-decoded once
    if (value) return parseHttpUrl(value) ?? parseHttpUrl(safeDecode(value));
  }
  return null;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Peels TikTok redirect wrappers (nested or double-encoded) off `raw`; null if it is no http(s) URL. */
export function unwrapLandingUrl(raw: string): UnwrappedLink | null {
  let url = parseHttpUrl(raw.trim());
  if (!url) return null;
  let hops = 0;
  for (let next = redirectTarget(url); next && hops < MAX_HOPS; next = redirectTarget(url)) {
    url = next;
    hops += 1;
  }
  const tracking: Record<string, string> = {};
  for (const [key, value] of url.searchParams) if (TRACKING_KEY.test(key)) tracking[key] = value;
  return { url: url.href, tracking, hops };
}

/** Is this a TikTok Shop product page (an ad, but not a Shopify one)? */
export function isTikTokShopUrl(url: string): boolean {
  const parsed = parseHttpUrl(url);
  return !!parsed && TIKTOK_SHOP_HOSTS.includes(parsed.hostname) && TIKTOK_SHOP_PATHS.some((p) => p.test(parsed.pathname));
}
