/**
 * The `.json` product shapes: `/products/{handle}.json` (`{"product":{…}}`) and the
 * entries of `/products.json` (`{"products":[…]}`). Money is a decimal string, parsed
 * exactly (no floats); "no compare-at" is `null`, `""` or `"0.00"` depending on store and
 * era (research §1.1, samples product_json__*, products_json__*).
 */
import { z } from 'zod';
import { decimalToMinor } from '../money';
import type { ProductKey, ProductRow } from '../model';
import { MAX_VARIANTS, Text, absoluteImageUrl, variantOptionValues } from './product-schema';
import { asVariantId, okRow, productOptions, saleCompareAt, type ParsedProduct, type RowContext } from './product-row';

const Decimal = z.string().regex(/^\s*\d{1,12}(\.\d{1,6})?\s*$/, 'expected a decimal money string');
const OptionValue = Text(1000);

const JsonVariant = z.looseObject({
  id: z.number().int().positive(),
  title: Text(1000),
  price: Decimal,
  compare_at_price: z.union([Decimal, z.literal('')]).nullable().optional(),
  // `/products.json` says; the single-product `.json` often doesn't (older stores leak inventory instead).
  available: z.boolean().optional(),
  inventory_quantity: z.number().int().optional(),
  inventory_policy: Text(100).optional(),
  option1: OptionValue.nullable().optional(),
  option2: OptionValue.nullable().optional(),
  option3: OptionValue.nullable().optional(),
  image_id: z.number().int().nullable().optional(),
  featured_image: z.looseObject({ src: Text(4096) }).nullable().optional(),
});

const JsonImage = z.looseObject({ id: z.number().int().optional(), src: Text(4096) });

export const JsonProduct = z.looseObject({
  id: z.number().int().positive(),
  title: Text(2000),
  handle: Text(1000),
  vendor: Text(1000).optional(),
  variants: z.array(JsonVariant).min(1).max(MAX_VARIANTS),
  options: z.array(z.looseObject({ name: Text(1000), values: z.array(OptionValue).max(MAX_VARIANTS).optional() })).max(10).optional(),
  images: z.array(JsonImage).max(500).optional(),
  image: JsonImage.nullable().optional(),
});
export type JsonProduct = z.infer<typeof JsonProduct>;

/** `/products/{handle}.json` */
export const JsonProductEnvelope = z.looseObject({ product: JsonProduct });
/** `/products.json` and `/collections/{c}/products.json`: at most 250 per page (research §1.1). */
export const JsonProductsPage = z.looseObject({ products: z.array(JsonProduct).max(250) });

type JsonVariant = z.infer<typeof JsonVariant>;

function availableOf(v: JsonVariant): boolean {
  if (v.available !== undefined) return v.available;
  // Stock leaked by older stores; with no stock data at all the variant counts as buyable and checkout has the last word.
  if (v.inventory_quantity !== undefined) return v.inventory_quantity > 0 || v.inventory_policy === 'continue';
  return true;
}

/** The product-derived part of a row, or the field whose money could not be read exactly. */
export function parseJsonProduct(product: JsonProduct, host: string, currency: string): { ok: true; product: ParsedProduct } | { ok: false; field: string } {
  const imageById = new Map((product.images ?? []).map((image) => [image.id, image.src]));
  const variants = [];
  for (const [i, v] of product.variants.entries()) {
    const price = decimalToMinor(v.price, currency);
    if (price === null) return { ok: false, field: `variants.${i}.price` };
    const compareAt = v.compare_at_price ? decimalToMinor(v.compare_at_price, currency) : null;
    const image = v.featured_image?.src ?? (typeof v.image_id === 'number' ? imageById.get(v.image_id) : undefined);
    variants.push({
      id: asVariantId(v.id),
      title: v.title,
      available: availableOf(v),
      price,
      compareAtPrice: saleCompareAt(price, compareAt),
      options: variantOptionValues(v),
      // The `.json` shapes carry no selling-plan data (only `.js` does).
      requiresSellingPlan: false,
      image: absoluteImageUrl(image, host),
    });
  }
  return {
    ok: true,
    product: {
      handle: product.handle,
      title: product.title,
      vendor: product.vendor ?? null,
      image: absoluteImageUrl(product.image?.src ?? product.images?.[0]?.src, host),
      options: productOptions(product.options ?? [], variants),
      variants,
    },
  };
}

export function normaliseJsonProduct(product: JsonProduct, where: RowContext & { key: ProductKey }): { ok: true; row: ProductRow } | { ok: false; field: string } {
  const parsed = parseJsonProduct(product, where.host, where.currency);
  return parsed.ok ? { ok: true, row: okRow(parsed.product, where) } : parsed;
}
