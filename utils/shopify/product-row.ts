/**
 * Building `products` rows: one shape whichever endpoint the data came from (`.js`,
 * `.json`, `/products.json`), and one rule for failures: a failed check never erases
 * what was last read successfully (the popup keeps showing it, with the failure named).
 */
import type { CurrencySource, LookupStatus, ProductKey, ProductOption, ProductRow, VariantId, VariantRow } from '../model';
import { productKeyOf, type ProductRef } from './product-url';

/** A variant as read from a store body, money already in ISO minor units. */
export type ParsedVariant = Omit<VariantRow, 'lowestPrice'>;

/** The product-derived part of a row, the same for every endpoint. */
export interface ParsedProduct {
  handle: string;
  title: string;
  vendor: string | null;
  image: string | null;
  options: ProductOption[];
  variants: ParsedVariant[];
}

/** Where and when a row was read; everything not from the product body itself. */
export interface RowContext {
  key: ProductKey;
  host: string;
  currency: string;
  fetchedAt: number;
  localePrefix?: string;
  currencySource?: CurrencySource | null;
  storeName?: string | null;
  /** Defaults to `fetchedAt`, i.e. stale at once unless the resolver sets a TTL. */
  expiresAt?: number;
}

/** Option names with their values; values missing from the body (the docs' `.js` example, Liquid) come from the variants. */
export function productOptions(names: { name: string; values?: string[] }[], variants: { options: string[] }[]): ProductOption[] {
  return names.map((option, i) => ({
    name: option.name,
    values: option.values ?? [...new Set(variants.map((v) => v.options[i]).filter((value): value is string => value !== undefined))],
  }));
}

/** No sale when compare-at is missing, zero or not above the price (research §1.1). */
export function saleCompareAt(price: number, compareAt: number | null): number | null {
  return compareAt !== null && compareAt > price ? compareAt : null;
}

export function okRow(product: ParsedProduct, ctx: RowContext): ProductRow {
  const prices = product.variants.map((v) => v.price);
  const minPrice = prices.length ? Math.min(...prices) : null;
  return {
    key: ctx.key,
    host: ctx.host,
    handle: product.handle,
    status: 'ok',
    detail: '',
    fetchedAt: ctx.fetchedAt,
    title: product.title,
    currency: ctx.currency,
    image: product.image,
    variants: product.variants.map((v) => ({ ...v, lowestPrice: v.price })),
    localePrefix: ctx.localePrefix ?? '',
    vendor: product.vendor,
    storeName: ctx.storeName ?? null,
    options: product.options,
    requiresSellingPlan: product.variants.length > 0 && product.variants.every((v) => v.requiresSellingPlan),
    currencySource: ctx.currencySource ?? null,
    lastOkAt: ctx.fetchedAt,
    expiresAt: ctx.expiresAt ?? ctx.fetchedAt,
    minPrice,
    lowestPrice: minPrice,
    priceHistory: minPrice === null ? [] : [{ at: ctx.fetchedAt, currency: ctx.currency, minPrice }],
  };
}

/** A row for a product never read successfully: the status and its reason, no data. */
export function emptyRow(ref: Pick<ProductRef, 'host' | 'handle' | 'localePrefix'>, status: LookupStatus, detail: string, now: number, expiresAt = now): ProductRow {
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
    localePrefix: ref.localePrefix,
    vendor: null,
    storeName: null,
    options: [],
    requiresSellingPlan: false,
    currencySource: null,
    lastOkAt: null,
    expiresAt,
    minPrice: null,
    lowestPrice: null,
    priceHistory: [],
  };
}

/** A failed check on top of what was known: new status and reason, last good data kept. */
export function failedRow(
  previous: ProductRow | undefined,
  ref: Pick<ProductRef, 'host' | 'handle' | 'localePrefix'>,
  failure: { status: LookupStatus; detail: string },
  now: number,
  expiresAt: number,
): ProductRow {
  if (!previous) return emptyRow(ref, failure.status, failure.detail, now, expiresAt);
  return { ...previous, status: failure.status, detail: failure.detail, fetchedAt: now, expiresAt };
}

/** Narrows a variant id read from a body already validated as a positive integer. */
export const asVariantId = (id: number) => id as VariantId;
