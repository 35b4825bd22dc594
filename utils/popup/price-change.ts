/**
 * How a saved item's price moved since it was saved, in integer minor units. Prices in two
 * currencies are never compared (a market switch is not a price drop: docs/data-model.md § Money).
 */
export type PriceChange =
  | { kind: 'drop' | 'rise' | 'same'; /** now − then, minor units */ amount: number; /** change in 1/100 of a percent; null when the old price was 0 */ basisPoints: number | null }
  | { kind: 'unknown' };

/** Rounds half away from zero, so a drop and a rise of the same size show the same figure. */
function roundHalfAway(value: number): number {
  return Math.sign(value) * Math.round(Math.abs(value));
}

export function priceChange(then: { price: number; currency: string }, now: { price: number; currency: string } | null): PriceChange {
  if (!now || now.currency !== then.currency || !Number.isInteger(then.price) || !Number.isInteger(now.price)) return { kind: 'unknown' };
  const amount = now.price - then.price;
  const kind = amount < 0 ? 'drop' : amount > 0 ? 'rise' : 'same';
  // Integer maths first (amount × 10000 stays exact far beyond any price), one division last.
  const basisPoints = then.price === 0 ? (amount === 0 ? 0 : null) : roundHalfAway((amount * 10_000) / then.price);
  return { kind, amount, basisPoints };
}

/** True when a drop is at least `thresholdPercent` of the old price (the notification setting). */
export function isNotableDrop(change: PriceChange, thresholdPercent: number): boolean {
  return change.kind === 'drop' && change.basisPoints !== null && -change.basisPoints >= thresholdPercent * 100;
}
