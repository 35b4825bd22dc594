/**
 * The price watch's decisions (issue 4 §9), pure: which saved products are due for a
 * re-check, and what changed for the shopper since they last heard. A change is told once:
 * the watch row remembers the price the shopper last heard of (`referencePrice`) and the
 * availability last seen, and both move on as soon as the change is decided.
 */
import type { ProductKey, ProductRow, SavedRow, WatchRow } from '../model';

/** A saved product is re-read from its store about this often. */
export const WATCH_EVERY_MS = 6 * 60 * 60 * 1000;
/** Products re-read per run: a small batch, each still through its host's limiter and breaker. */
export const WATCH_BATCH = 8;

export type SavedForWatch = Pick<SavedRow, 'key' | 'productKey' | 'variantId' | 'priceWhenSaved' | 'currency'>;

export type PriceChange =
  | { kind: 'drop'; from: number; to: number; percent: number; restocked: boolean }
  | { kind: 'restock'; price: number };

/** Saved products due for a re-check, least recently checked first (never checked = first). */
export function dueProducts(saved: readonly SavedForWatch[], watches: readonly WatchRow[], now: number, everyMs = WATCH_EVERY_MS): ProductKey[] {
  const checkedAt = new Map(watches.map((w) => [w.key, w.checkedAt]));
  const lastCheck = new Map<ProductKey, number>();
  for (const row of saved) {
    const at = checkedAt.get(row.key) ?? Number.NEGATIVE_INFINITY;
    lastCheck.set(row.productKey, Math.min(lastCheck.get(row.productKey) ?? Number.POSITIVE_INFINITY, at));
  }
  return [...lastCheck]
    .filter(([, at]) => at <= now - everyMs)
    .sort(([keyA, a], [keyB, b]) => a - b || keyA.localeCompare(keyB))
    .map(([key]) => key);
}

/** What a check read of one variant: null when the check failed or the variant is gone. */
export interface VariantSeen {
  price: number;
  available: boolean;
  currency: string;
}

export function variantSeen(product: ProductRow | undefined, variantId: number): VariantSeen | null {
  if (!product || product.status !== 'ok' || !product.currency) return null;
  const variant = product.variants.find((v) => v.id === variantId);
  return variant ? { price: variant.price, available: variant.available, currency: product.currency } : null;
}

export interface JudgeInput {
  saved: SavedForWatch;
  previous: WatchRow | undefined;
  /** The variant's availability before this check (from the cached product row), used when no watch row exists yet. */
  availableBefore: boolean | null;
  seen: VariantSeen | null;
  thresholdPercent: number;
  now: number;
}

/** Is `to` at least `percent` % below `from`? Integer arithmetic: minor units never become floats. */
export function isDropOf(from: number, to: number, percent: number): boolean {
  return to < from && (from - to) * 100 >= percent * from;
}

/** The next watch row of one saved variant, and the change to tell (null: nothing worth a word). */
export function judgeVariant({ saved, previous, availableBefore, seen, thresholdPercent, now }: JudgeInput): { next: WatchRow; change: PriceChange | null } {
  const base: WatchRow = previous ?? {
    key: saved.key,
    productKey: saved.productKey,
    checkedAt: now,
    referencePrice: saved.priceWhenSaved,
    currency: saved.currency,
    price: null,
    available: availableBefore,
  };
  // A failed check moves the row to the back of the queue and changes nothing else.
  if (!seen) return { next: { ...base, checkedAt: now }, change: null };
  const observed = { checkedAt: now, price: seen.price, available: seen.available };
  // Prices in two currencies are never compared: the new currency's price is the new reference.
  if (seen.currency !== base.currency) return { next: { ...base, ...observed, currency: seen.currency, referencePrice: seen.price }, change: null };

  const reference = base.referencePrice;
  const restocked = base.available === false && seen.available;
  // A lower price on a sold-out variant is no use yet: it is told with the restock, if still low then.
  const dropped = seen.available && isDropOf(reference, seen.price, thresholdPercent);
  const nextReference = dropped || seen.price > reference ? seen.price : reference;
  const next = { ...base, ...observed, referencePrice: nextReference };
  if (dropped) return { next, change: { kind: 'drop', from: reference, to: seen.price, percent: Math.floor(((reference - seen.price) * 100) / reference), restocked } };
  return { next, change: restocked ? { kind: 'restock', price: seen.price } : null };
}

/**
 * One notification per product per change: of its saved variants' changes, the biggest
 * drop (marked restocked if any variant came back), else a restock at the lowest price.
 */
export function productChange(changes: readonly (PriceChange | null)[]): PriceChange | null {
  const drops = changes.filter((c): c is Extract<PriceChange, { kind: 'drop' }> => c?.kind === 'drop');
  const restocks = changes.filter((c): c is Extract<PriceChange, { kind: 'restock' }> => c?.kind === 'restock');
  if (drops.length > 0) {
    const biggest = drops.reduce((a, b) => (b.percent > a.percent ? b : a));
    return { ...biggest, restocked: biggest.restocked || restocks.length > 0 };
  }
  if (restocks.length > 0) return { kind: 'restock', price: Math.min(...restocks.map((r) => r.price)) };
  return null;
}
