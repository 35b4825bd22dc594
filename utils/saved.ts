/** Saved items: one row per product variant; saving again keeps the first save's price and date. */
import { advertisedVariant } from './card-model';
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
