/**
 * One uncached lookup: the Ajax JSON and, in the same request context, the presentment
 * currency from `/{prefix}/cart.js` (research/shopify-storefront.md §1.5).
 * Superseded by `createResolver` (resolver.ts), which adds the cache, the shared in-flight
 * lookups, per-host limits, the breaker and the not-Shopify probe; kept for existing callers.
 */
import type { ProductKey, ProductRow } from '../model';
import { fetchStoreJson, type FetchDeps } from './fetch-json';
import { emptyRow } from './product-row';
import { AjaxProduct, normaliseAjaxProduct } from './product-schema';
import { cartEndpoint, productEndpoint, productKeyOf, type ProductRef } from './product-url';
import { CartCurrency, failedField } from './store-schema';

export type LookupOutcome = { row: ProductRow; retryAfterMs?: number };

export async function lookupProduct(ref: ProductRef, deps: FetchDeps): Promise<LookupOutcome> {
  const now = deps.now?.() ?? Date.now();
  const [productResult, cartResult] = await Promise.all([fetchStoreJson(productEndpoint(ref), deps), fetchStoreJson(cartEndpoint(ref), deps)]);
  if (!productResult.ok) return { row: emptyRow(ref, productResult.status, productResult.detail, now), retryAfterMs: productResult.retryAfterMs };
  const product = AjaxProduct.safeParse(productResult.json);
  if (!product.success) return { row: emptyRow(ref, 'invalid-response', `unexpected product data at "${failedField(product.error)}"`, now) };
  const cart = cartResult.ok ? CartCurrency.safeParse(cartResult.json) : null;
  if (!cart?.success) return { row: emptyRow(ref, 'invalid-response', 'the store did not say which currency its prices are in', now) };
  const key = productKeyOf(ref) as ProductKey;
  return { row: normaliseAjaxProduct(product.data, { key, host: ref.host, localePrefix: ref.localePrefix, currency: cart.data.currency, currencySource: 'cart', fetchedAt: now }) };
}
