/**
 * The `scrollcart` IndexedDB database: the single source of truth (DESIGN.md § Remember).
 * Only the background opens it; the linter keeps content scripts away from this file.
 * Each schema version below is kept forever, with a migration test opening the previous one.
 */
import Dexie, { type EntityTable, type Transaction } from 'dexie';
import type { ClickRow, JobRow, ProductRow, SavedRow, SightingRow, SnapshotRow, StoreRow, VariantRow, WatchRow } from './model';

export const DB_NAME = 'scrollcart';

export type ScrollCartDb = Dexie & {
  sightings: EntityTable<SightingRow, 'itemId'>;
  products: EntityTable<ProductRow, 'key'>;
  stores: EntityTable<StoreRow, 'host'>;
  saved: EntityTable<SavedRow, 'key'>;
  clicks: EntityTable<ClickRow, 'id'>;
  snapshots: EntityTable<SnapshotRow, 'id'>;
  jobs: EntityTable<JobRow, 'id'>;
  watches: EntityTable<WatchRow, 'key'>;
};

/** Version 1. Indexes are the ones the popup, dashboard and resolver query by. */
export const SCHEMA_V1 = {
  sightings: 'itemId, productKey, lastSeen, firstSeen',
  products: 'key, host, fetchedAt, status',
  stores: 'host',
  saved: 'key, productKey, host, savedAt',
  clicks: 'id, time, kind, host, productKey, [host+time]',
  snapshots: '++id, sightingItemId, takenAt',
} as const;

/** Version 2: a `jobs` table (persisted pending lookups); product and store rows gain fields, filled in by `upgradeToV2`. */
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  jobs: 'id, kind, dueAt, key',
} as const;

/** Version 3: a `watches` table (what the price watch last saw of each saved variant); no row changes. */
export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  watches: 'key, productKey, checkedAt',
} as const;

type V1Variant = Pick<VariantRow, 'id' | 'title' | 'available' | 'price' | 'compareAtPrice'>;
type V1Product = Omit<ProductRow, 'variants' | 'localePrefix' | 'vendor' | 'storeName' | 'options' | 'requiresSellingPlan' | 'currencySource' | 'lastOkAt' | 'expiresAt' | 'minPrice' | 'lowestPrice' | 'priceHistory'> & {
  variants: V1Variant[];
};
type V1Store = Pick<StoreRow, 'host' | 'name' | 'currencyByPrefix' | 'checkedAt'>;

/** A version-1 product row with the version-2 fields: what v1 knew is kept, the rest is "unknown" and refetched. */
export function upgradeProductToV2(row: V1Product): ProductRow {
  const variants = row.variants.map((v) => ({ ...v, options: [], requiresSellingPlan: false, image: null, lowestPrice: v.price }));
  const ok = row.status === 'ok' && row.currency !== null && variants.length > 0;
  const minPrice = ok ? Math.min(...variants.map((v) => v.price)) : null;
  return {
    ...row,
    variants,
    localePrefix: '',
    vendor: null,
    storeName: null,
    options: [],
    requiresSellingPlan: false,
    // v1 read `cart.js` for every product it stored.
    currencySource: row.currency !== null ? 'cart' : null,
    lastOkAt: ok ? row.fetchedAt : null,
    // Expired: the first resolve after the upgrade refetches and fills vendor, options, images.
    expiresAt: row.fetchedAt,
    minPrice,
    lowestPrice: minPrice,
    priceHistory: ok && minPrice !== null ? [{ at: row.fetchedAt, currency: row.currency!, minPrice }] : [],
  };
}

export function upgradeStoreToV2(row: V1Store): StoreRow {
  const markets = Object.fromEntries(Object.entries(row.currencyByPrefix).map(([prefix, currency]) => [prefix, { currency, source: 'cart' as const, checkedAt: row.checkedAt }]));
  return { ...row, markets, platform: 'unknown', platformCheckedAt: null, myshopifyDomain: null, baseCurrency: null };
}

async function upgradeToV2(tx: Transaction): Promise<void> {
  await tx.table('products').toCollection().modify((row: V1Product, ref: { value: ProductRow }) => {
    ref.value = upgradeProductToV2(row);
  });
  await tx.table('stores').toCollection().modify((row: V1Store, ref: { value: StoreRow }) => {
    ref.value = upgradeStoreToV2(row);
  });
}

export function openDb(name: string = DB_NAME): ScrollCartDb {
  const db = new Dexie(name) as ScrollCartDb;
  db.version(1).stores(SCHEMA_V1);
  db.version(2).stores(SCHEMA_V2).upgrade(upgradeToV2);
  // Nothing to fill: a saved item without a watch row is one the price watch has not checked yet.
  db.version(3).stores(SCHEMA_V3);
  return db;
}

/**
 * A database that could not be opened: an upgrade threw, or its versionchange transaction
 * was aborted (the worker went away mid-upgrade). IndexedDB rolls the whole upgrade back, so
 * every row is still there at the old version; `handleMessage` answers `db-unavailable`.
 */
export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
}

/**
 * Opens `db`, or opens it again after a failed open. Dexie never retries by itself: once an
 * open fails, every query on that instance rejects with `DatabaseClosedError` until `open()`
 * is called (tests/unit/db-migration-crash.test.ts), so a worker that outlived one failed
 * upgrade would fail every message until it was restarted.
 */
export async function ensureDbOpen(db: ScrollCartDb): Promise<void> {
  if (db.isOpen()) return;
  try {
    await db.open();
  } catch (error) {
    const cause = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    throw new DatabaseUnavailableError(`the database could not be opened at version ${db.verno} (nothing was changed; it is tried again on the next request): ${cause}`, { cause: error });
  }
}
