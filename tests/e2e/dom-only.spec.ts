/**
 * Issue 3: "A page that never loads the feed API (SSR only) and one where the tap is disabled
 * still get ads through the DOM detector." feed-cards.spec.ts covers a feed API the tap does
 * not know; here the tap sees nothing at all, in two ways, in Chromium and Firefox ESR:
 * - the feed is finished HTML from the server: no feed request, no JSON item anywhere;
 * - the page calls the very feed API the tap knows, but through a frame's fetch that no
 *   main-world wrapper sees, with an empty SSR blob.
 * Every ad must be found, by the DOM detector alone, no organic post may be, and each ad
 * card must get its overlay (a product card where the ad links a product page).
 */
import { expect } from '@playwright/test';
import { expectedAds, type ExpectedAd, type FeedParams } from '../fixtures/world';
import type { Driver, FeedTab } from './harness/driver';
import { controlCentre, overlayCensus, type CardCensus } from './harness/page-probes';
import { inBothBrowsers } from './harness/suite';

const STRIDE = 624; // the fake feed's card height + gap

async function sightings(driver: Driver) {
  return (await driver.rows('sightings')).map((s) => ({ itemId: String(s.itemId), source: String(s.source), adKind: String(s.adKind) }));
}

/** Waits until every ad card in the DOM carries exactly one overlay and no other card does; the census then. */
async function settledCensus(tab: FeedTab, adIds: Set<string>): Promise<CardCensus[]> {
  let census: CardCensus[] = [];
  await expect
    .poll(async () => {
      census = await tab.evaluate(overlayCensus);
      return census.length > 0 && census.every((c) => c.overlays === (adIds.has(c.itemId) ? 1 : 0));
    }, { timeout: 20_000 })
    .toBe(true);
  return census;
}

/** What the card says once the store answered, by the kind of ad (as in feed-cards.spec.ts). */
function expectedCardText(ad: ExpectedAd): RegExp {
  if (ad.kind === 'app-install' || ad.kind === 'non-shopify') return /not a shop link/;
  if (ad.kind === 'tiktok-shop') return /TikTok Shop/;
  if (ad.kind === 'shopify-custom-domain' || ad.kind === 'shopify-locale-variant') return /Allow lookups on shop\.example-brand\.com/;
  return /Buy now|Sold out/;
}

const adKindOf = (ad: ExpectedAd) => (ad.kind === 'tiktok-shop' ? 'tiktok-shop' : ad.kind === 'app-install' || ad.kind === 'non-shopify' ? 'external' : 'product-link');

inBothBrowsers({
  'SSR only: a server-rendered feed with no feed API call and no JSON item still gets every ad, from the DOM, with product cards on shoppable ones': async ({ driver, world }) => {
    const params: FeedParams = { seed: 12, count: 24, adEvery: 3, render: 'server' };
    const truth = expectedAds(params);
    expect(new Set(truth.map((a) => a.kind)).size).toBe(8); // every kind of the default mix
    const adIds = new Set(truth.map((a) => a.itemId));
    const tab = await driver.openFeed(world.feedUrl(params));

    await expect.poll(async () => (await sightings(driver)).map((s) => s.itemId).sort(), { timeout: 30_000 }).toEqual([...adIds].sort());
    const rows = await sightings(driver);
    expect(new Set(rows.map((s) => s.source))).toEqual(new Set(['dom']));
    // The CTA's own link told the DOM detector where each ad leads.
    for (const ad of truth) expect(rows.find((s) => s.itemId === ad.itemId)?.adKind, ad.kind).toBe(adKindOf(ad));
    // The tap had nothing to read: not one request to TikTok's API.
    expect(world.requests.filter((r) => r.host === 'www.tiktok.com' && r.path.startsWith('/api/'))).toEqual([]);

    const census = await settledCensus(tab, adIds);
    expect(census.filter((c) => c.overlays === 1).map((c) => c.itemId).sort()).toEqual([...adIds].sort());
    for (const ad of truth) {
      await expect
        .poll(async () => (await tab.evaluate(overlayCensus)).find((c) => c.itemId === ad.itemId)?.text ?? '', { timeout: 20_000, message: ad.kind })
        .toMatch(expectedCardText(ad));
    }
    expect(tab.errors).toEqual([]);
  },

  "tap blind: the page loads the feed API the tap knows through a frame's fetch, and every ad is still found by the DOM detector": async ({ driver, world }) => {
    const params: FeedParams = { seed: 13, count: 24, pageSize: 8, firstPage: 0, adEvery: 4, fetchVia: 'frame' };
    const truth = expectedAds(params);
    const adIds = new Set(truth.map((a) => a.itemId));
    expect(adIds.size).toBe(6);
    const tab = await driver.openFeed(world.feedUrl(params));

    // Scroll card by card (the feed is virtualised), checking no organic card ever gets an overlay.
    const wrong: CardCensus[] = [];
    for (let step = 0; step < params.count!; step += 1) {
      await tab.scroll(STRIDE);
      if (step % 4 !== 3) continue;
      for (const card of await tab.evaluate(overlayCensus)) if (card.overlays > (adIds.has(card.itemId) ? 1 : 0)) wrong.push(card);
    }
    expect(wrong).toEqual([]);
    // The last page arrives through the frame's fetch while we scroll: under load it can land after
    // the loop, so keep scrolling down (the feed renders only a window of cards) until its ads show.
    const wanted = [...adIds].sort().join();
    await expect
      .poll(
        async () => {
          const seen = (await sightings(driver)).map((s) => s.itemId).sort().join();
          if (seen !== wanted) await tab.scroll(STRIDE);
          return seen;
        },
        { timeout: 30_000 },
      )
      .toEqual(wanted);
    expect(new Set((await sightings(driver)).map((s) => s.source))).toEqual(new Set(['dom']));
    // The page did call the known endpoint, every page of it: the tap was blind, not idle.
    const feedCalls = world.requests.filter((r) => r.host === 'www.tiktok.com' && r.path.startsWith('/api/recommend/item_list/'));
    expect(feedCalls.length).toBeGreaterThanOrEqual(3);

    // Back over the last screens: one overlay per ad card there, none on organic ones.
    await tab.scroll(-STRIDE * 4);
    await settledCensus(tab, adIds);

    // The CTA has no link here (TikTok opens it with window.open); a person's click on it is what
    // tells ScrollCart where a shoppable ad leads, and its card becomes a product card.
    const shop = truth.find((a) => a.kind === 'shopify-myshopify')!;
    await tab.scroll(-STRIDE * params.count!);
    let at: { x: number; y: number } | null = null;
    await expect.poll(async () => (at = await tab.evaluate(controlCentre, { itemId: shop.itemId, text: null })), { timeout: 20_000 }).not.toBeNull();
    await tab.clickAt(at!.x, at!.y);
    await expect.poll(async () => (await tab.evaluate(overlayCensus)).find((c) => c.itemId === shop.itemId)?.text ?? '', { timeout: 30_000 }).toMatch(/Buy now|Sold out/);
    expect(tab.errors).toEqual([]);
  },
});
