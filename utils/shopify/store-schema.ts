/**
 * The two store-level answers the resolver reads: the presentment currency in
 * `/{prefix}/cart.js` and the Shopify probe `/meta.json` (research §1.3, §1.5, §1.6).
 */
import { z } from 'zod';

const IsoCurrency = z.string().regex(/^[A-Z]{3}$/);

/** `/{prefix}/cart.js`: only `currency` matters; a cookieless visitor's cart is always empty. */
export const CartCurrency = z.looseObject({ currency: IsoCurrency });

/** `/meta.json`: a Shopify storefront names its `*.myshopify.com` domain; `currency` is the base currency. */
export const ShopMeta = z.looseObject({
  myshopify_domain: z.string().max(255).regex(/^[a-z0-9-]+\.myshopify\.com$/),
  name: z.string().max(1000).optional(),
  currency: IsoCurrency.optional(),
});
export type ShopMeta = z.infer<typeof ShopMeta>;

/** The path of the first failing field of a zod error, as a person reads it ("variants.0.price"). */
export function failedField(error: z.ZodError): string {
  return error.issues[0]?.path.map(String).join('.') || 'body';
}
