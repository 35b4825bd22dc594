/**
 * Issue 7 § Permissions and privacy audit.
 *  - Chromium: every network request ScrollCart's own contexts make during a full session
 *    (scroll the fake feed, save an item, open the popup and the dashboard) is recorded with
 *    Playwright's `context.on('request')`, which also reports the extension service worker's
 *    fetches (checked against what the fake stores logged). Each must go to a store an ad linked
 *    to and ScrollCart may read — never TikTok-unrelated, never a third party, never a server of ours.
 *  - Firefox: what reached the local world, by host (the proxy refuses every other host).
 *  - The built manifests ask for no more than README's permission table explains, keep the
 *    default CSP (no `unsafe-eval`) and load no remote code.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Request } from '@playwright/test';
import { expectedAds, startWorld, type FeedParams, type World } from '../fixtures/world';
import { launchChromium, type ChromiumSession } from './harness/chromium';
import { readTable } from './harness/idb';
import { centreCard, controlCentre } from './harness/page-probes';
import { CHROME_BUILD, FIREFOX_BUILD, ROOT } from './harness/paths';
import { drivers } from './harness/driver';

const STRIDE = 624;
const TIKTOK = new Set(['www.tiktok.com', 'tiktok.com']);
const STORE_ENDPOINT = /^(?:\/meta\.json|(?:\/[a-z]{2}(?:-(?:[a-z]{2,4}|\d{3}))?)?\/(?:cart\.js|products\/[^/?#]+\.(?:js|json|oembed)))$/;
/** The default mix: every kind of ad, custom domains and non-Shopify shops included. */
const SESSION: FeedParams = { seed: 21, count: 40, pageSize: 10, firstPage: 6, adEvery: 4 };
/** Hosts ScrollCart may read without asking (README § Permissions): myshopify.com only. */
const readable = (host: string) => host.endsWith('.myshopify.com');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Origin = 'worker' | 'extension-page' | 'tab';
interface Seen {
  origin: Origin;
  method: string;
  url: URL;
  cookie: boolean;
}

function originOf(request: Request, extensionOrigin: string): Origin {
  if (request.serviceWorker()) return 'worker';
  try {
    return request.frame().url().startsWith(extensionOrigin) ? 'extension-page' : 'tab';
  } catch {
    return 'worker'; // a request without a frame is a worker's
  }
}

async function scrollSession(session: ChromiumSession, world: World): Promise<void> {
  const page = await session.context.newPage();
  await page.goto(world.feedUrl(SESSION));
  for (let i = 0; i < SESSION.count!; i += 1) {
    await page.mouse.wheel(0, STRIDE);
    await sleep(80);
  }
  const truth = expectedAds(SESSION);
  const rows = async (table: string) => (await (await session.worker()).evaluate(readTable, table)) as Record<string, unknown>[];
  await expect.poll(async () => (await rows('sightings')).length, { timeout: 30_000 }).toBe(truth.length);
  // Save one product, as a person would: the popup then shows it with its picture.
  // The last one, near where the scroll ended (the feed renders a window of cards).
  const ad = truth.filter((a) => a.host === 'demo-store.myshopify.com').at(-1)!;
  await expect.poll(async () => (await page.evaluate(centreCard, ad.itemId)) || (await page.mouse.wheel(0, -STRIDE), false), { timeout: 20_000 }).toBe(true);
  let at: { x: number; y: number } | null = null;
  await expect.poll(async () => (at = await page.evaluate(controlCentre, { itemId: ad.itemId, text: 'Save' })), { timeout: 20_000 }).not.toBeNull();
  await page.mouse.click(at!.x, at!.y);
  await expect.poll(async () => (await rows('saved')).length).toBe(1);
  for (const path of ['/popup.html', '/dashboard.html']) {
    const extensionPage = await session.context.newPage();
    await extensionPage.goto(`chrome-extension://${session.extensionId}${path}`);
    await extensionPage.waitForSelector('main');
    await sleep(2000);
    await extensionPage.close();
  }
}

test('chromium: every request of the extension goes to a store an ad linked to and ScrollCart may read, without cookies', async () => {
  test.setTimeout(120_000);
  const world = await startWorld();
  const session = await launchChromium({ world });
  try {
    const extensionOrigin = `chrome-extension://${session.extensionId}/`;
    // A cookie the store set: the background's requests must not carry it (credentials: 'omit').
    await session.context.addCookies([{ name: 'storefront_session', value: 'secret', domain: 'demo-store.myshopify.com', path: '/', secure: true }]);
    const seen: Seen[] = [];
    const headersRead: Promise<unknown>[] = [];
    session.context.on('request', (request) => {
      const entry: Seen = { origin: originOf(request, extensionOrigin), method: request.method(), url: new URL(request.url()), cookie: false };
      seen.push(entry);
      // allHeaders(): the headers as sent, cookies included (headers() omits them).
      headersRead.push(request.allHeaders().then((h) => void (entry.cookie = 'cookie' in h), () => undefined));
    });
    await scrollSession(session, world);
    await sleep(1500);
    await Promise.all(headersRead);

    const linked = new Set(expectedAds(SESSION).flatMap((a) => (a.host ? [a.host] : [])));
    const ours = seen.filter((s) => s.origin !== 'tab' && s.url.protocol !== 'chrome-extension:');
    const byOrigin = (origin: Origin) => ours.filter((s) => s.origin === origin);
    const describe = (s: Seen) => `${s.origin} ${s.method} ${s.url.href}`;

    // The service worker: only endpoints it builds, only on linked stores it may read, never with cookies.
    expect(byOrigin('worker').filter((s) => !linked.has(s.url.hostname) || !readable(s.url.hostname) || s.method !== 'GET' || !STORE_ENDPOINT.test(s.url.pathname) || s.url.search !== '').map(describe)).toEqual([]);
    expect(byOrigin('worker').filter((s) => s.cookie).map(describe)).toEqual([]);
    // Extension pages: their own files, and product pictures from the same stores.
    expect(byOrigin('extension-page').filter((s) => !linked.has(s.url.hostname) || !readable(s.url.hostname)).map(describe)).toEqual([]);
    // The TikTok tab (the page and our content scripts): TikTok only. The content scripts fetch nothing.
    // (Opening an extension page is a navigation from about:blank: our packaged file, not a network request.)
    expect(seen.filter((s) => s.origin === 'tab' && !TIKTOK.has(s.url.hostname) && !/^(data|chrome-extension):$/.test(s.url.protocol)).map(describe)).toEqual([]);

    // The recorder sees the service worker: every store request the world logged is one it saw.
    const storeLogged = world.requests.filter((r) => !TIKTOK.has(r.host)).length;
    const storeSeen = ours.filter((s) => !TIKTOK.has(s.url.hostname)).length;
    expect(byOrigin('worker').length).toBeGreaterThan(0);
    expect(storeSeen).toBe(storeLogged);
    const hosts = [...new Set(ours.map((s) => s.url.hostname))].sort();
    console.log(
      `[privacy] chromium: ${seen.length} requests in the session, ${ours.length} by ScrollCart (worker ${byOrigin('worker').length}, pages ${byOrigin('extension-page').length}) to ${hosts.join(', ')}; ` +
        `${seen.filter((s) => s.origin === 'tab').length} by the TikTok tab, all to TikTok; linked but never contacted: ${[...linked].filter((h) => !hosts.includes(h)).join(', ')}`,
    );
    // Linked but not readable without a grant: never asked.
    for (const host of linked) if (!readable(host)) expect(ours.filter((s) => s.url.hostname === host).map(describe)).toEqual([]);

    // Control: the recorder does see the store's cookie where the browser sends it (a person opening the store).
    const control = await session.context.newPage();
    await control.goto('https://demo-store.myshopify.com/');
    await Promise.all(headersRead);
    expect(seen.filter((s) => s.origin === 'tab' && s.url.hostname === 'demo-store.myshopify.com').some((s) => s.cookie)).toBe(true);
  } finally {
    await session.close();
    await world.close();
  }
});

test('firefox: what reached the world from the extension went only to stores an ad linked to and ScrollCart may read', async () => {
  test.setTimeout(120_000);
  const world = await startWorld();
  const driver = await drivers.firefox(world);
  try {
    const tab = await driver.openFeed(world.feedUrl(SESSION));
    for (let i = 0; i < SESSION.count!; i += 1) {
      await tab.scroll(STRIDE);
      await sleep(80);
    }
    const truth = expectedAds(SESSION);
    await expect.poll(async () => (await driver.rows('sightings')).length, { timeout: 30_000 }).toBe(truth.length);
    for (const path of ['/popup.html', '/dashboard.html']) await (await driver.openExtensionPage(path, 'main')).close();
    await sleep(2000);
    const linked = new Set(truth.flatMap((a) => (a.host ? [a.host] : [])));
    // The fake feed page itself only asks TikTok; every other request the world saw is ScrollCart's.
    const others = world.requests.filter((r) => !TIKTOK.has(r.host));
    expect(others.filter((r) => !linked.has(r.host) || !readable(r.host) || (!STORE_ENDPOINT.test(r.path) && !r.path.startsWith('/cdn/'))).map((r) => `${r.host}${r.path}`)).toEqual([]);
    expect(others.length).toBeGreaterThan(0);
    console.log(`[privacy] firefox: ${others.length} store requests, to ${[...new Set(others.map((r) => r.host))].join(', ')}`);
  } finally {
    await driver.close();
    await world.close();
  }
});

/** The first column of README's "Permissions, and why" table: `storage`, `*://*.tiktok.com/*`, … */
function readmePermissions(): Set<string> {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Permissions, and why'));
  const table = section.slice(0, section.indexOf('\n\n', section.indexOf('|')));
  return new Set([...table.matchAll(/^\|\s*`([^`]+)`/gm)].map((m) => m[1]!));
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

for (const [browser, build] of [['chrome', CHROME_BUILD], ['firefox', FIREFOX_BUILD]] as const) {
  test(`${browser} build: the manifest asks for no more than the README explains, keeps a CSP without unsafe-eval, and loads no remote code`, () => {
    const manifest = JSON.parse(readFileSync(join(build, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    const asked = [
      ...((manifest.permissions as string[] | undefined) ?? []),
      ...((manifest.optional_permissions as string[] | undefined) ?? []),
      ...((manifest.host_permissions as string[] | undefined) ?? []),
      ...((manifest.optional_host_permissions as string[] | undefined) ?? []),
    ];
    const explained = readmePermissions();
    expect(explained.size).toBeGreaterThan(3);
    expect(asked.filter((p) => !explained.has(p))).toEqual([]);
    // Content scripts run only where a host permission is explained.
    for (const script of (manifest.content_scripts as { matches: string[] }[] | undefined) ?? []) for (const m of script.matches) expect(explained.has(m), m).toBe(true);
    // No CSP of ours (the MV3 default: script-src 'self'), or one without eval and remote sources.
    const csp = JSON.stringify(manifest.content_security_policy ?? '');
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/);
    expect(manifest.externally_connectable).toBeUndefined();
    expect(manifest.web_accessible_resources).toBeUndefined();
    // No remote code: every script and page loads only packaged files.
    const remote: string[] = [];
    for (const file of filesUnder(build)) {
      if (!/\.(js|html)$/.test(file)) continue;
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/<script[^>]+src="([^"]+)"|importScripts\(\s*["'`]([^"'`]+)|import\(\s*["'`](https?:[^"'`]+)/g)) {
        const src = m[1] ?? m[2] ?? m[3] ?? '';
        if (/^(https?:)?\/\//.test(src)) remote.push(`${file}: ${src}`);
      }
    }
    expect(remote).toEqual([]);
  });
}
