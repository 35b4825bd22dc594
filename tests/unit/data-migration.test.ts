import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, type ScrollCartDb } from '@/utils/db';
import { dueProducts } from '@/utils/data/price-watch';
import { productRow, savedRow, sightingRow, variantRow } from './data-rows';

// Writes rows with a database opened at version 2 only (the schema before the price watch's
// table), then opens it with today's `openDb`: every row survives, `watches` starts empty,
// and the price watch treats every saved item as never checked.
let name = '';
let db: ScrollCartDb | undefined;
afterEach(async () => {
  db?.close();
  await Dexie.delete(name);
});

describe('schema version 2 → 3', () => {
  it('keeps every v2 row and adds an empty watches table', async () => {
    name = `test-${crypto.randomUUID()}`;
    const v2 = new Dexie(name);
    v2.version(1).stores(SCHEMA_V1);
    v2.version(2).stores(SCHEMA_V2);
    const tote = productRow('demo-store.myshopify.com', 'tote', [variantRow(1, 2_500)]);
    await v2.table('products').put(tote);
    await v2.table('saved').put(savedRow(tote, 1));
    await v2.table('sightings').put(sightingRow('7000000000000000001', 'https://demo-store.myshopify.com/products/tote', 3, tote.key));
    await v2.table('clicks').put({ id: 'c1', time: 3, kind: 'cta', host: null, productKey: null, sightingItemId: null });
    await v2.table('jobs').put({ id: 'lookup:x', kind: 'lookup', key: tote.key, ref: { kind: 'product', host: tote.host, handle: 'tote', localePrefix: '', variantId: null }, createdAt: 1, attempts: 0, dueAt: 1 });
    v2.close();

    db = openDb(name);
    await db.open();
    expect(db.verno).toBe(3);
    expect(db.tables.map((t) => t.name).sort()).toEqual(Object.keys(SCHEMA_V3).sort());
    expect(db.table('watches').schema.indexes.map((i) => i.name).sort()).toEqual(['checkedAt', 'productKey']);
    expect(await db.products.get(tote.key)).toEqual(tote);
    expect(await db.saved.count()).toBe(1);
    expect(await db.sightings.count()).toBe(1);
    expect(await db.clicks.count()).toBe(1);
    expect(await db.jobs.count()).toBe(1);
    expect(await db.watches.count()).toBe(0);
    expect(dueProducts(await db.saved.toArray(), await db.watches.toArray(), Date.now())).toEqual([tote.key]);
  });
});
