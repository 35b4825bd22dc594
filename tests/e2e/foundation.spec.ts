import { expect } from '@playwright/test';
import { expectedAds, type FeedParams } from '../fixtures/world';
import type { Driver, FeedTab } from './harness/driver';
import { inBothBrowsers } from './harness/suite';

type FeedState = { loadedPages: number; fetchErrors: number };
const feedState = (tab: FeedTab) => tab.evaluate(() => (window as unknown as { __fixtureFeed: FeedState }).__fixtureFeed);

/** Scrolls until the recorded sightings are exactly `itemIds`. */
async function scrollUntilSightings(driver: Driver, tab: FeedTab, itemIds: string[]) {
  await expect
    .poll(async () => {
      await tab.scroll();
      return (await driver.rows('sightings')).map((s) => s.itemId).sort();
    }, { timeout: 30_000 })
    .toEqual([...itemIds].sort());
}

inBothBrowsers({
  'ads on the fake www.tiktok.com are seen, resolved on a fake store, stored, and shown in the popup': async ({ driver, world }) => {
    const params: FeedParams = { seed: 7, count: 16, pageSize: 4, firstPage: 4, adEvery: 4, mix: ['shopify-myshopify'] };
    const truth = expectedAds(params);
    const tab = await driver.openFeed(world.feedUrl(params));
    await scrollUntilSightings(driver, tab, truth.map((a) => a.itemId));

    // The first page came from the server-rendered blob, the rest from tapped API responses.
    // (A card can render before the tap's idle-time parse: the DOM finds it first, the feed JSON then upgrades the row.)
    await expect.poll(async () => new Set((await driver.rows('sightings')).map((s) => s.source))).toEqual(new Set(['ssr', 'api']));
    // Each product was fetched from the fake store, and the result landed in IndexedDB.
    const handles = new Set(truth.map((a) => `${a.host}/${a.handle}`));
    await expect.poll(async () => (await driver.rows('products')).filter((p) => p.status === 'ok').map((p) => p.key).sort()).toEqual([...handles].sort());
    const storeRequests = world.requests.filter((r) => r.host.endsWith('.myshopify.com'));
    expect(storeRequests.filter((r) => /^\/products\/[^/]+\.js$/.test(r.path)).length).toBeGreaterThanOrEqual(handles.size);
    expect(storeRequests.every((r) => r.path.endsWith('.js'))).toBe(true);

    expect(await driver.extensionPageText('/popup.html', '[data-testid="overview-counts"]')).toContain(`${truth.length} ads seen`);
  },

  'the tap is in place before the page\'s first feed request': async ({ driver, world }) => {
    // No items in the SSR blob and no prefetch cache: the first page comes only from the
    // fetch the app makes as soon as its script runs, before DOMContentLoaded.
    const params: FeedParams = { seed: 5, count: 6, pageSize: 6, firstPage: 0, adEvery: 2, mix: ['shopify-myshopify'] };
    const truth = expectedAds(params);
    expect(truth.length).toBe(3);
    const tab = await driver.openFeed(world.feedUrl(params));
    await scrollUntilSightings(driver, tab, truth.map((a) => a.itemId));
    await expect.poll(async () => new Set((await driver.rows('sightings')).map((s) => s.source))).toEqual(new Set(['api']));
    expect((await feedState(tab)).loadedPages).toBe(1);
  },

  'every kind of ad is recorded with its kind, organic posts never, and the page keeps working': async ({ driver, world }) => {
    const params: FeedParams = { seed: 3, count: 24, pageSize: 6, firstPage: 6, adEvery: 3 };
    const truth = expectedAds(params);
    expect(new Set(truth.map((a) => a.kind)).size).toBeGreaterThanOrEqual(6);
    const tab = await driver.openFeed(world.feedUrl(params));
    await scrollUntilSightings(driver, tab, truth.map((a) => a.itemId));

    const kindOf = new Map((await driver.rows('sightings')).map((s) => [s.itemId, s.adKind]));
    const expectedKind: Record<string, string> = { 'tiktok-shop': 'tiktok-shop', 'app-install': 'external', 'non-shopify': 'external' };
    for (const ad of truth) expect(kindOf.get(ad.itemId), ad.kind).toBe(expectedKind[ad.kind] ?? 'product-link');

    // The page never noticed the tap.
    const state = await feedState(tab);
    expect(state.loadedPages).toBeGreaterThanOrEqual(3);
    expect(state.fetchErrors).toBe(0);
    expect(tab.errors).toEqual([]);
    // Without a granted permission a custom-domain store is never contacted, nor is a non-Shopify shop.
    const contacted = new Set(world.requests.map((r) => r.host));
    expect(contacted.has('shop.example-brand.com')).toBe(false);
    expect(contacted.has('www.other-store.example')).toBe(false);
  },
});
