/**
 * The Ajax `/products/{handle}.js` body, validated field by field. Only what ScrollCart
 * uses is required; unknown fields pass through untouched (the API is unversioned).
 */
import { z } from 'zod';
import { shopifyCentsToMinor } from '../money';
import type { ProductKey, ProductRow, VariantId } from '../model';

const Cents = z.number().int().nonnegative();

const AjaxVariant = z.looseObject({
  id: z.number().int().positive(),
  title: z.string().max(1000),
  available: z.boolean(),
  price: Cents,
  compare_at_price: Cents.nullable().optional(),
});

export const AjaxProduct = z.looseObject({
  id: z.number().int().positive(),
  title: z.string().max(2000),
  handle: z.string().max(1000),
  vendor: z.string().max(1000).optional(),
  variants: z.array(AjaxVariant).min(1).max(2000),
  featured_image: z.string().max(4096).nullable().optional(),
  images: z.array(z.string().max(4096)).max(500).optional(),
});
export type AjaxProduct = z.infer<typeof AjaxProduct>;

/** Protocol-relative and path-only image URLs made absolute on the store; anything else dropped. */
export function absoluteImageUrl(src: string | null | undefined, host: string): string | null {
  if (!src) return null;
  try {
    const url = new URL(src.startsWith('//') ? `https:${src}` : src, `https://${host}/`);
    return url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

export function normaliseAjaxProduct(
  product: AjaxProduct,
  where: { key: ProductKey; host: string; currency: string; fetchedAt: number },
): ProductRow {
  return {
    key: where.key,
    host: where.host,
    handle: product.handle,
    status: 'ok',
    detail: '',
    fetchedAt: where.fetchedAt,
    title: product.title,
    currency: where.currency,
    image: absoluteImageUrl(product.featured_image ?? product.images?.[0], where.host),
    variants: product.variants.map((v) => {
      const compareAt = v.compare_at_price ?? null;
      return {
        id: v.id as VariantId,
        title: v.title,
        available: v.available,
        price: shopifyCentsToMinor(v.price, where.currency),
        // No sale when compare-at is missing, zero or not above the price (research §1.1).
        compareAtPrice: compareAt !== null && compareAt > v.price ? shopifyCentsToMinor(compareAt, where.currency) : null,
      };
    }),
  };
}
