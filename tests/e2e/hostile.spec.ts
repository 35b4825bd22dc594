/**
 * Issue 7 § Hostile pages, in Chromium and Firefox ESR. The feed's ads and the store's products
 * carry script, markup, CSS, bidi and 1 MB payloads on a page whose CSP lets inline script run
 * (a control proves it does); the page then forges messages on the tap's channel, floods it,
 * and clicks ScrollCart's controls from script. What must hold: no payload runs, text stays
 * text, the overlay keeps its size, the page keeps working, the background only fetches the
 * store endpoints it builds on hosts it may read, and floods are rate-limited and counted.
 */
import { expect, test } from '@playwright/test';
import {
  expectedAds,
  HOSTILE_AD_KINDS,
  HOSTILE_HANDLES,
  HOSTILE_STORE_HOST,
  PWNED_GLOBAL,
  TRACKER_HOST,
  type FeedParams,
  type World,
} from '../fixtures/world';
import { pressSaveUntilSaved } from './harness/actions';
import type { Driver, FeedTab } from './harness/driver';
import { centreCard, overlayCensus } from './harness/page-probes';
import { inBothBrowsers } from './harness/suite';

const STRIDE = 624; // the fake feed's card height + gap
const CARD_HEIGHT = 600;
const TAG = 'scrollcart-feed-tap';
const TIKTOK = new Set(['www.tiktok.com', 'tiktok.com']);
/** Every path the background may request from a store: what product-url.ts builds (and fetch-json.ts re-checks). */
const STORE_ENDPOINT = /^(?:\/meta\.json|(?:\/[a-z]{2}(?:-(?:[a-z]{2,4}|\d{3}))?)?\/(?:cart\.js|products\/[^/?#]+\.(?:js|json|oembed)))$/;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ---- Self-contained page functions (no imports, no closures) -------------------------------

/** Positive control: markup put into this page as HTML does run here (the hostile CSP allows inline handlers). */
function injectControl(): void {
  const div = document.createElement('div');
  div.id = 'sc-control';
  div.innerHTML = '<img src="/x-control.png" onerror="window.__scControl=true">';
  document.body.append(div);
}

function pageGlobal(name: string): unknown {
  return (window as unknown as Record<string, unknown>)[name];
}

interface OverlayAudit {
  itemId: string;
  text: string;
  /** Element names in the overlay's shadow root, its own <style> excepted. */
  tags: string[];
  /** Attributes that run script or load from elsewhere. */
  dangerous: string[];
  /** The overlay's styles (one shared adopted sheet, or one <style> where a content script can't adopt one): ours only, never a page's or a store's CSS. */
  styleHasPayload: boolean;
  /** The card's own font size, as computed: our styles apply inside the shadow root (13px in card.css). */
  fontSize: string;
  box: { width: number; height: number };
  cardHeight: number;
}

function auditOverlays(): OverlayAudit[] {
  return [...document.querySelectorAll('scrollcart-card')].map((host) => {
    const root = host.shadowRoot;
    const card = host.closest('[data-e2e="recommend-list-item-container"]');
    const all = [...(root?.querySelectorAll('*') ?? [])];
    const dangerous: string[] = [];
    for (const el of all) {
      for (const attr of el.getAttributeNames()) {
        const value = el.getAttribute(attr) ?? '';
        if (/^on/i.test(attr) || (/^(href|src|action|formaction|style)$/i.test(attr) && /javascript:|data:|tracker\.example|url\(/i.test(value))) dangerous.push(`${el.localName}[${attr}=${value.slice(0, 60)}]`);
      }
    }
    const styles = all.filter((el) => el.localName === 'style').map((el) => el.textContent ?? '');
    const adopted = [...(root?.adoptedStyleSheets ?? [])].map((sheet) => [...sheet.cssRules].map((rule) => rule.cssText).join('\n'));
    const css = [...styles, ...adopted];
    const box = root?.querySelector('.sc-root')?.getBoundingClientRect();
    return {
      itemId: /^xgwrapper-\d+-(\d+)$/.exec(card?.querySelector('[id^="xgwrapper-"]')?.id ?? '')?.[1] ?? '',
      text: [...(root?.children ?? [])].filter((el) => el.localName !== 'style').map((el) => el.textContent).join(''),
      tags: [...new Set(all.filter((el) => el.localName !== 'style').map((el) => el.localName))].sort(),
      dangerous,
      styleHasPayload: css.length !== 1 || /display:\s*none\s*!important|@import|tracker/.test(css[0] ?? ''),
      fontSize: root?.querySelector('.sc-root') ? getComputedStyle(root.querySelector('.sc-root')!).fontSize : '',
      box: { width: Math.round(box?.width ?? 0), height: Math.round(box?.height ?? 0) },
      cardHeight: Math.round(card?.getBoundingClientRect().height ?? 0),
    };
  });
}

/** What a page script learns of the channel: it asks the content script to say hello again and listens. */
function learnChannel(tag: string): Promise<string | null> {
  return new Promise((resolve) => {
    const listen = (event: MessageEvent) => {
      const data = event.data as { tag?: unknown; kind?: unknown; channel?: unknown } | null;
      if (data?.tag === tag && data.kind === 'hello' && typeof data.channel === 'string') {
        window.removeEventListener('message', listen);
        resolve(data.channel);
      }
    };
    window.addEventListener('message', listen);
    window.postMessage({ tag, kind: 'ready' }, location.origin);
    setTimeout(() => resolve(null), 5000);
  });
}

/** Posts forged `items` messages, one item each: an ad whose landing URL the page chose. */
function forgeItems(arg: { tag: string; channels: string[]; urls: string[]; firstId: string }): number {
  let id = BigInt(arg.firstId);
  let posted = 0;
  for (const channel of arg.channels) {
    for (const url of arg.urls) {
      id += 1n;
      const item = { id: String(id), desc: 'forged', author: { uniqueId: 'forger' }, ad_info: { web_url: url, button_text: 'Shop now' } };
      window.postMessage({ tag: arg.tag, kind: 'items', channel, source: 'api', page: '/foryou', items: [item] }, location.origin);
      posted += 1;
    }
  }
  return posted;
}

/** What else a page can try: the extension APIs (absent for pages), the runtime protocol on the window, a forged click. */
function tryLookalikes(arg: { tag: string; channel: string }): string[] {
  const seen: string[] = [];
  const scope = window as unknown as { chrome?: { runtime?: { sendMessage?: unknown; id?: unknown } }; browser?: unknown };
  seen.push(`chrome.runtime.sendMessage: ${typeof scope.chrome?.runtime?.sendMessage}`, `browser: ${typeof scope.browser}`);
  try {
    // Chromium exposes sendMessage(extensionId, …) to pages only for externally_connectable extensions; ScrollCart is not.
    (scope.chrome?.runtime?.sendMessage as ((id: string, m: unknown) => unknown) | undefined)?.('scrollcart', { type: 'data/delete-all', data: { confirm: true } });
  } catch (error) {
    seen.push(`sendMessage threw: ${String(error).slice(0, 80)}`);
  }
  for (const message of [
    { type: 'data/delete-all', data: { confirm: true } },
    { type: 'sighting/report', data: {} },
    { tag: arg.tag, kind: 'click', channel: arg.channel, page: '/foryou', itemId: '7999999999999999001', url: 'https://127.0.0.1/products/x', known: 'ad' },
    { tag: arg.tag, kind: 'stats', channel: arg.channel, stats: { responses: { ['x'.repeat(200)]: 1 }, items: -1 } },
  ]) window.postMessage(message, location.origin);
  return seen;
}

/** A page script pressing ScrollCart's controls: element.click() on the open shadow root, not a person. */
function scriptClicksOverlay(): number {
  let clicked = 0;
  for (const host of document.querySelectorAll('scrollcart-card')) {
    for (const control of host.shadowRoot?.querySelectorAll<HTMLElement>('button, a') ?? []) {
      control.click();
      clicked += 1;
    }
  }
  for (const cta of document.querySelectorAll<HTMLElement>('[data-e2e="ttam-ads-cta"]')) cta.click();
  return clicked;
}

/** A feed card for item `id` with an ad CTA, as the page could render for a forged ad. */
function addFakeAdCard(id: string): void {
  const template = document.querySelector('[data-e2e="recommend-list-item-container"]');
  if (!template) return;
  const card = template.cloneNode(true) as HTMLElement;
  card.querySelectorAll('scrollcart-card').forEach((el) => el.remove());
  const wrapper = card.querySelector('[id^="xgwrapper-"]');
  if (wrapper) wrapper.id = `xgwrapper-0-${id}`;
  const cta = document.createElement('button');
  cta.setAttribute('data-e2e', 'ttam-ads-cta');
  cta.textContent = 'Shop now';
  card.querySelector('[data-e2e="video-desc"]')?.after(cta);
  card.style.top = '0px';
  template.parentElement?.append(card);
}

/** A flood: `count` messages on the real channel, each a new forged ad. */
function flood(arg: { tag: string; channel: string; count: number; urlBase: string }): number {
  const started = performance.now();
  for (let i = 0; i < arg.count; i += 1) {
    const item = { id: String(7_990_000_000_000_000_000n + BigInt(i)), ad_info: { web_url: `${arg.urlBase}${i}` } };
    window.postMessage({ tag: arg.tag, kind: 'items', channel: arg.channel, source: 'api', page: '/foryou', items: [item] }, location.origin);
  }
  return performance.now() - started;
}

/** An extension page's DOM: injected elements or attributes would show here; text shows as text. */
function auditExtensionPage(global: string): { pwned: unknown; dangerous: string[]; text: string } {
  const dangerous: string[] = [];
  for (const el of document.querySelectorAll('*')) {
    if (el.localName === 'script' && !el.getAttribute('src')) dangerous.push('inline script');
    if (el.localName === 'iframe' || el.localName === 'object' || el.localName === 'embed') dangerous.push(el.localName);
    for (const attr of el.getAttributeNames()) {
      const value = el.getAttribute(attr) ?? '';
      if (/^on/i.test(attr) || (/^(href|src)$/i.test(attr) && /^\s*(javascript|data):|tracker\.example/i.test(value))) dangerous.push(`${el.localName}[${attr}]`);
    }
  }
  return { pwned: (window as unknown as Record<string, unknown>)[global], dangerous, text: document.body.textContent ?? '' };
}

// ---- Helpers ---------------------------------------------------------------------------------

/** Store requests (anything not TikTok) that are not an endpoint ScrollCart builds, on a host it may read. */
function strayStoreRequests(world: World, allowedHosts: ReadonlySet<string>): string[] {
  return world.requests
    .filter((r) => !TIKTOK.has(r.host) && !r.path.startsWith('/cdn/'))
    .filter((r) => !allowedHosts.has(r.host) || r.method !== 'GET' || !STORE_ENDPOINT.test(r.path))
    .map((r) => `${r.method} ${r.host}${r.path}`);
}

async function scrollToEnd(tab: FeedTab, count: number): Promise<void> {
  for (let i = 0; i < count; i += 1) {
    await tab.scroll(STRIDE);
    await sleep(80);
  }
}

async function storedCounters(driver: Driver): Promise<Record<string, number>> {
  return ((await driver.readStorage('diagnostics')) as Record<string, number> | undefined) ?? {};
}

// ---- Scenarios -------------------------------------------------------------------------------

const HOSTILE: FeedParams = { seed: 7, count: 14, pageSize: 7, firstPage: 7, adEvery: 2, mix: [...HOSTILE_AD_KINDS], hostile: true };

inBothBrowsers({
  'hostile ads and a hostile store: no payload runs, text stays text, the overlay keeps its size, the page keeps working': async ({ driver, world }) => {
    const truth = expectedAds(HOSTILE);
    expect(truth.map((a) => a.kind)).toEqual([...HOSTILE_AD_KINDS]);
    const tab = await driver.openFeed(world.feedUrl(HOSTILE));

    // The control: on this page an injected payload does run, so a quiet global below means something.
    await tab.evaluate(injectControl);
    await expect.poll(() => tab.evaluate(pageGlobal, '__scControl')).toBe(true);

    await scrollToEnd(tab, HOSTILE.count!);
    await expect.poll(async () => (await driver.rows('sightings')).length, { timeout: 20_000 }).toBe(truth.length);
    // Each hostile product was looked up; the 1 MB vendor is refused by the schema, typed.
    await expect
      .poll(async () => Object.fromEntries((await driver.rows('products')).map((p) => [p.handle, p.status])), { timeout: 30_000 })
      .toEqual({ [HOSTILE_HANDLES.markup]: 'ok', [HOSTILE_HANDLES.css]: 'ok', [HOSTILE_HANDLES.rtl]: 'ok', [HOSTILE_HANDLES.huge]: 'invalid-response', [HOSTILE_HANDLES.long]: 'ok' });

    // Walk back over every ad card and read its overlay as the page sees it.
    const audits = new Map<string, Awaited<ReturnType<typeof auditOverlays>>[number]>();
    for (const ad of truth) {
      await expect.poll(async () => (await tab.evaluate(centreCard, ad.itemId)) || (await tab.scroll(-STRIDE), false), { timeout: 20_000 }).toBe(true);
      await expect
        .poll(async () => {
          const audit = (await tab.evaluate(auditOverlays)).find((a) => a.itemId === ad.itemId);
          if (audit) audits.set(ad.itemId, audit);
          // Wait for the final state: a product, a typed failure, or a chip.
          return audit ? /Buy now|Sold out|Save|not a shop link|invalid|response|unreadable|problem|error/i.test(audit.text) || audit.text.length > 0 : false;
        }, { timeout: 20_000 })
        .toBe(true);
    }
    const markup = truth.find((a) => a.kind === 'hostile-markup')!;
    await expect
      .poll(async () => ((await tab.evaluate(centreCard, markup.itemId)) || (await tab.scroll(-STRIDE)), (await tab.evaluate(auditOverlays)).find((a) => a.itemId === markup.itemId)?.text ?? ''), { timeout: 20_000 })
      .toContain('Buy now');
    const markupAudit = (await tab.evaluate(auditOverlays)).find((a) => a.itemId === markup.itemId)!;
    // The store's title and variant name are on the card, as the characters they are.
    expect(markupAudit.text).toContain(`<img src=x onerror="window.${PWNED_GLOBAL}='title'">Tee<script>`);
    expect(markupAudit.text).toContain(`<script>window.${PWNED_GLOBAL}='variant'</script>`);

    console.log(`[hostile] ${driver.browser}: overlays`, [...audits.values()].map((a) => `${a.box.width}×${a.box.height} ${a.text.slice(0, 60)}`));
    for (const audit of audits.values()) {
      expect(audit.dangerous, `overlay of ${audit.itemId}`).toEqual([]);
      expect(audit.styleHasPayload, `overlay style of ${audit.itemId}`).toBe(false);
      expect(audit.fontSize, `overlay font size of ${audit.itemId}`).toBe('13px');
      expect(audit.tags.filter((t) => !['a', 'button', 'div', 'p', 's', 'section', 'span', 'strong'].includes(t)), `overlay elements of ${audit.itemId}`).toEqual([]);
      // Within its max size (card.css: 240 px wide), and the feed card keeps its own.
      expect(audit.box.width, `overlay width of ${audit.itemId}`).toBeLessThanOrEqual(240);
      expect(audit.box.height, `overlay height of ${audit.itemId}`).toBeLessThanOrEqual(CARD_HEIGHT - 56);
      expect(audit.cardHeight).toBe(CARD_HEIGHT);
    }

    // The page still works: nothing ran, no error, the page is still shown, the feed still scrolls.
    await sleep(500);
    expect(await tab.evaluate(pageGlobal, PWNED_GLOBAL)).toBeUndefined();
    expect(tab.errors).toEqual([]);
    expect(await tab.evaluate(() => getComputedStyle(document.body).display)).not.toBe('none');
    // No request ever went to the tracker the payloads and image URLs name, nor to a non-endpoint of the store.
    expect(world.requests.filter((r) => r.host === TRACKER_HOST)).toEqual([]);
    expect(strayStoreRequests(world, new Set([HOSTILE_STORE_HOST]))).toEqual([]);

    // Save the markup product (a person's click) and read the popup: the same text, as text, and no tracking pixel.
    expect(await tab.evaluate(centreCard, markup.itemId)).toBe(true);
    await pressSaveUntilSaved(driver, tab, markup.itemId, 1);
    for (const path of ['/popup.html', '/dashboard.html']) {
      const page = await driver.openExtensionPage(path, 'main');
      try {
        if (path === '/popup.html') await expect.poll(() => page.evaluate(() => document.body.textContent ?? ''), { timeout: 20_000 }).toContain(`onerror="window.${PWNED_GLOBAL}='title'"`);
        else await expect.poll(() => page.evaluate(() => document.body.textContent ?? ''), { timeout: 20_000 }).toContain(HOSTILE_STORE_HOST);
        await sleep(300);
        const audit = await page.evaluate(auditExtensionPage, PWNED_GLOBAL);
        expect(audit.pwned, path).toBeUndefined();
        expect(audit.dangerous, path).toEqual([]);
      } finally {
        await page.close();
      }
    }
    expect(world.requests.filter((r) => r.host === TRACKER_HOST)).toEqual([]);
  },

  'forged channel messages: guessed channels are refused; a page that learns the channel gets only built endpoints on readable hosts fetched': async ({ driver, world }) => {
    const tab = await driver.openFeed(world.feedUrl({ seed: 5, count: 6, pageSize: 6, firstPage: 6, adEvery: 0 }));
    await tab.evaluate(() => document.querySelector('[data-e2e="recommend-list-item-container"]') !== null);
    const demo = 'demo-store.myshopify.com';
    const urls = [
      // Allowed shapes: the background may look these up (a page could also just render such an ad).
      `https://${demo}/products/ratio-eight.js?callback=steal#x`,
      `https://www.tiktok.com/link/v2?target=${encodeURIComponent(`https://${demo}/products/red-rain-coat?utm_source=x`)}`,
      `https://${HOSTILE_STORE_HOST}/products/${HOSTILE_HANDLES.rtl}`,
      // Never fetched: not a product, not https, a private or odd host, or a host without permission.
      `https://${demo}/admin/api/2024-01/orders.json`,
      `https://${demo}/products/x/../../admin`,
      `https://${demo}/products/..%2F..%2Fadmin`,
      `https://${demo}/products/%2e%2e`,
      `https://${demo}/cart/123:1`,
      `https://${demo}/account/login`,
      `http://${demo}/products/plain-http`,
      `https://${demo}:8443/products/port`,
      `https://user:pw@${demo}/products/userinfo`,
      'https://127.0.0.1/products/loopback',
      'https://localhost/products/local',
      'https://0x7f.1/products/hex-ip',
      'https://[::1]/products/v6',
      'https://169.254.169.254/products/metadata',
      'https://127.0.0.1.nip.io/products/nip',
      'https://shop.example-brand.com/products/no-permission',
      'https://www.other-store.example/products/not-shopify',
      `https://${TRACKER_HOST}/products/tracker`,
      'javascript:alert(1)',
      `data:text/html,<script>alert(1)</script>`,
    ];

    // 1. Guessing: 20 random channel ids × every URL: all refused, nothing recorded.
    const guesses = Array.from({ length: 20 }, () => crypto.randomUUID());
    const guessed = await tab.evaluate(forgeItems, { tag: TAG, channels: guesses, urls, firstId: '7990000000000001000' });
    await sleep(1500);
    expect(await driver.rows('sightings')).toEqual([]);

    // 2. The page learns the channel (it can: hello is a window message) and forges ads on it.
    const channel = await tab.evaluate(learnChannel, TAG);
    expect(channel).toMatch(/^[0-9a-f-]{36}$/);
    const forged = await tab.evaluate(forgeItems, { tag: TAG, channels: [channel!], urls, firstId: '7990000000000002000' });
    const lookalikes = await tab.evaluate(tryLookalikes, { tag: TAG, channel: channel! });
    console.log(`[hostile] ${driver.browser}: ${guessed} messages on guessed channels, ${forged} forged ads on the learnt one; page sees ${lookalikes.join('; ')}`);
    // One more: the forged `click` message of tryLookalikes makes a click sighting (its 127.0.0.1 URL is never fetched).
    await expect.poll(async () => (await driver.rows('sightings')).length, { timeout: 20_000 }).toBe(urls.length + 1);
    await expect
      .poll(async () => (await driver.rows('products')).map((p) => String(p.key)).sort(), { timeout: 30_000 })
      .toEqual([`${demo}/ratio-eight`, `${demo}/red-rain-coat`, `${HOSTILE_STORE_HOST}/${HOSTILE_HANDLES.rtl}`].sort());
    await sleep(1500);

    // Only endpoints ScrollCart builds, only on the two myshopify hosts the forged ads named.
    expect(strayStoreRequests(world, new Set([demo, HOSTILE_STORE_HOST]))).toEqual([]);
    const productPaths = world.requests.filter((r) => !TIKTOK.has(r.host) && r.path.includes('/products/')).map((r) => `${r.host}${r.path}`);
    expect(new Set(productPaths)).toEqual(new Set([`${demo}/products/ratio-eight.js`, `${demo}/products/red-rain-coat.js`, `${HOSTILE_STORE_HOST}/products/${HOSTILE_HANDLES.rtl}.js`]));
    for (const host of ['shop.example-brand.com', 'www.other-store.example', TRACKER_HOST]) expect(world.requests.filter((r) => r.host === host), host).toEqual([]);

    // A page script pressing the overlay's Save and Buy now, and the ad's CTA, is not a person: nothing is saved or recorded.
    const clicksBefore = (await driver.rows('clicks')).length;
    // Forged ads have no feed card; add one for the page to press, rendered like TikTok would.
    await tab.evaluate(addFakeAdCard, '7990000000000002001');
    await expect.poll(async () => (await tab.evaluate(overlayCensus)).find((c) => c.itemId === '7990000000000002001')?.text ?? '', { timeout: 20_000 }).toContain('Save');
    expect(await tab.evaluate(scriptClicksOverlay)).toBeGreaterThan(0);
    await sleep(1500);
    expect(await driver.rows('saved')).toEqual([]);
    expect((await driver.rows('clicks')).length).toBe(clicksBefore);
    // The runtime protocol posted on the window reached nothing: all rows are still there.
    expect((await driver.rows('sightings')).length).toBe(urls.length + 1);
    // The guesses were counted, for the dashboard's diagnostics.
    await expect.poll(async () => (await storedCounters(driver))['rejected:other-channel'] ?? 0, { timeout: 20_000 }).toBe(guessed);
    expect(tab.errors).toEqual([]);
  },

  'a flood of 10,000 forged ads on the learnt channel is rate-limited, counted, and costs no store request': async ({ driver, world }) => {
    const tab = await driver.openFeed(world.feedUrl({ seed: 6, count: 6, pageSize: 6, firstPage: 6, adEvery: 0 }));
    const channel = await tab.evaluate(learnChannel, TAG);
    expect(channel).not.toBeNull();
    // A custom domain ScrollCart has no permission for: every flood ad is recorded or refused, none looked up.
    const started = Date.now();
    const postMs = await tab.evaluate(flood, { tag: TAG, channel: channel!, count: 10_000, urlBase: 'https://shop.example-brand.com/products/flood-' });
    // The receiver lets a burst of 300 new ads through, then one a second (utils/tiktok/receiver.ts).
    await expect.poll(async () => (await driver.rows('sightings')).length, { timeout: 30_000 }).toBeGreaterThanOrEqual(300);
    await sleep(6000); // one diagnostics report period (5 s) and a little
    const elapsed = (Date.now() - started) / 1000;
    const rows = (await driver.rows('sightings')).length;
    expect(rows).toBeLessThanOrEqual(300 + Math.ceil(elapsed) + 1);
    await expect.poll(async () => (await storedCounters(driver))['skipped:flood-ads'] ?? 0, { timeout: 20_000 }).toBeGreaterThanOrEqual(10_000 - rows - Math.ceil(elapsed) - 10);
    const counters = await storedCounters(driver);
    console.log(`[hostile] ${driver.browser}: 10,000 flood messages posted in ${Math.round(postMs)} ms; ${rows} sightings after ${elapsed.toFixed(1)} s; counters ads=${counters.ads} flood-ads=${counters['skipped:flood-ads']}`);
    expect(world.requests.filter((r) => r.host === 'shop.example-brand.com')).toEqual([]);
    // The page is unharmed and ScrollCart still answers.
    expect(tab.errors).toEqual([]);
    expect(await tab.evaluate(() => document.querySelectorAll('[data-e2e="recommend-list-item-container"]').length)).toBeGreaterThan(0);
  },

  'store faults: a 10 MB answer is refused by size, a store that never answers ends as network, a product deleted after saving keeps its data; the rest keeps working': async ({ driver, world }) => {
    test.setTimeout(150_000);
    const params: FeedParams = { seed: 4, count: 16, pageSize: 8, firstPage: 8, adEvery: 2, mix: ['shopify-myshopify'] };
    const truth = expectedAds(params);
    const demo = 'demo-store.myshopify.com';
    const handles = [...new Set(truth.map((a) => a.handle!))].sort();
    expect(handles).toEqual(['classic-tote', 'crocodile-tears', 'just-for-1-2', 'ratio-eight', 'red-rain-coat']);
    world.setFault(demo, 'red-rain-coat', { kind: 'huge', bytes: 10_000_000 });
    world.setFault(demo, 'classic-tote', { kind: 'hang' });

    const tab = await driver.openFeed(world.feedUrl(params));
    const started = Date.now();
    await scrollToEnd(tab, params.count!);
    const statusOf = async () => Object.fromEntries((await driver.rows('products')).map((p) => [p.handle, p.status]));
    // The hung store takes 3 attempts of 8 s each, with backoff between (utils/shopify/retry-policy.ts).
    await expect
      .poll(statusOf, { timeout: 90_000, intervals: [1000] })
      .toEqual({ 'classic-tote': 'network', 'crocodile-tears': 'ok', 'just-for-1-2': 'ok', 'ratio-eight': 'ok', 'red-rain-coat': 'invalid-response' });
    const rows = new Map((await driver.rows('products')).map((p) => [String(p.handle), p]));
    expect(String(rows.get('red-rain-coat')!.detail)).toMatch(/larger than \d+ bytes/);
    expect(String(rows.get('classic-tote')!.detail)).toMatch(/no answer within \d+ ms/);
    const hung = world.requests.filter((r) => r.host === demo && r.path === '/products/classic-tote.js').map((r) => r.time);
    const hangTries = hung.length;
    const hugeTries = world.requests.filter((r) => r.host === demo && r.path === '/products/red-rain-coat.js').length;
    console.log(`[faults] ${driver.browser}: 10 MB refused after ${hugeTries} request(s); hung store: ${hangTries} attempts at ${hung.map((t) => ((t - started) / 1000).toFixed(1)).join(', ')} s`);
    // Bounded: 3 attempts per lookup, each waiting out the 8 s timeout (never a tight loop). With a
    // 10 s timeout Firefox made a second round of 3: its event page, 30 s without an event, stopped
    // mid-lookup and the persisted job resumed. A round now fits (≤ 27 s; 3 attempts in 2 runs out
    // of 2), but the margin is a few seconds on a loaded machine, so a second round is still allowed.
    expect(hangTries).toBeLessThanOrEqual(driver.browser === 'firefox' ? 6 : 3);
    for (let i = 1; i < hung.length; i += 1) expect(hung[i]! - hung[i - 1]!, 'attempts wait out the timeout').toBeGreaterThanOrEqual(7_000);
    expect(hugeTries).toBe(1);

    // The cards say it in words.
    const textOf = async (handle: string) => {
      const ad = truth.find((a) => a.handle === handle)!;
      await expect.poll(async () => (await tab.evaluate(centreCard, ad.itemId)) || (await tab.scroll(-STRIDE), false), { timeout: 20_000 }).toBe(true);
      let text = '';
      await expect.poll(async () => (text = (await tab.evaluate(overlayCensus)).find((c) => c.itemId === ad.itemId)?.text ?? ''), { timeout: 20_000 }).toMatch(/store/i);
      return text;
    };
    expect(await textOf('red-rain-coat')).toContain('The store sent data we could not read');
    expect(await textOf('classic-tote')).toContain('The store could not be reached');

    // Save ratio-eight, then the store deletes it: a re-check says so and keeps what was known.
    const saved = truth.find((a) => a.handle === 'ratio-eight')!;
    await expect.poll(async () => (await tab.evaluate(centreCard, saved.itemId)) || (await tab.scroll(-STRIDE), false), { timeout: 20_000 }).toBe(true);
    await pressSaveUntilSaved(driver, tab, saved.itemId, 1);
    world.setFault(demo, 'ratio-eight', { kind: 'not-found' });
    // The price watch re-reads saved products past the cache (the popup's store refresh would answer from it).
    const reply = (await driver.sendFromPage('data/price-watch-run', {})) as { ok: boolean; data: { checked: number } };
    expect(reply).toMatchObject({ ok: true, data: { checked: 1 } });
    await expect.poll(async () => (await statusOf())['ratio-eight']).toBe('not-found');
    const gone = (await driver.rows('products')).find((p) => p.handle === 'ratio-eight')!;
    expect(gone.title).toBe('Ratio Eight'); // the last good data stays
    expect((await driver.rows('saved')).length).toBe(1);
    const page = await driver.openExtensionPage('/popup.html', 'main');
    try {
      await expect.poll(() => page.evaluate(() => document.body.textContent ?? ''), { timeout: 20_000 }).toContain('The store has no such product');
    } finally {
      await page.close();
    }
    // The other products were never disturbed.
    expect((await statusOf())['crocodile-tears']).toBe('ok');
    expect(tab.errors).toEqual([]);
  },
});
