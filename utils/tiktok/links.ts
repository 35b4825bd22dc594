/**
 * From an ad's raw landing URL to the URL a shopper really lands on, with the tracking
 * parameters and unexpanded macros set aside for audits (research §4). The web feed opens
 * `web_url` directly, but TikTok links elsewhere can be wrapped as `/link/v2?target=…`,
 * nested or double-encoded (DESIGN.md), so wrappers are peeled generically.
 */
import {
  REDIRECT_PATHS,
  REDIRECT_TARGET_KEYS,
  TIKTOK_SHOP_HOSTS,
  TIKTOK_SHOP_PATHS,
  TRACKING_PARAM,
  UNEXPANDED_MACRO,
} from './signals';

export interface UnwrappedLink {
  /** The landing URL with wrappers removed; tracking parameters still on it. */
  url: string;
  /** `utm_*`, `ttclid` and other tracking parameters found on the landing URL. */
  tracking: Record<string, string>;
  /** Advertiser macros left unexpanded in the URL, e.g. `__CAMPAIGN_NAME__`: strip before comparing URLs. */
  macros: string[];
  /** How many TikTok redirect wrappers were peeled off. */
  hops: number;
}

/** Why a raw landing URL was refused. */
export type UnwrapRejection = 'not-http' | 'too-long' | 'too-deep';
export type UnwrapResult = { ok: true; link: UnwrappedLink } | { ok: false; reason: UnwrapRejection };

/** Wrappers peeled at most; deeper nesting is refused rather than half-unwrapped (that would not be idempotent). */
export const MAX_HOPS = 5;
/** Percent-decodings tried on one wrapper's target (a double-encoded target needs two). */
const MAX_DECODES = 3;
/** Raw input longer than this is refused before any work; the model keeps landing URLs to 4096. */
const MAX_RAW = 32768;
export const MAX_URL = 4096;
const MAX_MACROS = 16;

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

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function isRedirect(url: URL): boolean {
  return isTikTokHost(url.hostname) && REDIRECT_PATHS.includes(url.pathname.replace(/\/$/, ''));
}

/** The wrapped target of a TikTok redirect URL, or null when `url` is not one (or wraps nothing usable). */
function redirectTarget(url: URL): URL | null {
  if (!isRedirect(url)) return null;
  for (const key of REDIRECT_TARGET_KEYS) {
    let value = url.searchParams.get(key); // already percent-decoded once
    for (let i = 0; value && i <= MAX_DECODES; i += 1) {
      const target = parseHttpUrl(value.trim());
      if (target) return target;
      const decoded = safeDecode(value);
      if (decoded === value) break;
      value = decoded;
    }
  }
  return null;
}

function macrosIn(href: string): string[] {
  const found = new Set<string>();
  for (const text of [href, safeDecode(href)]) {
    for (const match of text.matchAll(UNEXPANDED_MACRO)) {
      if (found.size >= MAX_MACROS) break;
      found.add(match[0]);
    }
  }
  return [...found];
}

/**
 * Peels TikTok redirect wrappers off `raw`: the landing URL, or why it is not a usable one.
 * Never throws. The content script needs only this (its sightings carry the URL; the
 * background reads tracking parameters and macros off it again for audits).
 */
export function unwrapUrl(raw: string): { ok: true; url: URL; hops: number } | { ok: false; reason: UnwrapRejection } {
  if (typeof raw !== 'string' || raw.length > MAX_RAW) return { ok: false, reason: 'too-long' };
  let url = parseHttpUrl(raw.trim());
  if (!url) return { ok: false, reason: 'not-http' };
  let hops = 0;
  for (let next = redirectTarget(url); next; next = redirectTarget(url)) {
    if (hops === MAX_HOPS) return { ok: false, reason: 'too-deep' };
    url = next;
    hops += 1;
  }
  if (url.href.length > MAX_URL) return { ok: false, reason: 'too-long' };
  return { ok: true, url, hops };
}

/** `unwrapUrl`, with the tracking parameters and unexpanded macros found on the landing URL. */
export function unwrapLink(raw: string): UnwrapResult {
  const unwrapped = unwrapUrl(raw);
  if (!unwrapped.ok) return unwrapped;
  const { url, hops } = unwrapped;
  const tracking: Record<string, string> = {};
  for (const [key, value] of url.searchParams) if (TRACKING_PARAM.test(key)) tracking[key] = value;
  return { ok: true, link: { url: url.href, tracking, macros: macrosIn(url.href), hops } };
}

/** The unwrapped link, or null when `raw` is no usable http(s) URL. */
export function unwrapLandingUrl(raw: string): UnwrappedLink | null {
  const result = unwrapLink(raw);
  return result.ok ? result.link : null;
}

/** Is this a TikTok Shop product page (an ad, but not a Shopify one)? */
export function isTikTokShopUrl(url: string): boolean {
  const parsed = parseHttpUrl(url);
  return !!parsed && TIKTOK_SHOP_HOSTS.includes(parsed.hostname) && TIKTOK_SHOP_PATHS.some((p) => p.test(parsed.pathname));
}
