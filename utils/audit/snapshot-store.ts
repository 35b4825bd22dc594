/**
 * Ad snapshots in the `snapshots` table, bounded in total size: adding one evicts the oldest
 * until the rest fit (DESIGN.md § Data model). Screenshots are large (a JPEG of the visible tab
 * is ~100–400 kB), so the bound is on bytes, not rows.
 */
import type { ScrollCartDb } from '../db';
import type { SnapshotRow, TikTokItemId } from '../model';

/** 20 MB: about a hundred screenshots, small next to what the browser lets an extension store. */
export const SNAPSHOT_BUDGET_BYTES = 20 * 1024 * 1024;

export interface SnapshotMeta {
  id: number;
  sightingItemId: TikTokItemId;
  takenAt: number;
  bytes: number;
}

export const metaOf = (row: SnapshotRow): SnapshotMeta => ({ id: row.id!, sightingItemId: row.sightingItemId, takenAt: row.takenAt, bytes: row.bytes });

/** The ids to delete, oldest first, so the remaining total is within `budget`. Pure. */
export function evictionPlan(rows: readonly SnapshotMeta[], budget: number): number[] {
  const oldestFirst = [...rows].sort((a, b) => a.takenAt - b.takenAt || a.id - b.id);
  let total = rows.reduce((sum, row) => sum + row.bytes, 0);
  const evicted: number[] = [];
  for (const row of oldestFirst) {
    if (total <= budget) break;
    evicted.push(row.id);
    total -= row.bytes;
  }
  return evicted;
}

export class SnapshotTooLarge extends Error {}

/** Stores a snapshot and evicts the oldest beyond the budget, in one transaction. */
export async function saveSnapshot(
  db: ScrollCartDb,
  snapshot: { sightingItemId: TikTokItemId; takenAt: number; image: Blob },
  budget = SNAPSHOT_BUDGET_BYTES,
): Promise<SnapshotMeta> {
  if (snapshot.image.size > budget) throw new SnapshotTooLarge(`the screenshot (${snapshot.image.size} bytes) is larger than the snapshot budget`);
  return db.transaction('rw', db.snapshots, async () => {
    const id = await db.snapshots.add({ ...snapshot, bytes: snapshot.image.size });
    await enforceBudget(db, budget);
    return { id: id as number, sightingItemId: snapshot.sightingItemId, takenAt: snapshot.takenAt, bytes: snapshot.image.size };
  });
}

export async function enforceBudget(db: ScrollCartDb, budget = SNAPSHOT_BUDGET_BYTES): Promise<number[]> {
  const evicted = evictionPlan((await db.snapshots.toArray()).map(metaOf), budget);
  await db.snapshots.bulkDelete(evicted);
  return evicted;
}

export async function snapshotMetas(db: ScrollCartDb): Promise<SnapshotMeta[]> {
  return (await db.snapshots.orderBy('takenAt').toArray()).map(metaOf);
}
