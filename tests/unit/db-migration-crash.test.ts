import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHandlers } from '@/utils/background-handlers';
import { openDb, SCHEMA_V1, type ScrollCartDb } from '@/utils/db';
import { handleMessage } from '@/utils/messages';
import { DEFAULT_SETTINGS } from '@/utils/settings';

// A crash in the middle of the v1 → v3 upgrade (v2 rewrites every product and store row, one
// `put` each, all inside Dexie's single versionchange transaction). The crash is injected at
// every one of those puts, in the two ways it happens: the upgrade code throws, or the
// transaction is aborted under it (what the browser does when the worker goes away mid-upgrade).
// Each time: the database is still version 1 with every row as it was, the background answers
// a typed `db-unavailable` error, and the next open completes the upgrade with no row lost
// or duplicated.
const names: string[] = [];
const dbs: ScrollCartDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) db.close();
  for (const name of names.splice(0)) await Dexie.delete(name);
});

const v1Product = (handle: string, price: number) => ({
  key: `demo-store.myshopify.com/${handle}`,
  host: 'demo-store.myshopify.com',
  handle,
  status: 'ok',
  detail: '',
  fetchedAt: 5_000,
  title: handle,
  currency: 'USD',
  variants: [{ id: 1, title: 'Default Title', available: true, price, compareAtPrice: null }],
  image: null,
});
const V1_ROWS = {
  products: [v1Product('tote', 2_500), v1Product('mug', 1_200), v1Product('lamp', 9_900)],
  stores: [
    { host: 'demo-store.myshopify.com', name: null, currencyByPrefix: { '': 'USD' }, checkedAt: 7_000 },
    { host: 'shop.example-brand.com', name: null, currencyByPrefix: { '': 'USD', '/en-ca': 'CAD' }, checkedAt: 7_000 },
  ],
  sightings: [{ itemId: '7400000000000000001', productKey: 'demo-store.myshopify.com/tote', firstSeen: 1, lastSeen: 2, impressions: 3 }],
  saved: [{ key: 'demo-store.myshopify.com/tote#1', productKey: 'demo-store.myshopify.com/tote', host: 'demo-store.myshopify.com', variantId: 1, quantity: 2, savedAt: 9, priceWhenSaved: 2_500, currency: 'USD', sightingItemId: null }],
  clicks: [{ id: 'c1', time: 3, kind: 'cta', host: null, productKey: null, sightingItemId: null }],
};
/** One put per product and store row: the points a crash can hit. */
const UPGRADE_PUTS = V1_ROWS.products.length + V1_ROWS.stores.length;

async function writeV1(): Promise<string> {
  const name = `test-${crypto.randomUUID()}`;
  names.push(name);
  const v1 = new Dexie(name);
  v1.version(1).stores(SCHEMA_V1);
  for (const [table, rows] of Object.entries(V1_ROWS)) await v1.table(table).bulkPut(rows);
  v1.close();
  return name;
}

/** Every table's rows, read by a version-1-only connection (which refuses a later version). */
async function readV1(name: string): Promise<Record<string, unknown[]>> {
  const v1 = new Dexie(name);
  v1.version(1).stores(SCHEMA_V1);
  const out = Object.fromEntries(await Promise.all(Object.keys(V1_ROWS).map(async (t) => [t, await v1.table(t).toArray()] as const)));
  v1.close();
  return out;
}

/** The version on disk, opened without a version so nothing is upgraded (Dexie stores version × 10). */
function diskVersion(name: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => (request.result.close(), resolve(request.result.version / 10));
    request.onerror = () => reject(request.error);
  });
}

type Crash = 'throws' | 'aborts';
/** Makes the `at`-th put inside a versionchange transaction crash; returns how many puts were seen. */
function crashAtPut(at: number, how: Crash): { puts: () => number } {
  let puts = 0;
  const put = IDBObjectStore.prototype.put;
  vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
    if (this.transaction.mode === 'versionchange' && ++puts === at) {
      if (how === 'throws') throw new Error('disk said no');
      this.transaction.abort();
    }
    return put.apply(this, args);
  });
  return { puts: () => puts };
}

function backgroundOn(db: ScrollCartDb) {
  const handlers = createHandlers({ db, version: 't', now: () => 10_000, canFetchHost: async () => true, settings: async () => DEFAULT_SETTINGS, resolve: async () => null as never });
  const self = { id: 'our-id', origin: 'chrome-extension://our-id/' };
  const popup = { id: 'our-id', url: 'chrome-extension://our-id/popup.html' };
  return (type: 'ping' | 'overview/get') => handleMessage({ type, data: {} }, popup, handlers, self);
}

async function expectUpgradedOnce(db: ScrollCartDb): Promise<void> {
  expect(db.verno).toBe(3);
  const products = await db.products.toArray();
  expect(products.map((p) => p.key).sort()).toEqual(V1_ROWS.products.map((p) => p.key).sort());
  for (const p of products) {
    const v1 = V1_ROWS.products.find((r) => r.key === p.key)!;
    // Upgraded exactly once: one history point, the v1 price kept, the v2 fields filled.
    expect(p).toMatchObject({ title: v1.title, currency: 'USD', minPrice: v1.variants[0]!.price, currencySource: 'cart', priceHistory: [{ at: 5_000, currency: 'USD', minPrice: v1.variants[0]!.price }] });
  }
  expect((await db.stores.toArray()).map((s) => [s.host, s.markets, s.platform])).toEqual(
    V1_ROWS.stores.map((s) => [s.host, Object.fromEntries(Object.entries(s.currencyByPrefix).map(([k, c]) => [k, { currency: c, source: 'cart', checkedAt: 7_000 }])), 'unknown']),
  );
  expect(await db.sightings.toArray()).toEqual(V1_ROWS.sightings);
  expect(await db.saved.toArray()).toEqual(V1_ROWS.saved);
  expect(await db.clicks.toArray()).toEqual(V1_ROWS.clicks);
  expect(await db.jobs.count()).toBe(0);
  expect(await db.watches.count()).toBe(0);
}

describe('a crash in the middle of the v1 → v3 upgrade', () => {
  it('the upgrade writes one put per product and store row (the crash points below)', async () => {
    const name = await writeV1();
    const probe = crashAtPut(0, 'throws');
    const db = openDb(name);
    dbs.push(db);
    await db.open();
    expect(probe.puts()).toBe(UPGRADE_PUTS);
  });

  for (const how of ['throws', 'aborts'] as const) {
    for (let at = 1; at <= UPGRADE_PUTS; at++) {
      it(`upgrade ${how} at put ${at} of ${UPGRADE_PUTS}: old version intact, typed error, the next message completes it`, async () => {
        const name = await writeV1();
        const before = await readV1(name);
        const db = openDb(name);
        dbs.push(db);
        const send = backgroundOn(db);
        const probe = crashAtPut(at, how);

        const failed = await send('overview/get');
        expect(probe.puts()).toBe(at);
        expect(failed).toMatchObject({ ok: false, error: { kind: 'db-unavailable', message: expect.stringContaining('nothing was changed') } });
        vi.restoreAllMocks();
        expect(await diskVersion(name)).toBe(1);
        expect(await readV1(name)).toEqual(before);

        // The same worker, next message: ensureDbOpen retries the upgrade (Dexie alone would not).
        expect(await send('overview/get')).toMatchObject({ ok: true, data: { products: 3, saved: 1, sightings: 1 } });
        await expectUpgradedOnce(db);
      });
    }
  }

  it('a worker that died mid-upgrade: the next start opens version 1 and completes the upgrade', async () => {
    const name = await writeV1();
    const dying = openDb(name);
    crashAtPut(3, 'aborts');
    await expect(dying.open()).rejects.toThrow();
    dying.close();
    vi.restoreAllMocks();

    const next = openDb(name);
    dbs.push(next);
    expect(await backgroundOn(next)('ping')).toEqual({ ok: true, data: { dbOpen: true, version: 't' } });
    await expectUpgradedOnce(next);
  });

  it('ping answers dbOpen: false instead of failing while the upgrade cannot complete', async () => {
    const name = await writeV1();
    const db = openDb(name);
    dbs.push(db);
    crashAtPut(1, 'throws');
    expect(await backgroundOn(db)('ping')).toEqual({ ok: true, data: { dbOpen: false, version: 't' } });
    expect(await diskVersion(name)).toBe(1);
  });
});
