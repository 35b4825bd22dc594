/**
 * One place where an ad seen by any detector (feed JSON, DOM, click) becomes a validated
 * `AdSighting`: text clamped, landing URL unwrapped and classified, the whole checked by the
 * model's schema. Detectors only gather raw strings.
 */
import { AdSighting, TikTokItemId, type AdKind, type SightingSource } from '../model';
import { identifyProduct } from '../shopify/product-url';
import { isTikTokShopUrl, unwrapLandingUrl, type UnwrappedLink } from './links';
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

export type BuiltSighting =
  | { ok: true; sighting: AdSighting; link: UnwrappedLink | null }
  | { ok: false; reason: 'bad-id' | 'invalid-ad' };

/** What a landing URL points at, as far as its shape tells. */
export function adKindOf(landingUrl: string): AdKind {
  if (!landingUrl) return 'unknown';
  if (isTikTokShopUrl(landingUrl)) return 'tiktok-shop';
  return identifyProduct(landingUrl).kind === 'product' ? 'product-link' : 'external';
}

export function buildSighting(draft: SightingDraft): BuiltSighting {
  if (!TikTokItemId.safeParse(draft.itemId).success) return { ok: false, reason: 'bad-id' };
  const raw = draft.landingUrlRaw ?? '';
  // Unwrapped from the whole raw URL; only the copy kept for audits is cut to the model's limit.
  const link = raw ? unwrapLandingUrl(raw) : null;
  const landingUrlRaw = clampText(raw, 4096);
  const landingUrl = link?.url ?? '';
  const sighting = AdSighting.safeParse({
    itemId: draft.itemId,
    author: oneLine(draft.author ?? '', 200),
    caption: clampText(draft.caption ?? '', 5000),
    ctaText: oneLine(draft.ctaText ?? '', 200),
    landingUrlRaw,
    landingUrl,
    adKind: adKindOf(landingUrl),
    source: draft.source,
    page: oneLine(draft.page, 200),
  });
  return sighting.success ? { ok: true, sighting: sighting.data, link } : { ok: false, reason: 'invalid-ad' };
}
