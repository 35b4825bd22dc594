/**
 * The shapes the popup's messages carry (utils/protocol/popup.ts): zod schemas, so the popup
 * validates what the background answers like any other message. Written with zod/mini's
 * functional API (the same checks as zod classic's methods): with every schema the popup
 * imports in zod/mini, zod classic stays out of the popup's bundle (docs/performance.md).
 */
import { z } from 'zod/mini';
import { ClickKind, LookupStatus } from '../model';

const Minor = z.int().check(z.nonnegative());
const Currency = z.string().check(z.regex(/^[A-Z]{3}$/));
const Id = z.int().check(z.positive());

export const PriceChangeSchema = z.union([
  z.object({ kind: z.enum(['drop', 'rise', 'same']), amount: z.int(), basisPoints: z.nullable(z.int()) }),
  z.object({ kind: z.literal('unknown') }),
]);

/** One variant the picker offers, with what makes it unbuyable marked. */
export const VariantChoice = z.object({
  id: Id,
  title: z.string(),
  available: z.boolean(),
  requiresSellingPlan: z.boolean(),
  price: Minor,
});
export type VariantChoice = z.infer<typeof VariantChoice>;

export const ProductChoices = z.object({
  options: z.array(z.object({ name: z.string(), values: z.array(z.string()) })),
  variants: z.array(VariantChoice),
});
export type ProductChoices = z.infer<typeof ProductChoices>;

/** The ad a saved item came from, with a link back to its TikTok video. */
export const AdRef = z.object({ itemId: z.string(), author: z.string(), caption: z.string(), videoUrl: z.nullable(z.string()) });
export type AdRef = z.infer<typeof AdRef>;

export const SavedItemView = z.object({
  key: z.string(),
  productKey: z.string(),
  variantId: Id,
  title: z.string(),
  /** null for Shopify's "Default Title" (a product without options). */
  variantTitle: z.nullable(z.string()),
  selectedOptions: z.array(z.object({ name: z.string(), value: z.string() })),
  image: z.nullable(z.string()),
  quantity: z.int().check(z.minimum(1), z.maximum(999)),
  /** The currency of `price` and `lowestPrice`: the product's now, else the one it was saved in. */
  currency: Currency,
  price: z.nullable(Minor),
  priceWhenSaved: Minor,
  savedCurrency: Currency,
  lowestPrice: z.nullable(Minor),
  change: PriceChangeSchema,
  /** null when the variant is no longer on the product. */
  available: z.nullable(z.boolean()),
  requiresSellingPlan: z.boolean(),
  /** null when the product was never looked up (or its row was deleted). */
  status: z.nullable(LookupStatus),
  detail: z.string(),
  lastChecked: z.nullable(z.number()),
  savedAt: z.number(),
  ad: z.nullable(AdRef),
});
export type SavedItemView = z.infer<typeof SavedItemView>;

export const LeftOut = z.object({ key: z.string(), title: z.string(), reason: z.enum(['unavailable', 'selling-plan', 'gone']) });
export type LeftOut = z.infer<typeof LeftOut>;

export const StoreGroupView = z.object({
  /** `host` + locale prefix: one cart permalink, one market, one currency. */
  id: z.string(),
  host: z.string(),
  localePrefix: z.string(),
  storeName: z.nullable(z.string()),
  currency: Currency,
  /** May ScrollCart still read this store? (a custom domain's permission can be revoked) */
  permitted: z.boolean(),
  passwordProtected: z.boolean(),
  /** Every saved item of the store; `items` holds only those of the requested page. */
  itemCount: z.int().check(z.nonnegative()),
  /** What checkout would cost now (every line it sends, in `currency`); null when a price is unknown. */
  total: z.nullable(Minor),
  /** What checkout will leave out, and why: known before the button is pressed. */
  leftOut: z.array(LeftOut),
  items: z.array(SavedItemView),
});
export type StoreGroupView = z.infer<typeof StoreGroupView>;

export const SavedView = z.object({
  /** Stores in order, each with the items of the requested page (stores past the page are left out). */
  groups: z.array(StoreGroupView),
  totalItems: z.int().check(z.nonnegative()),
  /** Per product key of the page's items: what the variant picker offers (once per product, not per saved variant). */
  choices: z.record(z.string(), ProductChoices),
});
export type SavedView = z.infer<typeof SavedView>;

/** A removed saved row, exactly as it was, so undo can put it back. */
export const RemovedRow = z.object({
  key: z.string().check(z.maxLength(700)),
  productKey: z.string().check(z.minLength(3), z.maxLength(600)),
  host: z.string().check(z.maxLength(253)),
  variantId: Id,
  quantity: z.int().check(z.minimum(1), z.maximum(999)),
  savedAt: z.number(),
  priceWhenSaved: Minor,
  currency: Currency,
  sightingItemId: z.nullable(z.string().check(z.regex(/^\d{1,25}$/))),
});
export type RemovedRow = z.infer<typeof RemovedRow>;

export const CheckoutPlan = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ready'), url: z.url({ protocol: /^https$/ }), lines: z.int().check(z.positive()), leftOut: z.array(LeftOut) }),
  z.object({ kind: z.literal('blocked'), reason: z.enum(['password-protected', 'nothing-to-buy', 'invalid-store']), leftOut: z.array(LeftOut) }),
]);
export type CheckoutPlan = z.infer<typeof CheckoutPlan>;

export const HistoryCursor = z.object({ time: z.number(), id: z.string().check(z.maxLength(100)) });
export type HistoryCursor = z.infer<typeof HistoryCursor>;

export const HistoryRow = z.object({
  id: z.string(),
  time: z.number(),
  kind: ClickKind,
  host: z.nullable(z.string()),
  storeName: z.nullable(z.string()),
  productKey: z.nullable(z.string()),
  productTitle: z.nullable(z.string()),
  itemId: z.nullable(z.string()),
  author: z.nullable(z.string()),
  videoUrl: z.nullable(z.string()),
});
export type HistoryRow = z.infer<typeof HistoryRow>;

export const HistoryPage = z.object({
  rows: z.array(HistoryRow),
  /** Where the next page starts; null at the oldest row. */
  next: z.nullable(HistoryCursor),
  /** The oldest time looked at: a search that found little tells how far back it went. */
  scannedTo: z.nullable(z.number()),
});
export type HistoryPage = z.infer<typeof HistoryPage>;
