/**
 * The background's message handlers: the only code that writes the database and the
 * only code that talks to stores. Built from its dependencies so tests can run it in Node.
 */
import { cardModelFor } from './card-model';
import { recordClick } from './clicks';
import type { ScrollCartDb } from './db';
import type { Handlers } from './messages';
import type { ProductKey, ProductRow } from './model';
import { saveFromSighting } from './saved';
import { identifyProduct, productKeyOf, type ProductRef } from './shopify/product-url';
import { recentSightings, recordSighting } from './sightings';

export interface BackgroundDeps {
  db: ScrollCartDb;
  /** Resolves a product (cached, rate-limited); the only path to a store. */
  resolve: (ref: ProductRef) => Promise<ProductRow>;
  version: string;
  /** May the background fetch this store host? (host permission granted, host allowed) */
  canFetchHost: (host: string) => Promise<boolean>;
  now: () => number;
}

export function createHandlers(deps: BackgroundDeps): Handlers {
  const { db } = deps;
  return {
    ping: async () => ({ dbOpen: db.isOpen(), version: deps.version }),

    'sighting/report': async ({ sighting, appeared }) => {
      const ref = identifyProduct(sighting.landingUrl);
      const productKey = ref.kind === 'product' ? (productKeyOf(ref) as ProductKey) : null;
      const row = await recordSighting(db, sighting, productKey, deps.now(), appeared);
      const permitted = ref.kind === 'product' && (await deps.canFetchHost(ref.host));
      const product = ref.kind === 'product' && permitted ? await deps.resolve(ref) : null;
      return { itemId: row.itemId, impressions: row.impressions, productKey, card: cardModelFor(row, product, permitted) };
    },

    'click/record': async (click) => ({ recorded: await recordClick(db, click, deps.now()) }),

    'saved/add': async ({ itemId }) => {
      const outcome = await saveFromSighting(db, itemId, deps.now());
      if (outcome.saved) await recordClick(db, { id: crypto.randomUUID(), kind: 'save', itemId }, deps.now());
      return outcome.saved ? { saved: true, reason: null } : { saved: false, reason: outcome.reason };
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
