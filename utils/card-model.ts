/**
 * What the overlay card shows for one ad: built by the background from the sighting and
 * its resolved product, validated by the content script like any other message.
 */
import { z } from 'zod/mini';
import { buildCartPermalink } from './cart-permalink';
import { AdKind, LookupStatus, type AdSighting, type ProductRow, type VariantRow } from './model';
import { identifyProduct } from './shopify/product-url';

export const CardModel = z.discriminatedUnion('state', [
  z.object({
    state: z.literal('product'),
    host: z.string(),
    storeName: z.nullable(z.string()),
    title: z.string(),
    variantTitle: z.nullable(z.string()),
    variantId: z.int().check(z.positive()),
    currency: z.string().check(z.regex(/^[A-Z]{3}$/)),
    price: z.int().check(z.nonnegative()),
    compareAtPrice: z.nullable(z.int().check(z.nonnegative())),
    available: z.boolean(),
    // The card sets it as a link's href: a web address, never javascript: or data: (cart permalinks are https).
    buyUrl: z.nullable(z.url({ protocol: /^https$/ })),
  }),
  z.object({ state: z.literal('failed'), host: z.string(), status: LookupStatus, detail: z.string().check(z.maxLength(500)) }),
  z.object({ state: z.literal('needs-permission'), host: z.string() }),
  z.object({ state: z.literal('not-shoppable'), adKind: AdKind }),
  z.object({ state: z.literal('pending') }),
]);
export type CardModel = z.infer<typeof CardModel>;

/** The variant the ad advertised (`?variant=`), else the first available, else the first. */
export function advertisedVariant(product: ProductRow, landingUrl: string): VariantRow | undefined {
  const ref = identifyProduct(landingUrl);
  const wanted = ref.kind === 'product' ? ref.variantId : null;
  return product.variants.find((v) => v.id === wanted) ?? product.variants.find((v) => v.available) ?? product.variants[0];
}

export interface CardOptions {
  permitted: boolean;
  /** Settings: forward the ad's utm_* tags to checkout, and land on the cart page instead of checkout. */
  forwardUtm: boolean;
  checkoutLanding: 'checkout' | 'cart';
}

export function cardModelFor(sighting: Pick<AdSighting, 'landingUrl' | 'adKind'>, product: ProductRow | null, options: CardOptions): CardModel {
  const { permitted } = options;
  const ref = identifyProduct(sighting.landingUrl);
  if (ref.kind !== 'product') return { state: 'not-shoppable', adKind: sighting.adKind };
  if (!permitted) return { state: 'needs-permission', host: ref.host };
  if (!product) return { state: 'pending' };
  if (product.status !== 'ok' || !product.currency) return { state: 'failed', host: ref.host, status: product.status, detail: product.detail.slice(0, 500) };
  const variant = advertisedVariant(product, sighting.landingUrl);
  if (!variant) return { state: 'failed', host: ref.host, status: 'invalid-response', detail: 'the product has no variants' };
  const utm = options.forwardUtm ? Object.fromEntries([...new URL(sighting.landingUrl).searchParams].filter(([key]) => key.startsWith('utm_'))) : {};
  const permalink = buildCartPermalink({
    host: ref.host,
    localePrefix: ref.localePrefix,
    lines: [{ variantId: variant.id, quantity: 1 }],
    utm,
    storefront: options.checkoutLanding === 'cart',
  });
  return {
    state: 'product',
    host: ref.host,
    storeName: product.storeName,
    title: product.title ?? ref.handle,
    variantTitle: variant.title === 'Default Title' ? null : variant.title,
    variantId: variant.id,
    currency: product.currency,
    price: variant.price,
    compareAtPrice: variant.compareAtPrice,
    available: variant.available,
    buyUrl: permalink.ok && variant.available ? permalink.url : null,
  };
}
