import { describe, expect, it } from 'vitest';
import { commonUtm, planCheckout, type CheckoutSource } from '@/utils/popup/checkout';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import { product, saved, sighting, variant } from './popup-fixtures';

const host = 'demo-store.myshopify.com';
const tee = product(host, 'tee', [variant(101, 'S', 6500), variant(102, 'M', 6500, { available: false })]);
const box = product(host, 'fruit-box', [variant(201, 'Default Title', 3000, { requiresSellingPlan: true })], { requiresSellingPlan: true });
const tote = product(host, 'tote', [variant(301, 'Default Title', 2400)]);
const ad = (id: string, query: string) => sighting(id, `https://${host}/products/x?${query}`);

const src = (p: typeof tee, variantId: number, extra: Partial<ReturnType<typeof saved>> = {}, s?: ReturnType<typeof sighting>): CheckoutSource => ({ row: saved(p, variantId, extra), product: p, sighting: s });
const store = { host, localePrefix: '' };

describe('planCheckout', () => {
  it('puts every buyable item of the store in one permalink, newest first, with quantities', () => {
    const plan = planCheckout(store, [src(tee, 101, { quantity: 2, savedAt: 1 }), src(tote, 301, { savedAt: 2 })], DEFAULT_SETTINGS);
    expect(plan).toEqual({ kind: 'ready', url: `https://${host}/cart/301:1,101:2`, lines: 2, leftOut: [] });
  });

  it('leaves out sold-out, subscription-only and vanished variants, naming each', () => {
    const plan = planCheckout(store, [src(tee, 101), src(tee, 102), src(box, 201), src(tote, 999)], DEFAULT_SETTINGS);
    expect(plan).toMatchObject({ kind: 'ready', url: `https://${host}/cart/101:1`, lines: 1 });
    expect(plan.leftOut.map((l) => [l.reason, l.title]).sort()).toEqual([
      ['gone', 'tote'],
      ['selling-plan', 'fruit box'],
      ['unavailable', 'tee – M'],
    ]);
  });

  it('explains instead of sending when nothing is buyable or the store is password-protected', () => {
    expect(planCheckout(store, [src(box, 201)], DEFAULT_SETTINGS)).toMatchObject({ kind: 'blocked', reason: 'nothing-to-buy', leftOut: [{ reason: 'selling-plan' }] });
    const locked = { ...tote, status: 'password-protected' as const };
    expect(planCheckout(store, [src(tee, 101), { row: saved(locked, 301), product: locked, sighting: undefined }], DEFAULT_SETTINGS)).toMatchObject({ kind: 'blocked', reason: 'password-protected' });
    expect(planCheckout({ host: 'bad host', localePrefix: '' }, [src(tee, 101)], DEFAULT_SETTINGS)).toMatchObject({ kind: 'blocked', reason: 'invalid-store' });
  });

  it('keeps the ad market prefix and lands on the cart page when the setting says so', () => {
    const ca = { ...tee, localePrefix: '/en-ca' };
    const plan = planCheckout({ host, localePrefix: '/en-ca' }, [{ row: saved(ca, 101), product: ca, sighting: undefined }], { forwardUtm: true, checkoutLanding: 'cart' });
    expect(plan).toMatchObject({ kind: 'ready', url: `https://${host}/en-ca/cart/101:1?storefront=true` });
  });

  it('forwards the utm tags all ads agree on, only when allowed, never click ids or macros, nothing of ours', () => {
    const a = ad('1', 'utm_source=tiktok&utm_medium=paid&utm_campaign=spring&ttclid=abc&fbclid=z&ref=aff');
    const b = ad('2', 'utm_source=tiktok&utm_medium=paid&utm_campaign=summer&utm_content=__CID_NAME__&ttclid=def');
    const both = [src(tee, 101, { savedAt: 2 }, a), src(tote, 301, { savedAt: 1 }, b)];
    expect(planCheckout(store, both, DEFAULT_SETTINGS)).toMatchObject({ url: `https://${host}/cart/101:1,301:1?utm_source=tiktok&utm_medium=paid` });
    expect(planCheckout(store, [both[1]!], DEFAULT_SETTINGS)).toMatchObject({ url: `https://${host}/cart/301:1?utm_source=tiktok&utm_medium=paid&utm_campaign=summer` });
    expect(planCheckout(store, both, { ...DEFAULT_SETTINGS, forwardUtm: false })).toMatchObject({ url: `https://${host}/cart/101:1,301:1` });
  });
});

describe('commonUtm', () => {
  it('keeps only utm_* pairs present with one value in every ad', () => {
    expect(commonUtm([])).toEqual({});
    expect(commonUtm(['https://a.example/?utm_source=t&utm_x=1&gclid=2', 'https://a.example/?utm_source=t'])).toEqual({ utm_source: 't' });
    expect(commonUtm(['https://a.example/?utm_source=t', 'not a url'])).toEqual({});
  });
});
