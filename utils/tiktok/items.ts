/**
 * Raw feed items (untrusted JSON from TikTok's API, SSR blob or prefetch cache) to
 * validated `AdSighting`s. Organic items are never ads, whatever their caption says:
 * only the item's ad fields count (research §3.3).
 */
import { z } from 'zod';
import { AdSighting, type SightingSource } from '../model';
import { identifyProduct } from '../shopify/product-url';
import { AD_FLAG_FIELDS, AD_INFO_FIELD } from './signals';
import { isTikTokShopUrl, unwrapLandingUrl } from './links';

export type ParsedItem =
  | { kind: 'ad'; sighting: AdSighting }
  | { kind: 'organic'; itemId: string }
  | { kind: 'skipped'; reason: 'not-an-object' | 'no-id' | 'invalid-ad' };

const RawItem = z.looseObject({
  id: z.union([z.string(), z.number()]).transform(String),
  desc: z.string().optional().catch(undefined),
  author: z.union([z.string(), z.looseObject({ uniqueId: z.string().optional() })]).optional().catch(undefined),
});

const RawAdInfo = z.looseObject({
  web_url: z.string().optional().catch(undefined),
  button_text: z.string().optional().catch(undefined),
});

function isPaidAd(item: Record<string, unknown>): boolean {
  const adInfo = item[AD_INFO_FIELD];
  return (typeof adInfo === 'object' && adInfo !== null) || AD_FLAG_FIELDS.some((field) => item[field] === true);
}

function authorOf(author: z.infer<typeof RawItem>['author']): string {
  if (typeof author === 'string') return author;
  return author?.uniqueId ?? '';
}

export function parseFeedItem(raw: unknown, source: SightingSource, page: string): ParsedItem {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { kind: 'skipped', reason: 'not-an-object' };
  const item = RawItem.safeParse(raw);
  if (!item.success) return { kind: 'skipped', reason: 'no-id' };
  if (!isPaidAd(item.data)) return { kind: 'organic', itemId: item.data.id };
  const adInfo = RawAdInfo.safeParse(item.data[AD_INFO_FIELD] ?? {});
  const landingUrlRaw = (adInfo.success ? adInfo.data.web_url : undefined) ?? '';
  const unwrapped = unwrapLandingUrl(landingUrlRaw);
  const landingUrl = unwrapped?.url ?? '';
  const sighting = AdSighting.safeParse({
    itemId: item.data.id,
    author: authorOf(item.data.author).slice(0, 200),
    caption: (item.data.desc ?? '').slice(0, 5000),
    ctaText: ((adInfo.success ? adInfo.data.button_text : undefined) ?? '').slice(0, 200),
    landingUrlRaw: landingUrlRaw.slice(0, 4096),
    landingUrl,
    adKind: adKindOf(landingUrl),
    source,
    page: page.slice(0, 200),
  });
  return sighting.success ? { kind: 'ad', sighting: sighting.data } : { kind: 'skipped', reason: 'invalid-ad' };
}

function adKindOf(landingUrl: string): AdSighting['adKind'] {
  if (!landingUrl) return 'unknown';
  if (isTikTokShopUrl(landingUrl)) return 'tiktok-shop';
  return identifyProduct(landingUrl).kind === 'product' ? 'product-link' : 'external';
}

/** The `itemList` of a feed API response, or an empty list for anything else. */
export function itemListOf(json: unknown): unknown[] {
  if (typeof json !== 'object' || json === null) return [];
  const list = (json as { itemList?: unknown }).itemList;
  return Array.isArray(list) ? list : [];
}
