// @vitest-environment node
// (Node's Blob survives fake-indexeddb's structured clone; happy-dom's does not.)
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type ScrollCartDb } from '@/utils/db';
import { exportBackup, importBackup, parseBackup } from '@/utils/export/backup';
import type { ClickRow, ProductKey, SightingRow, TikTokItemId } from '@/utils/model';
import { failed, product, sighting } from './audit-fixtures';

const opened: ScrollCartDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});
const fresh = () => {
  const db = openDb(`backup-${crypto.randomUUID()}`);
  opened.push(db);
  return db;
};
const NOW = Date.UTC(2026, 6, 1);
const fileOf = async (db: ScrollCartDb, settings: unknown = { myStores: ['a.myshopify.com'] }) => JSON.stringify(await exportBackup(db, settings, { snapshots: true, now: NOW }));
const imported = async (db: ScrollCartDb, text: string) => {
  const parsed = parseBackup(text);
  if (!parsed.ok) throw new Error(parsed.problem);
  return importBackup(db, parsed.backup);
};

// Rows as the app writes them, with hostile text where people and pages write text.
const itemId = fc.stringMatching(/^\d{1,19}$/).map((s) => s as TikTokItemId);
const host = fc.constantFrom('a.myshopify.com', 'shop.example.com', 'tokyo.myshopify.com');
const key = fc.tuple(host, fc.stringMatching(/^[a-z0-9-]{1,12}$/)).map(([h, handle]) => `${h}/${handle}` as ProductKey);
const time = fc.integer({ min: 0, max: 2e12 });
const sightingRow = fc.record({
  itemId,
  author: fc.string({ maxLength: 30 }),
  caption: fc.string({ maxLength: 80 }),
  ctaText: fc.string({ maxLength: 20 }),
  landingUrlRaw: fc.webUrl(),
  landingUrl: fc.webUrl(),
  adKind: fc.constantFrom('product-link', 'tiktok-shop', 'external', 'unknown' as const),
  source: fc.constantFrom('api', 'ssr', 'prefetch', 'dom', 'click' as const),
  page: fc.constantFrom('/foryou', '/following', '/@x'),
  productKey: fc.option(key, { nil: null }),
  firstSeen: time,
  lastSeen: time,
  impressions: fc.nat(1000),
}) as fc.Arbitrary<SightingRow>;
const productRow = fc.tuple(key, time, fc.constantFrom('ok', 'not-found' as const)).map(([k, at, status]) =>
  status === 'ok' ? product({ key: k, host: k.split('/')[0]!, handle: k.split('/')[1]!, fetchedAt: at }) : { ...failed('not-found'), key: k, fetchedAt: at },
);
const clickRow = fc.record({
  id: fc.uuid(),
  time,
  kind: fc.constantFrom('cta', 'overlay-open', 'save', 'checkout' as const),
  host: fc.option(host, { nil: null }),
  productKey: fc.option(key, { nil: null }),
  sightingItemId: fc.option(itemId, { nil: null }),
}) as fc.Arbitrary<ClickRow>;
const snapshotRow = fc.record({ sightingItemId: itemId, takenAt: time, image: fc.uint8Array({ minLength: 1, maxLength: 200 }) });

const database = fc.record({
  sightings: fc.uniqueArray(sightingRow, { selector: (r) => r.itemId, maxLength: 8 }),
  products: fc.uniqueArray(productRow, { selector: (r) => r.key, maxLength: 5 }),
  clicks: fc.uniqueArray(clickRow, { selector: (r) => r.id, maxLength: 6 }),
  snapshots: fc.uniqueArray(snapshotRow, { selector: (r) => `${r.sightingItemId}|${r.takenAt}|${r.image.length}`, maxLength: 3 }),
});

type Data = typeof database extends fc.Arbitrary<infer T> ? T : never;

async function fill(db: ScrollCartDb, data: Data) {
  await db.sightings.bulkPut(data.sightings);
  await db.products.bulkPut(data.products);
  await db.clicks.bulkPut(data.clicks);
  for (const s of data.snapshots) await db.snapshots.add({ sightingItemId: s.sightingItemId, takenAt: s.takenAt, bytes: s.image.length, image: new Blob([s.image], { type: 'image/jpeg' }) });
}

const tablesOf = (text: string) => (JSON.parse(text) as { tables: unknown }).tables;

describe('export → import round trip', () => {
  it('an empty database importing a file holds exactly what the file holds; importing it again changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(database, async (data) => {
        const source = fresh();
        await fill(source, data);
        const file = await fileOf(source);
        const target = fresh();
        await imported(target, file);
        expect(tablesOf(await fileOf(target))).toEqual(tablesOf(file));
        const again = await imported(target, file);
        expect(Object.values(again.added).every((n) => n === 0) && Object.values(again.updated).every((n) => n === 0)).toBe(true);
        expect(tablesOf(await fileOf(target))).toEqual(tablesOf(file));
        // And a database importing its own file stays as it is.
        const self = await imported(source, file);
        expect(Object.values(self.added).concat(Object.values(self.updated)).every((n) => n === 0)).toBe(true);
      }),
      { numRuns: 25 },
    );
  });
});

describe('import merges', () => {
  it('keeps the larger impression count and the widest seen range, never the sum', async () => {
    const db = fresh();
    await db.sightings.put(sighting({ impressions: 5, firstSeen: 100, lastSeen: 200 }));
    const other = fresh();
    await other.sightings.put(sighting({ impressions: 3, firstSeen: 50, lastSeen: 300, caption: 'newer caption' }));
    await imported(db, await fileOf(other));
    expect(await db.sightings.get(sighting().itemId)).toMatchObject({ impressions: 5, firstSeen: 50, lastSeen: 300, caption: 'newer caption' });
  });
  it('keeps the fresher product and store rows, and adds clicks once', async () => {
    const db = fresh();
    await db.products.put(product({ fetchedAt: 500, title: 'stored' }));
    const other = fresh();
    await other.products.put(product({ fetchedAt: 400, title: 'older' }));
    await imported(db, await fileOf(other));
    expect((await db.products.get(product().key))?.title).toBe('stored');
    await other.products.put(product({ fetchedAt: 900, title: 'newer' }));
    await imported(db, await fileOf(other));
    expect((await db.products.get(product().key))?.title).toBe('newer');
  });
  it('restores a file made without screenshots but adds no empty snapshot rows', async () => {
    const db = fresh();
    await db.sightings.put(sighting());
    await db.snapshots.add({ sightingItemId: sighting().itemId, takenAt: 1, bytes: 3, image: new Blob([new Uint8Array(3)], { type: 'image/jpeg' }) });
    const file = JSON.stringify(await exportBackup(db, {}, { snapshots: false, now: NOW }));
    expect((JSON.parse(file) as { tables: { snapshots: { image: null }[] } }).tables.snapshots).toEqual([{ sightingItemId: sighting().itemId, takenAt: 1, bytes: 3, image: null }]);
    const target = fresh();
    await imported(target, file);
    expect(await target.snapshots.count()).toBe(0);
    expect(await target.sightings.count()).toBe(1);
  });
});

describe('parseBackup', () => {
  it('refuses what is not a ScrollCart file, naming where', async () => {
    expect(parseBackup('{')).toMatchObject({ ok: false, problem: expect.stringMatching(/^not JSON/) });
    expect(parseBackup('{"format":"other"}')).toMatchObject({ ok: false, problem: expect.stringMatching(/^format/) });
    const db = fresh();
    await db.sightings.put(sighting());
    const file = JSON.parse(await fileOf(db)) as { tables: { sightings: { itemId: string }[] } };
    file.tables.sightings[0]!.itemId = '<img src=x onerror=alert(1)>';
    expect(parseBackup(JSON.stringify(file))).toMatchObject({ ok: false, problem: expect.stringMatching(/^tables\.sightings\.0\.itemId/) });
  });
  it('reads a file with missing tables as empty ones', () => {
    const minimal = { format: 'scrollcart-backup', schemaVersion: 1, exportedAt: '2026-07-01T00:00:00.000Z', dbVersion: 3, settings: {}, tables: {} };
    const parsed = parseBackup(JSON.stringify(minimal));
    expect(parsed.ok && parsed.backup.tables.sightings).toEqual([]);
  });
});
