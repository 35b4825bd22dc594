/**
 * "Delete everything" (issue 4 §8): every table of the database in one transaction, then
 * storage.local (settings return to their defaults) and storage.session, and the
 * notifications on screen, which name products.
 *
 * A store lookup already in flight when the shopper deletes can still write its product
 * (and store) row afterwards: the resolver finishes what it started. `sweepOrphanCaches`,
 * run once those lookups are over, removes rows that no ad and no saved item refers to, so
 * nothing from before the deletion survives it. A worker killed before the sweep also killed
 * those lookups, so nothing is left behind that way either.
 */
import type { ScrollCartDb } from '../db';
import type { ProductKey } from '../model';
import { hostOfProductKey } from './origins';
import type { DataServices } from './services';

/** Longer than the resolver's slowest lookup: 3 attempts of 10 s with back-off (utils/shopify/retry-policy.ts). */
export const SWEEP_AFTER_MS = 60_000;

export type DeletedCounts = Record<string, number>;

export async function deleteEverything(db: ScrollCartDb, services: Pick<DataServices, 'clearStorage' | 'clearNotifications'>): Promise<DeletedCounts> {
  const deleted = await db.transaction('rw', db.tables, async () => {
    const counts: DeletedCounts = {};
    for (const table of db.tables) {
      counts[table.name] = await table.count();
      await table.clear();
    }
    return counts;
  });
  await services.clearStorage();
  await services.clearNotifications();
  return deleted;
}

/** Deletes product rows no sighting or saved item names, and store rows of hosts with no product left. */
export async function sweepOrphanCaches(db: ScrollCartDb): Promise<{ products: number; stores: number }> {
  return db.transaction('rw', [db.products, db.stores, db.sightings, db.saved], async () => {
    const named = new Set<ProductKey>([...(await db.saved.toArray()).map((s) => s.productKey)]);
    for (const key of await db.sightings.orderBy('productKey').uniqueKeys()) named.add(key as ProductKey);
    const orphans = (await db.products.toCollection().primaryKeys()).filter((key) => !named.has(key));
    await db.products.bulkDelete(orphans);
    const hostsInUse = new Set((await db.products.toCollection().primaryKeys()).map(hostOfProductKey));
    const idleStores = (await db.stores.toCollection().primaryKeys()).filter((host) => !hostsInUse.has(host));
    await db.stores.bulkDelete(idleStores);
    return { products: orphans.length, stores: idleStores.length };
  });
}
