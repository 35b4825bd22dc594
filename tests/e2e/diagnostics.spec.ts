/**
 * Diagnostics in Chromium, where the service worker can be driven directly (Firefox's
 * background can't be evaluated from a test): counters reach storage, and the context
 * menu's "ScrollCart missed this ad" stores the right-clicked card's non-personal shape.
 */
import { expect, test } from '@playwright/test';
import { CHANGED_FEED_API, startWorld, type World } from '../fixtures/world';
import { launchChromium, type ChromiumSession } from './harness/chromium';

// The service worker's global, in functions evaluated there.
declare const chrome: {
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
  tabs: { query(q: { url: string }): Promise<{ id?: number }[]>; sendMessage(id: number, message: unknown): Promise<unknown> };
};

let world: World;
let session: ChromiumSession;
test.beforeEach(async () => {
  world = await startWorld();
  session = await launchChromium({ world });
});
test.afterEach(async () => {
  await session?.close();
  await world?.close();
});

const stored = async (key: string) => (await session.worker()).evaluate((k) => chrome.storage.local.get(k).then((all) => all[k]), key);

test('chromium: feed counters reach the background, and a missed ad can be reported from the context menu', async () => {
  const page = await session.context.newPage();
  // A changed feed API: the tap sees no responses, the DOM detector finds the ads.
  await page.goto(world.feedUrl({ seed: 3, count: 12, pageSize: 6, firstPage: 6, adEvery: 3, endpoint: CHANGED_FEED_API }));
  await page.locator('[data-e2e="recommend-list-item-container"]').first().waitFor();

  // The person right-clicks an organic card ScrollCart did not mark, and picks the menu entry.
  const organic = page.locator('[data-e2e="recommend-list-item-container"]:not(:has([data-e2e="ad-tag"]))').first();
  await organic.click({ button: 'right', position: { x: 40, y: 40 } });
  await (await session.worker()).evaluate(async () => {
    const [tab] = await chrome.tabs.query({ url: 'https://www.tiktok.com/*' });
    await chrome.tabs.sendMessage(tab!.id!, { type: 'scrollcart/capture-missed-ad' });
  });
  await expect.poll(async () => ((await stored('missedAds')) as unknown[] | undefined)?.length ?? 0).toBe(1);
  const [report] = (await stored('missedAds')) as { page: string; shape: { hooks: string[] } }[];
  expect(report!.page).toBe('/foryou');
  expect(report!.shape.hooks).toContain('video-desc');
  expect(JSON.stringify(report)).not.toMatch(/fixture-cdn|@[a-z]/); // no URLs, no user names

  // Scroll past the server-rendered first page into items only the DOM detector can see.
  for (let i = 0; i < 6; i += 1) await page.mouse.wheel(0, 1200);
  // The content script reports its counter deltas every few seconds.
  await expect
    .poll(async () => ((await stored('diagnostics')) as Record<string, number> | undefined)?.['overlay:domFallbacks'] ?? 0, { timeout: 20_000 })
    .toBeGreaterThan(0);
  const counters = (await stored('diagnostics')) as Record<string, number>;
  expect(counters['overlay:domFallbacks']).toBeGreaterThan(0);
  expect(counters['responses:ssr:universal']).toBe(1);
  expect(counters['adsBySource:ssr']).toBe(2);
  expect(Object.keys(counters).some((k) => k.startsWith('responses:/api/recommend'))).toBe(false);
});
