import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isNotableDrop, priceChange } from '@/utils/popup/price-change';

const usd = (price: number) => ({ price, currency: 'USD' });

describe('priceChange', () => {
  it('reports drops and rises in minor units and basis points', () => {
    expect(priceChange(usd(52000), usd(46800))).toEqual({ kind: 'drop', amount: -5200, basisPoints: -1000 });
    expect(priceChange(usd(2400), usd(3200))).toEqual({ kind: 'rise', amount: 800, basisPoints: 3333 });
    expect(priceChange(usd(999), usd(999))).toEqual({ kind: 'same', amount: 0, basisPoints: 0 });
    // 1 cent off 3 dollars: 0.333…% → 33 basis points, symmetric for a rise.
    expect(priceChange(usd(300), usd(299))).toEqual({ kind: 'drop', amount: -1, basisPoints: -33 });
    expect(priceChange(usd(300), usd(301))).toEqual({ kind: 'rise', amount: 1, basisPoints: 33 });
  });

  it('works in each currency own minor unit (JPY has none, KWD has three)', () => {
    expect(priceChange({ price: 1000, currency: 'JPY' }, { price: 900, currency: 'JPY' })).toEqual({ kind: 'drop', amount: -100, basisPoints: -1000 });
    expect(priceChange({ price: 12345, currency: 'KWD' }, { price: 12346, currency: 'KWD' })).toMatchObject({ kind: 'rise', amount: 1, basisPoints: 1 });
  });

  it('never compares two currencies, a missing price, or a free item as a percentage', () => {
    expect(priceChange(usd(1000), { price: 900, currency: 'CAD' })).toEqual({ kind: 'unknown' });
    expect(priceChange(usd(1000), null)).toEqual({ kind: 'unknown' });
    expect(priceChange(usd(0), usd(500))).toEqual({ kind: 'rise', amount: 500, basisPoints: null });
  });

  it('agrees in sign with the amount and is exact to a basis point', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 0, max: 10_000_000 }), (then, now) => {
        const change = priceChange(usd(then), usd(now));
        if (change.kind === 'unknown' || change.basisPoints === null) return false;
        expect(Math.sign(change.amount)).toBe(Math.sign(now - then));
        expect(Math.abs(change.basisPoints - ((now - then) * 10_000) / then)).toBeLessThanOrEqual(0.5);
        return true;
      }),
    );
  });

  it('tells a notable drop by the threshold setting', () => {
    expect(isNotableDrop(priceChange(usd(1000), usd(950)), 5)).toBe(true);
    expect(isNotableDrop(priceChange(usd(1000), usd(951)), 5)).toBe(false);
    expect(isNotableDrop(priceChange(usd(1000), usd(1100)), 5)).toBe(false);
  });
});
