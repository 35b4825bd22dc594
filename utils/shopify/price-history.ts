/**
 * Price memory across checks of one product: a bounded history of its cheapest price and
 * the lowest price seen, per product and per variant (issue 4 §9: "price at save, current,
 * lowest seen"). Prices in different currencies are never compared: a market switch starts
 * a new lowest, and the history point records its currency.
 */
import { PRICE_HISTORY_LIMIT, type PricePoint, type ProductRow } from '../model';

function appendPoint(history: PricePoint[], point: PricePoint): PricePoint[] {
  const last = history.at(-1);
  if (last && last.currency === point.currency && last.minPrice === point.minPrice) return history;
  return [...history, point].slice(-PRICE_HISTORY_LIMIT);
}

/** `next` (a fresh `ok` row) carrying forward what `previous` remembered. */
export function withPriceHistory(previous: ProductRow | undefined, next: ProductRow): ProductRow {
  if (!previous || next.status !== 'ok' || next.minPrice === null || next.currency === null) return next;
  const sameCurrency = previous.currency === next.currency && previous.lastOkAt !== null;
  const lowestBefore = new Map(sameCurrency ? previous.variants.map((v) => [v.id, v.lowestPrice] as const) : []);
  const lowest = sameCurrency && previous.lowestPrice !== null ? Math.min(previous.lowestPrice, next.minPrice) : next.minPrice;
  return {
    ...next,
    lowestPrice: lowest,
    variants: next.variants.map((v) => ({ ...v, lowestPrice: Math.min(v.price, lowestBefore.get(v.id) ?? v.price) })),
    priceHistory: appendPoint(previous.priceHistory, { at: next.fetchedAt, currency: next.currency, minPrice: next.minPrice }),
  };
}
