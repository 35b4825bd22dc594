import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AdSighting } from '@/utils/model';
import { itemsOfResponse, itemsOfSigiState, itemsOfUniversalData } from '@/utils/tiktok/feed-json';
import { adSignalOf, itemListOf, parseFeedItem } from '@/utils/tiktok/items';
import { compactCandidate } from '@/utils/tiktok/tap-candidate';

const SAMPLES = 'tests/fixtures/samples/tiktok';
const readJson = (name: string) => JSON.parse(readFileSync(`${SAMPLES}/${name}`, 'utf8'));

// Real organic items captured from www.tiktok.com (PROVENANCE.md).
const fedo = readJson('api_recommend_item_list_items_2026-09_fedo.json');
const realItems = Object.entries(fedo).filter(([key]) => key.startsWith('itemWith')).map(([, value]) => value);
// A real Douyin *app* ad: the app-side field family (aweme_id + raw_ad_data).
const douyin = readJson('douyin_app_feed_raw_ad_data_2020-10.json');

const shopifyUrl = 'https://demo-store.myshopify.com/products/linen-shirt?utm_source=tiktok&utm_campaign=__CAMPAIGN_NAME__&ttclid=abc';
const adItem = (overrides: Record<string, unknown> = {}) => ({
  id: '7400000000000000001',
  desc: 'Linen season',
  author: { uniqueId: 'brand.official', nickname: 'Brand' },
  isAd: false,
  ad_info: { web_url: shopifyUrl, creative_id: 1800000000000001, log_extra: '{"req_id":"x"}', button_text: 'Shop now' },
  ...overrides,
});
const sightingOf = (raw: unknown) => {
  const parsed = parseFeedItem(raw, 'api', '/foryou');
  if (parsed.kind !== 'ad') throw new Error(`expected an ad, got ${JSON.stringify(parsed)}`);
  return parsed.sighting;
};

describe('the samples', () => {
  it('covers every sample file (a new sample needs a test here)', () => {
    expect(readdirSync(SAMPLES).sort()).toEqual([
      'PROVENANCE.md',
      'api_recommend_item_list_items_2026-09_fedo.json',
      'dom_foryou_item_2022-03_tktrex.html', // tests/unit/dom-detector.test.ts
      'douyin_app_feed_raw_ad_data_2020-10.json',
    ]);
  });

  it('treats both real captured items (API and React-state shapes) as organic, directly and through the tap', () => {
    expect(realItems).toHaveLength(2);
    for (const item of realItems) {
      expect(parseFeedItem(item, 'api', '/foryou')).toEqual({ kind: 'organic', itemId: (item as { id: string }).id });
      expect(compactCandidate(item)).toBeNull();
    }
  });

  it('reads the Douyin app ad (raw_ad_data) as an ad, with its own signal, directly and through the tap', () => {
    const expected = {
      itemId: '6882963188636323076',
      author: '',
      caption: '',
      ctaText: '查看详情',
      landingUrlRaw: douyin.raw_ad_data.web_url,
      landingUrl: douyin.raw_ad_data.web_url,
      adKind: 'external',
      source: 'api',
      page: '/foryou',
    };
    expect(parseFeedItem(douyin, 'api', '/foryou')).toMatchObject({ kind: 'ad', signal: 'raw_ad_data', sighting: expected });
    expect(parseFeedItem(compactCandidate(douyin), 'api', '/foryou')).toMatchObject({ kind: 'ad', sighting: expected });
    // An app item without the ad object is organic like any other.
    expect(parseFeedItem({ aweme_id: '6882963188636323076', raw_ad_data: null }, 'api', '/')).toEqual({ kind: 'organic', itemId: '6882963188636323076' });
  });
});

describe('parseFeedItem', () => {
  it('never takes a caption or branded content for an ad (§3.3)', () => {
    const organic = { id: '7400000000000000002', desc: 'SHOP NOW 🔥 link in bio #ad #sponsored Sponsored', author: 'someone', isAd: false };
    expect(parseFeedItem(organic, 'api', '/foryou')).toEqual({ kind: 'organic', itemId: '7400000000000000002' });
    const branded = { ...organic, adLabelVersion: 2, BAInfo: '@brand', isECVideo: 1, brandOrganicType: 1, adAuthorization: true, AnchorTypes: ['33'] };
    expect(parseFeedItem(branded, 'api', '/foryou').kind).toBe('organic');
    for (const notAd of [{ isAd: 'true' }, { isTT4BAds: 1 }, { ad_info: null }, { ad_info: 'x' }, { ad_info: [] }]) {
      expect(parseFeedItem({ ...organic, ...notAd }, 'api', '/').kind).toBe('organic');
    }
  });

  it('turns an item with ad_info into a sighting with its landing URL', () => {
    const parsed = parseFeedItem(adItem(), 'api', '/foryou');
    expect(parsed).toEqual({
      kind: 'ad',
      signal: 'ad_info',
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
    expect(parseFeedItem({ id: '7400000000000000003', isTT4BAds: true }, 'ssr', '/foryou')).toMatchObject({ kind: 'ad', signal: 'isTT4BAds', sighting: { adKind: 'unknown', source: 'ssr' } });
    expect(parseFeedItem({ id: 7400000000000003, isAd: true }, 'prefetch', '/')).toMatchObject({ kind: 'ad', signal: 'isAd', sighting: { itemId: '7400000000000003' } });
    expect(sightingOf(adItem({ ad_info: { web_url: 'https://www.tiktok.com/view/product/1729384756102938475?region=US' } })).adKind).toBe('tiktok-shop');
    expect(sightingOf(adItem({ ad_info: { web_url: 'https://play.google.com/store/apps/details?id=com.example.game' } })).adKind).toBe('external');
  });

  it('peels nested redirect wrappers off the landing URL and keeps the raw one', () => {
    const once = `https://www.tiktok.com/link/v2?aid=1988&scene=ad&target=${encodeURIComponent(shopifyUrl)}`;
    const twice = `https://www.tiktok.com/link/v2?target=${encodeURIComponent(encodeURIComponent(once))}`;
    const sighting = sightingOf(adItem({ ad_info: { web_url: twice } }));
    expect(sighting).toMatchObject({ landingUrlRaw: twice, landingUrl: shopifyUrl, adKind: 'product-link' });
  });

  it('skips malformed items with a counted reason instead of throwing', () => {
    expect(parseFeedItem(null, 'api', '/')).toEqual({ kind: 'skipped', reason: 'not-an-object' });
    expect(parseFeedItem([1, 2], 'api', '/')).toEqual({ kind: 'skipped', reason: 'not-an-object' });
    expect(parseFeedItem('7400000000000000001', 'api', '/')).toEqual({ kind: 'skipped', reason: 'not-an-object' });
    expect(parseFeedItem({ desc: 'no id' }, 'api', '/')).toEqual({ kind: 'skipped', reason: 'no-id' });
    for (const id of ['not-a-number', '', '12345678901234567890123456', 7.5, -1, 2 ** 60, {}, true]) {
      expect(parseFeedItem(adItem({ id }), 'api', '/')).toEqual({ kind: 'skipped', reason: 'bad-id' });
    }
    // Wrong types everywhere degrade to empty values, not to a crash.
    const wrong = sightingOf(adItem({ desc: 42, author: ['x'], ad_info: { web_url: 42, button_text: {} } }));
    expect(wrong).toMatchObject({ caption: '', author: '', ctaText: '', landingUrl: '', landingUrlRaw: '', adKind: 'unknown' });
    expect(sightingOf(adItem({ author: { uniqueId: 7 } })).author).toBe('');
  });

  it('refuses non-http landing URLs but keeps the ad', () => {
    for (const web_url of ['javascript:alert(1)', 'data:text/html,<script>x</script>', 'ftp://x.example/', '//evil.example/']) {
      expect(sightingOf(adItem({ ad_info: { web_url } }))).toMatchObject({ landingUrl: '', adKind: 'unknown', landingUrlRaw: web_url });
    }
  });

  it('truncates huge text at a character boundary and keeps hostile strings as inert text', () => {
    const huge = sightingOf(adItem({ desc: `${'a'.repeat(4999)}😀tail`, author: { uniqueId: 'x'.repeat(10_000) }, ad_info: { web_url: `${shopifyUrl}&pad=${'p'.repeat(10_000)}`, button_text: 'b'.repeat(500) } }));
    expect(huge.caption).toBe('a'.repeat(4999)); // the emoji would not fit whole, so it is left out
    expect(huge.author).toHaveLength(200);
    expect(huge.ctaText).toHaveLength(200);
    expect(huge.landingUrlRaw).toHaveLength(4096);
    expect(huge.landingUrl).toBe(''); // longer than a landing URL may be: refused, not cut
    expect(AdSighting.safeParse(huge).success).toBe(true);

    const hostile = '<img src=x onerror="alert(1)"> </script><script>alert(2)</script> &lt;b&gt;';
    const parsed = sightingOf(adItem({ desc: hostile, author: { uniqueId: 'evil\u202Eowner\u0000' }, ad_info: { web_url: shopifyUrl, button_text: 'Shop\u200B now\n' } }));
    expect(parsed.caption).toBe(hostile);
    expect(parsed.author).toBe('evilowner');
    expect(parsed.ctaText).toBe('Shop now');
    expect(sightingOf(adItem({ desc: 'lone \uD800 surrogate' })).caption).toBe('lone \uFFFD surrogate');
  });

  it('is not fooled by prototype keys in page JSON', () => {
    const item = JSON.parse('{"id":"7400000000000000009","__proto__":{"ad_info":{"web_url":"https://x.example/"}},"constructor":{"isAd":true}}');
    expect(parseFeedItem(item, 'api', '/')).toEqual({ kind: 'organic', itemId: '7400000000000000009' });
  });

  it('names the marker field with adSignalOf', () => {
    expect(adSignalOf({ isAd: true, ad_info: {} })).toBe('ad_info');
    expect(adSignalOf({ isAd: false })).toBeNull();
  });
});

describe('where the items sit', () => {
  const a = { id: '1000001' };
  const b = { id: '1000002' };
  it('reads feed responses: itemList, item detail, search shapes', () => {
    expect(itemListOf({ statusCode: 0, itemList: [a, b] })).toEqual([a, b]);
    expect(itemsOfResponse({ itemInfo: { itemStruct: a } })).toEqual([a]);
    expect(itemsOfResponse({ item_list: [a] })).toEqual([a]);
    expect(itemsOfResponse({ data: [{ type: 1, item: a }, { type: 4, user: {} }, { item: b }] })).toEqual([a, b]);
    for (const junk of [null, 'x', 42, [a], { itemList: 'x' }, { itemList: { 0: a } }]) expect(itemListOf(junk)).toEqual([]);
    expect(itemListOf({ itemList: Array.from({ length: 2000 }, () => a) })).toHaveLength(500);
  });

  it('reads the rehydration blob (For You and a video page) and the legacy SIGI_STATE', () => {
    expect(itemsOfUniversalData({ __DEFAULT_SCOPE__: { 'webapp.updated-items': [a], 'webapp.video-detail': { itemInfo: { itemStruct: b } } } })).toEqual([a, b]);
    expect(itemsOfUniversalData({ __DEFAULT_SCOPE__: { 'webapp.app-context': {} } })).toEqual([]);
    expect(itemsOfSigiState({ ItemModule: { 1000001: a, 1000002: b }, UserModule: {} })).toEqual([a, b]);
    expect(itemsOfSigiState({ ItemModule: [a] })).toEqual([]);
  });
});
