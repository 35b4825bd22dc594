/**
 * Issue 4 §6 and §8 in the built extension: a custom-domain store waits for the shopper's
 * permission, which the permission page asks for on a click; a grant looks up the ads that
 * waited, a revocation puts them back to "Allow lookups on …"; Firefox lets the shopper
 * withhold even the declared `*.myshopify.com`; and "delete everything" leaves nothing.
 *
 * Firefox grants optional permissions without its prompt under the harness's test pref
 * (SCRIPTED_SESSION in harness/driver.ts). Headless Chromium shows its prompt with no way to answer it from a
 * test (docs/security.md § Optional host permissions), so there one test proves the request
 * is made from the click and waits for the answer, and another adds the store as the shopper
 * can in chrome://extensions' Site access, after which Chromium grants the page's request
 * on the click without a prompt: the flow after the prompt runs as in Firefox.
 */
import { expect, test } from '@playwright/test';
import { expectedAds, startWorld, type FeedParams, type World } from '../fixtures/world';
import { drivers, SCRIPTED_SESSION, type Driver, type FeedTab } from './harness/driver';
import { overlayCensus } from './harness/page-probes';

const BRAND = 'shop.example-brand.com';
/** The extension APIs a test calls inside our page (a type only: the functions run in the page). */
type PageBrowser = {
  permissions: { remove(permissions: { origins: string[] }): Promise<boolean> };
  storage: { local: { get(keys: null): Promise<Record<string, unknown>> } };
};
const PARAMS: FeedParams = { seed: 17, count: 8, pageSize: 8, firstPage: 8, adEvery: 2, mix: ['shopify-custom-domain', 'shopify-myshopify'] };

/** Clicks a control of one of our pages (a real click: the permission request needs the gesture). */
async function press(page: FeedTab, testId: string) {
  const at = await page.evaluate((id) => {
    const r = document.querySelector(`[data-testid="${id}"]`)?.getBoundingClientRect();
    return r ? { x: r.x + r.width / 2, y: r.y + r.height / 2 } : null;
  }, testId);
  expect(at, testId).not.toBeNull();
  await page.clickAt(at!.x, at!.y);
}

const outcome = (page: FeedTab) => page.evaluate(() => document.querySelector('[data-testid="perm-outcome"]')?.getAttribute('data-step') ?? null);
const cardsSay = async (tab: FeedTab) => (await tab.evaluate(overlayCensus)).map((c) => c.text).join(' | ');

async function openFeedWaiting(ext: Driver, world: World) {
  const tab = await ext.openFeed(world.feedUrl(PARAMS));
  await expect.poll(() => cardsSay(tab)).toContain(`Allow lookups on ${BRAND}`);
  return tab;
}

async function session(browser: 'chromium' | 'firefox', body: (ext: Driver, world: World) => Promise<void>) {
  const world = await startWorld();
  const ext = await drivers[browser](world, SCRIPTED_SESSION);
  try {
    await body(ext, world);
  } finally {
    await ext.close();
    await world.close();
  }
}

test('chromium: the permission page asks on the click itself, and only for the store named', () =>
  session('chromium', async (ext, world) => {
    await openFeedWaiting(ext, world);
    const page = await ext.openExtensionPage(`/permissions.html?host=${BRAND}`, '[data-testid="perm-allow-store"]');
    expect(await page.evaluate(() => document.querySelector('[data-testid="perm-why"]')?.textContent)).toContain(BRAND);
    await press(page, 'perm-allow-store');
    // Without the click Chrome refuses at once ("must be called during a user gesture"): 'asking' means the prompt is up.
    await expect.poll(() => outcome(page)).toBe('asking');
    expect(world.requests.some((r) => r.host === BRAND)).toBe(false);
  }));

/**
 * chrome://extensions' own API (what its Site access › "Add a site" and the site's remove
 * button call), run in that page. It records the host as granted by the user; it does not
 * make the permission active. Chromium then grants our page's permissions.request for it on
 * the click without a prompt (a request for permissions already granted is not shown).
 */
async function siteAccess(ext: Driver, extensionId: string, action: 'addHostPermission' | 'removeHostPermission', host: string) {
  const settings = await ext.openExtensionPage('/permissions.html?host=-', '[data-testid="perm-bad-host"]');
  await settings.goto('chrome://extensions');
  type DeveloperPrivate = Record<string, (id: string, host: string, done: () => void) => void>;
  type Chrome = { developerPrivate?: DeveloperPrivate; runtime: { lastError?: { message: string } } };
  const answer = await settings.evaluate(
    ({ extensionId, action, host }) => {
      const chrome = (globalThis as unknown as { chrome: Chrome }).chrome;
      if (!chrome.developerPrivate) return 'chrome.developerPrivate is missing on chrome://extensions';
      return new Promise<string>((resolve) => chrome.developerPrivate![action]!(extensionId, `https://${host}/*`, () => resolve(chrome.runtime.lastError?.message ?? 'ok')));
    },
    { extensionId, action, host },
  );
  expect(answer, `${action} ${host}`).toBe('ok');
}

test('chromium: a store added in Site access is granted by the permission page without a prompt; its ads are looked up; removing it puts them back', () =>
  session('chromium', async (ext, world) => {
    const brandAds = expectedAds(PARAMS).filter((a) => a.host === BRAND);
    const brandKeys = new Set(brandAds.map((a) => `${BRAND}/${a.handle}`));
    const tab = await openFeedWaiting(ext, world);
    const page = await ext.openExtensionPage(`/permissions.html?host=${BRAND}`, '[data-testid="perm-allow-store"]');
    const extensionId = await page.evaluate(() => (globalThis as unknown as { chrome: { runtime: { id: string } } }).chrome.runtime.id);

    await siteAccess(ext, extensionId, 'addHostPermission', BRAND);
    // Recorded, not active: the store still waits for the shopper's click on our page.
    expect(await ext.sendFromPage('data/permission-status', {})).toMatchObject({ data: { awaiting: [{ host: BRAND, ads: brandAds.length }] } });
    expect(world.requests.some((r) => r.host === BRAND)).toBe(false);

    await press(page, 'perm-allow-store');
    await expect.poll(() => outcome(page)).toBe('done');
    await expect.poll(async () => (await ext.rows('products')).filter((p) => brandKeys.has(String(p.key)) && p.status === 'ok').length).toBe(brandKeys.size);
    expect(world.requests.some((r) => r.host === BRAND && r.path.endsWith('.js'))).toBe(true);
    expect(await ext.sendFromPage('data/permission-status', {})).toMatchObject({ data: { awaiting: [] } });
    await tab.goto(world.feedUrl(PARAMS));
    // The store's cards drawn again, each now with the product (its Save button), none waiting.
    const brandCards = async () => (await tab.evaluate(overlayCensus)).filter((c) => brandAds.some((a) => a.itemId === c.itemId) && c.overlays > 0);
    await expect.poll(async () => (await brandCards()).map((c) => c.text.includes('Save') && !c.text.includes('Allow lookups'))).toContain(true);
    await expect.poll(async () => (await brandCards()).every((c) => c.text.includes('Save') && !c.text.includes('Allow lookups'))).toBe(true);

    // Removed in Site access: the store waits again, and its rows are not answered from the cache.
    await siteAccess(ext, extensionId, 'removeHostPermission', BRAND);
    await expect.poll(async () => (await ext.sendFromPage('data/permission-status', {})) as object).toMatchObject({ data: { awaiting: [{ host: BRAND }] } });
    await expect.poll(async () => (await ext.rows('products')).filter((p) => brandKeys.has(String(p.key))).every((p) => p.expiresAt === 0)).toBe(true);
    await tab.goto(world.feedUrl(PARAMS));
    await expect.poll(() => cardsSay(tab)).toContain(`Allow lookups on ${BRAND}`);
  }));

test('firefox: allowing a store looks up the ads that waited; revoking puts them back; delete everything leaves nothing', () =>
  session('firefox', async (ext, world) => {
    const brandAds = expectedAds(PARAMS).filter((a) => a.host === BRAND);
    const tab = await openFeedWaiting(ext, world);
    expect(await ext.sendFromPage('data/permission-status', {})).toMatchObject({ ok: true, data: { awaiting: [{ host: BRAND, ads: brandAds.length }], everyShop: false } });

    const page = await ext.openExtensionPage(`/permissions.html?host=${BRAND}`, '[data-testid="perm-allow-store"]');
    await press(page, 'perm-allow-store');
    await expect.poll(() => outcome(page)).toBe('done');
    const brandKeys = new Set(brandAds.map((a) => `${BRAND}/${a.handle}`));
    await expect.poll(async () => (await ext.rows('products')).filter((p) => brandKeys.has(String(p.key)) && p.status === 'ok').length).toBe(brandKeys.size);
    expect(world.requests.some((r) => r.host === BRAND && r.path.endsWith('.js'))).toBe(true);
    expect(await ext.sendFromPage('data/permission-status', {})).toMatchObject({ data: { awaiting: [] } });

    // Revoked (as from the add-on manager): the store waits again, and its rows are not answered from the cache.
    await page.evaluate(() => (globalThis as unknown as { browser: PageBrowser }).browser.permissions.remove({ origins: ['https://shop.example-brand.com/*'] }));
    await expect.poll(async () => (await ext.sendFromPage('data/permission-status', {})) as object).toMatchObject({ data: { awaiting: [{ host: BRAND }] } });
    await expect.poll(async () => (await ext.rows('products')).filter((p) => brandKeys.has(String(p.key))).every((p) => p.expiresAt === 0)).toBe(true);
    await tab.goto(world.feedUrl(PARAMS));
    await expect.poll(() => cardsSay(tab)).toContain(`Allow lookups on ${BRAND}`);

    expect(await ext.sendFromPage('data/delete-all', { confirm: true })).toMatchObject({ ok: true });
    for (const table of ['sightings', 'products', 'stores', 'saved', 'clicks', 'snapshots', 'jobs', 'watches']) expect(await ext.rows(table), table).toEqual([]);
    expect(await page.evaluate(() => (globalThis as unknown as { browser: PageBrowser }).browser.storage.local.get(null))).toEqual({});
  }));

test('firefox: a withheld *.myshopify.com is asked for like any store', () =>
  session('firefox', async (ext, world) => {
    const page = await ext.openExtensionPage('/permissions.html?host=-', '[data-testid="perm-bad-host"]');
    await page.evaluate(() => (globalThis as unknown as { browser: PageBrowser }).browser.permissions.remove({ origins: ['https://*.myshopify.com/*'] }));
    expect(await ext.sendFromPage('data/permission-status', {})).toMatchObject({ data: { myshopify: false } });
    const tab = await ext.openFeed(world.feedUrl(PARAMS));
    await expect.poll(() => cardsSay(tab)).toContain('Allow lookups on demo-store.myshopify.com');
    expect(world.requests.some((r) => r.host.endsWith('.myshopify.com'))).toBe(false);

    const ask = await ext.openExtensionPage('/permissions.html?host=demo-store.myshopify.com', '[data-testid="perm-allow-store"]');
    expect(await ask.evaluate(() => document.querySelector('[data-testid="perm-allow-store"]')?.textContent)).toBe('Allow for myshopify.com stores');
    await press(ask, 'perm-allow-store');
    await expect.poll(() => outcome(ask)).toBe('done');
    expect(await ext.sendFromPage('data/permission-status', {})).toMatchObject({ data: { myshopify: true } });
    await expect.poll(async () => (await ext.rows('products')).some((p) => String(p.host) === 'demo-store.myshopify.com' && p.status === 'ok')).toBe(true);
  }));
