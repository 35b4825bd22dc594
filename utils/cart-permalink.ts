/**
 * Shopify cart permalinks: `https://{host}{prefix}/cart/{variantId}:{qty},…` opens checkout
 * with those lines (research/shopify-storefront.md §1.8). Never a parameter of ours: no
 * affiliate or ref code, ever. Only the ad's own `utm_*` tags may travel, when the user allows.
 */
import { checkStoreHost } from './shopify/store-host-guard';
import { UNEXPANDED_MACRO } from './tiktok/signals';

export interface PermalinkLine {
  variantId: number;
  quantity: number;
}

export interface PermalinkOptions {
  host: string;
  localePrefix?: string;
  lines: readonly PermalinkLine[];
  /** The ad's `utm_*` tags, forwarded so the merchant's campaign gets credit (a user setting). */
  utm?: Record<string, string>;
  /** Land on the store's cart page instead of checkout. */
  storefront?: boolean;
}

export type PermalinkResult = { ok: true; url: string } | { ok: false; reason: 'no-lines' | 'bad-variant' | 'bad-quantity' | 'bad-host' };

const HOST = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/;
// The same market subfolders identifyProduct reads (`/zh-hant`, `/es-419`): a narrower rule left those stores with no checkout (found by fuzzing).
const PREFIX = /^(\/[a-z]{2}(-([a-z]{2,4}|\d{3}))?)?$/i;
const MAX_QUANTITY = 999;
/** TikTok's macro shape, digits included (`__CID1__` slipped through `__[A-Z_]+__`; found by fuzzing). Not global: `test` keeps no state. */
const MACRO = new RegExp(UNEXPANDED_MACRO.source);

export function buildCartPermalink(options: PermalinkOptions): PermalinkResult {
  // The guard too: `0x7f.1` passes the shape test yet the URL parser makes it 127.0.0.1 (found by fuzzing).
  if (!HOST.test(options.host) || !checkStoreHost(options.host).ok || !PREFIX.test(options.localePrefix ?? '')) return { ok: false, reason: 'bad-host' };
  if (options.lines.length === 0) return { ok: false, reason: 'no-lines' };
  const merged = new Map<number, number>();
  for (const { variantId, quantity } of options.lines) {
    if (!Number.isSafeInteger(variantId) || variantId <= 0) return { ok: false, reason: 'bad-variant' };
    if (!Number.isInteger(quantity) || quantity <= 0 || quantity > MAX_QUANTITY) return { ok: false, reason: 'bad-quantity' };
    merged.set(variantId, Math.min(MAX_QUANTITY, (merged.get(variantId) ?? 0) + quantity));
  }
  const path = [...merged].map(([id, qty]) => `${id}:${qty}`).join(',');
  const url = new URL(`https://${options.host}${options.localePrefix ?? ''}/cart/${path}`);
  for (const [key, value] of Object.entries(options.utm ?? {})) {
    // Only utm_* tags, and only expanded ones: an unfilled __MACRO__ would pollute the merchant's reports.
    if (/^utm_[a-z_]+$/.test(key) && !MACRO.test(value)) url.searchParams.set(key, value);
  }
  if (options.storefront) url.searchParams.set('storefront', 'true');
  return { ok: true, url: url.href };
}
