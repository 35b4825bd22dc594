/**
 * The Ajax `/products/{handle}.js` body (and Liquid's `{{ product | json }}`, same
 * serializer), validated field by field. Only what ScrollCart uses is required; unknown
 * fields pass through untouched (the API is unversioned, research §1.1). Size limits are
 * generous multiples of Shopify's own (255-character titles, 3 options, 2048 variants):
 * anything past them is a hostile or broken body, reported with the field that failed.
 */
import { z } from 'zod';
import { shopifyCentsToMinor } from '../money';
import type { ProductKey, ProductRow } from '../model';
import { asVariantId, okRow, productOptions, saleCompareAt, type ParsedProduct, type RowContext } from './product-row';

/** Shopify money integer (amount × 100); capped so that × 10 (three-decimal currencies) stays a safe integer. */
export const Cents = z.number().int().nonnegative().max(1e14);
export const Text = (max: number) => z.string().max(max);
export const MAX_VARIANTS = 2048;
const OptionValue = Text(1000);

const ImageRef = z.looseObject({ src: Text(4096) });

const AjaxVariant = z.looseObject({
  id: z.number().int().positive(),
  title: Text(1000),
  available: z.boolean(),
  price: Cents,
  compare_at_price: Cents.nullable().optional(),
  options: z.array(OptionValue).max(10).optional(),
  option1: OptionValue.nullable().optional(),
  option2: OptionValue.nullable().optional(),
  option3: OptionValue.nullable().optional(),
  requires_selling_plan: z.boolean().optional(),
  featured_image: ImageRef.nullable().optional(),
});

// `.js` lists options as objects (`values` in real answers, not in the docs' example); Liquid as bare names.
const AjaxOption = z.union([Text(1000), z.looseObject({ name: Text(1000), values: z.array(OptionValue).max(MAX_VARIANTS).optional() })]);

export const AjaxProduct = z.looseObject({
  id: z.number().int().positive(),
  title: Text(2000),
  handle: Text(1000),
  vendor: Text(1000).optional(),
  variants: z.array(AjaxVariant).min(1).max(MAX_VARIANTS),
  options: z.array(AjaxOption).max(10).optional(),
  featured_image: Text(4096).nullable().optional(),
  images: z.array(Text(4096)).max(500).optional(),
  requires_selling_plan: z.boolean().optional(),
});
export type AjaxProduct = z.infer<typeof AjaxProduct>;

/**
 * Hosts a product image may come from: the store itself, Shopify's image CDN, and myshopify.com
 * names (research §1.3: `cdn.shopify.com` and `/cdn/shop/` are the two shapes real stores use).
 * The popup loads these images, so any other host would be a third party the store could use as
 * a tracking pixel on the shopper (docs/security.md § Privacy).
 */
function isStoreImageHost(hostname: string, host: string): boolean {
  return hostname === host || hostname === 'cdn.shopify.com' || hostname.endsWith('.myshopify.com');
}

/** Protocol-relative and path-only image URLs made absolute on the store; other schemes and hosts dropped. */
export function absoluteImageUrl(src: string | null | undefined, host: string): string | null {
  if (!src) return null;
  try {
    const url = new URL(src.startsWith('//') ? `https:${src}` : src, `https://${host}/`);
    return url.protocol === 'https:' && url.port === '' && url.username === '' && isStoreImageHost(url.hostname, host) ? url.href : null;
  } catch {
    return null;
  }
}

/** `option1..3` when a body has no `options` array on its variants (the `.json` endpoints). */
export function variantOptionValues(v: { options?: string[]; option1?: string | null; option2?: string | null; option3?: string | null }): string[] {
  return v.options ?? [v.option1, v.option2, v.option3].filter((value): value is string => typeof value === 'string');
}

/** The product-derived part of a row; `currency` picks the rescaling of `.js` money (research §1.9). */
export function parseAjaxProduct(product: AjaxProduct, host: string, currency: string): ParsedProduct {
  const variants = product.variants.map((v) => {
    const price = shopifyCentsToMinor(v.price, currency);
    return {
      id: asVariantId(v.id),
      title: v.title,
      available: v.available,
      price,
      compareAtPrice: saleCompareAt(price, v.compare_at_price ? shopifyCentsToMinor(v.compare_at_price, currency) : null),
      options: variantOptionValues(v),
      requiresSellingPlan: v.requires_selling_plan ?? product.requires_selling_plan ?? false,
      image: absoluteImageUrl(v.featured_image?.src, host),
    };
  });
  const names = (product.options ?? []).map((o) => (typeof o === 'string' ? { name: o } : o));
  return {
    handle: product.handle,
    title: product.title,
    vendor: product.vendor ?? null,
    image: absoluteImageUrl(product.featured_image ?? product.images?.[0], host),
    options: productOptions(names, variants),
    variants,
  };
}

export function normaliseAjaxProduct(product: AjaxProduct, where: RowContext & { key: ProductKey }): ProductRow {
  return okRow(parseAjaxProduct(product, where.host, where.currency), where);
}
