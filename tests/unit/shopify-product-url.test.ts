import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cartEndpoint,
  identifyProduct,
  metaEndpoint,
  parseProductRef,
  productEndpoint,
  productKeyOf,
  productPageUrl,
  type ProductRef,
} from '@/utils/shopify/product-url';
import { looksLikeProductUrl } from '@/utils/shopify/product-path';
import { checkStoreUrl } from '@/utils/shopify/store-host-guard';

const product = (url: string): ProductRef => {
  const ref = identifyProduct(url);
  if (ref.kind !== 'product') throw new Error(`expected a product: ${url}`);
  return ref;
};

describe('identifyProduct', () => {
  it.each([
    ['https://demo-store.myshopify.com/products/linen-shirt', { host: 'demo-store.myshopify.com', localePrefix: '', handle: 'linen-shirt', variantId: null }],
    ['https://demo-store.myshopify.com/products/linen-shirt/', { handle: 'linen-shirt' }],
    ['https://demo-store.myshopify.com//products//linen-shirt//', { handle: 'linen-shirt' }],
    ['https://Shop.Example-Brand.com/collections/summer/products/linen-shirt/', { host: 'shop.example-brand.com', handle: 'linen-shirt' }],
    ['https://shop.example-brand.com/en-ca/products/linen-shirt?variant=39001&ttclid=x', { localePrefix: '/en-ca', handle: 'linen-shirt', variantId: 39001 }],
    ['https://shop.example-brand.com/EN-CA/products/Linen-Shirt', { localePrefix: '/en-ca', handle: 'linen-shirt' }],
    ['https://shop.example-brand.com/fr/collections/all/products/chemise', { localePrefix: '/fr', handle: 'chemise' }],
    ['https://shop.example-brand.com/zh-hant/products/tee', { localePrefix: '/zh-hant', handle: 'tee' }],
    ['https://shop.example-brand.com/es-419/products/tee', { localePrefix: '/es-419', handle: 'tee' }],
    ['https://davidan.md/products/kurtos-cu-scor%C8%9Bi%C8%99oara', { handle: 'kurtos-cu-scorțișoara' }],
    ['https://davidan.md/products/kurtos-cu-scorțișoara', { handle: 'kurtos-cu-scorțișoara' }],
    // NFD (s + combining comma) and NFC spellings of one handle are one product.
    ['https://davidan.md/products/kurtos-cu-scort%CC%A6is%CC%A6oara', { handle: 'kurtos-cu-scorțișoara' }],
    ['https://tokyo-goods.myshopify.com/products/%E6%8A%B9%E8%8C%B6', { handle: '抹茶' }],
    ['https://shop.example.co.il/products/%D7%A1%D7%91%D7%95%D7%9F', { handle: 'סבון' }],
    ['https://demo-store.myshopify.com/products/tee.js', { handle: 'tee' }],
    ['https://demo-store.myshopify.com/products/tee?variant=1&variant=2', { variantId: 1 }],
    ['https://demo-store.myshopify.com/products/tee?variant=-1', { variantId: null }],
    ['https://demo-store.myshopify.com/products/tee?variant=99999999999999999', { variantId: null }],
    ['https://demo-store.myshopify.com/products/tee?variant=__VARIANT__', { variantId: null }],
    ['https://demo-store.myshopify.com/products/tee#reviews', { handle: 'tee' }],
  ])('reads %s', (url, expected) => {
    expect(identifyProduct(url)).toMatchObject({ kind: 'product', ...expected });
  });

  it.each([
    ['https://demo-store.myshopify.com/', { reason: 'no-product-path', host: 'demo-store.myshopify.com', page: 'home' }],
    ['https://demo-store.myshopify.com/en-ca', { reason: 'no-product-path', page: 'home' }],
    ['https://demo-store.myshopify.com/collections/summer', { reason: 'no-product-path', page: 'collection' }],
    ['https://demo-store.myshopify.com/collections/summer/products', { reason: 'no-product-path', page: 'collection' }],
    ['https://demo-store.myshopify.com/products', { reason: 'no-product-path', page: 'collection' }],
    ['https://demo-store.myshopify.com/cart', { reason: 'no-product-path', page: 'cart' }],
    ['https://demo-store.myshopify.com/search?q=tee', { reason: 'no-product-path', page: 'search' }],
    ['https://demo-store.myshopify.com/pages/about', { reason: 'no-product-path', page: 'page' }],
    ['https://demo-store.myshopify.com/products/a/b', { reason: 'no-product-path', page: 'collection' }],
    ['https://demo-store.myshopify.com/products/%E0%A4%A', { reason: 'no-product-path' }],
    ['https://demo-store.myshopify.com/products/a%2Fb', { reason: 'no-product-path' }],
    ['https://demo-store.myshopify.com/products/a%00b', { reason: 'no-product-path' }],
    ['https://demo-store.myshopify.com/products/a%E2%80%AEb', { reason: 'no-product-path' }],
    ['https://demo-store.myshopify.com/products/a.b', { reason: 'no-product-path' }],
    [`https://demo-store.myshopify.com/products/${'a'.repeat(256)}`, { reason: 'no-product-path' }],
    ['https://www.other-store.example/item/42', { reason: 'no-product-path', page: 'other' }],
    ['http://demo-store.myshopify.com/products/x', { reason: 'not-https' }],
    ['javascript:alert(1)//products/x', { reason: 'not-https' }],
    ['https://127.0.0.1/products/x', { reason: 'refused-host' }],
    ['https://localhost/products/x', { reason: 'refused-host' }],
    ['https://user@demo-store.myshopify.com/products/x', { reason: 'refused-host' }],
    ['https://demo-store.myshopify.com:8443/products/x', { reason: 'refused-host' }],
    ['nonsense', { reason: 'not-a-url' }],
  ])('reports %s as not a product', (url, expected) => {
    expect(identifyProduct(url)).toMatchObject({ kind: 'not-product', ...expected });
  });

  it('builds every endpoint from the parsed parts, re-encoding the handle', () => {
    const ref = product('https://davidan.md/ro/products/kurtos-cu-scor%C8%9Bi%C8%99oara?variant=5');
    expect(productEndpoint(ref)).toBe('https://davidan.md/ro/products/kurtos-cu-scor%C8%9Bi%C8%99oara.js');
    expect(productEndpoint(ref, 'json')).toBe('https://davidan.md/ro/products/kurtos-cu-scor%C8%9Bi%C8%99oara.json');
    expect(cartEndpoint(ref)).toBe('https://davidan.md/ro/cart.js');
    expect(metaEndpoint(ref.host)).toBe('https://davidan.md/meta.json');
    expect(productPageUrl(ref)).toBe('https://davidan.md/ro/products/kurtos-cu-scor%C8%9Bi%C8%99oara?variant=5');
    expect(productKeyOf(ref)).toBe('davidan.md/kurtos-cu-scorțișoara');
    // A forged prefix is dropped, never spliced into the path.
    expect(productEndpoint({ ...ref, localePrefix: '/../admin' })).toBe('https://davidan.md/products/kurtos-cu-scor%C8%9Bi%C8%99oara.js');
  });

  it('trusts a stored ref only when it is exactly what identifyProduct makes', () => {
    const ref = product('https://shop.example-brand.com/en-ca/products/tee?variant=7');
    expect(parseProductRef(JSON.parse(JSON.stringify(ref)))).toEqual(ref);
    for (const forged of [{ ...ref, host: '127.0.0.1' }, { ...ref, handle: 'A/B' }, { ...ref, localePrefix: '/x/y' }, { ...ref, variantId: 1.5 }, { ...ref, kind: 'x' }, null, 'tee']) {
      expect(parseProductRef(forged)).toBeNull();
    }
  });
});

describe('identifyProduct properties', () => {
  const anyUrlish = fc.oneof(
    fc.string(),
    fc.webUrl({ withQueryParameters: true, withFragments: true }),
    fc.tuple(fc.constantFrom('https://', 'http://', 'https://x.myshopify.com/', ''), fc.string({ unit: 'grapheme' })).map(([a, b]) => a + b),
  );
  const goodChars = fc.string({ unit: fc.constantFrom('a', 'z', '0', '-', '_', 'é', 'ț', '抹', 'ש', 'É', 'Ⅸ', 'ﬁ', 'İ', 'ß'), minLength: 1, maxLength: 40 });
  const anyChars = fc.string({ unit: fc.oneof(fc.constantFrom(' ', '/', '%', '.', '?', '\u202e'), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })), minLength: 1, maxLength: 10 });
  const handleChars = fc.oneof({ arbitrary: goodChars, weight: 4 }, { arbitrary: anyChars, weight: 1 });
  const storeUrls = fc
    .tuple(
      fc.domain(),
      fc.constantFrom('', '/en-ca', '/fr', '/EN', '/zh-hant', '/collections/all'),
      handleChars,
      fc.option(fc.bigInt({ min: 0n, max: 10n ** 17n })),
    )
    .map(([host, prefix, handle, variant]) => `https://${host}${prefix}/products/${encodeURIComponent(handle)}${variant === null ? '' : `?variant=${variant}`}`);

  it('never throws on any string', () => {
    fc.assert(fc.property(anyUrlish, (s) => void identifyProduct(s)), { numRuns: 2000 });
  });

  it('makes endpoints that pass the guard, on the same host, with only the parsed handle in the path', () => {
    fc.assert(
      fc.property(fc.oneof(storeUrls, anyUrlish), (s) => {
        const ref = identifyProduct(s);
        if (ref.kind !== 'product') return;
        for (const endpoint of [productEndpoint(ref), productEndpoint(ref, 'json'), cartEndpoint(ref), metaEndpoint(ref.host)]) {
          const checked = checkStoreUrl(endpoint);
          expect(checked.ok, endpoint).toBe(true);
          if (!checked.ok) return;
          expect(checked.url.hostname).toBe(ref.host);
          expect(checked.url.search + checked.url.hash).toBe('');
        }
        expect(new URL(productEndpoint(ref)).pathname).toBe(`${ref.localePrefix}/products/${encodeURIComponent(ref.handle)}.js`);
      }),
      { numRuns: 1000 },
    );
  });

  it('reads its own product page URL back to the same ref', () => {
    let products = 0;
    fc.assert(
      fc.property(storeUrls, (s) => {
        const ref = identifyProduct(s);
        if (ref.kind !== 'product') return;
        products += 1;
        expect(identifyProduct(productPageUrl(ref))).toEqual(ref);
      }),
      { numRuns: 1000 },
    );
    // Most generated URLs are products, so the property is not vacuous.
    expect(products).toBeGreaterThan(400);
  });
});

describe('looksLikeProductUrl, the content script hint', () => {
  it.each([
    ['https://demo-store.myshopify.com/products/linen-shirt', true],
    ['https://shop.example-brand.com/fr/collections/all/products/chemise/', true],
    // Shape only: the host guard and the handle's characters are the background's to judge.
    ['https://127.0.0.1/products/tee', true],
    ['https://shop.localhost/products/tee', true],
    ['https://demo-store.myshopify.com/products/a.b', true],
    ['http://demo-store.myshopify.com/products/tee', false],
    ['https://demo-store.myshopify.com/collections/summer', false],
    ['https://demo-store.myshopify.com/products/tee/reviews', false],
    ['https://demo-store.myshopify.com/', false],
    ['not a url', false],
  ])('%s → %s', (url, expected) => {
    expect(looksLikeProductUrl(url)).toBe(expected);
  });

  it('never misses a URL identifyProduct takes for a product', () => {
    const urls = fc.oneof(
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      fc
        .tuple(fc.domain(), fc.constantFrom('', '/en-ca', '/FR', '/collections/x', '//', '/zz-999'), fc.constantFrom('/products/', '/products//', '/product/'), fc.string())
        .map(([host, prefix, products, handle]) => `https://${host}${prefix}${products}${handle}`),
    );
    let products = 0;
    fc.assert(
      fc.property(urls, (url) => {
        if (identifyProduct(url).kind !== 'product') return;
        products += 1;
        expect(looksLikeProductUrl(url)).toBe(true);
      }),
      { numRuns: 2000 },
    );
    expect(products).toBeGreaterThan(200);
  });
});
