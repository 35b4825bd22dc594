/** An ad as the feed's detectors report it, for tests of what is done with one. */
import type { AdSighting, TikTokItemId } from '@/utils/model';

/** A product-link ad of the Demo Store's tee, seen through the feed API on For You; `extra` changes any field. */
export function adSighting(itemId: string, extra: Partial<AdSighting> = {}): AdSighting {
  return {
    itemId: itemId as TikTokItemId,
    author: 'brand',
    caption: 'caption',
    ctaText: 'Shop now',
    landingUrlRaw: 'https://demo-store.myshopify.com/products/tee',
    landingUrl: 'https://demo-store.myshopify.com/products/tee',
    adKind: 'product-link',
    source: 'api',
    page: '/foryou',
    ...extra,
  };
}
