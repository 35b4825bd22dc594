/**
 * The history's retention (issue 4 §8, settings.historyRetentionDays): clicks older than the
 * window go; so do sightings not seen within it unless a saved item came from them, their
 * snapshots, and product rows nothing refers to any more that were not read within it.
 * Saved items and their products are kept whatever their age: the shopper chose to keep them.
 */
import type { ScrollCartDb } from '../db';
import type { ProductKey, TikTokItemId } from '../model';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Rows older than this time are out of the window. */
export function retentionCutoff(now: number, days: number): number {
  return now - days * DAY_MS;
}

export interface RetentionResult {
  clicks: number;
  sightings: number;
  snapshots: number;
  products: number;
}

/** One transaction: a worker killed mid-way leaves the history as it was, and the next pass does it all. */
export async function applyRetention(db: ScrollCartDb, now: number, days: number): Promise<RetentionResult> {
  const cutoff = retentionCutoff(now, days);
  return db.transaction('rw', [db.clicks, db.sightings, db.snapshots, db.products, db.saved], async () => {
    const clicks = await db.clicks.where('time').below(cutoff).delete();

    const saved = await db.saved.toArray();
    const keptItems = new Set<TikTokItemId | null>(saved.map((s) => s.sightingItemId));
    const stale = await db.sightings.where('lastSeen').below(cutoff).filter((s) => !keptItems.has(s.itemId)).toArray();
    const goneItems = stale.map((s) => s.itemId);
    await db.sightings.bulkDelete(goneItems);
    const snapshots = goneItems.length > 0 ? await db.snapshots.where('sightingItemId').anyOf(goneItems).delete() : 0;

    // A product row is the lookup cache and a price history: once no ad and no saved item names it, it is history too.
    const savedProducts = new Set<ProductKey>(saved.map((s) => s.productKey));
    const oldProducts = await db.products.where('fetchedAt').below(cutoff).primaryKeys();
    const orphans: ProductKey[] = [];
    for (const key of oldProducts) {
      if (savedProducts.has(key)) continue;
      if ((await db.sightings.where('productKey').equals(key).count()) === 0) orphans.push(key);
    }
    await db.products.bulkDelete(orphans);
    return { clicks, sightings: goneItems.length, snapshots, products: orphans.length };
  });
}
