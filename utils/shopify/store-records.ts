/**
 * The `stores` table: what ScrollCart learned about a store host (Shopify or not, its name,
 * base currency, and the presentment currency of each market prefix), each with the time
 * it was learned so it can expire. Every change is a read-modify-write in one transaction.
 */
import type { ScrollCartDb } from '../db';
import type { StoreMarket, StoreRow } from '../model';

export function emptyStore(host: string, now: number): StoreRow {
  return {
    host,
    name: null,
    currencyByPrefix: {},
    checkedAt: now,
    markets: {},
    platform: 'unknown',
    platformCheckedAt: null,
    myshopifyDomain: null,
    baseCurrency: null,
  };
}

/** `*.myshopify.com` names only Shopify stores: no probe needed (research §1.3). */
export function isMyshopifyHost(host: string): boolean {
  return host.endsWith('.myshopify.com');
}

export async function updateStore(db: ScrollCartDb, host: string, now: number, change: (row: StoreRow) => StoreRow): Promise<StoreRow> {
  return db.transaction('rw', db.stores, async () => {
    const row = change((await db.stores.get(host)) ?? emptyStore(host, now));
    const next = { ...row, checkedAt: now };
    await db.stores.put(next);
    return next;
  });
}

/** The store with one market's currency set; `currencyByPrefix` (schema v1's field) is kept in step. */
export function withMarket(row: StoreRow, prefix: string, market: StoreMarket): StoreRow {
  return {
    ...row,
    markets: { ...row.markets, [prefix]: market },
    currencyByPrefix: { ...row.currencyByPrefix, [prefix]: market.currency },
  };
}
