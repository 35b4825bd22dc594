/**
 * Changes to saved items from the popup: quantity, variant, remove and undo. Background only
 * (it writes the database); each change is one transaction.
 */
import type { ScrollCartDb } from '../db';
import type { ProductKey, SavedRow, TikTokItemId, VariantId } from '../model';
import type { RemovedRow } from './schemas';

export type EditOutcome = { ok: true; key: string } | { ok: false; reason: 'not-found' | 'no-such-variant' };

const MAX_QUANTITY = 999;
const clampQuantity = (q: number) => Math.min(MAX_QUANTITY, Math.max(1, Math.trunc(q)));

export function savedKeyOf(productKey: string, variantId: number): string {
  return `${productKey}#${variantId}`;
}

export async function updateSaved(db: ScrollCartDb, key: string, change: { quantity?: number; variantId?: number }): Promise<EditOutcome> {
  return db.transaction('rw', db.saved, db.products, async () => {
    const row = await db.saved.get(key);
    if (!row) return { ok: false, reason: 'not-found' };
    const quantity = clampQuantity(change.quantity ?? row.quantity);
    if (change.variantId === undefined || change.variantId === row.variantId) {
      await db.saved.update(key, { quantity });
      return { ok: true, key };
    }
    const product = await db.products.get(row.productKey);
    const variant = product?.variants.find((v) => v.id === change.variantId);
    if (!product || !variant) return { ok: false, reason: 'no-such-variant' };
    const nextKey = savedKeyOf(row.productKey, variant.id);
    const existing = await db.saved.get(nextKey);
    // Another variant's "price when saved" is the price it has now: comparing it with the old
    // variant's price would invent a drop or a rise that never happened.
    const next: SavedRow = existing
      ? { ...existing, quantity: clampQuantity(existing.quantity + quantity) }
      : { ...row, key: nextKey, variantId: variant.id, quantity, priceWhenSaved: variant.price, currency: product.currency ?? row.currency };
    await db.saved.delete(key);
    await db.saved.put(next);
    return { ok: true, key: nextKey };
  });
}

/** Deletes a saved item and hands back the row as it was, for undo. */
export async function removeSaved(db: ScrollCartDb, key: string): Promise<RemovedRow | null> {
  return db.transaction('rw', db.saved, async () => {
    const row = await db.saved.get(key);
    if (!row) return null;
    await db.saved.delete(key);
    return { ...row };
  });
}

/** Puts a removed row back exactly; refuses a row whose key doesn't match its own fields. */
export async function restoreSaved(db: ScrollCartDb, row: RemovedRow): Promise<boolean> {
  const host = row.productKey.slice(0, row.productKey.indexOf('/'));
  if (row.key !== savedKeyOf(row.productKey, row.variantId) || row.host !== host) return false;
  const saved: SavedRow = {
    ...row,
    productKey: row.productKey as ProductKey,
    variantId: row.variantId as VariantId,
    sightingItemId: row.sightingItemId as TikTokItemId | null,
  };
  await db.saved.put(saved);
  return true;
}
