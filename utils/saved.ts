/** Saved items: one row per product variant; saving again keeps the first save's price and date. */
import { advertisedVariant } from './card-model';
import { recordClick } from './clicks';
import type { ScrollCartDb } from './db';
import type { SavedRow, TikTokItemId } from './model';

export type SaveOutcome = { saved: true; row: SavedRow } | { saved: false; reason: string };

export async function saveFromSighting(db: ScrollCartDb, itemId: TikTokItemId, now: number): Promise<SaveOutcome> {
  return db.transaction('rw', db.saved, db.sightings, db.products, async () => {
    const sighting = await db.sightings.get(itemId);
    if (!sighting?.productKey) return { saved: false, reason: 'this ad does not link to a product' };
    const product = await db.products.get(sighting.productKey);
    if (!product || product.status !== 'ok' || !product.currency) return { saved: false, reason: 'the product has not been found on the store yet' };
    const variant = advertisedVariant(product, sighting.landingUrl);
    if (!variant) return { saved: false, reason: 'the product has no variants' };
    const key = `${product.key}#${variant.id}`;
    const row: SavedRow = (await db.saved.get(key)) ?? {
      key,
      productKey: product.key,
      host: product.host,
      variantId: variant.id,
      quantity: 1,
      savedAt: now,
      priceWhenSaved: variant.price,
      currency: product.currency,
      sightingItemId: itemId,
    };
    await db.saved.put(row);
    return { saved: true, row };
  });
}

/**
 * A Save click on an ad: the saved row and its `save` click in one transaction, so a worker
 * killed mid-way leaves neither. `clickId` is made where the click happens: a retried
 * message (utils/feed/send-retry.ts) finds its click already written and adds nothing.
 */
export async function saveWithClick(db: ScrollCartDb, itemId: TikTokItemId, clickId: string, now: number): Promise<SaveOutcome> {
  return db.transaction('rw', [db.saved, db.sightings, db.products, db.clicks], async () => {
    const outcome = await saveFromSighting(db, itemId, now);
    if (outcome.saved) await recordClick(db, { id: clickId, kind: 'save', itemId }, now);
    return outcome;
  });
}
