/**
 * Writing and reading ad sightings. One row per ad item: seeing it again counts an
 * impression, it never adds a row (so a replayed or retried report can't duplicate it).
 */
import type { ScrollCartDb } from './db';
import type { AdSighting, ProductKey, SightingRow } from './model';

export async function recordSighting(db: ScrollCartDb, sighting: AdSighting, productKey: ProductKey | null, now: number): Promise<SightingRow> {
  return db.transaction('rw', db.sightings, async () => {
    const previous = await db.sightings.get(sighting.itemId);
    const row: SightingRow = previous
      ? { ...previous, lastSeen: now, impressions: previous.impressions + 1 }
      : { ...sighting, productKey, firstSeen: now, lastSeen: now, impressions: 1 };
    await db.sightings.put(row);
    return row;
  });
}

export async function recentSightings(db: ScrollCartDb, limit: number): Promise<SightingRow[]> {
  return db.sightings.orderBy('lastSeen').reverse().limit(limit).toArray();
}
