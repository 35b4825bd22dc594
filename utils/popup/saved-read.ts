/**
 * Reading saved items for the popup. Background only (it reads the database). Reads are
 * sized by what is shown: in Chromium a product row costs about a quarter of a millisecond
 * to read (measured with 250 products of four variants: 63 ms), so the Saved tab's first
 * page reads only the stores on that page, and the ads of the items on it.
 */
import type { ScrollCartDb } from '../db';
import type { ProductRow, SavedRow, SightingRow, StoreRow, TikTokItemId } from '../model';
import { adRefOf } from './ad-ref';
import { buildSavedView } from './saved-view';
import type { SavedView } from './schemas';

export interface SavedContext {
  saved: SavedRow[];
  products: Map<string, ProductRow>;
  sightings: Map<string, SightingRow>;
  stores: Map<string, StoreRow>;
}

const unique = <T>(values: (T | null | undefined)[]): T[] => [...new Set(values.filter((v): v is T => v !== null && v !== undefined))];

function byKey<T>(keys: readonly string[], rows: (T | undefined)[]): Map<string, T> {
  const map = new Map<string, T>();
  keys.forEach((key, i) => rows[i] !== undefined && map.set(key, rows[i]));
  return map;
}

/** The host part of a saved key (`host/handle#variant`). */
export const hostOfSavedKey = (key: string): string => key.slice(0, key.indexOf('/'));

async function productsOf(db: ScrollCartDb, saved: readonly SavedRow[]) {
  const keys = unique(saved.map((r) => r.productKey));
  return byKey(keys, await db.products.bulkGet(keys));
}

async function sightingsOf(db: ScrollCartDb, ids: (string | null)[]) {
  const keys = unique(ids) as TikTokItemId[];
  return byKey(keys, await db.sightings.bulkGet(keys));
}

/** One store's saved rows with their products, ads and store row (checkout, refresh). */
export async function readStoreContext(db: ScrollCartDb, host: string): Promise<SavedContext> {
  return db.transaction('r', db.saved, db.products, db.sightings, db.stores, async () => {
    const saved = await db.saved.where('host').equals(host).toArray();
    return { saved, products: await productsOf(db, saved), sightings: await sightingsOf(db, saved.map((r) => r.sightingItemId)), stores: byKey([host], [await db.stores.get(host)]) };
  });
}

/**
 * The Saved tab's page of `limit` items. Stores are ordered by their newest item, so every
 * store on the page has its newest item among the `limit` newest rows: the hosts of those
 * rows are all that needs reading. (Two rows saved in the same millisecond at the page's
 * edge may put a store one page later; nothing is lost.)
 */
export async function readSavedPage(db: ScrollCartDb, limit: number, canFetchHost: (host: string) => Promise<boolean>): Promise<SavedView> {
  const ctx = await db.transaction('r', db.saved, db.products, db.sightings, db.stores, async () => {
    // Only the `limit` newest keys, read backwards through the savedAt index (one getAllKeys
    // where IndexedDB reads backwards, a key cursor elsewhere), and the count beside them.
    // Reading all 1,000 keys to take the newest cost 5–10 ms of the first paint in Chromium.
    const [newest, total] = await Promise.all([db.saved.orderBy('savedAt').reverse().limit(limit).primaryKeys(), db.saved.count()]);
    const hosts = unique(newest.map(hostOfSavedKey));
    // One read per store through the host index rather than one per row (100 gets at 1,000 items).
    const [byHost, stores] = await Promise.all([Promise.all(hosts.map((host) => db.saved.where('host').equals(host).toArray())), db.stores.bulkGet(hosts)]);
    const saved = byHost.flat();
    const products = await productsOf(db, saved);
    // An ad is read up front only where it decides the store's market (its product row is gone).
    const sightings = await sightingsOf(db, saved.filter((r) => !products.has(r.productKey)).map((r) => r.sightingItemId));
    return { saved, products, sightings, stores: byKey(hosts, stores), total };
  });
  const view = buildSavedView({ ...ctx, permittedHosts: new Set(ctx.saved.map((r) => r.host)) }, limit);
  const pageRows = new Map(ctx.saved.map((r) => [r.key, r]));
  // Asked outside the transaction (awaiting anything else inside would end it), for the page's stores only,
  // and all at once: each permission check is a round trip to the browser, the first paint waits for them all.
  const [ads, permitted] = await Promise.all([
    sightingsOf(db, view.groups.flatMap((g) => g.items.map((i) => pageRows.get(i.key)?.sightingItemId ?? null))),
    Promise.all(view.groups.map((group) => canFetchHost(group.host).catch(() => false))),
  ]);
  for (const [index, group] of view.groups.entries()) {
    group.permitted = permitted[index]!;
    for (const item of group.items) {
      const ad = ads.get(pageRows.get(item.key)?.sightingItemId ?? '');
      item.ad = ad ? adRefOf(ad) : null;
    }
  }
  return { ...view, totalItems: ctx.total };
}

