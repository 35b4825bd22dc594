/**
 * The background's message handlers: the only code that writes the database and the
 * only code that talks to stores. Built from its dependencies so tests can run it in Node.
 */
import type { ScrollCartDb } from './db';
import type { Handlers } from './messages';
import type { ProductKey } from './model';
import { lookupProduct } from './shopify/lookup';
import type { FetchDeps } from './shopify/fetch-json';
import { identifyProduct, productKeyOf } from './shopify/product-url';
import { recentSightings, recordSighting } from './sightings';

export interface BackgroundDeps {
  db: ScrollCartDb;
  fetch: FetchDeps;
  version: string;
  /** May the background fetch this store host? (host permission granted) */
  canFetchHost: (host: string) => Promise<boolean>;
  now: () => number;
}

export function createHandlers(deps: BackgroundDeps): Handlers {
  const { db } = deps;
  return {
    ping: async () => ({ dbOpen: db.isOpen(), version: deps.version }),

    'sighting/report': async (sighting) => {
      const ref = identifyProduct(sighting.landingUrl);
      const productKey = ref.kind === 'product' ? (productKeyOf(ref) as ProductKey) : null;
      const row = await recordSighting(db, sighting, productKey, deps.now());
      let lookup = null;
      if (ref.kind === 'product' && (await deps.canFetchHost(ref.host))) {
        const outcome = await lookupProduct(ref, deps.fetch);
        await db.products.put(outcome.row);
        lookup = outcome.row.status;
      }
      return { itemId: row.itemId, impressions: row.impressions, productKey, lookup };
    },

    'overview/get': async () => {
      const recent = await recentSightings(db, 20);
      const products = await db.products.bulkGet(recent.map((s) => s.productKey ?? ('' as ProductKey)));
      return {
        sightings: await db.sightings.count(),
        products: await db.products.count(),
        saved: await db.saved.count(),
        recent: recent.map((s, i) => ({
          itemId: s.itemId,
          author: s.author,
          caption: s.caption,
          landingUrl: s.landingUrl,
          productTitle: products[i]?.title ?? null,
          lookup: products[i]?.status ?? null,
        })),
      };
    },
  };
}
