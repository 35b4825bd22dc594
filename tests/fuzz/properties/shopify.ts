/**
 * Fuzz properties of everything that reads a landing URL or a store's answer: the product
 * identifier and the endpoints built from it, the two product schemas and their money, and
 * the cart permalink. Landing URLs come from pages, bodies from stores: both are hostile.
 */
import fc from 'fast-check';
import { buildCartPermalink } from '@/utils/cart-permalink';
import type { ProductKey } from '@/utils/model';
import { currencyExponent, decimalToMinor } from '@/utils/money';
import { fetchStoreJson } from '@/utils/shopify/fetch-json';
import { JsonProductEnvelope, JsonProductsPage, normaliseJsonProduct } from '@/utils/shopify/product-json-schema';
import { AjaxProduct, normaliseAjaxProduct } from '@/utils/shopify/product-schema';
import {
  cartEndpoint,
  identifyProduct,
  metaEndpoint,
  parseProductRef,
  productEndpoint,
  productKeyOf,
  productPageUrl,
} from '@/utils/shopify/product-url';
import { checkStoreHost, checkStoreUrl } from '@/utils/shopify/store-host-guard';
import { UNEXPANDED_MACRO } from '@/utils/tiktok/signals';
import type { FuzzProperty } from '../property';
import { anyJson, encodeLoose, hostileText, hostish, nastyObject, urlish } from './arbitraries';

/** Product URLs as ads write them: market prefixes, collection paths, odd handles, variants. */
const productUrl = fc
  .record({
    host: fc.oneof(fc.domain(), fc.constantFrom('demo-store.myshopify.com', 'shop.example-brand.com', 'xn--bcher-kva.example')),
    prefix: fc.constantFrom('', '/fr', '/en-ca', '/zh-hant', '/es-419', '/EN-CA', '/pt-br'),
    collection: fc.option(fc.stringMatching(/^[a-z0-9-]{1,10}$/), { nil: undefined }),
    handle: fc.oneof(fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,30}$/), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }), hostileText),
    suffix: fc.constantFrom('', '', '.js', '.json', '.oembed', '/'),
    variant: fc.option(fc.oneof(fc.nat().map(String), fc.string({ maxLength: 20 })), { nil: undefined }),
    utm: fc.option(fc.string({ maxLength: 10 }), { nil: undefined }),
  })
  .map(({ host, prefix, collection, handle, suffix, variant, utm }) => {
    const query = [variant !== undefined ? `variant=${encodeLoose(variant)}` : '', utm !== undefined ? `utm_campaign=${encodeLoose(utm)}` : ''].filter(Boolean).join('&');
    return `https://${host}${prefix}${collection ? `/collections/${collection}` : ''}/products/${encodeLoose(handle)}${suffix}${query ? `?${query}` : ''}`;
  });

const landing = fc.oneof(productUrl, urlish);

/** What `fetchStoreJson` would send, or why it refused: the guard and the endpoint check run for real. */
async function sentUrl(url: string): Promise<{ sent: string | null; credentials?: RequestCredentials }> {
  let sent: string | null = null;
  let credentials: RequestCredentials | undefined;
  const fake = (async (input: RequestInfo | URL, init?: RequestInit) => {
    sent = String(input);
    credentials = init?.credentials;
    return new Response('{}', { status: 200 });
  }) as typeof fetch;
  await fetchStoreJson(url, { fetch: fake, timeoutMs: 1000, maxBytes: 1000 });
  return { sent, credentials };
}

const currency = fc.oneof(fc.constantFrom('USD', 'EUR', 'JPY', 'KWD', 'BHD', 'CLP', 'GBP'), fc.stringMatching(/^[A-Z]{3}$/));

/** Money as a store might send it: mostly plausible, sometimes not an integer, negative, huge or not a number. */
const cents = fc.oneof(
  { weight: 6, arbitrary: fc.nat({ max: 10_000_000 }) },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.constant(1e14), fc.constant(1e14 + 1), fc.constant(Number.MAX_SAFE_INTEGER), fc.constant(-1), fc.string({ maxLength: 6 }), fc.constant(null)) },
);
const decimal = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.stringMatching(/^\d{1,12}$/), fc.option(fc.stringMatching(/^\d{1,6}$/), { nil: undefined })).map(([w, f]) => (f === undefined ? w : `${w}.${f}`)) },
  { weight: 1, arbitrary: fc.oneof(fc.constantFrom('', ' 1.00 ', '1e3', '-1.00', '1,00', '0x10', '١٢٫٩٩', '1.0000000', '9999999999999.99'), fc.string({ maxLength: 8 }), fc.double(), fc.constant(null)) },
);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const image = fc.oneof(fc.constantFrom('//cdn.shopify.com/s/files/1/x.png', '/cdn/shop/products/x.png', '//tracker.example/p.gif', 'https://shop.example.com:8443/x.png', 'https://u:p@shop.example.com/x.png', '//other.myshopify.com/cdn/x.png', 'javascript:alert(1)', 'data:image/png;base64,AA', 'http://x.example/y.png', 'https://evil.example/p.gif'), hostileText);

const ajaxVariant = fc.record(
  {
    id: fc.oneof(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), fc.integer(), fc.string({ maxLength: 4 })),
    title: hostileText,
    available: fc.oneof(fc.boolean(), anyJson),
    price: cents,
    compare_at_price: fc.oneof(cents, fc.constant(null)),
    options: maybe(fc.array(hostileText, { maxLength: 3 })),
    option1: maybe(fc.oneof(hostileText, fc.constant(null))),
    requires_selling_plan: maybe(fc.boolean()),
    featured_image: maybe(fc.oneof(fc.constant(null), fc.record({ src: image }))),
  },
  { requiredKeys: ['id', 'title', 'available', 'price'] },
);

const ajaxProduct = fc.record(
  {
    id: fc.oneof(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), fc.integer()),
    title: hostileText,
    handle: hostileText,
    vendor: maybe(hostileText),
    variants: fc.array(ajaxVariant, { minLength: 0, maxLength: 4 }),
    options: maybe(fc.array(fc.oneof(hostileText, fc.record({ name: hostileText, values: maybe(fc.array(hostileText, { maxLength: 3 })) })), { maxLength: 3 })),
    featured_image: maybe(fc.oneof(image, fc.constant(null))),
    images: maybe(fc.array(image, { maxLength: 2 })),
  },
  { requiredKeys: ['id', 'title', 'handle', 'variants'] },
);

const jsonVariant = fc.record(
  {
    id: fc.oneof(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), fc.integer()),
    title: hostileText,
    price: decimal,
    compare_at_price: maybe(fc.oneof(decimal, fc.constant(''), fc.constant(null))),
    available: maybe(fc.boolean()),
    inventory_quantity: maybe(fc.integer()),
    inventory_policy: maybe(fc.constantFrom('deny', 'continue')),
    image_id: maybe(fc.oneof(fc.integer(), fc.constant(null))),
    featured_image: maybe(fc.oneof(fc.constant(null), fc.record({ src: image }))),
  },
  { requiredKeys: ['id', 'title', 'price'] },
);

const jsonProduct = fc.record(
  {
    id: fc.oneof(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), fc.integer()),
    title: hostileText,
    handle: hostileText,
    vendor: maybe(hostileText),
    variants: fc.array(jsonVariant, { minLength: 0, maxLength: 4 }),
    images: maybe(fc.array(fc.record({ id: maybe(fc.integer()), src: image }), { maxLength: 2 })),
    image: maybe(fc.oneof(fc.constant(null), fc.record({ src: image }))),
  },
  { requiredKeys: ['id', 'title', 'handle', 'variants'] },
);

const WHERE = { key: 'shop.example.com/x' as ProductKey, host: 'shop.example.com', fetchedAt: 1, localePrefix: '' };

/** Every amount of a row is a safe, non-negative integer, and a compare-at is a real sale. */
function checkMoney(row: { variants: { price: number; compareAtPrice: number | null; lowestPrice: number; image: string | null }[]; minPrice: number | null; image: string | null }) {
  const amounts = [row.minPrice, ...row.variants.flatMap((v) => [v.price, v.compareAtPrice, v.lowestPrice])].filter((n): n is number => n !== null);
  for (const n of amounts) if (!Number.isSafeInteger(n) || n < 0) throw new Error(`money ${n} is not a non-negative safe integer`);
  for (const v of row.variants) if (v.compareAtPrice !== null && v.compareAtPrice <= v.price) throw new Error('compare-at not above price');
  for (const src of [row.image, ...row.variants.map((v) => v.image)]) {
    if (src === null) continue;
    const url = new URL(src);
    // The popup loads these: only https, and only from the store or Shopify's own hosts (no tracking pixel elsewhere).
    if (url.protocol !== 'https:' || !(url.hostname === WHERE.host || url.hostname === 'cdn.shopify.com' || url.hostname.endsWith('.myshopify.com'))) throw new Error(`image off the store: ${src}`);
  }
}

/** The exact value of a decimal string in minor units, with BigInt, for comparison. */
function exactMinor(value: string, code: string): number {
  const [whole = '0', fraction = ''] = value.trim().split('.');
  const e = currencyExponent(code);
  const digits = BigInt(whole + fraction.padEnd(e, '0').slice(0, e));
  const roundUp = Number(fraction[e] ?? '0') >= 5 ? 1n : 0n;
  return Number(digits + roundUp);
}

const macro = new RegExp(UNEXPANDED_MACRO.source);

export const shopifyProperties: FuzzProperty[] = [
  {
    name: 'identifyProduct never throws; every endpoint built from a product passes the guard and the fetch check, without cookies',
    make: () =>
      fc.asyncProperty(landing, async (url) => {
        const ref = identifyProduct(url);
        if (ref.kind !== 'product') return;
        if (!checkStoreHost(ref.host).ok) throw new Error(`refused host accepted: ${ref.host}`);
        for (const endpoint of [productEndpoint(ref, 'js'), productEndpoint(ref, 'json'), cartEndpoint(ref), metaEndpoint(ref.host)]) {
          const checked = checkStoreUrl(endpoint);
          if (!checked.ok || checked.url.hostname !== ref.host || checked.url.search !== '' || checked.url.hash !== '') throw new Error(`endpoint refused or off-host: ${endpoint}`);
          const { sent, credentials } = await sentUrl(endpoint);
          if (sent !== checked.url.href || credentials !== 'omit') throw new Error(`fetchStoreJson refused ${endpoint}`);
        }
        if (productKeyOf(ref).split('/').length !== 2) throw new Error('a handle with a slash splits the product key');
      }),
  },
  {
    name: "a product ref survives its own page URL and storage: identifyProduct(productPageUrl(ref)) and parseProductRef give it back",
    make: () =>
      fc.property(landing, (url) => {
        const ref = identifyProduct(url);
        if (ref.kind !== 'product') return;
        const again = identifyProduct(productPageUrl(ref));
        if (JSON.stringify(again) !== JSON.stringify(ref)) throw new Error(`round trip: ${JSON.stringify([ref, again])}`);
        if (JSON.stringify(parseProductRef(structuredClone(ref))) !== JSON.stringify(ref)) throw new Error('parseProductRef refused a ref identifyProduct made');
      }),
  },
  {
    name: 'parseProductRef trusts nothing it did not make: any stored value gives null or a ref whose endpoints pass the guard',
    make: () =>
      fc.property(fc.oneof(anyJson, nastyObject, fc.record({ kind: fc.constant('product'), host: hostish, handle: hostileText, localePrefix: fc.constantFrom('', '/fr', '/../x', '/en-ca/../..', 'x'), variantId: fc.oneof(fc.integer(), fc.constant(null)) })), (value) => {
        const ref = parseProductRef(value);
        if (ref && !checkStoreUrl(productEndpoint(ref)).ok) throw new Error('a stored ref escaped the guard');
      }),
  },
  {
    name: 'AjaxProduct and JsonProduct never throw on any JSON, and what they accept normalises to integer money',
    make: () =>
      fc.property(fc.oneof(anyJson, nastyObject, ajaxProduct, jsonProduct, jsonProduct.map((product) => ({ product })), fc.array(jsonProduct, { maxLength: 2 }).map((products) => ({ products }))), currency, (body, code) => {
        const ajax = AjaxProduct.safeParse(body);
        if (ajax.success) checkMoney(normaliseAjaxProduct(ajax.data, { ...WHERE, currency: code }));
        const envelope = JsonProductEnvelope.safeParse(body);
        if (envelope.success) {
          const row = normaliseJsonProduct(envelope.data.product, { ...WHERE, currency: code });
          if (row.ok) checkMoney(row.row);
        }
        const pageOf = JsonProductsPage.safeParse(body);
        if (pageOf.success) for (const p of pageOf.data.products) normaliseJsonProduct(p, { ...WHERE, currency: code });
      }),
  },
  {
    name: "decimalToMinor is exact: it equals the BigInt reading of the store's decimal string, in every currency exponent",
    make: () =>
      fc.property(decimal, currency, (value, code) => {
        if (typeof value !== 'string') return;
        const minor = decimalToMinor(value, code);
        if (!/^\s*\d{1,12}(\.\d{1,6})?\s*$/.test(value)) {
          if (minor !== null) throw new Error(`accepted ${JSON.stringify(value)}`);
          return;
        }
        if (minor !== exactMinor(value, code)) throw new Error(`${value} ${code}: ${minor} ≠ ${exactMinor(value, code)}`);
      }),
  },
  {
    name: 'buildCartPermalink never throws; a link it builds is https on that host, one line per variant, and carries no parameter of ours',
    make: () =>
      fc.property(
        fc.record({
          host: fc.oneof(hostish, hostileText),
          localePrefix: maybe(fc.oneof(fc.constantFrom('', '/fr', '/en-ca', '/zh-hant', '/es-419', '/../..', '//evil.example', '/fr?x=1'), hostileText)),
          lines: fc.array(fc.record({ variantId: fc.oneof(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), fc.integer(), fc.double()), quantity: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.integer(), fc.double()) }), { maxLength: 5 }),
          utm: maybe(fc.dictionary(fc.oneof(fc.constantFrom('utm_source', 'utm_campaign', 'utm_content', 'ref', 'aff', 'utm_', 'UTM_SOURCE'), fc.string({ maxLength: 8 })), fc.oneof(hostileText, fc.constantFrom('__CAMPAIGN_NAME__', '__CID__', '__CID1__', 'x__AID__y')), { maxKeys: 4 })),
          storefront: maybe(fc.boolean()),
        }),
        (options) => {
          const result = buildCartPermalink(options);
          if (!result.ok) return;
          const url = new URL(result.url);
          if (url.protocol !== 'https:' || url.hostname !== options.host || url.port !== '' || url.username !== '') throw new Error(`off-host permalink ${result.url}`);
          const path = url.pathname.slice((options.localePrefix ?? '').length);
          if (!url.pathname.startsWith(options.localePrefix ?? '') || !/^\/cart\/\d+:\d+(,\d+:\d+)*$/.test(path)) throw new Error(`bad cart path ${url.pathname}`);
          const lines = path.slice('/cart/'.length).split(',').map((l) => l.split(':').map(Number) as [number, number]);
          if (new Set(lines.map(([id]) => id)).size !== lines.length || new Set(lines.map(([id]) => id)).size !== new Set(options.lines.map((l) => l.variantId)).size) throw new Error('lines not merged per variant');
          if (lines.some(([, qty]) => qty < 1 || qty > 999)) throw new Error('quantity out of range');
          for (const [key, value] of url.searchParams) {
            if (key === 'storefront' ? value !== 'true' : !/^utm_[a-z_]+$/.test(key)) throw new Error(`parameter of ours: ${key}`);
            if (key !== 'storefront' && macro.test(value)) throw new Error(`unexpanded macro forwarded: ${value}`);
          }
        },
      ),
  },
  {
    name: 'every store market identifyProduct accepts can be checked out: the permalink takes its host and locale prefix',
    make: () =>
      fc.property(productUrl, fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), (url, variantId) => {
        const ref = identifyProduct(url);
        if (ref.kind !== 'product') return;
        const result = buildCartPermalink({ host: ref.host, localePrefix: ref.localePrefix, lines: [{ variantId, quantity: 1 }] });
        if (!result.ok) throw new Error(`no permalink for ${ref.host}${ref.localePrefix}: ${result.reason}`);
      }),
  },
];
