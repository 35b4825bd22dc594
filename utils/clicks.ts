/** The append-only click history. A click's id is made where it happens: writing it twice keeps one row. */
import type { ScrollCartDb } from './db';
import type { ClickKind, ProductKey, TikTokItemId } from './model';

export async function recordClick(
  db: ScrollCartDb,
  click: { id: string; kind: ClickKind; itemId: TikTokItemId | null },
  now: number,
): Promise<boolean> {
  return db.transaction('rw', db.clicks, db.sightings, db.products, async () => {
    if (await db.clicks.get(click.id)) return false;
    const sighting = click.itemId ? await db.sightings.get(click.itemId) : undefined;
    const productKey: ProductKey | null = sighting?.productKey ?? null;
    const host = productKey ? ((await db.products.get(productKey))?.host ?? productKey.split('/')[0] ?? null) : null;
    await db.clicks.add({ id: click.id, time: now, kind: click.kind, host, productKey, sightingItemId: click.itemId });
    return true;
  });
}
