/** Handlers of the core messages (utils/protocol/core.ts). */
import { cardModelFor } from '../card-model';
import { recordClick } from '../clicks';
import type { AdSighting, ProductKey } from '../model';
import type { coreProtocol } from '../protocol/core';
import type { HandlersOf } from '../protocol/spec';
import { ensureDbOpen } from '../db';
import { saveWithClick } from '../saved';
import { identifyProduct, productKeyOf } from '../shopify/product-url';
import { recentSightings, recordSighting } from '../sightings';
import { adKindOf } from '../tiktok/sighting';
import type { BackgroundDeps } from './deps';

export function coreHandlers(deps: BackgroundDeps): HandlersOf<typeof coreProtocol> {
  const { db } = deps;
  const report = async (received: AdSighting, appeared: boolean, reportId?: string) => {
    const ref = identifyProduct(received.landingUrl);
    // The content script's adKind comes from the path's shape alone; what is stored is decided here, with the store-host guard.
    const sighting = { ...received, adKind: adKindOf(received.landingUrl, () => ref.kind === 'product') };
    const productKey = ref.kind === 'product' ? (productKeyOf(ref) as ProductKey) : null;
    const row = await recordSighting(db, sighting, productKey, deps.now(), appeared, reportId);
    const permitted = ref.kind === 'product' && (await deps.canFetchHost(ref.host));
    const product = ref.kind === 'product' && permitted ? await deps.resolve(ref) : null;
    return { row, productKey, permitted, product };
  };
  return {
    ping: async () => ({ dbOpen: await ensureDbOpen(db).then(() => true, () => false), version: deps.version }),

    'sighting/report': async ({ sighting, appeared, reportId }) => {
      const { row, productKey, permitted, product } = await report(sighting, appeared, reportId);
      const { forwardUtm, checkoutLanding } = await deps.settings();
      return { itemId: row.itemId, impressions: row.impressions, productKey, card: cardModelFor(row, product, { permitted, forwardUtm, checkoutLanding }) };
    },

    // Side by side, as the separate reports were: one slow store must not hold back the others' rows.
    'sighting/learned': async ({ sightings }) => {
      await Promise.all(sightings.map((sighting) => report(sighting, false)));
      return { recorded: sightings.length };
    },

    'click/record': async (click) => ({ recorded: await recordClick(db, click, deps.now()) }),

    'saved/add': async ({ itemId, clickId }) => {
      const outcome = await saveWithClick(db, itemId, clickId, deps.now());
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
