/**
 * The data model's value lists and limits as plain constants: model.ts builds its zod schemas
 * from them, and the content script checks values with them without bundling zod
 * (utils/checks.ts, docs/performance.md). Nothing else belongs here.
 */

// A TikTok fact, so it lives with the others (the tap needs it too and imports no further).
export { ITEM_ID_PATTERN } from './tiktok/signals';

/** What kind of ad an item is, as far as ScrollCart can tell ('product-link': a Shopify product shape; only the resolver can confirm the store). */
export const AD_KINDS = ['product-link', 'tiktok-shop', 'external', 'unknown'] as const;

/** The longest text each field of a sighting may hold (UTF-16 units); the content script clamps to them. */
export const SIGHTING_LIMITS = { author: 200, caption: 5000, ctaText: 200, landingUrl: 4096, page: 200 } as const;

/** What a recorded click was: the ad's own button, our card opened, a save, a store's checkout. */
export const CLICK_KINDS = ['cta', 'overlay-open', 'save', 'checkout'] as const;

/** How a product lookup ended: a typed outcome, never a thrown string. */
export const LOOKUP_STATUSES = [
  'ok',
  'not-shopify',
  'not-found',
  'password-protected',
  'rate-limited',
  'blocked',
  'network',
  'invalid-response',
] as const;
