/**
 * Reading the click history a page at a time, newest first. Background only (it reads the
 * database). Paging is keyset paging on the `time` index — a cursor (time, id), never an
 * offset — so the thousandth page costs what the first does, with 100,000 rows or more.
 * Rows of one millisecond are told apart by id: IndexedDB orders an index's equal keys by
 * primary key, and a reversed cursor walks them by descending id.
 */
import type { ScrollCartDb } from '../db';
import type { ClickRow, ProductKey, ProductRow, SightingRow, StoreRow, TikTokItemId } from '../model';
import { tiktokVideoUrl } from './ad-ref';
import { foldForSearch, matchesQuery } from './history-view';
import type { HistoryCursor, HistoryPage, HistoryRow } from './schemas';

export interface HistoryRequest {
  cursor: HistoryCursor | null;
  limit: number;
  query: string;
}

/** A search looks at this many rows at most per request, then answers with what it found and where it stopped. */
export const SEARCH_SCAN_BUDGET = 5_000;
const SEARCH_CHUNK = 500;

/** Up to `n` rows strictly older than `cursor` in (time, id) order, newest first. */
export async function rowsBefore(db: ScrollCartDb, cursor: HistoryCursor | null, n: number): Promise<ClickRow[]> {
  if (!cursor) return db.clicks.orderBy('time').reverse().limit(n).toArray();
  const ties = (await db.clicks.where('time').equals(cursor.time).toArray()).filter((r) => r.id < cursor.id).sort((a, b) => (a.id < b.id ? 1 : -1));
  if (ties.length >= n) return ties.slice(0, n);
  const older = await db.clicks.where('time').below(cursor.time).reverse().limit(n - ties.length).toArray();
  return [...ties, ...older];
}

interface Lookups {
  products: Map<string, ProductRow | undefined>;
  sightings: Map<string, SightingRow | undefined>;
  stores: Map<string, StoreRow | undefined>;
}

async function fill<T>(cache: Map<string, T | undefined>, keys: (string | null)[], get: (keys: string[]) => Promise<(T | undefined)[]>) {
  const missing = [...new Set(keys.filter((k): k is string => k !== null && !cache.has(k)))];
  if (missing.length === 0) return;
  const found = await get(missing);
  missing.forEach((key, i) => cache.set(key, found[i]));
}

/** Adds what a person reads to each click: store name, product title, the ad's author and video. */
export async function describeClicks(db: ScrollCartDb, rows: readonly ClickRow[], lookups: Lookups): Promise<HistoryRow[]> {
  await fill(lookups.products, rows.map((r) => r.productKey), (keys) => db.products.bulkGet(keys as ProductKey[]));
  await fill(lookups.sightings, rows.map((r) => r.sightingItemId), (keys) => db.sightings.bulkGet(keys as TikTokItemId[]));
  await fill(lookups.stores, rows.map((r) => r.host), (keys) => db.stores.bulkGet(keys));
  return rows.map((r) => {
    const product = r.productKey ? lookups.products.get(r.productKey) : undefined;
    const sighting = r.sightingItemId ? lookups.sightings.get(r.sightingItemId) : undefined;
    return {
      id: r.id,
      time: r.time,
      kind: r.kind,
      host: r.host,
      storeName: (r.host ? lookups.stores.get(r.host)?.name : null) ?? product?.storeName ?? null,
      productKey: r.productKey,
      productTitle: product?.title ?? null,
      itemId: r.sightingItemId,
      author: sighting?.author ?? null,
      videoUrl: sighting && r.sightingItemId ? tiktokVideoUrl(sighting.author, r.sightingItemId) : null,
    };
  });
}

export async function readHistoryPage(db: ScrollCartDb, request: HistoryRequest): Promise<HistoryPage> {
  const query = foldForSearch(request.query.trim());
  const lookups: Lookups = { products: new Map(), sightings: new Map(), stores: new Map() };
  const found: HistoryRow[] = [];
  let at = request.cursor;
  let scanned = 0;
  while (found.length < request.limit && (scanned === 0 || scanned < SEARCH_SCAN_BUDGET)) {
    const wanted = query ? SEARCH_CHUNK : request.limit - found.length;
    const chunk = await rowsBefore(db, at, wanted);
    let used = 0;
    for (const row of await describeClicks(db, chunk, lookups)) {
      scanned += 1;
      used += 1;
      at = { time: row.time, id: row.id };
      if (matchesQuery(row, query)) found.push(row);
      if (found.length === request.limit) break;
    }
    // A short chunk read to its end is the oldest row: say so, instead of a cursor to an empty page.
    if (chunk.length < wanted && used === chunk.length) return { rows: found, next: null, scannedTo: at?.time ?? null };
  }
  return { rows: found, next: at, scannedTo: at?.time ?? null };
}
