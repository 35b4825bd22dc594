/**
 * Resolves one product: its Ajax JSON and, in the same request context, the presentment
 * currency from `/{prefix}/cart.js` (research/shopify-storefront.md §1.5).
 */
import { z } from 'zod';
import type { ProductKey, ProductRow } from '../model';
import { fetchStoreJson, type FetchDeps } from './fetch-json';
import { AjaxProduct, normaliseAjaxProduct } from './product-schema';
import { productEndpoint, productKeyOf, type ProductRef } from './product-url';

const CartCurrency = z.looseObject({ currency: z.string().regex(/^[A-Z]{3}$/) });

export type LookupOutcome = { row: ProductRow; retryAfterMs?: number };

function failedRow(ref: ProductRef, status: ProductRow['status'], detail: string, now: number): ProductRow {
  return {
    key: productKeyOf(ref) as ProductKey,
    host: ref.host,
    handle: ref.handle,
    status,
    detail,
    fetchedAt: now,
    title: null,
    currency: null,
    variants: [],
    image: null,
  };
}

export async function lookupProduct(ref: ProductRef, deps: FetchDeps): Promise<LookupOutcome> {
  const now = deps.now?.() ?? Date.now();
  const [productResult, cartResult] = await Promise.all([
    fetchStoreJson(productEndpoint(ref), deps),
    fetchStoreJson(`https://${ref.host}${ref.localePrefix}/cart.js`, deps),
  ]);
  if (!productResult.ok) return { row: failedRow(ref, productResult.status, productResult.detail, now), retryAfterMs: productResult.retryAfterMs };
  const product = AjaxProduct.safeParse(productResult.json);
  if (!product.success) {
    const field = product.error.issues[0]?.path.join('.') || 'body';
    return { row: failedRow(ref, 'invalid-response', `unexpected product data at "${field}"`, now) };
  }
  const cart = cartResult.ok ? CartCurrency.safeParse(cartResult.json) : null;
  if (!cart?.success) return { row: failedRow(ref, 'invalid-response', 'the store did not say which currency its prices are in', now) };
  return { row: normaliseAjaxProduct(product.data, { key: productKeyOf(ref) as ProductKey, host: ref.host, currency: cart.data.currency, fetchedAt: now }) };
}
