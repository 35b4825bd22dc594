import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { itemListOf, parseFeedItem } from '@/utils/tiktok/items';
import { isTikTokShopUrl, unwrapLandingUrl } from '@/utils/tiktok/links';

// Real organic items captured from www.tiktok.com (tests/fixtures/samples/tiktok/PROVENANCE.md).
const sample = JSON.parse(readFileSync('tests/fixtures/samples/tiktok/api_recommend_item_list_items_2026-09_fedo.json', 'utf8'));
const realItems = Object.entries(sample).filter(([key]) => key.startsWith('itemWith')).map(([, value]) => value);

const shopifyUrl = 'https://demo-store.myshopify.com/products/linen-shirt?utm_source=tiktok&utm_campaign=__CAMPAIGN_NAME__&ttclid=abc';
const adItem = (overrides: Record<string, unknown> = {}) => ({
  id: '7400000000000000001',
  desc: 'Linen season',
  author: { uniqueId: 'brand.official', nickname: 'Brand' },
  isAd: false,
  ad_info: { web_url: shopifyUrl, creative_id: 1800000000000001, log_extra: '{"req_id":"x"}', button_text: 'Shop now' },
  ...overrides,
});

describe('parseFeedItem', () => {
  it('treats the real captured organic items as organic', () => {
    expect(realItems.length).toBe(2);
    for (const item of realItems) expect(parseFeedItem(item, 'api', '/foryou').kind).toBe('organic');
  });

  it('never takes a caption for an ad marker', () => {
    const organic = { id: '7400000000000000002', desc: 'SHOP NOW 🔥 link in bio #ad #sponsored', author: 'someone', isAd: false };
    expect(parseFeedItem(organic, 'api', '/foryou')).toEqual({ kind: 'organic', itemId: '7400000000000000002' });
    const branded = { ...organic, adLabelVersion: 2, BAInfo: '@brand', isECVideo: 1, brandOrganicType: 1 };
    expect(parseFeedItem(branded, 'api', '/foryou').kind).toBe('organic');
  });

  it('turns an item with ad_info into a sighting with its unwrapped landing URL', () => {
    const parsed = parseFeedItem(adItem(), 'api', '/foryou');
    expect(parsed).toEqual({
      kind: 'ad',
      sighting: {
        itemId: '7400000000000000001',
        author: 'brand.official',
        caption: 'Linen season',
        ctaText: 'Shop now',
        landingUrlRaw: shopifyUrl,
        landingUrl: shopifyUrl,
        adKind: 'product-link',
        source: 'api',
        page: '/foryou',
      },
    });
  });

  it('recognises isTT4BAds and isAd flags, TikTok Shop and external landings', () => {
    const tt4b = parseFeedItem({ id: '7400000000000000003', isTT4BAds: true }, 'ssr', '/foryou');
    expect(tt4b).toMatchObject({ kind: 'ad', sighting: { adKind: 'unknown', source: 'ssr' } });
    const shop = parseFeedItem(adItem({ ad_info: { web_url: 'https://www.tiktok.com/view/product/1729384756102938475?region=US' } }), 'api', '/');
    expect(shop).toMatchObject({ kind: 'ad', sighting: { adKind: 'tiktok-shop' } });
    const app = parseFeedItem(adItem({ ad_info: { web_url: 'https://play.google.com/store/apps/details?id=com.example.game' } }), 'api', '/');
    expect(app).toMatchObject({ kind: 'ad', sighting: { adKind: 'external' } });
  });

  it('skips malformed items with a counted reason instead of throwing', () => {
    expect(parseFeedItem(null, 'api', '/')).toEqual({ kind: 'skipped', reason: 'not-an-object' });
    expect(parseFeedItem([1, 2], 'api', '/')).toEqual({ kind: 'skipped', reason: 'not-an-object' });
    expect(parseFeedItem({ desc: 'no id' }, 'api', '/')).toEqual({ kind: 'skipped', reason: 'no-id' });
    expect(parseFeedItem(adItem({ id: 'not-a-number' }), 'api', '/')).toEqual({ kind: 'skipped', reason: 'invalid-ad' });
    // Wrong types inside ad_info degrade to empty values, not to a crash.
    expect(parseFeedItem(adItem({ ad_info: { web_url: 42, button_text: {} } }), 'api', '/')).toMatchObject({ kind: 'ad', sighting: { landingUrl: '', adKind: 'unknown' } });
  });

  it('reads itemList only from objects that have one', () => {
    expect(itemListOf({ statusCode: 0, itemList: [1, 2] })).toEqual([1, 2]);
    expect(itemListOf({ itemList: 'x' })).toEqual([]);
    expect(itemListOf(null)).toEqual([]);
  });
});

describe('unwrapLandingUrl', () => {
  it('peels nested and double-encoded TikTok redirect wrappers and sets tracking aside', () => {
    const once = `https://www.tiktok.com/link/v2?aid=1988&scene=ad&target=${encodeURIComponent(shopifyUrl)}`;
    const twice = `https://www.tiktok.com/link/v2?target=${encodeURIComponent(encodeURIComponent(once))}`;
    for (const wrapped of [once, twice]) {
      const result = unwrapLandingUrl(wrapped);
      expect(result?.url).toBe(shopifyUrl);
      expect(result?.tracking).toEqual({ utm_source: 'tiktok', utm_campaign: '__CAMPAIGN_NAME__', ttclid: 'abc' });
    }
    expect(unwrapLandingUrl(twice)?.hops).toBe(2);
  });

  it('refuses what is not an http(s) URL', () => {
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', '', 'not a url']) expect(unwrapLandingUrl(bad)).toBeNull();
  });

  it('leaves a non-TikTok /link URL alone', () => {
    const url = 'https://example.com/link/v2?target=https%3A%2F%2Fevil.example%2F';
    expect(unwrapLandingUrl(url)?.url).toBe(url);
  });

  it('knows TikTok Shop product URLs', () => {
    expect(isTikTokShopUrl('https://shop.tiktok.com/view/product/1729384756102938475?region=GB')).toBe(true);
    expect(isTikTokShopUrl('https://www.tiktok.com/shop/pdp/linen-shirt/1729384756102938475')).toBe(true);
    expect(isTikTokShopUrl('https://www.tiktok.com/@brand')).toBe(false);
    expect(isTikTokShopUrl('https://tiktok.com.evil.example/view/product/1')).toBe(false);
  });
});
