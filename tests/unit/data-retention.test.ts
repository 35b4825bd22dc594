import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { deleteEverything, sweepOrphanCaches } from '@/utils/data/delete-all';
import { applyRetention, retentionCutoff } from '@/utils/data/retention';
import { browserDataServices } from '@/utils/data/services';
import type { ScrollCartDb } from '@/utils/db';
import type { TikTokItemId } from '@/utils/model';
import { DEFAULT_SETTINGS, readSettings, updateSettings } from '@/utils/settings';
import { clickRow, DAY, freshDb, productRow, savedRow, sightingRow, variantRow } from './data-rows';

let db: ScrollCartDb | undefined;
beforeEach(() => fakeBrowser.reset());
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

const NOW = 1_000 * DAY;
const old = NOW - 100 * DAY;
const recent = NOW - DAY;
const tote = productRow('demo-store.myshopify.com', 'tote', [variantRow(1, 2_500)], { fetchedAt: old });
const cap = productRow('demo-store.myshopify.com', 'cap', [variantRow(2, 1_500)], { fetchedAt: old });
const mug = productRow('demo-store.myshopify.com', 'mug', [variantRow(3, 900)], { fetchedAt: old });
const url = (handle: string) => `https://demo-store.myshopify.com/products/${handle}`;

async function seed(target: ScrollCartDb) {
  await target.clicks.bulkPut([clickRow('old-1', old), clickRow('old-2', old - DAY), clickRow('new-1', recent)]);
  await target.sightings.bulkPut([
    sightingRow('7000000000000000001', url('tote'), old, tote.key), // old, but a saved item came from it
    sightingRow('7000000000000000002', url('cap'), old, cap.key), // old: goes, and with it the cap's row
    sightingRow('7000000000000000003', url('mug'), recent, mug.key), // seen lately: stays
  ]);
  await target.snapshots.put({ sightingItemId: '7000000000000000002' as TikTokItemId, takenAt: old, bytes: 3, image: new Blob(['png']) });
  await target.products.bulkPut([tote, cap, mug]);
  await target.saved.put(savedRow(tote, 1, { sightingItemId: '7000000000000000001' as TikTokItemId }));
}

describe('retention', () => {
  it('computes the cut-off in whole days', () => {
    expect(retentionCutoff(NOW, 90)).toBe(NOW - 90 * DAY);
  });

  it('deletes old clicks, old sightings not linked to a saved item, their snapshots and orphaned products', async () => {
    db = freshDb();
    await seed(db);
    expect(await applyRetention(db, NOW, 90)).toEqual({ clicks: 2, sightings: 1, snapshots: 1, products: 1 });
    expect((await db.clicks.toArray()).map((c) => c.id)).toEqual(['new-1']);
    expect((await db.sightings.toArray()).map((s) => s.itemId).sort()).toEqual(['7000000000000000001', '7000000000000000003']);
    expect((await db.products.toArray()).map((p) => p.handle).sort()).toEqual(['mug', 'tote']);
    expect(await db.saved.count()).toBe(1);
    // A second pass finds nothing more.
    expect(await applyRetention(db, NOW, 90)).toEqual({ clicks: 0, sightings: 0, snapshots: 0, products: 0 });
  });

  it('keeps everything inside a long window', async () => {
    db = freshDb();
    await seed(db);
    expect(await applyRetention(db, NOW, 365)).toEqual({ clicks: 0, sightings: 0, snapshots: 0, products: 0 });
  });
});

describe('delete everything', () => {
  it('empties every table and storage.local, so settings are back to their defaults', async () => {
    db = freshDb();
    await seed(db);
    await db.jobs.put({ id: 'lookup:x', kind: 'lookup', key: tote.key, ref: { kind: 'product', host: tote.host, handle: 'tote', localePrefix: '', variantId: null }, createdAt: 1, attempts: 0, dueAt: 1 });
    await db.watches.put({ key: `${tote.key}#1`, productKey: tote.key, checkedAt: 1, referencePrice: 1, currency: 'USD', price: 1, available: true });
    await db.stores.put({ host: tote.host, name: 'Demo', currencyByPrefix: {}, checkedAt: 1, markets: {}, platform: 'shopify', platformCheckedAt: 1, myshopifyDomain: null, baseCurrency: 'USD' });
    await updateSettings({ historyRetentionDays: 30, priceDropNotifications: true });
    await fakeBrowser.storage.local.set({ other: 'kept by someone' });
    await fakeBrowser.notifications.create('scrollcart-watch:x', { type: 'basic', iconUrl: 'x', title: 't', message: 'm' });

    const deleted = await deleteEverything(db, browserDataServices(async () => tote));
    expect(deleted).toMatchObject({ sightings: 3, products: 3, saved: 1, clicks: 3, snapshots: 1, jobs: 1, watches: 1, stores: 1 });
    for (const table of db.tables) expect(await table.count(), table.name).toBe(0);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(await readSettings()).toEqual(DEFAULT_SETTINGS);
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
  });

  it('sweeps rows a lookup in flight wrote after the deletion, and keeps what new ads need', async () => {
    db = freshDb();
    await db.products.bulkPut([tote, cap]);
    await db.stores.put({ host: 'tokyo-goods.myshopify.com', name: null, currencyByPrefix: {}, checkedAt: 1, markets: {}, platform: 'shopify', platformCheckedAt: 1, myshopifyDomain: null, baseCurrency: null });
    // An ad seen after the deletion names the cap: its row is new history, not a leftover.
    await db.sightings.put(sightingRow('7000000000000000009', url('cap'), NOW, cap.key));
    expect(await sweepOrphanCaches(db)).toEqual({ products: 1, stores: 1 });
    expect((await db.products.toArray()).map((p) => p.handle)).toEqual(['cap']);
  });
});
