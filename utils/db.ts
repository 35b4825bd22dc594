/**
 * The `scrollcart` IndexedDB database: the single source of truth (DESIGN.md § Remember).
 * Only the background opens it; the linter keeps content scripts away from this file.
 * Each schema version below is kept forever, with a migration test opening the previous one.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { ClickRow, ProductRow, SavedRow, SightingRow, SnapshotRow, StoreRow } from './model';

export const DB_NAME = 'scrollcart';

export type ScrollCartDb = Dexie & {
  sightings: EntityTable<SightingRow, 'itemId'>;
  products: EntityTable<ProductRow, 'key'>;
  stores: EntityTable<StoreRow, 'host'>;
  saved: EntityTable<SavedRow, 'key'>;
  clicks: EntityTable<ClickRow, 'id'>;
  snapshots: EntityTable<SnapshotRow, 'id'>;
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

export function openDb(name: string = DB_NAME): ScrollCartDb {
  const db = new Dexie(name) as ScrollCartDb;
  db.version(1).stores(SCHEMA_V1);
  return db;
}
