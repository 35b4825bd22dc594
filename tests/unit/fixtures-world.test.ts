// @vitest-environment node
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { connect as tlsConnect } from 'node:tls';
import type { Socket } from 'node:net';
import { startWorld, generateFeed, generateStores, expectedAds, apiPath, type World, type FeedItem, type FeedParams } from '../fixtures/world';

interface Got {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A real HTTPS request to the world, addressed to a fake host name the way a browser would. */
function get(world: World, host: string, path: string, tunnel?: Socket): Promise<Got> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      {
        host: '127.0.0.1',
        port: world.port,
        path,
        servername: host,
        headers: { host, 'user-agent': 'fixture-test' },
        rejectUnauthorized: false,
        agent: false,
        ...(tunnel ? { createConnection: () => tlsConnect({ socket: tunnel, servername: host, rejectUnauthorized: false }) } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

function connectThroughProxy(world: World, target: string): Promise<{ status: number; socket: Socket }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: world.proxyPort, method: 'CONNECT', path: target, agent: false });
    req.on('connect', (res, socket) => resolve({ status: res.statusCode ?? 0, socket }));
    req.on('error', reject);
    req.end();
  });
}

function ssrItems(html: string): FeedItem[] {
  const m = /<script id="__UNIVERSAL_DATA_FOR_REHYDRATION__" type="application\/json">(.*?)<\/script>/s.exec(html);
  expect(m).not.toBeNull();
  const data = JSON.parse(m?.[1] ?? '{}') as { __DEFAULT_SCOPE__: Record<string, unknown> };
  return (data.__DEFAULT_SCOPE__['webapp.updated-items'] ?? []) as FeedItem[];
}

describe('fixture world', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld({ port: 0 });
  });
  afterAll(async () => {
    await world.close();
  });

  it('serves the For You page with a strict CSP and the first page in the rehydration blob', async () => {
    const params: FeedParams = { seed: 7, count: 20, firstPage: 4 };
    const url = new URL(world.feedUrl(params));
    expect(url.host).toBe('www.tiktok.com');
    const res = await get(world, url.host, url.pathname + url.search);
    expect(res.status).toBe(200);
    expect(String(res.headers['content-security-policy'])).toContain("script-src 'self'");
    expect(res.body).toContain('<div id="app">');
    expect(res.body).toMatch(/<script type="module" src="\/static\/feed-app\.js\?/);
    expect(ssrItems(res.body)).toEqual(generateFeed(params).slice(0, 4));
    const app = await get(world, 'www.tiktok.com', '/static/feed-app.js');
    expect(app.status).toBe(200);
    expect(app.headers['content-type']).toContain('javascript');
  });

  it("serves a server-rendered feed (render: 'server') as finished cards with no script and no item JSON", async () => {
    const params: FeedParams = { seed: 7, count: 12, adEvery: 3, render: 'server' };
    const url = new URL(world.feedUrl(params));
    const res = await get(world, url.host, url.pathname + url.search);
    expect(res.body).not.toContain('feed-app.js');
    expect(ssrItems(res.body)).toEqual([]);
    const items = generateFeed(params);
    expect([...res.body.matchAll(/id="xgwrapper-0-(\d+)"/g)].map((m) => m[1])).toEqual(items.map((i) => i.id));
    // An ad's CTA links its landing page (nothing attaches window.open), organic cards have none.
    const ctas = [...res.body.matchAll(/data-e2e="ttam-ads-cta" href="([^"]+)"/g)].map((m) => m[1]!.replace(/&#38;/g, '&'));
    expect(ctas).toEqual(expectedAds(params).map((a) => a.webUrl));
  });

  it("tells the app to fetch through a frame with fetchVia: 'frame'", async () => {
    const url = new URL(world.feedUrl({ seed: 7, count: 8, firstPage: 0, fetchVia: 'frame' }));
    const res = await get(world, url.host, url.pathname + url.search);
    expect(res.body).toContain('"fetchVia":"frame"');
    const plain = await get(world, url.host, new URL(world.feedUrl({ seed: 7 })).search.replace(/^/, '/foryou'));
    expect(plain.body).toContain('"fetchVia":"window"');
  });

  it('pages the item_list API into exactly generateFeed(params), deterministically', async () => {
    const params: FeedParams = { seed: 42, count: 30, pageSize: 8, firstPage: 4 };
    const page = await get(world, 'www.tiktok.com', new URL(world.feedUrl(params)).search.replace(/^/, '/foryou'));
    const all = [...ssrItems(page.body)];
    let cursor = all.length;
    for (let guard = 0; guard < 10; guard++) {
      const res = await get(world, 'www.tiktok.com', apiPath(params, cursor, 8));
      const body = JSON.parse(res.body) as { statusCode: number; itemList: FeedItem[]; hasMore: boolean; cursor: string; adsOffset?: number };
      expect(body.statusCode).toBe(0);
      if (body.adsOffset !== undefined) expect(body.itemList[body.adsOffset]?.isTT4BAds).toBe(true);
      all.push(...body.itemList);
      cursor = Number(body.cursor);
      if (!body.hasMore) break;
    }
    expect(all).toEqual(generateFeed(params));
    expect(new Set(all.map((i) => i.id)).size).toBe(30);
    expect(all.every((i) => /^\d{19}$/.test(i.id))).toBe(true);
    expect(generateFeed(params)).toEqual(generateFeed(params));
    expect(generateFeed({ ...params, seed: 43 })[0]?.id).not.toBe(all[0]?.id);
    const preload = await get(world, 'www.tiktok.com', apiPath(params, 4, 8, '/api/preload/item_list/'));
    expect(JSON.parse(preload.body).itemList).toEqual(generateFeed(params).slice(4, 12));
    expect(JSON.parse((await get(world, 'www.tiktok.com', '/api/unknown/')).body)).toEqual({ statusCode: 0, itemList: [] });
  });

  it('marks one ad per adEvery items with ad_info, and organic look-alikes stay organic', () => {
    const params: FeedParams = { seed: 5, count: 40, adEvery: 4 };
    const feed = generateFeed(params);
    const ads = expectedAds(params);
    expect(ads).toHaveLength(10);
    expect(feed.filter((i) => i.ad_info)).toHaveLength(10);
    for (const ad of ads) {
      const item = feed.find((i) => i.id === ad.itemId);
      expect(item?.ad_info?.web_url).toBe(ad.webUrl);
      expect(typeof item?.ad_info?.creative_id).toBe('number');
      expect(typeof JSON.parse(item?.ad_info?.log_extra ?? 'null')).toBe('object');
    }
    expect(new Set(ads.map((a) => a.kind)).size).toBe(8);
    expect(ads.some((a) => a.isTT4BAds)).toBe(true);
    const organic = feed.filter((i) => !i.ad_info);
    expect(organic.every((i) => i.isAd === false && !i.isTT4BAds)).toBe(true);
    expect(organic.some((i) => i.adLabelVersion === 2 && i.BAInfo)).toBe(true);
    expect(organic.some((i) => i.isECVideo === 1)).toBe(true);
    expect(organic.some((i) => /link in bio|at my bio/.test(i.desc))).toBe(true);
    expect(expectedAds({ count: 40, adEvery: 0 })).toHaveLength(0);
    expect(expectedAds({ count: 40, adEvery: 4, mix: ['app-install'] }).every((a) => a.kind === 'app-install')).toBe(true);
  });

  it('every Shopify ad lands on a product the stores really serve', async () => {
    const ads = expectedAds({ seed: 11, count: 200, adEvery: 2 }).filter((a) => a.host && a.handle);
    expect(ads.length).toBeGreaterThan(50);
    const seen = new Set<string>();
    for (const ad of ads) {
      const key = `${ad.host}/${ad.locale ?? ''}/${ad.handle}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const prefix = ad.locale ? `/${ad.locale}` : '';
      const res = await get(world, ad.host ?? '', `${prefix}/products/${encodeURIComponent(ad.handle ?? '')}.js`);
      expect(res.status, key).toBe(200);
      if (ad.variantId) expect((JSON.parse(res.body) as { variants: { id: number }[] }).variants.map((v) => v.id)).toContain(ad.variantId);
    }
    const wrapped = expectedAds({ seed: 1, count: 40, mix: ['shopify-wrapped'] })[0];
    const link = new URL(wrapped?.webUrl ?? '');
    const hop = await get(world, link.host, link.pathname + link.search);
    expect(hop.status).toBe(302);
    expect(new URL(String(hop.headers.location)).host).toBe(wrapped?.host);
  });

  it('serves .js with integer money and .json with decimal strings', async () => {
    const js = JSON.parse((await get(world, 'demo-store.myshopify.com', '/products/red-rain-coat.js')).body);
    expect(js.price).toBe(12900);
    expect(Number.isInteger(js.variants[0].price)).toBe(true);
    expect(js.variants[0].compare_at_price).toBeNull();
    expect(js.images[0]).toMatch(/^\/\/demo-store\.myshopify\.com\/cdn\/shop\//);
    expect(js.options[0]).toEqual({ name: 'Size', position: 1, values: ['Small', 'Medium', 'Large'] });
    const json = await get(world, 'demo-store.myshopify.com', '/products/red-rain-coat.json');
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(json.headers['powered-by']).toBe('Shopify');
    expect(json.headers['x-shopid']).toBeDefined();
    expect(JSON.parse(json.body).product.variants[0].price).toBe('129.00');
    const soldOut = JSON.parse((await get(world, 'demo-store.myshopify.com', '/products/crocodile-tears.js')).body);
    expect(soldOut.available).toBe(false);
    const sub = JSON.parse((await get(world, 'demo-store.myshopify.com', '/collections/pantry/products/just-for-1-2.js')).body);
    expect(sub.requires_selling_plan).toBe(true);
    const unicode = await get(world, 'demo-store.myshopify.com', `/products/${encodeURIComponent('kurtos-cu-scorțișoara')}.js`);
    expect(JSON.parse(unicode.body).handle).toBe('kurtos-cu-scorțișoara');
    const renamed = await get(world, 'demo-store.myshopify.com', '/products/canvas-tote.js');
    expect(renamed.status).toBe(301);
    expect(renamed.headers.location).toBe('/products/classic-tote.js');
    expect((await get(world, 'demo-store.myshopify.com', '/products/no-such-thing.js')).status).toBe(404);
  });

  it('serves JPY money x100 and market currencies by URL prefix', async () => {
    const mug = JSON.parse((await get(world, 'tokyo-goods.myshopify.com', '/products/ceramic-mug.js')).body);
    expect(mug.price).toBe(280000); // ¥2,800
    const meta = JSON.parse((await get(world, 'tokyo-goods.myshopify.com', '/meta.json')).body);
    expect(meta.currency).toBe('JPY');
    const ca = JSON.parse((await get(world, 'shop.example-brand.com', '/en-ca/cart.js')).body);
    const us = JSON.parse((await get(world, 'shop.example-brand.com', '/cart.js')).body);
    expect(ca.currency).toBe('CAD');
    expect(us.currency).toBe('USD');
    const caPrice = JSON.parse((await get(world, 'shop.example-brand.com', '/en-ca/products/merino-beanie.js')).body).price;
    const usPrice = JSON.parse((await get(world, 'shop.example-brand.com', '/products/merino-beanie.js')).body).price;
    expect(usPrice).toBe(2900);
    expect(caPrice).toBeGreaterThan(usPrice);
    const brandMeta = JSON.parse((await get(world, 'shop.example-brand.com', '/meta.json')).body);
    expect(brandMeta.myshopify_domain).toBe('example-brand.myshopify.com');
    expect((await get(world, 'www.other-store.example', '/meta.json')).status).toBe(404);
  });

  it('acts out each fault mode', async () => {
    const host = 'demo-store.myshopify.com';
    const path = '/products/ratio-eight.js';
    const cases: [Parameters<World['setFault']>[2], number][] = [
      [{ kind: 'not-found' }, 404],
      [{ kind: 'server-error' }, 500],
      [{ kind: 'rate-limited', retryAfterSeconds: 7 }, 429],
      [{ kind: 'html' }, 403],
      [{ kind: 'password' }, 302],
      [{ kind: 'truncated' }, 200],
      [{ kind: 'huge', bytes: 300_000 }, 200],
    ];
    for (const [fault, status] of cases) {
      world.setFault(host, 'ratio-eight', fault);
      const res = await get(world, host, path);
      expect(res.status, fault?.kind).toBe(status);
      if (fault?.kind === 'rate-limited') expect(res.headers['retry-after']).toBe('7');
      if (fault?.kind === 'html') expect(res.body).toContain('Verifying your connection');
      if (fault?.kind === 'password') expect(res.headers.location).toBe('/password');
      if (fault?.kind === 'truncated') expect(() => JSON.parse(res.body)).toThrow();
      if (fault?.kind === 'huge') expect(Buffer.byteLength(res.body)).toBe(300_000);
    }
    // A handle fault leaves the store's other products alone; '*' covers the whole store.
    expect((await get(world, host, '/products/red-rain-coat.js')).status).toBe(200);
    world.setFault(host, '*', { kind: 'password' });
    expect((await get(world, host, '/meta.json')).headers.location).toBe('/password');
    expect((await get(world, host, '/password')).body).toContain('This store is password protected');
    world.clearFaults();
    world.setFault(host, 'ratio-eight', { kind: 'slow', delayMs: 150 });
    const t0 = Date.now();
    expect((await get(world, host, path)).status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
    world.setFault(host, 'ratio-eight', null);
    expect((await get(world, host, path)).status).toBe(200);
  });

  it('lists cart permalink lines and echoes the query', async () => {
    const res = await get(world, 'demo-store.myshopify.com', '/cart/20230103873:2,794864229:1,123:1?storefront=true&discount=SAVE10');
    expect(res.status).toBe(200);
    expect(res.body).toContain('data-testid="permalink-line" data-variant-id="20230103873" data-quantity="2"');
    expect(res.body).toContain('Ratio Eight');
    expect(res.body).toContain('data-variant-id="123" data-quantity="1" data-unknown="true"');
    expect(res.body).toMatch(/<pre data-testid="permalink-query">storefront=true&#38;discount=SAVE10<\/pre>/);
  });

  it('logs every request with host and path', async () => {
    const before = world.requests.length;
    await get(world, 'tokyo-goods.myshopify.com', '/products/tenugui-towel.json?x=1');
    const last = world.requests.slice(before).at(-1);
    expect(last).toMatchObject({ host: 'tokyo-goods.myshopify.com', method: 'GET', path: '/products/tenugui-towel.json?x=1', status: 200, userAgent: 'fixture-test' });
  });

  it('tunnels served hosts through the CONNECT proxy and refuses others', async () => {
    const ok = await connectThroughProxy(world, 'www.tiktok.com:443');
    expect(ok.status).toBe(200);
    const res = await get(world, 'www.tiktok.com', '/foryou', ok.socket);
    expect(res.status).toBe(200);
    expect(res.body).toContain('__UNIVERSAL_DATA_FOR_REHYDRATION__');
    const refused = await connectThroughProxy(world, 'firefox.settings.services.mozilla.com:443');
    expect(refused.status).toBeGreaterThanOrEqual(400);
    refused.socket.destroy();
    expect(world.chromiumArgs()[0]).toContain(`MAP www.tiktok.com:443 127.0.0.1:${world.port}`);
    expect(world.firefoxPrefs()['network.proxy.ssl_port']).toBe(world.proxyPort);
  });

  it('generates a 5000-item feed quickly', () => {
    const t0 = performance.now();
    const feed = generateFeed({ count: 5000 });
    const ms = performance.now() - t0;
    console.log(`generateFeed({count: 5000}) took ${ms.toFixed(0)} ms`);
    expect(feed).toHaveLength(5000);
  });
});

describe('fixture world shutdown', () => {
  it('never answers a hanging request, and close() still resolves', async () => {
    const world = await startWorld();
    world.setFault('shop.example-brand.com', '*', { kind: 'hang' });
    let answered = false;
    const pending = get(world, 'shop.example-brand.com', '/products/merino-beanie.js').then(
      () => (answered = true),
      () => 'socket closed',
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(answered).toBe(false);
    const ok = await connectThroughProxy(world, 'www.tiktok.com:443'); // an open tunnel must not block close()
    expect(ok.status).toBe(200);
    await world.close();
    expect(await pending).toBe('socket closed');
  });
});

describe('generated stores (the resolver benchmark)', () => {
  it('spreads the products over the stores and serves them only in a world started with them', async () => {
    const stores = generateStores(10, 50);
    expect(stores.map((s) => s.products.length)).toEqual(Array(10).fill(5));
    expect(new Set(stores.flatMap((s) => s.products.map((p) => p.handle))).size).toBe(50);
    const [store] = stores;
    const world = await startWorld({ extraStores: stores });
    const plain = await startWorld();
    try {
      const product = await get(world, store!.host, `/products/${store!.products[0]!.handle}.js`);
      expect(product.status).toBe(200);
      expect(JSON.parse(product.body).variants).toHaveLength(2);
      expect((await get(plain, store!.host, `/products/${store!.products[0]!.handle}.js`)).status).toBe(404);
    } finally {
      await Promise.all([world.close(), plain.close()]);
    }
  });
});
