import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { currencyExponent, formatMoney, shopifyCentsToMinor } from '@/utils/money';
import type { ProductKey } from '@/utils/model';
import { absoluteImageUrl, AjaxProduct, normaliseAjaxProduct } from '@/utils/shopify/product-schema';
import { identifyProduct, isPublicStoreHost, productEndpoint, productKeyOf } from '@/utils/shopify/product-url';

const sample = (name: string) => JSON.parse(readFileSync(`tests/fixtures/samples/shopify/${name}`, 'utf8'));

describe('identifyProduct', () => {
  it('reads every product URL shape Shopify uses', () => {
    const cases: [string, Partial<ReturnType<typeof identifyProduct>>][] = [
      ['https://demo-store.myshopify.com/products/linen-shirt', { host: 'demo-store.myshopify.com', localePrefix: '', handle: 'linen-shirt', variantId: null }],
      ['https://Shop.Example-Brand.com/collections/summer/products/linen-shirt/', { host: 'shop.example-brand.com', handle: 'linen-shirt' }],
      ['https://shop.example-brand.com/en-ca/products/linen-shirt?variant=39001&ttclid=x', { localePrefix: '/en-ca', handle: 'linen-shirt', variantId: 39001 }],
      ['https://shop.example-brand.com/fr/collections/all/products/chemise', { localePrefix: '/fr', handle: 'chemise' }],
      ['https://davidan.md/products/kurtos-cu-scor%C8%9Bi%C8%99oara', { handle: 'kurtos-cu-scorțișoara' }],
    ];
    for (const [url, expected] of cases) expect(identifyProduct(url)).toMatchObject({ kind: 'product', ...expected });
  });

  it('records non-product pages and non-https links as such', () => {
    expect(identifyProduct('https://demo-store.myshopify.com/')).toEqual({ kind: 'not-product', reason: 'no-product-path' });
    expect(identifyProduct('https://demo-store.myshopify.com/collections/summer')).toMatchObject({ kind: 'not-product' });
    expect(identifyProduct('http://demo-store.myshopify.com/products/x')).toEqual({ kind: 'not-product', reason: 'not-https' });
    expect(identifyProduct('https://demo-store.myshopify.com/products/%E0%A4%A')).toMatchObject({ kind: 'not-product' });
    expect(identifyProduct('nonsense')).toEqual({ kind: 'not-product', reason: 'not-a-url' });
    expect(identifyProduct('https://x.myshopify.com/products/a?variant=-1')).toMatchObject({ variantId: null });
  });

  it('builds the endpoint from the parsed parts, re-encoding the handle', () => {
    const ref = identifyProduct('https://davidan.md/ro/products/kurtos-cu-scor%C8%9Bi%C8%99oara');
    if (ref.kind !== 'product') throw new Error('expected a product');
    expect(productEndpoint(ref)).toBe('https://davidan.md/ro/products/kurtos-cu-scor%C8%9Bi%C8%99oara.js');
    expect(productKeyOf(ref)).toBe('davidan.md/kurtos-cu-scorțișoara');
  });

  it('only lets named public hosts through', () => {
    expect(isPublicStoreHost('demo-store.myshopify.com')).toBe(true);
    for (const host of ['127.0.0.1', 'localhost', 'printer.local', 'intranet', 'nas.home.arpa', 'a_b.com']) expect(isPublicStoreHost(host)).toBe(false);
  });
});

describe('Ajax product schema and normalisation', () => {
  it('accepts the real Ajax samples and keeps integer minor units', () => {
    const raw = sample('product_js__ratio-eight__theme-scripts.json');
    const parsed = AjaxProduct.parse(raw);
    const row = normaliseAjaxProduct(parsed, { key: 'h/ratio' as ProductKey, host: 'h.myshopify.com', currency: 'USD', fetchedAt: 5 });
    expect(row.status).toBe('ok');
    expect(row.variants.length).toBe(raw.variants.length);
    expect(row.variants[0]).toMatchObject({ price: raw.variants[0].price });
    expect(row.variants.every((v) => Number.isInteger(v.price))).toBe(true);
    expect(AjaxProduct.safeParse(sample('product_js__red-rain-coat__shopify-docs-example.json')).success).toBe(true);
  });

  it('rescales zero- and three-decimal currencies and drops non-sales', () => {
    const product = AjaxProduct.parse({ id: 1, title: 'Tea', handle: 'tea', variants: [{ id: 2, title: 'Default', available: true, price: 100000, compare_at_price: 100000 }] });
    const jpy = normaliseAjaxProduct(product, { key: 'k' as ProductKey, host: 'h', currency: 'JPY', fetchedAt: 0 });
    expect(jpy.variants[0]).toMatchObject({ price: 1000, compareAtPrice: null });
    expect(shopifyCentsToMinor(1234, 'KWD')).toBe(12340);
    expect(shopifyCentsToMinor(12950, 'JPY')).toBe(130);
    expect(currencyExponent('usd')).toBe(2);
    expect(formatMoney(1000, 'JPY', 'en-US')).toBe('¥1,000');
    expect(formatMoney(12340, 'KWD', 'en-US').replace(/\s/g, ' ')).toBe('KWD 12.340');
  });

  it('names the field that failed', () => {
    const result = AjaxProduct.safeParse({ id: 1, title: 'x', handle: 'x', variants: [{ id: 2, title: 'y', available: 'yes', price: 1 }] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['variants', 0, 'available']);
  });

  it('makes protocol-relative images absolute and refuses other schemes', () => {
    expect(absoluteImageUrl('//shop.example.com/cdn/shop/a.jpg', 'shop.example.com')).toBe('https://shop.example.com/cdn/shop/a.jpg');
    expect(absoluteImageUrl('/cdn/shop/a.jpg', 'shop.example.com')).toBe('https://shop.example.com/cdn/shop/a.jpg');
    expect(absoluteImageUrl('javascript:alert(1)', 'shop.example.com')).toBeNull();
    expect(absoluteImageUrl(null, 'h')).toBeNull();
  });
});
