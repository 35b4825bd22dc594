import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { installDataEvents, PRICE_WATCH_ALARM, RETENTION_ALARM } from '@/utils/data/background-events';
import type { ScrollCartDb } from '@/utils/db';
import type { ProductRow } from '@/utils/model';
import type { ProductRef } from '@/utils/shopify/product-url';
import { freshDb, productRow, sightingRow, variantRow } from './data-rows';

/** An event like the browser's, that a test can fire (WXT's fake browser has no `permissions`). */
function fakeEvent<A extends unknown[]>() {
  const listeners: ((...args: A) => void)[] = [];
  return { addListener: (fn: (...args: A) => void) => void listeners.push(fn), fire: (...args: A) => listeners.forEach((fn) => fn(...args)) };
}

const brand = 'shop.example-brand.com';
let db: ScrollCartDb | undefined;
let permissions: { onAdded: ReturnType<typeof fakeEvent<[{ origins?: string[] }]>>; onRemoved: ReturnType<typeof fakeEvent<[{ origins?: string[] }]>> };

beforeEach(() => {
  fakeBrowser.reset();
  permissions = { onAdded: fakeEvent(), onRemoved: fakeEvent() };
  Object.assign(fakeBrowser, { permissions });
});
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

const settle = () => new Promise((r) => setTimeout(r, 20));

function install(granted: Set<string>) {
  db = freshDb();
  const ran: string[] = [];
  const resolved: string[] = [];
  installDataEvents({
    db,
    handlers: {
      'data/price-watch-run': async () => (ran.push('watch'), { checked: 0, notified: 0, skipped: 0 }),
      'data/apply-retention': async () => (ran.push('retention'), { clicks: 0, sightings: 0, snapshots: 0, products: 0 }),
    },
    resolve: async (ref: ProductRef): Promise<ProductRow> => (resolved.push(`${ref.host}/${ref.handle}`), productRow(ref.host, ref.handle, [variantRow(1, 1)])),
    canFetchHost: async (host) => granted.has(host),
  });
  return { db, ran, resolved };
}

describe('the data features in the background', () => {
  it('keeps its two alarms and runs the price watch and the retention pass on them', async () => {
    const { ran } = install(new Set());
    await vi.waitFor(async () =>
      expect((await fakeBrowser.alarms.getAll()).map((a) => [a.name, a.periodInMinutes]).sort()).toEqual([
        [PRICE_WATCH_ALARM, 30],
        [RETENTION_ALARM, 1440],
      ]),
    );
    await fakeBrowser.alarms.onAlarm.trigger({ name: PRICE_WATCH_ALARM, scheduledTime: 0 } as never);
    await fakeBrowser.alarms.onAlarm.trigger({ name: RETENTION_ALARM, scheduledTime: 0 } as never);
    await fakeBrowser.runtime.onStartup.trigger();
    await vi.waitFor(() => expect(ran).toEqual(['watch', 'retention', 'retention']));
  });

  it('looks up what waited when a grant covers a store, and forgets a store whose grant is gone', async () => {
    const granted = new Set<string>();
    const { db, resolved } = install(granted);
    await db.sightings.put(sightingRow('7000000000000000001', `https://${brand}/products/cap`, 1, `${brand}/cap`));
    await db.products.put(productRow(brand, 'cap', [variantRow(7, 3_000)], { expiresAt: 99_999 }));

    granted.add(brand);
    permissions.onAdded.fire({ origins: ['https://*/*'] });
    // Polled, not slept on: a fixed 20 ms was too short for the lookup on a loaded CI machine.
    await vi.waitFor(() => expect(resolved).toEqual([`${brand}/cap`]));

    // Removing the wildcard while the store's own grant remains changes nothing.
    permissions.onRemoved.fire({ origins: ['https://*/*'] });
    await settle();
    expect((await db.products.get(`${brand}/cap` as ProductRow['key']))?.expiresAt).toBe(99_999);
    granted.delete(brand);
    permissions.onRemoved.fire({ origins: [`https://${brand}/*`] });
    await vi.waitFor(async () => expect((await db.products.get(`${brand}/cap` as ProductRow['key']))?.expiresAt).toBe(0));
  });
});
