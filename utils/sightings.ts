/**
 * Writing and reading ad sightings. One row per ad item: its card appearing again counts
 * an impression, it never adds a row (so a replayed or retried report can't duplicate it).
 */
import type { ScrollCartDb } from './db';
import type { AdSighting, ProductKey, SightingRow, SightingSource } from './model';

/** Feed JSON knows more than the DOM or a click: a richer source replaces a poorer one's fields. */
const RICHNESS: Record<SightingSource, number> = { api: 3, prefetch: 3, ssr: 3, click: 2, dom: 1 };

function merge(previous: SightingRow, next: AdSighting, productKey: ProductKey | null): SightingRow {
  const richer = RICHNESS[next.source] > RICHNESS[previous.source] || (!previous.landingUrl && !!next.landingUrl);
  return richer ? { ...previous, ...next, productKey: productKey ?? previous.productKey } : previous;
}

export async function recordSighting(
  db: ScrollCartDb,
  sighting: AdSighting,
  productKey: ProductKey | null,
  now: number,
  appeared = true,
): Promise<SightingRow> {
  return db.transaction('rw', db.sightings, async () => {
    const previous = await db.sightings.get(sighting.itemId);
    const base = previous ? merge(previous, sighting, productKey) : { ...sighting, productKey, firstSeen: now, lastSeen: now, impressions: 0 };
    const row: SightingRow = appeared ? { ...base, lastSeen: now, impressions: base.impressions + 1 } : base;
    await db.sightings.put(row);
    return row;
  });
}

export async function recentSightings(db: ScrollCartDb, limit: number): Promise<SightingRow[]> {
  return db.sightings.orderBy('lastSeen').reverse().limit(limit).toArray();
}
