/** What every group of background handlers is built from; tests pass fakes. */
import type { DataServices } from '../data/services';
import type { ScrollCartDb } from '../db';
import type { ProductRow } from '../model';
import type { Settings } from '../settings';
import type { ProductRef } from '../shopify/product-url';

export interface BackgroundDeps {
  db: ScrollCartDb;
  /** Resolves a product (cached, rate-limited); the only path to a store. */
  resolve: (ref: ProductRef) => Promise<ProductRow>;
  version: string;
  /** May the background fetch this store host? (host permission granted, host allowed) */
  canFetchHost: (host: string) => Promise<boolean>;
  now: () => number;
  /** The user's settings as they are now (storage.local). */
  settings: () => Promise<Settings>;
  /** Tabs, notifications, storage, permissions and a cache-skipping resolve, for the data handlers (issue 4); absent in tests that don't need them. */
  data?: DataServices;
}
