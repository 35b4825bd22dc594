/**
 * Shopify cart permalinks: `https://{host}{prefix}/cart/{variantId}:{qty},…` opens checkout
 * with those lines (research/shopify-storefront.md §1.8). Never a parameter of ours: no
 * affiliate or ref code, ever. Only the ad's own `utm_*` tags may travel, when the user allows.
 */
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
const PREFIX = /^(\/[a-z]{2}(-[a-z]{2,3})?)?$/i;
const MAX_QUANTITY = 999;

export function buildCartPermalink(options: PermalinkOptions): PermalinkResult {
  if (!HOST.test(options.host) || !PREFIX.test(options.localePrefix ?? '')) return { ok: false, reason: 'bad-host' };
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
    if (/^utm_[a-z_]+$/.test(key) && !/__[A-Z_]+__/.test(value)) url.searchParams.set(key, value);
  }
  if (options.storefront) url.searchParams.set('storefront', 'true');
  return { ok: true, url: url.href };
}
