import { describe, expect, it } from 'vitest';
import { isTikTokShopUrl, unwrapLandingUrl, unwrapLink, unwrapUrl } from '@/utils/tiktok/links';

const shopifyUrl = 'https://demo-store.myshopify.com/products/linen-shirt?utm_source=tiktok&utm_campaign=__CAMPAIGN_NAME__&utm_content=__CID_NAME__&ttclid=abc';

describe('unwrapLandingUrl', () => {
  it('peels nested and double-encoded TikTok redirect wrappers and sets tracking and macros aside', () => {
    const once = `https://www.tiktok.com/link/v2?aid=1988&scene=ad&target=${encodeURIComponent(shopifyUrl)}`;
    const twice = `https://www.tiktok.com/link/v2?target=${encodeURIComponent(encodeURIComponent(once))}`;
    for (const wrapped of [once, twice]) {
      const result = unwrapLandingUrl(wrapped);
      expect(result?.url).toBe(shopifyUrl);
      expect(result?.tracking).toEqual({ utm_source: 'tiktok', utm_campaign: '__CAMPAIGN_NAME__', utm_content: '__CID_NAME__', ttclid: 'abc' });
      expect(result?.macros).toEqual(['__CAMPAIGN_NAME__', '__CID_NAME__']);
    }
    expect(unwrapLandingUrl(twice)?.hops).toBe(2);
  });

  it('finds macros in the path and percent-encoded ones, but not lower-case or malformed ones', () => {
    expect(unwrapLandingUrl('https://shop.example/__AID__/p?x=%5F%5FCID%5F%5F')?.macros).toEqual(['__AID__', '__CID__']);
    expect(unwrapLandingUrl('https://shop.example/?a=__proto__&b=___&c=__X')?.macros).toEqual([]);
  });

  it('refuses what is not an http(s) URL, with a reason', () => {
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', '', 'not a url', 'mailto:a@b.c']) {
      expect(unwrapLandingUrl(bad)).toBeNull();
      expect(unwrapLink(bad)).toEqual({ ok: false, reason: 'not-http' });
    }
    expect(unwrapLink(`https://x.example/?q=${'a'.repeat(5000)}`)).toEqual({ ok: false, reason: 'too-long' });
    expect(unwrapLink('x'.repeat(100_000))).toEqual({ ok: false, reason: 'too-long' });
  });

  it('keeps a wrapper whose target is unusable as it is, rather than following it', () => {
    const bad = 'https://www.tiktok.com/link/v2?target=javascript%3Aalert(1)';
    expect(unwrapLandingUrl(bad)).toMatchObject({ url: bad, hops: 0 });
  });

  it('leaves a non-TikTok /link URL alone', () => {
    const url = 'https://example.com/link/v2?target=https%3A%2F%2Fevil.example%2F';
    expect(unwrapLandingUrl(url)?.url).toBe(url);
    const lookalike = 'https://tiktok.com.evil.example/link/v2?target=https%3A%2F%2Fevil.example%2F';
    expect(unwrapLandingUrl(lookalike)?.url).toBe(lookalike);
  });

  it('knows TikTok Shop product URLs', () => {
    expect(isTikTokShopUrl('https://shop.tiktok.com/view/product/1729384756102938475?region=GB')).toBe(true);
    expect(isTikTokShopUrl('https://www.tiktok.com/shop/pdp/linen-shirt/1729384756102938475')).toBe(true);
    expect(isTikTokShopUrl('https://www.tiktok.com/@brand')).toBe(false);
    expect(isTikTokShopUrl('https://tiktok.com.evil.example/view/product/1')).toBe(false);
    expect(isTikTokShopUrl('not a url')).toBe(false);
  });
});

describe('unwrapUrl', () => {
  it('gives what unwrapLink gives, without the audit parts', () => {
    for (const raw of [
      `https://www.tiktok.com/link/v2?target=${encodeURIComponent('https://shop.example/products/tee?utm_source=tiktok&ttclid=1')}`,
      'https://shop.example/__AID__/p',
      'javascript:alert(1)',
      'x'.repeat(40_000),
    ]) {
      const url = unwrapUrl(raw);
      const link = unwrapLink(raw);
      expect(url.ok ? { ok: true, url: url.url.href, hops: url.hops } : url).toEqual(link.ok ? { ok: true, url: link.link.url, hops: link.link.hops } : link);
    }
  });
});
