/**
 * How an imported row meets the row already stored under its key. Importing must never
 * duplicate: the same file imported twice changes nothing the second time, and a file from
 * another browser profile adds what is new and keeps the fresher of two versions of a row.
 * Each function returns the row to write, or null when the stored one stays as it is.
 */
import type { ClickRow, ProductRow, SavedRow, SightingRow, StoreRow, WatchRow } from '../model';

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * Sightings count impressions: the larger count wins, never the sum (a sum would double-count
 * the file's own impressions on a second import). The fields come from the row seen last.
 */
export function mergeSighting(stored: SightingRow | undefined, incoming: SightingRow): SightingRow | null {
  if (!stored) return incoming;
  const fresher = incoming.lastSeen > stored.lastSeen ? incoming : stored;
  const merged: SightingRow = {
    ...fresher,
    productKey: fresher.productKey ?? stored.productKey ?? incoming.productKey,
    firstSeen: Math.min(stored.firstSeen, incoming.firstSeen),
    lastSeen: Math.max(stored.lastSeen, incoming.lastSeen),
    impressions: Math.max(stored.impressions, incoming.impressions),
  };
  return same(merged, stored) ? null : merged;
}

/** The row with the later time wins; on a tie the stored row stays. */
function newer<T>(stored: T | undefined, incoming: T, at: (row: T) => number): T | null {
  if (!stored) return incoming;
  return at(incoming) > at(stored) && !same(incoming, stored) ? incoming : null;
}

export const mergeProduct = (stored: ProductRow | undefined, incoming: ProductRow) => newer(stored, incoming, (r) => r.fetchedAt);
export const mergeStore = (stored: StoreRow | undefined, incoming: StoreRow) => newer(stored, incoming, (r) => r.checkedAt);
export const mergeSaved = (stored: SavedRow | undefined, incoming: SavedRow) => newer(stored, incoming, (r) => r.savedAt);
export const mergeWatch = (stored: WatchRow | undefined, incoming: WatchRow) => newer(stored, incoming, (r) => r.checkedAt);

/** Clicks are append-only history: a click is added once, never changed. */
export const mergeClick = (stored: ClickRow | undefined, incoming: ClickRow): ClickRow | null => (stored ? null : incoming);

/** A snapshot has no key of its own across profiles: the ad, the time and the size identify it. */
export const snapshotIdentity = (s: { sightingItemId: string; takenAt: number; bytes: number }): string => `${s.sightingItemId}|${s.takenAt}|${s.bytes}`;

/** Lists kept as sets in settings (my stores, paused sites): the union, in first-seen order. */
export function unionList(stored: readonly string[], incoming: readonly string[], max: number): string[] {
  return [...new Set([...stored, ...incoming])].slice(0, max);
}
