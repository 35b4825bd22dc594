/**
 * Issue 4 §7: the background is killed again and again in the middle of a session of many
 * sightings, lookups and clicks on the fake feed, and comes back when the next message
 * wakes it. Nothing written before a kill is lost or changed by it, and at the end the
 * database holds exactly the expected rows: one per ad (keyed by item id), one per product
 * (key), one per saved variant (key), one per click made (uuid), and no job left to run.
 * Each kill lands right after a Save click, with its message in flight, and reports wait on
 * slow lookups: what the content script sent is sent again and kept, never lost (a build
 * without utils/feed/send-retry.ts loses the first such Save and fails here).
 */
import { expect, test } from '@playwright/test';
import { expectedAds, startWorld, type FeedParams } from '../fixtures/world';
import { drivers, SCRIPTED_SESSION, type BackgroundState, type Driver, type FeedTab } from './harness/driver';
import { sleep } from './harness/driver-parts';
import { counts, lostOrChanged, logKills, snapshot, type KillRecord } from './harness/kill-ledger';
import { controlCentre, overlayCensus } from './harness/page-probes';

const STRIDE = 624; // the fake feed's card height + gap
const PARAMS: FeedParams = {
  seed: 11,
  count: 120,
  pageSize: 10,
  firstPage: 6,
  adEvery: 2,
  mix: ['shopify-myshopify', 'shopify-wrapped', 'shopify-collection-product', 'tiktok-shop', 'shopify-myshopify', 'non-shopify'],
};
const KILL_EVERY = 14; // steps (cards scrolled) between kills
/**
 * A restarted background runs at least this long before the next kill. Browsers stop a worker
 * after 30 s idle, not every second; kills a second apart leave no worker time to finish one
 * lookup against the 300 ms stores (each host's reads go ≥ 500 ms apart), so no report could
 * ever be answered. 4 s still kills it mid-lookup (the first kill of the session even sooner).
 */
const MIN_LIFE_MS = 4_000;
const SAVE_EVERY = 9;
const CTA_EVERY = 31;

type Made = { kind: 'save' | 'cta'; itemId: string };

/**
 * Counts, in the page, the trusted clicks that reached each card's controls, keyed
 * `itemId:Save` (our overlay's button, through its shadow root) or `itemId:cta` (the page's own CTA).
 */
function countClicks(): Record<string, number> {
  const w = window as unknown as { __scClicks?: Record<string, number> };
  if (!w.__scClicks) {
    const counts: Record<string, number> = {};
    w.__scClicks = counts;
    window.addEventListener(
      'click',
      (event) => {
        const path = event.composedPath().filter((node): node is Element => node instanceof Element);
        const card = path.find((el) => el.matches('[data-e2e="recommend-list-item-container"]'));
        const id = /(\d+)$/.exec(card?.querySelector('[id^="xgwrapper-"]')?.id ?? '')?.[1];
        const control = path.some((el) => el.matches('[data-e2e="ttam-ads-cta"]')) ? 'cta' : path.find((el) => el.matches('button, a'))?.textContent?.trim();
        if (event.isTrusted && id && control) counts[`${id}:${control}`] = (counts[`${id}:${control}`] ?? 0) + 1;
      },
      true,
    );
  }
  return { ...w.__scClicks };
}

/**
 * Clicks a control of an ad on screen that has not been clicked yet; the item id, or null when
 * none is ready. In Firefox a click now and then lands beside the control it was aimed at
 * (on the video poster under it): the page's own count of trusted clicks on the control says
 * whether it arrived, and only a click that never reached it is made again, so each intended
 * click reaches the control exactly once. `whenClicked` runs right after the first click is sent.
 */
async function clickOne(tab: FeedTab, text: string | null, candidates: Set<string>, done: Set<string>, whenClicked?: () => Promise<void>): Promise<string | null> {
  const ready = (await tab.evaluate(overlayCensus)).filter((c) => candidates.has(c.itemId) && !done.has(c.itemId) && (text === null || c.text.includes(text)));
  for (const card of ready) {
    const counter = `${card.itemId}:${text ?? 'cta'}`;
    const before = (await tab.evaluate(countClicks))[counter] ?? 0;
    for (let attempt = 0; attempt < 4; attempt += 1) {
      // Measure until the control stops moving (the feed may still be settling), then click where it is.
      let at = await tab.evaluate(controlCentre, { itemId: card.itemId, text });
      for (let i = 0; at && i < 20; i += 1) {
        await sleep(100);
        const again = await tab.evaluate(controlCentre, { itemId: card.itemId, text });
        if (again && again.x === at.x && again.y === at.y) break;
        at = again;
      }
      if (!at) break;
      await tab.clickAt(at.x, at.y);
      const then = whenClicked;
      whenClicked = undefined;
      await then?.();
      await sleep(300);
      if (((await tab.evaluate(countClicks))[counter] ?? 0) > before) {
        done.add(card.itemId);
        return card.itemId;
      }
    }
  }
  return null;
}

async function waitForClick(ext: Driver, made: Made) {
  await expect.poll(async () => (await ext.rows('clicks')).some((c) => c.kind === made.kind && c.sightingItemId === made.itemId), { timeout: 20_000, message: `${made.kind} click on ${made.itemId}` }).toBe(true);
}

for (const browser of ['chromium', 'firefox'] as const) {
  test(`${browser}: killing the background mid-session loses nothing and duplicates nothing`, async () => {
    test.setTimeout(300_000);
    // Slow stores keep lookups in flight, so kills land in the middle of them.
    const world = await startWorld({ latencyMs: 300 });
    const ext = await drivers[browser](world, SCRIPTED_SESSION);
    try {
      const truth = expectedAds(PARAMS);
      const storeAds = truth.filter((a) => a.host === 'demo-store.myshopify.com');
      expect(truth.length).toBe(60);
      const tab = await ext.openFeed(world.feedUrl(PARAMS));
      const kills: KillRecord[] = [];
      const made: Made[] = [];
      const clicked = { save: new Set<string>(), cta: new Set<string>() };
      const shoppable = new Set(storeAds.map((a) => a.itemId));
      let inFlightSaves = 0;
      let runningSince = 0; // the first background has run since the browser started

      for (let step = 0; step < PARAMS.count!; step += 1) {
        await tab.scroll(STRIDE);
        await sleep(120);
        for (const [kind, every, text] of [['save', SAVE_EVERY, 'Save'], ['cta', CTA_EVERY, null]] as const) {
          if (step % every !== every - 1) continue;
          const itemId = await clickOne(tab, text, shoppable, clicked[kind]);
          if (!itemId) continue;
          made.push({ kind, itemId });
          await waitForClick(ext, { kind, itemId });
        }
        if (step % KILL_EVERY !== KILL_EVERY / 2) continue;
        await sleep(runningSince + MIN_LIFE_MS - Date.now());
        const before = await snapshot(ext);
        // A Save pressed just before the kill: its message is in flight as the worker stops, and
        // the content script must send it again (utils/feed/send-retry.ts) for the click to be kept.
        let stateBefore: BackgroundState | null = null;
        const kill = async () => void (stateBefore = await ext.kill());
        const saved = await clickOne(tab, 'Save', shoppable, clicked.save, kill);
        if (stateBefore === null) await kill();
        // The next cards' reports wake it: scroll on until it runs again.
        for (let extra = 0; (await ext.state()) !== 'running'; extra += 1) {
          if (extra > 20) throw new Error(`the background did not come back after the kill at step ${step}`);
          step += 1;
          await tab.scroll(STRIDE);
          await sleep(200);
        }
        runningSince = Date.now();
        if (saved) {
          made.push({ kind: 'save', itemId: saved });
          inFlightSaves += 1;
          await waitForClick(ext, { kind: 'save', itemId: saved });
        }
        const after = await snapshot(ext);
        expect(lostOrChanged(before, after), `kill at step ${step}`).toEqual([]);
        kills.push({ step, stateBefore: stateBefore!, before: counts(before), after: counts(after) });
      }

      // Settle: the last pages of the feed arrive and their ads are reported (the scroll outran them)...
      for (let wait = 0; wait < 40 && (await ext.rows('sightings')).length < truth.length; wait += 1) {
        await tab.scroll(STRIDE);
        await sleep(500);
      }
      // ...and every lookup the kills interrupted was resumed: nothing is left to run.
      await expect.poll(async () => (await ext.rows('jobs')).length, { timeout: 60_000, message: 'jobs left' }).toBe(0);
      const final = await snapshot(ext);
      logKills(browser, kills, counts(final));
      // The content script's own count of reports that got no answer (the background died with them in flight).
      const diagnostics = (await ext.sendFromPage('diagnostics/get', {})) as { data?: { counters?: Record<string, number> } };
      const counters = diagnostics.data?.counters ?? {};
      console.log(`  reports without an answer: ${counters['overlay:reportFailures'] ?? 0}; messages sent again: ${counters['messaging:retries'] ?? 0}; saves pressed just before a kill: ${inFlightSaves}`);
      // Sightings whose report was in flight when the worker stopped were sent again and answered.
      expect(counters['overlay:reportFailures'] ?? 0, 'reports lost with a killed worker').toBe(0);
      expect(inFlightSaves, 'saves pressed just before a kill').toBeGreaterThanOrEqual(2);

      expect(kills.length).toBeGreaterThanOrEqual(6);
      expect(kills.filter((k) => k.stateBefore === 'running').length, 'kills while the background was running').toBeGreaterThanOrEqual(6);
      expect(kills.some((k) => k.before.jobs > 0), 'a kill with lookups in flight').toBe(true);
      // Exactly one row per ad, per product, per saved variant and per click made: none lost, none duplicated.
      expect([...final.sightings.keys()].sort()).toEqual(truth.map((a) => a.itemId).sort());
      const productKeys = new Set(storeAds.map((a) => `${a.host}/${a.handle}`));
      expect([...final.products.keys()].sort()).toEqual([...productKeys].sort());
      expect([...final.products.values()].filter((p) => p.status !== 'ok').map((p) => `${p.key}: ${p.status}`)).toEqual([]);
      const savedProducts = new Set(made.filter((m) => m.kind === 'save').map((m) => final.sightings.get(m.itemId)?.productKey));
      expect([...final.saved.values()].map((s) => s.productKey).sort()).toEqual([...savedProducts].sort());
      const clickRows = [...final.clicks.values()].map((c) => `${c.kind} ${c.sightingItemId}`).sort();
      expect(clickRows).toEqual(made.map((m) => `${m.kind} ${m.itemId}`).sort());
      expect(made.filter((m) => m.kind === 'save').length).toBeGreaterThanOrEqual(5);
    } finally {
      await ext.close();
      await world.close();
    }
  });
}
