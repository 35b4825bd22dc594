import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type ScrollCartDb } from '@/utils/db';
import type { ClickRow, ProductKey, StoreRow, TikTokItemId } from '@/utils/model';
import { readHistoryPage, SEARCH_SCAN_BUDGET, type HistoryRequest } from '@/utils/popup/history-query';
import { foldForSearch, groupByDay, matchesQuery, relativeDay } from '@/utils/popup/history-view';
import type { HistoryRow } from '@/utils/popup/schemas';
import { click, product, sighting, variant } from './popup-fixtures';

let db: ScrollCartDb | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

const demo = 'demo-store.myshopify.com';
const brand = 'shop.example-brand.com';
const tee = product(demo, 'transit-logo-tee', [variant(1, 'S', 6500)], { title: 'Transit Logo Tee' });
const kurtos = product(demo, 'kurtos', [variant(2, 'Default Title', 850)], { title: 'Kürtős cu scorțișoară' });
const coat = product(brand, 'rain-coat', [variant(3, 'Default Title', 9900)], { title: 'Rain Coat' });
const adA = sighting('7400000000000000001', `https://${demo}/products/transit-logo-tee`, { author: 'demostore' });
const adB = sighting('7400000000000000002', 'https://play.google.com/store/apps/details?id=x', { author: 'mergekingdom' });

async function seeded(clicks: ClickRow[]) {
  db = openDb(`history-${crypto.randomUUID()}`);
  await db.products.bulkPut([tee, kurtos, coat]);
  await db.sightings.bulkPut([adA, adB]);
  await db.stores.put({ host: brand, name: 'Example Brand' } as StoreRow);
  await db.clicks.bulkAdd(clicks);
  return db;
}

async function readAll(database: ScrollCartDb, request: Omit<HistoryRequest, 'cursor'>) {
  const rows: HistoryRow[] = [];
  let cursor: HistoryRequest['cursor'] = null;
  let pages = 0;
  do {
    const page = await readHistoryPage(database, { ...request, cursor });
    rows.push(...page.rows);
    cursor = page.next;
    pages += 1;
  } while (cursor && pages < 10_000);
  return { rows, pages };
}

describe('readHistoryPage', () => {
  it('walks every click once, newest first, with many clicks in one millisecond', async () => {
    const clicks = Array.from({ length: 37 }, (_, i) => click(`id-${String(i).padStart(2, '0')}`, 1000 + Math.floor(i / 7)));
    const database = await seeded(clicks);
    const { rows, pages } = await readAll(database, { limit: 4, query: '' });
    const expected = [...clicks].sort((a, b) => b.time - a.time || (a.id < b.id ? 1 : -1)).map((c) => c.id);
    expect(rows.map((r) => r.id)).toEqual(expected);
    expect(pages).toBe(10);
  });

  it('describes each click with its store, product and ad', async () => {
    const database = await seeded([
      click('a', 3, { kind: 'save', host: demo, productKey: tee.key, sightingItemId: adA.itemId }),
      click('b', 2, { kind: 'checkout', host: brand, productKey: coat.key }),
      click('c', 1, { kind: 'cta', sightingItemId: adB.itemId }),
    ]);
    const page = await readHistoryPage(database, { cursor: null, limit: 10, query: '' });
    expect(page.next).toBeNull();
    expect(page.rows).toEqual([
      { id: 'a', time: 3, kind: 'save', host: demo, storeName: null, productKey: tee.key, productTitle: 'Transit Logo Tee', itemId: adA.itemId, author: 'demostore', videoUrl: `https://www.tiktok.com/@demostore/video/${adA.itemId}` },
      { id: 'b', time: 2, kind: 'checkout', host: brand, storeName: 'Example Brand', productKey: coat.key, productTitle: 'Rain Coat', itemId: null, author: null, videoUrl: null },
      { id: 'c', time: 1, kind: 'cta', host: null, storeName: null, productKey: null, productTitle: null, itemId: adB.itemId, author: 'mergekingdom', videoUrl: `https://www.tiktok.com/@mergekingdom/video/${adB.itemId}` },
    ]);
  });

  it('searches by store name, host, product (accents ignored) and author', async () => {
    const database = await seeded([
      click('a', 4, { host: demo, productKey: tee.key, sightingItemId: adA.itemId }),
      click('b', 3, { host: brand, productKey: coat.key }),
      click('c', 2, { sightingItemId: adB.itemId }),
      click('d', 1, { host: demo, productKey: kurtos.key }),
    ]);
    const ids = async (query: string) => (await readAll(database, { limit: 10, query })).rows.map((r) => r.id);
    expect(await ids('example brand')).toEqual(['b']);
    expect(await ids('DEMO-STORE')).toEqual(['a', 'd']);
    expect(await ids('kurtos')).toEqual(['d']);
    expect(await ids('merge')).toEqual(['c']);
    expect(await ids('nothing like it')).toEqual([]);
  });

  it('stops a rare search after its scan budget and goes on from there', async () => {
    const many = Array.from({ length: SEARCH_SCAN_BUDGET + 1200 }, (_, i) => click(`n${i}`, 100_000 - i));
    many[SEARCH_SCAN_BUDGET + 1000] = click('needle', 100_000 - SEARCH_SCAN_BUDGET - 1000, { host: brand, productKey: coat.key });
    const database = await seeded(many);
    const first = await readHistoryPage(database, { cursor: null, limit: 10, query: 'rain coat' });
    expect(first.rows).toEqual([]);
    expect(first.next).not.toBeNull();
    expect(first.scannedTo).toBe(100_000 - SEARCH_SCAN_BUDGET + 1);
    const second = await readHistoryPage(database, { cursor: first.next, limit: 10, query: 'rain coat' });
    expect(second.rows.map((r) => r.id)).toEqual(['needle']);
    expect(second.next).toBeNull();
  }, 30_000);

  it('stays fast over 100,000 clicks (times printed, not asserted)', async () => {
    const kinds = ['cta', 'overlay-open', 'save', 'checkout'] as const;
    const start = Date.UTC(2025, 0, 1);
    const clicks = Array.from({ length: 100_000 }, (_, i) =>
      click(crypto.randomUUID(), start + i * 60_000, {
        kind: kinds[i % 4]!,
        host: i % 3 === 0 ? brand : demo,
        productKey: (i % 3 === 0 ? coat.key : i % 3 === 1 ? tee.key : kurtos.key) as ProductKey,
        sightingItemId: (i % 2 ? adA.itemId : adB.itemId) as TikTokItemId,
      }),
    );
    let t0 = performance.now();
    const database = await seeded(clicks);
    const seedMs = performance.now() - t0;
    const time = async (label: string, request: HistoryRequest) => {
      t0 = performance.now();
      const page = await readHistoryPage(database, request);
      const ms = performance.now() - t0;
      console.log(`history over 100,000 clicks (fake-indexeddb): ${label}: ${ms.toFixed(1)} ms, ${page.rows.length} rows`);
      return page;
    };
    const first = await time('first page of 50', { cursor: null, limit: 50, query: '' });
    expect(first.rows).toHaveLength(50);
    expect(first.rows[0]!.time).toBe(start + 99_999 * 60_000);
    const deep = await time('a page 90,000 rows back', { cursor: { time: start + 10_000 * 60_000, id: 'zzzz' }, limit: 50, query: '' });
    expect(deep.rows[0]!.time).toBe(start + 10_000 * 60_000);
    await time('search "rain coat", first page', { cursor: null, limit: 50, query: 'rain coat' });
    await time(`search with no match (scans its budget of ${SEARCH_SCAN_BUDGET} rows)`, { cursor: null, limit: 50, query: 'no such thing' });
    console.log(`(seeding 100,000 clicks took ${seedMs.toFixed(0)} ms)`);
  }, 120_000);
});

describe('history view helpers', () => {
  const row = (id: string, time: number): HistoryRow => ({ id, time, kind: 'save', host: null, storeName: null, productKey: null, productTitle: null, itemId: null, author: null, videoUrl: null });

  it('groups rows by the local day, newest first', () => {
    const day1 = new Date(2026, 0, 2, 9).getTime();
    const day0 = new Date(2026, 0, 1, 23, 59).getTime();
    const groups = groupByDay([row('a', day1 + 1000), row('b', day1), row('c', day0)]);
    expect(groups.map((g) => [g.day, g.rows.map((r) => r.id)])).toEqual([
      ['2026-01-02', ['a', 'b']],
      ['2026-01-01', ['c']],
    ]);
    expect(relativeDay('2026-01-02', day1)).toBe('today');
    expect(relativeDay('2026-01-01', day1)).toBe('yesterday');
    expect(relativeDay('2025-12-31', day1)).toBeNull();
  });

  it('match case- and accent-insensitively', () => {
    expect(foldForSearch('Kürtős')).toBe('kurtos');
    expect(matchesQuery({ ...row('a', 1), author: 'DemoStore' }, 'demo')).toBe(true);
    expect(matchesQuery(row('a', 1), 'demo')).toBe(false);
    expect(matchesQuery(row('a', 1), '')).toBe(true);
  });
});
