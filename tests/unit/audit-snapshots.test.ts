// @vitest-environment node
// (Node's Blob survives fake-indexeddb's structured clone; happy-dom's does not.)
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { blobToDataUrl, dataUrlToBlob } from '@/utils/audit/data-url';
import { evictionPlan, saveSnapshot, SNAPSHOT_BUDGET_BYTES, snapshotMetas } from '@/utils/audit/snapshot-store';
import { takeSnapshot, type CaptureResult } from '@/utils/audit/take-snapshot';
import { openDb, type ScrollCartDb } from '@/utils/db';
import type { TikTokItemId } from '@/utils/model';
import { sighting } from './audit-fixtures';

let db: ScrollCartDb | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});
const fresh = () => (db = openDb(`audit-snap-${crypto.randomUUID()}`));
const item = (n: number) => `76000000000000000${String(n).padStart(2, '0')}` as TikTokItemId;
const jpeg = (bytes: number) => new Blob([new Uint8Array(bytes).fill(7)], { type: 'image/jpeg' });

describe('evictionPlan', () => {
  it('evicts oldest first, just enough to fit the budget', () => {
    const rows = [
      { id: 3, sightingItemId: item(1), takenAt: 30, bytes: 40 },
      { id: 1, sightingItemId: item(1), takenAt: 10, bytes: 40 },
      { id: 2, sightingItemId: item(2), takenAt: 20, bytes: 40 },
    ];
    expect(evictionPlan(rows, 120)).toEqual([]);
    expect(evictionPlan(rows, 100)).toEqual([1]);
    expect(evictionPlan(rows, 40)).toEqual([1, 2]);
  });
  it('always leaves the rest within the budget', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ takenAt: fc.nat(1000), bytes: fc.nat(500) }), { maxLength: 30 }), fc.nat(3000), (raw, budget) => {
        const rows = raw.map((r, i) => ({ ...r, id: i + 1, sightingItemId: item(1) }));
        const evicted = new Set(evictionPlan(rows, budget));
        const kept = rows.filter((r) => !evicted.has(r.id));
        expect(kept.reduce((s, r) => s + r.bytes, 0)).toBeLessThanOrEqual(Math.max(budget, 0));
        // Nothing kept is older than something evicted.
        for (const k of kept) for (const e of rows.filter((r) => evicted.has(r.id))) expect(k.takenAt >= e.takenAt).toBe(true);
      }),
    );
  });
});

describe('saveSnapshot', () => {
  it('keeps the table within its byte budget, oldest evicted', async () => {
    const store = fresh();
    for (let i = 1; i <= 5; i += 1) await saveSnapshot(store, { sightingItemId: item(i), takenAt: i, image: jpeg(100) }, 300);
    const kept = await snapshotMetas(store);
    expect(kept.map((s) => s.takenAt)).toEqual([3, 4, 5]);
    expect(kept.reduce((s, r) => s + r.bytes, 0)).toBe(300);
    await expect(saveSnapshot(store, { sightingItemId: item(9), takenAt: 9, image: jpeg(301) }, 300)).rejects.toThrow(/larger than/);
    expect(SNAPSHOT_BUDGET_BYTES).toBe(20 * 1024 * 1024);
  });
});

describe('takeSnapshot', () => {
  const capture = (result: CaptureResult) => async () => result;
  it('stores the capture for the ad asked for, or for the ad that appeared last', async () => {
    const store = fresh();
    await store.sightings.bulkPut([sighting({ itemId: item(1), lastSeen: 100 }), sighting({ itemId: item(2), lastSeen: 200 })]);
    const dataUrl = await blobToDataUrl(jpeg(64));
    const deps = { db: store, now: () => 5000, capture: capture({ ok: true, dataUrl }) };
    expect(await takeSnapshot(deps, item(1))).toMatchObject({ ok: true, snapshot: { sightingItemId: item(1), takenAt: 5000, bytes: 64 } });
    expect(await takeSnapshot(deps, null)).toMatchObject({ ok: true, snapshot: { sightingItemId: item(2) } });
    const row = (await store.snapshots.toArray())[0]!;
    expect(row.image.type).toBe('image/jpeg');
    expect(await blobToDataUrl(row.image)).toBe(dataUrl);
  });
  it('says why there is no snapshot', async () => {
    const store = fresh();
    expect(await takeSnapshot({ db: store, now: () => 1, capture: capture({ ok: true, dataUrl: 'data:image/jpeg;base64,AA==' }) }, null)).toMatchObject({ ok: false, reason: 'no-ad' });
    await store.sightings.put(sighting({ itemId: item(1) }));
    const refused = capture({ ok: false, reason: 'no-permission', detail: "Either the '<all_urls>' or 'activeTab' permission is required." });
    expect(await takeSnapshot({ db: store, now: () => 1, capture: refused }, null)).toMatchObject({ ok: false, reason: 'no-permission' });
    expect(await takeSnapshot({ db: store, now: () => 1, capture: capture({ ok: true, dataUrl: 'not an image' }) }, null)).toMatchObject({ ok: false, reason: 'capture-failed' });
    expect(await store.snapshots.count()).toBe(0);
  });
});

describe('data URLs', () => {
  it('round-trip any bytes through a Blob', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 70_000 }), async (bytes) => {
        const url = await blobToDataUrl(new Blob([bytes], { type: 'image/png' }));
        const back = dataUrlToBlob(url)!;
        expect(back.type).toBe('image/png');
        expect(new Uint8Array(await back.arrayBuffer())).toEqual(bytes);
      }),
      { numRuns: 30 },
    );
    expect(dataUrlToBlob('data:text/html,<script>')).toBeNull();
    expect(dataUrlToBlob('data:image/png;base64,%%%')).toBeNull();
  });
});
