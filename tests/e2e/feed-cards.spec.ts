import { expect } from '@playwright/test';
import { CHANGED_FEED_API, expectedAds, type FeedParams } from '../fixtures/world';
import { pressSaveUntilSaved } from './harness/actions';
import type { Driver, FeedTab } from './harness/driver';
import { centreCard, controlCentre, overlayCensus, type CardCensus } from './harness/page-probes';
import { inBothBrowsers } from './harness/suite';

const STRIDE = 624; // the fake feed's card height + gap

/** Scrolls card by card to the end of the feed, checking the overlays at every step. */
async function scrollThrough(tab: FeedTab, count: number, adIds: Set<string>) {
  const wrong: CardCensus[] = [];
  for (let step = 0; step < count; step += 1) {
    await tab.scroll(STRIDE);
    if (step % 5 !== 4) continue;
    await new Promise((r) => setTimeout(r, 120));
    for (const card of await tab.evaluate(overlayCensus)) if (card.overlays > 1 || (card.overlays > 0 && !adIds.has(card.itemId))) wrong.push(card);
  }
  return wrong;
}

/** Waits until every ad card in the DOM carries exactly one overlay, and no other card does. */
async function settledCensus(tab: FeedTab, adIds: Set<string>) {
  let census: CardCensus[] = [];
  await expect
    .poll(async () => {
      census = await tab.evaluate(overlayCensus);
      return census.every((c) => c.overlays === (adIds.has(c.itemId) ? 1 : 0));
    })
    .toBe(true);
  return census;
}

async function sightingIds(driver: Driver) {
  return (await driver.rows('sightings')).map((s) => String(s.itemId)).sort();
}

inBothBrowsers({
  '200 items with every ad kind: each ad detected, no organic post, one card per ad, cards only on ads': async ({ driver, world }) => {
    const params: FeedParams = { seed: 21, count: 200, pageSize: 10, firstPage: 6, adEvery: 4 };
    const truth = expectedAds(params);
    const adIds = new Set(truth.map((a) => a.itemId));
    expect(truth.length).toBe(50);
    const tab = await driver.openFeed(world.feedUrl(params));
    expect(await scrollThrough(tab, params.count!, adIds)).toEqual([]);
    await expect.poll(() => sightingIds(driver), { timeout: 20_000 }).toEqual([...adIds].sort());
    const rows = await driver.rows('sightings');
    // Every ad's card appeared at least once while scrolling: an impression each.
    expect(rows.filter((r) => Number(r.impressions) < 1).map((r) => r.itemId)).toEqual([]);

    // Back up over the last screens and read the cards as a person would.
    await tab.scroll(-STRIDE * 6);
    const census = await settledCensus(tab, adIds);
    const kindOf = new Map(truth.map((a) => [a.itemId, a.kind]));
    for (const card of census.filter((c) => c.overlays === 1)) {
      const kind = kindOf.get(card.itemId)!;
      const expected =
        kind === 'app-install' || kind === 'non-shopify'
          ? /not a shop link/
          : kind === 'tiktok-shop'
            ? /TikTok Shop/
            : kind.includes('custom-domain') || kind === 'shopify-locale-variant'
              ? /Allow lookups on shop\.example-brand\.com/
              : /Buy now|Sold out/;
      // Polled: a card still says "Looking up the product…" until the background's answer lands (slow under load).
      await expect.poll(async () => (await tab.evaluate(overlayCensus)).find((c) => c.itemId === card.itemId)?.text ?? '').toMatch(expected);
    }
  },

  "the page's own CTA still opens the landing page, and the overlay's Save and Buy now work": async ({ driver, world }) => {
    const params: FeedParams = { seed: 4, count: 8, pageSize: 8, firstPage: 8, adEvery: 2, mix: ['shopify-myshopify'] };
    // An ad for a product in stock, so the card offers Buy now.
    const ad = expectedAds(params).find((a) => a.handle === 'just-for-1-2' || a.handle === 'ratio-eight');
    const tab = await driver.openFeed(world.feedUrl(params));
    expect(await tab.evaluate(centreCard, ad!.itemId)).toBe(true);
    const click = async (text: string | null) => {
      let at: { x: number; y: number } | null = null;
      await expect.poll(async () => (at = await tab.evaluate(controlCentre, { itemId: ad!.itemId, text }))).not.toBeNull();
      await tab.clickAt(at!.x, at!.y);
    };
    await click(null); // TikTok's own CTA button: window.open(web_url)
    await expect.poll(() => world.requests.some((r) => r.host === ad!.host && r.path.startsWith('/products/') && !/\.(js|json|oembed)$/.test(r.path))).toBe(true);
    await pressSaveUntilSaved(driver, tab, ad!.itemId);
    await click('Buy now');
    await expect.poll(() => world.requests.some((r) => r.host === ad!.host && /^\/cart\/\d+:1/.test(r.path))).toBe(true);
    await expect.poll(async () => (await driver.rows('clicks')).map((c) => c.kind).sort()).toEqual(['checkout', 'cta', 'save']);
  },

  'ads still found by the DOM detector when the feed API changed, and after navigating away and back one card per ad': async ({ driver, world }) => {
    const params: FeedParams = { seed: 9, count: 24, pageSize: 8, firstPage: 0, adEvery: 4, endpoint: CHANGED_FEED_API };
    const truth = expectedAds(params);
    const adIds = new Set(truth.map((a) => a.itemId));
    const tab = await driver.openFeed(world.feedUrl(params));
    await scrollThrough(tab, params.count!, adIds);
    await expect.poll(() => sightingIds(driver), { timeout: 20_000 }).toEqual([...adIds].sort());
    expect(new Set((await driver.rows('sightings')).map((s) => s.source))).toEqual(new Set(['dom']));

    await tab.goto(world.feedUrl({ seed: 2, count: 4, adEvery: 0 }));
    await tab.goBack();
    await tab.scroll(STRIDE);
    await settledCensus(tab, adIds);
  },
});
