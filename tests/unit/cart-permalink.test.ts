import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCartPermalink } from '@/utils/cart-permalink';

describe('buildCartPermalink', () => {
  it('builds the single- and multi-item forms, merging repeated variants', () => {
    expect(buildCartPermalink({ host: 'demo-store.myshopify.com', lines: [{ variantId: 39001, quantity: 1 }] })).toEqual({ ok: true, url: 'https://demo-store.myshopify.com/cart/39001:1' });
    const many = buildCartPermalink({ host: 'shop.example-brand.com', localePrefix: '/en-ca', lines: [{ variantId: 1, quantity: 2 }, { variantId: 2, quantity: 1 }, { variantId: 1, quantity: 1 }] });
    expect(many).toEqual({ ok: true, url: 'https://shop.example-brand.com/en-ca/cart/1:3,2:1' });
  });

  it('forwards only expanded utm tags, never click ids, and adds nothing of ours', () => {
    const result = buildCartPermalink({
      host: 'demo-store.myshopify.com',
      lines: [{ variantId: 5, quantity: 1 }],
      utm: { utm_source: 'tiktok', utm_campaign: '__CAMPAIGN_NAME__', ttclid: 'abc', ref: 'x' },
      storefront: true,
    });
    expect(result).toEqual({ ok: true, url: 'https://demo-store.myshopify.com/cart/5:1?utm_source=tiktok&storefront=true' });
  });

  it('refuses empty, zero, negative, non-integer and unsafe ids and quantities, and odd hosts', () => {
    const host = 'demo-store.myshopify.com';
    expect(buildCartPermalink({ host, lines: [] })).toEqual({ ok: false, reason: 'no-lines' });
    for (const variantId of [0, -1, 1.5, Number.NaN, 2 ** 60]) expect(buildCartPermalink({ host, lines: [{ variantId, quantity: 1 }] })).toEqual({ ok: false, reason: 'bad-variant' });
    for (const quantity of [0, -2, 0.5, 1000]) expect(buildCartPermalink({ host, lines: [{ variantId: 1, quantity }] })).toEqual({ ok: false, reason: 'bad-quantity' });
    for (const bad of ['evil.example/x?', 'user@host.com', 'localhost', '', 'a..b']) expect(buildCartPermalink({ host: bad, lines: [{ variantId: 1, quantity: 1 }] })).toEqual({ ok: false, reason: 'bad-host' });
    expect(buildCartPermalink({ host, localePrefix: '/../admin', lines: [{ variantId: 1, quantity: 1 }] })).toEqual({ ok: false, reason: 'bad-host' });
  });

  it('always yields a URL on the given host whose path lists exactly the lines', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ variantId: fc.integer({ min: 1, max: 2 ** 40 }), quantity: fc.integer({ min: 1, max: 20 }) }), { minLength: 1, maxLength: 8 }), (lines) => {
        const result = buildCartPermalink({ host: 'demo-store.myshopify.com', lines });
        if (!result.ok) return false;
        const url = new URL(result.url);
        const parsed = url.pathname.replace('/cart/', '').split(',').map((p) => p.split(':').map(Number));
        const total = (id: number) => lines.filter((l) => l.variantId === id).reduce((s, l) => s + l.quantity, 0);
        return url.host === 'demo-store.myshopify.com' && url.search === '' && parsed.every(([id, qty]) => qty === total(id!));
      }),
    );
  });
});
