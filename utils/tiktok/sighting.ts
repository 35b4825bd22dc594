/**
 * One place where an ad seen by any detector (feed JSON, DOM, click) becomes an `AdSighting`:
 * id checked, text clamped to the model's limits, landing URL unwrapped and classified.
 * Detectors only gather raw strings. The content script builds sightings without zod (its
 * size, docs/performance.md); the fuzz suite checks every one against the model's schema,
 * and the background validates each again when it arrives.
 */
import type { AdKind, AdSighting, SightingSource, TikTokItemId } from '../model';
import { ITEM_ID_PATTERN, SIGHTING_LIMITS } from '../model-limits';
import { looksLikeProductUrl } from '../shopify/product-path';
import { isTikTokShopUrl, unwrapUrl } from './links';
import { clampText, oneLine } from './text';

export interface SightingDraft {
  itemId: string;
  author?: string;
  caption?: string;
  ctaText?: string;
  /** The landing URL as the page gave it; '' when unknown. */
  landingUrlRaw?: string;
  source: SightingSource;
  page: string;
}

export type BuiltSighting = { ok: true; sighting: AdSighting } | { ok: false; reason: 'bad-id' };

/**
 * What a landing URL points at. The content script judges a product by the path's shape
 * only (the default: the store-host guard stays out of its bundle, docs/performance.md);
 * the background decides again with the full check before anything is stored
 * (utils/handlers/core.ts), so a hint that is too kind only costs a card that says "not a shop".
 */
export function adKindOf(landingUrl: string, isProduct: (url: string) => boolean = looksLikeProductUrl): AdKind {
  if (!landingUrl) return 'unknown';
  if (isTikTokShopUrl(landingUrl)) return 'tiktok-shop';
  return isProduct(landingUrl) ? 'product-link' : 'external';
}

export function buildSighting(draft: SightingDraft): BuiltSighting {
  if (typeof draft.itemId !== 'string' || !ITEM_ID_PATTERN.test(draft.itemId)) return { ok: false, reason: 'bad-id' };
  const raw = draft.landingUrlRaw ?? '';
  // Unwrapped from the whole raw URL; only the copy kept for audits is cut to the model's limit.
  const unwrapped = raw ? unwrapUrl(raw) : null;
  // Never longer than the model's limit: unwrapUrl refuses longer URLs (MAX_URL).
  const landingUrl = unwrapped?.ok ? unwrapped.url.href : '';
  const sighting: AdSighting = {
    itemId: draft.itemId as TikTokItemId,
    author: oneLine(draft.author ?? '', SIGHTING_LIMITS.author),
    caption: clampText(draft.caption ?? '', SIGHTING_LIMITS.caption),
    ctaText: oneLine(draft.ctaText ?? '', SIGHTING_LIMITS.ctaText),
    landingUrlRaw: clampText(raw, SIGHTING_LIMITS.landingUrl),
    landingUrl,
    adKind: adKindOf(landingUrl),
    source: draft.source,
    page: oneLine(draft.page, SIGHTING_LIMITS.page),
  };
  return { ok: true, sighting };
}
