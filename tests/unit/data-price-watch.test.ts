import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ProductKey, WatchRow } from '@/utils/model';
import { noticeFor, noticeId, productKeyOfNotice, type Translate } from '@/utils/data/notice-text';
import { dueProducts, isDropOf, judgeVariant, productChange, variantSeen, type SavedForWatch } from '@/utils/data/price-watch';
import { productRow, variantRow } from './data-rows';

const HOUR = 60 * 60 * 1000;
const key = 'demo-store.myshopify.com/tote' as ProductKey;
const saved: SavedForWatch = { key: `${key}#1`, productKey: key, variantId: 1 as SavedForWatch['variantId'], priceWhenSaved: 10_000, currency: 'USD' };
const watch = (extra: Partial<WatchRow> = {}): WatchRow => ({ key: saved.key, productKey: key, checkedAt: 0, referencePrice: 10_000, currency: 'USD', price: 10_000, available: true, ...extra });
const seen = (price: number, available = true, currency = 'USD') => ({ price, available, currency });
const judge = (previous: WatchRow | undefined, s: ReturnType<typeof seen> | null, availableBefore: boolean | null = true) =>
  judgeVariant({ saved, previous, availableBefore, seen: s, thresholdPercent: 5, now: 50 });

describe('judgeVariant: what changed for the shopper', () => {
  it('tells a drop of at least the threshold against the price at save, once', () => {
    const first = judge(undefined, seen(9_500));
    expect(first.change).toEqual({ kind: 'drop', from: 10_000, to: 9_500, percent: 5, restocked: false });
    expect(first.next).toMatchObject({ referencePrice: 9_500, price: 9_500, available: true, checkedAt: 50 });
    // The same price at the next check is no change: the drop was told.
    expect(judge(first.next, seen(9_500)).change).toBeNull();
  });

  it('ignores drops under the threshold, but they add up against the price last told', () => {
    const small = judge(undefined, seen(9_600));
    expect(small.change).toBeNull();
    expect(small.next.referencePrice).toBe(10_000);
    expect(judge(small.next, seen(9_500)).change).toMatchObject({ kind: 'drop', from: 10_000, to: 9_500 });
  });

  it('moves the reference up on a rise, so a later fall back is a new change', () => {
    const risen = judge(watch({ referencePrice: 9_000, price: 9_000 }), seen(10_000));
    expect(risen).toMatchObject({ change: null, next: { referencePrice: 10_000 } });
    expect(judge(risen.next, seen(9_000)).change).toMatchObject({ kind: 'drop', from: 10_000, to: 9_000, percent: 10 });
  });

  it('tells a restock once, and a drop found on a sold-out variant only when it is back', () => {
    const soldOut = judge(watch(), seen(8_000, false));
    expect(soldOut).toMatchObject({ change: null, next: { available: false, referencePrice: 10_000 } });
    expect(judge(soldOut.next, seen(8_000, true)).change).toEqual({ kind: 'drop', from: 10_000, to: 8_000, percent: 20, restocked: true });
    const back = judge(watch({ available: false }), seen(10_000, true));
    expect(back.change).toEqual({ kind: 'restock', price: 10_000 });
    expect(judge(back.next, seen(10_000, true)).change).toBeNull();
  });

  it('uses the cached availability before the first check, and says nothing when it is unknown', () => {
    expect(judge(undefined, seen(10_000, true), false).change).toEqual({ kind: 'restock', price: 10_000 });
    expect(judge(undefined, seen(10_000, true), null).change).toBeNull();
  });

  it('never compares two currencies: a new currency starts over', () => {
    const cad = judge(watch(), seen(5_000, true, 'CAD'));
    expect(cad).toMatchObject({ change: null, next: { currency: 'CAD', referencePrice: 5_000 } });
  });

  it('a failed check only moves the row to the back of the queue', () => {
    expect(judge(watch({ checkedAt: 1 }), null)).toEqual({ next: watch({ checkedAt: 50 }), change: null });
  });

  it('isDropOf is exact in integers and agrees with the percentage', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 1, max: 90 }), (from, to, pct) => {
        expect(isDropOf(from, to, pct)).toBe(to < from && (from - to) / from >= pct / 100 - 1e-12);
      }),
    );
  });
});

describe('productChange: one notification per product', () => {
  it('keeps the biggest drop, marked restocked when any variant came back', () => {
    const drop = (percent: number) => ({ kind: 'drop' as const, from: 100, to: 100 - percent, percent, restocked: false });
    expect(productChange([drop(5), null, drop(20), { kind: 'restock', price: 70 }])).toEqual({ ...drop(20), restocked: true });
    expect(productChange([{ kind: 'restock', price: 90 }, { kind: 'restock', price: 70 }])).toEqual({ kind: 'restock', price: 70 });
    expect(productChange([null, null])).toBeNull();
  });
});

describe('dueProducts', () => {
  it('lists products not checked for 6 h, never-checked first, then oldest; a product is as old as its oldest variant', () => {
    const other = 'demo-store.myshopify.com/cap' as ProductKey;
    const third = 'tokyo-goods.myshopify.com/cup' as ProductKey;
    const rows: SavedForWatch[] = [saved, { ...saved, key: `${key}#2` }, { ...saved, key: `${other}#1`, productKey: other }, { ...saved, key: `${third}#1`, productKey: third }];
    const now = 100 * HOUR;
    const watches = [watch({ checkedAt: now - HOUR }), { ...watch({ checkedAt: now - 7 * HOUR }), key: `${other}#1`, productKey: other }, { ...watch({ checkedAt: now - 9 * HOUR }), key: `${third}#1`, productKey: third }];
    // tote#2 has no watch row: the tote is due first even though tote#1 was checked an hour ago.
    expect(dueProducts(rows, watches, now)).toEqual([key, third, other]);
    expect(dueProducts(rows.slice(2), watches, now - 2 * HOUR)).toEqual([third]);
  });
});

describe('variantSeen and the notice text', () => {
  it('reads a variant only from a successful lookup', () => {
    const product = productRow('demo-store.myshopify.com', 'tote', [variantRow(1, 9_000, { available: false })]);
    expect(variantSeen(product, 1)).toEqual({ price: 9_000, available: false, currency: 'USD' });
    expect(variantSeen({ ...product, status: 'network' }, 1)).toBeNull();
    expect(variantSeen(product, 2)).toBeNull();
  });

  it('words a drop and a restock with the store and formatted prices', () => {
    const translate: Translate = (k, subs) => `${k}(${subs.join('|')})`;
    const subject = { title: 'Tote', store: 'Demo Store', currency: 'USD' };
    expect(noticeFor({ kind: 'drop', from: 10_000, to: 8_000, percent: 20, restocked: false }, subject, translate, 'en-US')).toEqual({
      title: 'data_notifyDropTitle(Tote)',
      message: 'data_notifyDropBody($80.00|$100.00|Demo Store|20)',
    });
    expect(noticeFor({ kind: 'drop', from: 100, to: 50, percent: 50, restocked: true }, subject, translate, 'en-US').title).toBe('data_notifyDropBackTitle(Tote)');
    expect(noticeFor({ kind: 'restock', price: 1_500 }, { ...subject, currency: 'JPY' }, translate, 'en-US')).toEqual({ title: 'data_notifyRestockTitle(Tote)', message: 'data_notifyRestockBody(Demo Store|¥1,500)' });
    expect(productKeyOfNotice(noticeId(key))).toBe(key);
    expect(productKeyOfNotice('someone-else')).toBeNull();
  });
});
