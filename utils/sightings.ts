/**
 * Writing and reading ad sightings. One row per ad item: its card appearing again counts
 * an impression, it never adds a row (so a replayed or retried report can't duplicate it).
 */
import type { ScrollCartDb } from './db';
import { RECENT_REPORTS, type AdSighting, type ProductKey, type SightingRow, type SightingSource } from './model';

/** Feed JSON knows more than the DOM or a click: a richer source replaces a poorer one's fields. */
const RICHNESS: Record<SightingSource, number> = { api: 3, prefetch: 3, ssr: 3, click: 2, dom: 1 };

function merge(previous: SightingRow, next: AdSighting, productKey: ProductKey | null): SightingRow {
  const richer = RICHNESS[next.source] > RICHNESS[previous.source] || (!previous.landingUrl && !!next.landingUrl);
  return richer ? { ...previous, ...next, productKey: productKey ?? previous.productKey } : previous;
}

/**
 * `reportId` is made by the content script once per report and kept when the report is sent
 * again (utils/feed/send-retry.ts): a report already counted changes nothing.
 */
export async function recordSighting(
  db: ScrollCartDb,
  sighting: AdSighting,
  productKey: ProductKey | null,
  now: number,
  appeared = true,
  reportId?: string,
): Promise<SightingRow> {
  return db.transaction('rw', db.sightings, async () => {
    const previous = await db.sightings.get(sighting.itemId);
    if (previous && reportId && previous.recentReportIds?.includes(reportId)) return previous;
    const base = previous ? merge(previous, sighting, productKey) : { ...sighting, productKey, firstSeen: now, lastSeen: now, impressions: 0 };
    const counted: SightingRow = appeared ? { ...base, lastSeen: now, impressions: base.impressions + 1 } : base;
    const row = appeared && reportId ? { ...counted, recentReportIds: [...(base.recentReportIds ?? []), reportId].slice(-RECENT_REPORTS) } : counted;
    await db.sightings.put(row);
    return row;
  });
}

export async function recentSightings(db: ScrollCartDb, limit: number): Promise<SightingRow[]> {
  return db.sightings.orderBy('lastSeen').reverse().limit(limit).toArray();
}
