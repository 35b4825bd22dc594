/**
 * Failures the fuzz properties found (tests/fuzz/), each kept as a plain test of the
 * counterexample fast-check shrank it to, so a regression fails `npm test` by name.
 */
import { describe, expect, it } from 'vitest';
import { buildCartPermalink } from '@/utils/cart-permalink';
import { absoluteImageUrl } from '@/utils/shopify/product-schema';
import { identifyProduct, parseProductRef } from '@/utils/shopify/product-url';
import { parseFeedItem } from '@/utils/tiktok/items';
import { compactCandidate } from '@/utils/tiktok/tap-candidate';

describe('fuzz findings', () => {
  it('parseProductRef returns null, not a URIError, for a stored handle with a lone surrogate', () => {
    expect(parseProductRef({ kind: 'product', host: 'a.aa', handle: '\uD800', localePrefix: '', variantId: null })).toBeNull();
  });

  it('stores in a /zh-hant or /es-419 market get a checkout link like any other market', () => {
    for (const url of ['https://a.aa/es-419/products/%26', 'https://shop.example.com/zh-hant/products/tea']) {
      const ref = identifyProduct(url);
      expect(ref.kind).toBe('product');
      if (ref.kind !== 'product') continue;
      expect(buildCartPermalink({ host: ref.host, localePrefix: ref.localePrefix, lines: [{ variantId: 1, quantity: 1 }] })).toEqual({
        ok: true,
        url: `https://${ref.host}${ref.localePrefix}/cart/1:1`,
      });
    }
  });

  it('a permalink host the URL parser would rewrite to an IP address is refused', () => {
    for (const host of ['0x7f.1', '127.1', '2130706433']) {
      expect(buildCartPermalink({ host, lines: [{ variantId: 1, quantity: 1 }] })).toEqual({ ok: false, reason: 'bad-host' });
    }
  });

  it('an unexpanded macro with digits (__CID1__) is not forwarded to checkout', () => {
    const result = buildCartPermalink({ host: 'a.aa', lines: [{ variantId: 1, quantity: 1 }], utm: { utm_source: '__CID1__', utm_medium: 'paid' } });
    expect(result).toEqual({ ok: true, url: 'https://a.aa/cart/1:1?utm_medium=paid' });
  });

  it('the tap keeps the landing URL and CTA of an ad object with more fields than it copies', () => {
    const adInfo: Record<string, unknown> = {};
    for (let i = 0; i < 50; i += 1) adInfo[`f${i}`] = i;
    Object.assign(adInfo, { button_text: 'Shop now', web_url: 'https://demo-store.myshopify.com/products/x' });
    const item = { id: '7300000000000000001', ad_info: adInfo };
    expect(parseFeedItem(compactCandidate(item), 'api', '/foryou')).toEqual(parseFeedItem(item, 'api', '/foryou'));
  });

  // Found while building the hostile store (not by fast-check): the popup loads product images.
  it('a product image on a third-party host is dropped, so a store cannot plant a tracking pixel in the popup', () => {
    expect(absoluteImageUrl('https://tracker.example/p.gif', 'shop.example.com')).toBeNull();
    expect(absoluteImageUrl('//shop.example.com:8443/a.png', 'shop.example.com')).toBeNull();
    expect(absoluteImageUrl('//cdn.shopify.com/s/files/1/a.png', 'shop.example.com')).toBe('https://cdn.shopify.com/s/files/1/a.png');
    expect(absoluteImageUrl('/cdn/shop/products/a.png', 'shop.example.com')).toBe('https://shop.example.com/cdn/shop/products/a.png');
  });
});
