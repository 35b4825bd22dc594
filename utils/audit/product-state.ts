/**
 * What the checks that need the store's answer say when it is missing: one wording for "not
 * looked up yet" and for each failed lookup, so every check reports the same cause the same way.
 */
import type { LookupStatus, ProductRow, VariantRow } from '../model';
import { evidence, outcome, words, type CheckInput, type CheckOutcome } from './types';

export const lookupKey = (status: LookupStatus): `lookup_${string}` => `lookup_${status.replace(/-/g, '_')}`;

/** The product when the store answered with it, else the outcome a check should give instead. */
export function productOrWarning(input: CheckInput): { product: ProductRow } | { warning: CheckOutcome } {
  if (input.target?.kind !== 'product') return { warning: outcome('warn', words('dash_reason_not_product_page')) };
  const { product } = input;
  if (!product) return { warning: outcome('warn', words('dash_reason_not_looked_up')) };
  if (product.status !== 'ok') {
    return { warning: outcome('warn', words('dash_reason_cannot_check', { key: lookupKey(product.status) }), [evidence('dash_ev_lookup', product.status)]) };
  }
  return { product };
}

/** The variant the link advertises (`?variant=`), or null when the link names none. */
export function advertisedVariantId(input: CheckInput): number | null {
  return input.target?.kind === 'product' ? input.target.variantId : null;
}

/** "Default Title" is Shopify's name for a product's only variant: say the product's title instead. */
export function variantName(product: ProductRow, variant: VariantRow): string {
  return variant.title === 'Default Title' ? (product.title ?? product.handle) : variant.title;
}
