import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fetchStoreJson, parseRetryAfter } from '@/utils/shopify/fetch-json';
import { lookupProduct } from '@/utils/shopify/lookup';
import { identifyProduct, type ProductRef } from '@/utils/shopify/product-url';

const productJs = readFileSync('tests/fixtures/samples/shopify/product_js__ratio-eight__theme-scripts.json', 'utf8');
const cartJs = (currency: string) => JSON.stringify({ token: 'c1-x', items: [], currency });

type Route = (url: URL) => Response | Promise<Response>;
function fakeFetch(routes: Record<string, Route>, log: string[] = []): typeof fetch {
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    log.push(`${url.host}${url.pathname}`);
    expect(init?.credentials).toBe('omit');
    const route = routes[url.pathname];
    if (!route) return new Response('<html>Not found</html>', { status: 404 });
    return route(url);
  }) as typeof fetch;
}
const withUrl = (response: Response, url: string) => (Object.defineProperty(response, 'url', { value: url }), response);
const deps = (f: typeof fetch) => ({ fetch: f, timeoutMs: 200, maxBytes: 100_000, now: () => 1_000 });
const ref = identifyProduct('https://demo-store.myshopify.com/products/ratio-eight') as ProductRef;

describe('fetchStoreJson', () => {
  it('gives each store failure its typed status and a reason in words', async () => {
    const cases: [Route, string][] = [
      [() => new Response('{}', { status: 404 }), 'not-found'],
      [() => new Response('', { status: 429, headers: { 'retry-after': '7' } }), 'rate-limited'],
      [() => new Response('', { status: 503 }), 'network'],
      [() => new Response('<!doctype html><title>Verifying your connection</title>', { status: 200 }), 'blocked'],
      [() => new Response('{"product": {"id": 1, "ti', { status: 200 }), 'invalid-response'],
      [() => new Response('x'.repeat(200_000), { status: 200 }), 'invalid-response'],
      [(url) => withUrl(new Response('<html>', { status: 200 }), `https://${url.host}/password`), 'password-protected'],
      [() => withUrl(new Response('{}', { status: 200 }), 'https://elsewhere.example/'), 'blocked'],
      [() => new Promise<Response>(() => {}), 'network'],
    ];
    for (const [route, status] of cases) {
      const result = await fetchStoreJson('https://demo-store.myshopify.com/products/x.js', deps(fakeFetch({ '/products/x.js': route })));
      expect(result, status).toMatchObject({ ok: false, status });
      if (!result.ok) expect(result.detail.length).toBeGreaterThan(8);
    }
  });

  it("reports what the answer said about the server: Shopify's headers, a web page, the HTTP status", async () => {
    const shopify = { 'x-shopid': '1', 'powered-by': 'Shopify' };
    const wall = await fetchStoreJson(
      'https://demo-store.myshopify.com/products/x.js',
      deps(fakeFetch({ '/products/x.js': () => new Response('<!DOCTYPE html>', { status: 403, headers: { ...shopify, 'cf-mitigated': 'challenge' } }) })),
    );
    expect(wall).toMatchObject({ ok: false, status: 'blocked', httpStatus: 403, shopifyOrigin: true, detail: 'the store answered 403 (a bot check)' });
    const page = await fetchStoreJson('https://demo-store.myshopify.com/meta.json', deps(fakeFetch({ '/meta.json': () => new Response('<html>spa</html>') })));
    expect(page).toMatchObject({ ok: false, status: 'blocked', httpStatus: 200, shopifyOrigin: false, html: true });
    const ok = await fetchStoreJson('https://demo-store.myshopify.com/en-ca/cart.js', deps(fakeFetch({ '/en-ca/cart.js': () => new Response(cartJs('CAD'), { headers: shopify }) })));
    expect(ok).toMatchObject({ ok: true, json: { currency: 'CAD' }, httpStatus: 200, shopifyOrigin: true });
  });

  it('honours Retry-After in seconds or as a date, capped', () => {
    expect(parseRetryAfter('7', 0)).toBe(7000);
    expect(parseRetryAfter(new Date(60_000).toUTCString(), 0)).toBe(60_000);
    expect(parseRetryAfter('999999', 0)).toBe(3_600_000);
    expect(parseRetryAfter(null, 0)).toBeUndefined();
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
  });
});

describe('lookupProduct', () => {
  it('fetches the product and the currency of the same market, and normalises', async () => {
    const log: string[] = [];
    const f = fakeFetch({ '/products/ratio-eight.js': () => new Response(productJs), '/cart.js': () => new Response(cartJs('USD')) }, log);
    const { row } = await lookupProduct(ref, deps(f));
    expect(row).toMatchObject({ key: 'demo-store.myshopify.com/ratio-eight', status: 'ok', currency: 'USD', title: 'Ratio Eight' });
    expect(log.sort()).toEqual(['demo-store.myshopify.com/cart.js', 'demo-store.myshopify.com/products/ratio-eight.js']);
  });

  it('names the field when the product data is not what Shopify sends', async () => {
    const broken = JSON.stringify({ ...JSON.parse(productJs), variants: [{ id: 1, title: 'x', available: true, price: '12.00' }] });
    const f = fakeFetch({ '/products/ratio-eight.js': () => new Response(broken), '/cart.js': () => new Response(cartJs('USD')) });
    const { row } = await lookupProduct(ref, deps(f));
    expect(row).toMatchObject({ status: 'invalid-response', detail: 'unexpected product data at "variants.0.price"' });
  });
});
