// @vitest-environment node
// The resolver against the local fake stores over real HTTPS (tests/unit/resolver-on-world.ts).
import { describe, expect, it } from 'vitest';
import { identifyProduct, type ProductRef } from '@/utils/shopify/product-url';
import { OTHER_STORE_HOST } from '../fixtures/world';
import { virtualClock } from './resolver-fake-store';
import { useWorld } from './resolver-on-world';

const on = useWorld();
const resolverOnWorld = on.resolver;
const ref = (url: string) => identifyProduct(url) as ProductRef;
const storeRequests = (host: string) => on.world.requests.filter((r) => r.host === host);

describe('resolver against the fake Shopify stores', () => {
  it('50 ads of one product: exactly one product request and one currency request reach the store', async () => {
    const { resolver } = resolverOnWorld();
    const before = storeRequests('demo-store.myshopify.com').length;
    const ad = ref('https://demo-store.myshopify.com/products/ratio-eight?variant=20230103873&ttclid=x');
    const rows = await Promise.all(Array.from({ length: 50 }, () => resolver.resolve(ad)));
    for (let i = 0; i < 50; i += 1) await resolver.resolve(ad);
    expect(rows[0]).toMatchObject({ status: 'ok', currency: 'USD', title: 'Ratio Eight' });
    expect(rows[0]?.variants).toHaveLength(8);
    expect(storeRequests('demo-store.myshopify.com').slice(before).map((r) => r.path).sort()).toEqual(['/cart.js', '/products/ratio-eight.js']);
  });

  it('reads each market in its own currency, JPY without decimals, and non-Latin handles', async () => {
    const { resolver } = resolverOnWorld();
    expect(await resolver.resolve(ref('https://shop.example-brand.com/products/trail-runner'))).toMatchObject({ status: 'ok', currency: 'USD', minPrice: 14000 });
    const cad = await resolver.resolve(ref('https://shop.example-brand.com/en-ca/products/trail-runner'));
    expect(cad).toMatchObject({ status: 'ok', currency: 'CAD', localePrefix: '/en-ca', minPrice: 19199 });
    // The market switch starts a new lowest price and records the currency in the history.
    expect(cad.priceHistory.map((p) => p.currency)).toEqual(['USD', 'CAD']);
    expect(await resolver.resolve(ref('https://tokyo-goods.myshopify.com/products/matcha-whisk-set'))).toMatchObject({ status: 'ok', currency: 'JPY', minPrice: 4800 });
    expect(await resolver.resolve(ref('https://demo-store.myshopify.com/products/kurtos-cu-scor%C8%9Bi%C8%99oara'))).toMatchObject({ status: 'ok', handle: 'kurtos-cu-scorțișoara' });
    expect(await resolver.resolve(ref('https://demo-store.myshopify.com/products/just-for-1-2'))).toMatchObject({ status: 'ok', requiresSellingPlan: true });
  });

  it('follows a renamed handle and stores the new one', async () => {
    const { resolver } = resolverOnWorld();
    expect(await resolver.resolve(ref('https://demo-store.myshopify.com/products/canvas-tote'))).toMatchObject({ status: 'ok', handle: 'classic-tote', key: 'demo-store.myshopify.com/canvas-tote' });
  });

  it('recognises a shop that is not on Shopify with one probe, then leaves it alone', async () => {
    const { resolver } = resolverOnWorld();
    const before = storeRequests(OTHER_STORE_HOST).length;
    expect(await resolver.resolve(ref(`https://${OTHER_STORE_HOST}/products/lamp`))).toMatchObject({ status: 'not-shopify' });
    expect(await resolver.resolve(ref(`https://${OTHER_STORE_HOST}/products/desk`))).toMatchObject({ status: 'not-shopify' });
    expect(storeRequests(OTHER_STORE_HOST).slice(before).map((r) => r.path)).toEqual(['/products/lamp.js', '/meta.json']);
  });

  it.each([
    [{ kind: 'not-found' as const }, 'not-found'],
    [{ kind: 'password' as const }, 'password-protected'],
    [{ kind: 'html' as const }, 'blocked'],
    [{ kind: 'truncated' as const }, 'invalid-response'],
    [{ kind: 'huge' as const, bytes: 3_000_000 }, 'invalid-response'],
    [{ kind: 'server-error' as const }, 'network'],
    [{ kind: 'rate-limited' as const, retryAfterSeconds: 3_600 }, 'rate-limited'],
  ])('gives the typed outcome for %o', async (fault, status) => {
    const { resolver } = resolverOnWorld();
    on.world.setFault('demo-store.myshopify.com', 'red-rain-coat', fault);
    const row = await resolver.resolve(ref('https://demo-store.myshopify.com/products/red-rain-coat'));
    expect(row.status).toBe(status);
    expect(row.detail.length).toBeGreaterThan(10);
  });

  it('times out a store that never answers', async () => {
    const { resolver } = resolverOnWorld({ timeoutMs: 300 });
    on.world.setFault('demo-store.myshopify.com', 'red-rain-coat', { kind: 'hang' });
    expect(await resolver.resolve(ref('https://demo-store.myshopify.com/products/red-rain-coat'))).toMatchObject({ status: 'network', detail: 'no answer within 300 ms' });
  });

  it('retries a 429 after its Retry-After and recovers', async () => {
    // The store lifts the limit while the resolver waits out Retry-After.
    const clock = virtualClock();
    const sleep = async (ms: number) => {
      if (ms >= 2_000) on.world.clearFaults();
      await clock.sleep(ms);
    };
    const { resolver } = resolverOnWorld({ now: clock.now, sleep });
    on.world.setFault('demo-store.myshopify.com', 'red-rain-coat', { kind: 'rate-limited', retryAfterSeconds: 2 });
    const before = storeRequests('demo-store.myshopify.com').length;
    expect(await resolver.resolve(ref('https://demo-store.myshopify.com/products/red-rain-coat'))).toMatchObject({ status: 'ok', currency: 'USD' });
    expect(storeRequests('demo-store.myshopify.com').slice(before).map((r) => [r.path, r.status])).toEqual([
      ['/products/red-rain-coat.js', 429],
      ['/products/red-rain-coat.js', 200],
      ['/cart.js', 200],
    ]);
  });
});
