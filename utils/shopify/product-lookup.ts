/**
 * One product read from the network, no caching: the Ajax `.js` body in the ad's market,
 * then its currency. Deciding "not a Shopify store" costs at most one `/meta.json` probe per
 * host, and only when the product answer itself leaves it open (a web page or a plain 404
 * from a custom domain without Shopify's headers). `.json` is tried once when a Shopify
 * store's `.js` body no longer has the expected shape (the Ajax API is unversioned, §1.1).
 */
import type { CurrencySource, LookupStatus } from '../model';
import type { CurrencyAnswer } from './currency';
import type { FetchJsonResult } from './fetch-json';
import type { Platform, PlatformProbe } from './platform-probe';
import { JsonProductEnvelope, parseJsonProduct } from './product-json-schema';
import type { ParsedProduct } from './product-row';
import { AjaxProduct, parseAjaxProduct } from './product-schema';
import { productEndpoint, type ProductRef } from './product-url';
import type { StoreClient } from './store-client';
import { isMyshopifyHost } from './store-records';
import { failedField } from './store-schema';

export type LookupFailure = { ok: false; status: Exclude<LookupStatus, 'ok'>; detail: string; retryAfterMs?: number };
export type LookupResult = { ok: true; product: ParsedProduct; currency: string; currencySource: CurrencySource; storeName: string | null } | LookupFailure;

export interface LookupDeps {
  client: StoreClient;
  probe: PlatformProbe;
  /** The market's currency, read no earlier than the product this lookup is reading. */
  currencyOf: (host: string, prefix: string) => Promise<CurrencyAnswer>;
}

const notShopify = (host: string): LookupFailure => ({ ok: false, status: 'not-shopify', detail: `${host} is not a Shopify store` });

function failureOf(result: FetchJsonResult & { ok: false }): LookupFailure {
  return { ok: false, status: result.status, detail: result.detail, retryAfterMs: result.retryAfterMs };
}

/** What the first answer says about the platform, probing only when it leaves the question open. */
async function platformAfter(result: FetchJsonResult, host: string, probe: PlatformProbe): Promise<Platform> {
  if (isMyshopifyHost(host) || result.shopifyOrigin || (!result.ok && result.status === 'password-protected')) return 'shopify';
  // Transient trouble or a wall: a probe now would add load and decide nothing.
  if (!result.ok && (result.status === 'network' || result.status === 'rate-limited')) return 'unknown';
  if (!result.ok && result.status === 'blocked' && !result.html) return 'unknown';
  return probe.platformOf(host);
}

async function withCurrency(ref: ProductRef, deps: LookupDeps, parse: (currency: string) => ParsedProduct | null, field: string): Promise<LookupResult> {
  const currency = await deps.currencyOf(ref.host, ref.localePrefix);
  if (!currency.ok) return currency;
  const product = parse(currency.currency);
  if (!product) return { ok: false, status: 'invalid-response', detail: `unexpected product data at "${field}"` };
  return { ok: true, product, currency: currency.currency, currencySource: currency.source, storeName: currency.storeName };
}

export async function lookupFresh(ref: ProductRef, deps: LookupDeps): Promise<LookupResult> {
  const first = await deps.client.get('product', ref.host, productEndpoint(ref));
  const ajax = first.ok ? AjaxProduct.safeParse(first.json) : null;
  if (ajax?.success) {
    await deps.probe.confirmShopify(ref.host);
    return withCurrency(ref, deps, (currency) => parseAjaxProduct(ajax.data, ref.host, currency), 'body');
  }
  const platform = await platformAfter(first, ref.host, deps.probe);
  if (platform === 'other') return notShopify(ref.host);
  if (!first.ok) return failureOf(first);
  const field = ajax ? failedField(ajax.error) : 'body';
  if (platform !== 'shopify') return { ok: false, status: 'invalid-response', detail: `unexpected product data at "${field}"` };
  const second = await deps.client.get('product', ref.host, productEndpoint(ref, 'json'));
  const json = second.ok ? JsonProductEnvelope.safeParse(second.json) : null;
  if (!json?.success) return { ok: false, status: 'invalid-response', detail: `unexpected product data at "${field}"` };
  return withCurrency(
    ref,
    deps,
    (currency) => {
      const parsed = parseJsonProduct(json.data.product, ref.host, currency);
      return parsed.ok ? parsed.product : null;
    },
    'product.variants',
  );
}
