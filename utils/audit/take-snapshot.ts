/**
 * Takes a snapshot of how an ad looks: the visible TikTok tab, stored for the ad. The ad is the
 * one asked for, or else the one that appeared last (its card was the latest on screen), since
 * the background cannot see which card is in view without the content script's help.
 */
import type { ScrollCartDb } from '../db';
import type { TikTokItemId } from '../model';
import { dataUrlToBlob } from './data-url';
import { saveSnapshot, SnapshotTooLarge, type SnapshotMeta } from './snapshot-store';

export type SnapshotFailure = 'no-feed-tab' | 'no-permission' | 'capture-failed' | 'no-ad' | 'too-large';
export type CaptureResult = { ok: true; dataUrl: string } | { ok: false; reason: SnapshotFailure; detail: string };
export type SnapshotOutcome = { ok: true; snapshot: SnapshotMeta } | { ok: false; reason: SnapshotFailure; detail: string };

export interface SnapshotDeps {
  db: ScrollCartDb;
  now: () => number;
  /** Captures the visible TikTok tab (utils/audit/capture.ts); tests pass a fake. */
  capture: () => Promise<CaptureResult>;
}

export async function takeSnapshot(deps: SnapshotDeps, itemId: TikTokItemId | null): Promise<SnapshotOutcome> {
  const sighting = itemId !== null ? await deps.db.sightings.get(itemId) : await deps.db.sightings.orderBy('lastSeen').last();
  if (!sighting) return { ok: false, reason: 'no-ad', detail: itemId ?? '' };
  const shot = await deps.capture();
  if (!shot.ok) return shot;
  const image = dataUrlToBlob(shot.dataUrl);
  if (!image) return { ok: false, reason: 'capture-failed', detail: 'the browser returned no image' };
  try {
    return { ok: true, snapshot: await saveSnapshot(deps.db, { sightingItemId: sighting.itemId, takenAt: deps.now(), image }) };
  } catch (error) {
    if (error instanceof SnapshotTooLarge) return { ok: false, reason: 'too-large', detail: error.message };
    throw error;
  }
}
