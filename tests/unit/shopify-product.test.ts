import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { currencyExponent, decimalToMinor, formatMoney, shopifyCentsToMinor } from '@/utils/money';
import type { ProductKey, ProductRow } from '@/utils/model';
import { JsonProductEnvelope, JsonProductsPage, normaliseJsonProduct } from '@/utils/shopify/product-json-schema';
import { absoluteImageUrl, AjaxProduct, normaliseAjaxProduct } from '@/utils/shopify/product-schema';
import { CartCurrency, failedField, ShopMeta } from '@/utils/shopify/store-schema';

const raw = (name: string) => readFileSync(`tests/fixtures/samples/shopify/${name}`, 'utf8');
const sample = (name: string) => JSON.parse(raw(name));
const where = (currency = 'USD', host = 'shop.example.com') => ({ key: `${host}/x` as ProductKey, host, currency, fetchedAt: 5 });

function jsonRow(product: unknown, currency = 'EUR'): ProductRow {
  const result = normaliseJsonProduct(product as never, where(currency));
  if (!result.ok) throw new Error(`money at ${result.field}`);
  return result.row;
}

function expectWellFormed(row: ProductRow) {
  expect(row.status).toBe('ok');
  expect(structuredClone(row)).toEqual(row);
  for (const v of row.variants) {
    expect(Number.isSafeInteger(v.price) && v.price >= 0).toBe(true);
    expect(v.compareAtPrice === null || v.compareAtPrice > v.price).toBe(true);
    expect(v.options.length).toBe(row.options.length);
  }
  expect(row.minPrice).toBe(Math.min(...row.variants.map((v) => v.price)));
  if (row.image) expect(row.image).toMatch(/^https:\/\//);
}

describe('every product sample normalises to the same row shape', () => {
  it('Ajax .js: Ratio Eight (options with values, a sale, a variant image)', () => {
    const row = normaliseAjaxProduct(AjaxProduct.parse(sample('product_js__ratio-eight__theme-scripts.json')), where());
    expectWellFormed(row);
    expect(row).toMatchObject({ title: 'Ratio Eight', vendor: 'tk-narrative', requiresSellingPlan: false, currency: 'USD' });
    expect(row.options.map((o) => o.name)).toHaveLength(3);
    expect(row.variants[0]).toMatchObject({ price: 52000, compareAtPrice: 60000, options: ['Silver', '220 Volts', 'Small'], image: null });
    expect(row.variants[1]?.image).toMatch(/^https:\/\/cdn\.shopify\.com\/.*HERO-M_ChampagneNickel\.jpg/);
  });

  it('Ajax .js: the docs example (options without values, protocol-relative images)', () => {
    const row = normaliseAjaxProduct(AjaxProduct.parse(sample('product_js__red-rain-coat__shopify-docs-example.json')), where());
    expectWellFormed(row);
    expect(row.options).toEqual([{ name: 'Size', values: ['Small', 'Medium', 'Large'] }]);
    expect(row.image).toBe('https://cdn.shopify.com/s/files/1/0040/7092/products/red-rain-coat.jpeg?v=1402604893');
    expect(row.variants.every((v) => v.compareAtPrice === null)).toBe(true);
  });

  it('Liquid product|json: sold out, options as bare names, images on the store domain', () => {
    const row = normaliseAjaxProduct(AjaxProduct.parse(sample('liquid_product_json__polinas_soldout__shopify-docs.json')), where('USD', 'polinas-potent-potions.myshopify.com'));
    expectWellFormed(row);
    expect(row.options).toEqual([{ name: 'Title', values: ['Default Title'] }]);
    expect(row.variants).toMatchObject([{ available: false, price: 5600, requiresSellingPlan: false }]);
    expect(row.image).toMatch(/^https:\/\/polinas-potent-potions\.myshopify\.com\/cdn\/shop\/products\//);
  });

  it('.json: decimal strings, "" compare-at, availability from leaked stock', () => {
    const row = jsonRow(JsonProductEnvelope.parse(sample('product_json__localboxes_just-for-1-2_EUR.json')).product);
    expectWellFormed(row);
    expect(row).toMatchObject({ title: 'Just for 1-2 ( Fruit and Veg)', vendor: "Annie's Organic Farm ", options: [{ name: 'Title', values: ['Default Title'] }] });
    expect(row.variants).toMatchObject([{ price: 3000, compareAtPrice: null, available: true, options: ['Default Title'] }]);
  });

  it('/products.json entries: null and "0.00" compare-at, boolean availability', () => {
    const page = JsonProductsPage.parse(sample('products_json__localboxes_EUR_page1.json'));
    expect(page.products).toHaveLength(17);
    for (const product of page.products) expectWellFormed(jsonRow(product));
    const kith = jsonRow(JsonProductsPage.parse(sample('products_json__kith_soldout_trimmed.json')).products[0], 'USD');
    expect(kith.options).toEqual([{ name: 'Size', values: ['XS', 'S', 'M', 'L', 'XL', 'XXL'] }]);
    expect(kith.variants.every((v) => v.price === 6500 && v.compareAtPrice === null && !v.available)).toBe(true);
  });

  it('store answers: cart currency and the /meta.json probe; the oEmbed body is no product', () => {
    expect(CartCurrency.parse(sample('cart_js__populated_CAD__theme-scripts.json')).currency).toBe('CAD');
    expect(CartCurrency.parse(sample('cart_js__empty__theme-scripts.json')).currency).toBe('USD');
    expect(ShopMeta.parse(sample('meta_json__theme-scripts.json'))).toMatchObject({ myshopify_domain: 'nimasellsshit.myshopify.com', currency: 'USD' });
    expect(AjaxProduct.safeParse(sample('product_oembed__hoko_HKD_CJK.json')).success).toBe(false);
    expect(JsonProductEnvelope.safeParse(sample('product_oembed__hoko_HKD_CJK.json')).success).toBe(false);
  });
});

describe('money', () => {
  it.each([
    ['30.00', 'EUR', 3000],
    ['30', 'EUR', 3000],
    ['0.5', 'USD', 50],
    ['0.005', 'USD', 1],
    ['0.004', 'USD', 0],
    ['1000', 'JPY', 1000],
    ['1000.50', 'JPY', 1001],
    ['1000.49', 'JPY', 1000],
    ['12.345', 'KWD', 12345],
    ['12.3', 'KWD', 12300],
    [' 7.10 ', 'USD', 710],
    ['999999999999.99', 'USD', 99999999999999],
  ])('reads %s %s exactly', (value, currency, minor) => {
    expect(decimalToMinor(value, currency)).toBe(minor);
  });

  it.each(['-1', '1e5', '', '1,00', '0x10', '1.', '.5', 'NaN', '1.2.3', '１２'])('refuses %s', (value) => {
    expect(decimalToMinor(value, 'USD')).toBeNull();
  });

  it('agrees with the .js rescaling for every currency exponent, so .js and .json give one price', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e13 }), fc.constantFrom('USD', 'EUR', 'JPY', 'KRW', 'KWD', 'BHD', 'CLP'), (cents, currency) => {
        const decimal = `${Math.trunc(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
        expect(decimalToMinor(decimal, currency)).toBe(shopifyCentsToMinor(cents, currency));
      }),
    );
  });

  it('rescales zero- and three-decimal currencies and formats them', () => {
    const product = AjaxProduct.parse({ id: 1, title: 'Tea', handle: 'tea', variants: [{ id: 2, title: 'Default', available: true, price: 100000, compare_at_price: 100000 }] });
    expect(normaliseAjaxProduct(product, where('JPY')).variants[0]).toMatchObject({ price: 1000, compareAtPrice: null });
    expect(shopifyCentsToMinor(1234, 'KWD')).toBe(12340);
    expect(shopifyCentsToMinor(12950, 'JPY')).toBe(130);
    expect(currencyExponent('usd')).toBe(2);
    expect(formatMoney(1000, 'JPY', 'en-US')).toBe('¥1,000');
    expect(formatMoney(12340, 'KWD', 'en-US').replace(/\s/g, ' ')).toBe('KWD 12.340');
  });
});

describe('hostile and broken bodies', () => {
  const base = sample('product_js__red-rain-coat__shopify-docs-example.json');
  const fieldOf = (body: unknown) => {
    const result = AjaxProduct.safeParse(body);
    return result.success ? null : failedField(result.error);
  };

  it('names the field that failed', () => {
    expect(fieldOf({ ...base, variants: [{ ...base.variants[0], available: 'yes' }] })).toBe('variants.0.available');
    expect(fieldOf({ ...base, variants: [{ ...base.variants[0], price: '12.00' }] })).toBe('variants.0.price');
    expect(fieldOf({ ...base, variants: [{ ...base.variants[0], price: -1 }] })).toBe('variants.0.price');
    expect(fieldOf({ ...base, variants: [{ ...base.variants[0], price: 1e20 }] })).toBe('variants.0.price');
    expect(fieldOf({ ...base, variants: [] })).toBe('variants');
    expect(fieldOf({ ...base, id: undefined })).toBe('id');
    expect(fieldOf([])).toBe('body');
    expect(fieldOf(null)).toBe('body');
  });

  it('refuses absurd sizes with the field named', () => {
    expect(fieldOf({ ...base, title: 'x'.repeat(2001) })).toBe('title');
    expect(fieldOf({ ...base, variants: Array.from({ length: 2049 }, () => base.variants[0]) })).toBe('variants');
    expect(fieldOf({ ...base, images: Array.from({ length: 501 }, () => '//cdn.shopify.com/a.jpg') })).toBe('images');
    expect(fieldOf({ ...base, options: Array.from({ length: 11 }, () => ({ name: 'x' })) })).toBe('options');
    expect(fieldOf({ ...base, variants: [{ ...base.variants[0], options: ['x'.repeat(1001)] }] })).toBe('variants.0.options.0');
  });

  it('keeps markup in titles as plain text and never lets a body touch prototypes', () => {
    const body = JSON.parse(
      `{"__proto__":{"polluted":true},"id":1,"title":"<script>alert(1)</script><img src=x onerror=alert(2)>","handle":"x","vendor":"<b>v</b>",` +
        `"featured_image":"javascript:alert(3)","variants":[{"id":2,"title":"<svg/onload=alert(4)>","available":true,"price":100,"constructor":{"prototype":{"bad":1}}}]}`,
    );
    const row = normaliseAjaxProduct(AjaxProduct.parse(body), where());
    expect(row.title).toBe('<script>alert(1)</script><img src=x onerror=alert(2)>');
    expect(row.vendor).toBe('<b>v</b>');
    expect(row.variants[0]?.title).toBe('<svg/onload=alert(4)>');
    expect(row.image).toBeNull();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(row)).not.toContain('__proto__');
  });

  it('makes protocol-relative images absolute and refuses other schemes', () => {
    expect(absoluteImageUrl('//shop.example.com/cdn/shop/a.jpg', 'shop.example.com')).toBe('https://shop.example.com/cdn/shop/a.jpg');
    expect(absoluteImageUrl('/cdn/shop/a.jpg', 'shop.example.com')).toBe('https://shop.example.com/cdn/shop/a.jpg');
    expect(absoluteImageUrl('javascript:alert(1)', 'shop.example.com')).toBeNull();
    expect(absoluteImageUrl('http://cdn.shopify.com/a.jpg', 'shop.example.com')).toBeNull();
    expect(absoluteImageUrl('data:image/png;base64,AAAA', 'shop.example.com')).toBeNull();
    expect(absoluteImageUrl(null, 'h')).toBeNull();
  });

  it('refuses .json money that is not a plain decimal, naming the variant', () => {
    const product = JsonProductEnvelope.parse(sample('product_json__localboxes_just-for-1-2_EUR.json')).product;
    for (const price of ['30,00', '-30.00', '3e1', 30]) {
      const result = JsonProductEnvelope.safeParse({ product: { ...product, variants: [{ ...product.variants[0], price }] } });
      expect(result.success ? null : failedField(result.error), String(price)).toBe('product.variants.0.price');
    }
  });
});
