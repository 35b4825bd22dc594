import { afterEach, describe, expect, it } from 'vitest';
import { openDb, SCHEMA_V3, type ScrollCartDb } from '@/utils/db';
import type { AdSighting, ProductKey, TikTokItemId } from '@/utils/model';
import { recentSightings, recordSighting } from '@/utils/sightings';

let db: ScrollCartDb | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

const sighting = (itemId: string) =>
  ({
    itemId,
    author: 'brand',
    caption: 'caption',
    ctaText: 'Shop now',
    landingUrlRaw: 'https://demo-store.myshopify.com/products/tee',
    landingUrl: 'https://demo-store.myshopify.com/products/tee',
    adKind: 'product-link',
    source: 'api',
    page: '/foryou',
  }) as AdSighting;

describe('scrollcart database', () => {
  it('creates every table of the data model with its indexes', async () => {
    db = openDb(`test-${crypto.randomUUID()}`);
    await db.open();
    expect(db.verno).toBe(3);
    expect(db.tables.map((t) => t.name).sort()).toEqual(Object.keys(SCHEMA_V3).sort());
    expect(db.table('jobs').schema.indexes.map((i) => i.name)).toContain('dueAt');
    expect(db.table('clicks').schema.indexes.map((i) => i.name)).toContain('[host+time]');
    expect(db.table('sightings').schema.primKey.name).toBe('itemId');
  });

  it('counts a second sighting of one ad as an impression, never as a new row', async () => {
    db = openDb(`test-${crypto.randomUUID()}`);
    const key = 'demo-store.myshopify.com/tee' as ProductKey;
    await recordSighting(db, sighting('7000000000000000001'), key, 1000);
    const again = await recordSighting(db, sighting('7000000000000000001'), key, 2000);
    await recordSighting(db, sighting('7000000000000000002'), null, 3000);
    expect(again).toMatchObject({ impressions: 2, firstSeen: 1000, lastSeen: 2000, productKey: key });
    expect(await db.sightings.count()).toBe(2);
    expect((await recentSightings(db, 10)).map((s) => s.itemId)).toEqual(['7000000000000000002', '7000000000000000001']);
  });

  it('keeps concurrent reports of the same ad consistent', async () => {
    db = openDb(`test-${crypto.randomUUID()}`);
    await Promise.all(Array.from({ length: 20 }, (_, i) => recordSighting(db!, sighting('7000000000000000009'), null, i)));
    expect(await db.sightings.count()).toBe(1);
    expect((await db.sightings.get('7000000000000000009' as TikTokItemId))?.impressions).toBe(20);
  });
});
