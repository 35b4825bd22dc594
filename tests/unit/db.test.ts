import { describe, expect, it } from 'vitest';
import { SCHEMA_V3 } from '@/utils/db';
import type { ProductKey, TikTokItemId } from '@/utils/model';
import { recentSightings, recordSighting } from '@/utils/sightings';
import { adSighting } from './ad-sighting';
import { freshDbs } from './test-db';

const freshDb = freshDbs();

describe('scrollcart database', () => {
  it('creates every table of the data model with its indexes', async () => {
    const db = freshDb();
    await db.open();
    expect(db.verno).toBe(3);
    expect(db.tables.map((t) => t.name).sort()).toEqual(Object.keys(SCHEMA_V3).sort());
    expect(db.table('jobs').schema.indexes.map((i) => i.name)).toContain('dueAt');
    expect(db.table('clicks').schema.indexes.map((i) => i.name)).toContain('[host+time]');
    expect(db.table('sightings').schema.primKey.name).toBe('itemId');
  });

  it('counts a second sighting of one ad as an impression, never as a new row', async () => {
    const db = freshDb();
    const key = 'demo-store.myshopify.com/tee' as ProductKey;
    await recordSighting(db, adSighting('7000000000000000001'), key, 1000);
    const again = await recordSighting(db, adSighting('7000000000000000001'), key, 2000);
    await recordSighting(db, adSighting('7000000000000000002'), null, 3000);
    expect(again).toMatchObject({ impressions: 2, firstSeen: 1000, lastSeen: 2000, productKey: key });
    expect(await db.sightings.count()).toBe(2);
    expect((await recentSightings(db, 10)).map((s) => s.itemId)).toEqual(['7000000000000000002', '7000000000000000001']);
  });

  it('keeps concurrent reports of the same ad consistent', async () => {
    const db = freshDb();
    await Promise.all(Array.from({ length: 20 }, (_, i) => recordSighting(db, adSighting('7000000000000000009'), null, i)));
    expect(await db.sightings.count()).toBe(1);
    expect((await db.sightings.get('7000000000000000009' as TikTokItemId))?.impressions).toBe(20);
  });
});
