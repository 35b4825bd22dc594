import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNEL_TAG, type ClickMessage, type ItemsMessage, type StatsMessage } from '@/utils/tiktok/channel';
import { compactCandidate, installFeedTap, isFeedUrl } from '@/utils/tiktok/tap';

const ad = { id: '7400000000000000001', desc: 'Drop', author: { uniqueId: 'brand', secret: 'x' }, ad_info: { web_url: 'https://demo-store.myshopify.com/products/tee', nested: { x: 1 } }, video: { big: true } };
const organic = { id: '7400000000000000002', desc: 'shop now! Sponsored', author: { uniqueId: 'someone' }, isAd: false };
const feedBody = JSON.stringify({ statusCode: 0, itemList: [organic, ad], hasMore: true });
const FEED = `${location.origin}/api/recommend/item_list/?count=2`;

// The tap parses feed bodies in idle time (a 0 ms timeout where requestIdleCallback is missing, as here).
const flush = () => new Promise((resolve) => setTimeout(resolve, 20));
/** Any message the tap posted, read loosely (one of ItemsMessage, ClickMessage, StatsMessage, ReadyMessage). */
type Posted = Partial<Omit<ItemsMessage, 'kind'> & Omit<ClickMessage, 'kind'> & Omit<StatsMessage, 'kind'>> & { kind?: string };
let posted: Posted[];
let saved: { fetch: typeof fetch; open: typeof window.open; xhrOpen: XMLHttpRequest['open'] };
let channels = 0;

const hello = (channel: string, init: MessageEventInit = {}) =>
  window.dispatchEvent(new MessageEvent('message', { data: { tag: CHANNEL_TAG, kind: 'hello', channel }, source: window, origin: location.origin, ...init }));
const on = (channel: string, kind: string) => posted.filter((m) => m.channel === channel && m.kind === kind);
const json = (body: string) => new Response(body, { headers: { 'content-type': 'application/json' } });

/** Installs a tap and says hello on a fresh channel (unless `silent`). */
function install(fetchImpl?: typeof fetch, silent = false): string {
  if (fetchImpl) window.fetch = fetchImpl;
  installFeedTap(window);
  const channel = `channel-${(channels += 1)}-`.padEnd(36, '0');
  if (!silent) hello(channel);
  return channel;
}

beforeEach(() => {
  saved = { fetch: window.fetch, open: window.open, xhrOpen: XMLHttpRequest.prototype.open };
  posted = [];
  vi.spyOn(window, 'postMessage').mockImplementation((message: unknown) => void posted.push(message as Posted));
});
afterEach(() => {
  hello('sink-channel-for-taps-left-silent-0'); // so no earlier tap takes a later test's hello
  Object.assign(window, { fetch: saved.fetch, open: saved.open });
  XMLHttpRequest.prototype.open = saved.xhrOpen;
  for (const key of ['$PREFETCH_CACHE', '__$UNIVERSAL_DATA$__', 'SIGI_STATE']) delete (window as unknown as Record<string, unknown>)[key];
  document.head.replaceChildren();
  document.body.replaceChildren();
});

describe('compactCandidate and isFeedUrl', () => {
  it('keeps only ad-looking items, and only the scalar fields the parser reads', () => {
    expect(compactCandidate(organic)).toBeNull();
    expect(compactCandidate('x')).toBeNull();
    expect(compactCandidate(ad)).toEqual({ id: ad.id, desc: 'Drop', author: { uniqueId: 'brand' }, ad_info: { web_url: ad.ad_info.web_url } });
    expect(compactCandidate({ id: 1, isTT4BAds: true, isAd: 'yes' })).toEqual({ id: 1, isTT4BAds: true });
  });

  it('matches only same-origin feed endpoints', () => {
    const origin = 'https://www.tiktok.com';
    expect(isFeedUrl('/api/recommend/item_list/?count=8', origin)).toBe(true);
    expect(isFeedUrl('https://www.tiktok.com/api/post/item_list/v1/?x=1', origin)).toBe(true);
    expect(isFeedUrl('/api/search/item/full/?keyword=shop', origin)).toBe(true);
    expect(isFeedUrl('https://evil.example/api/recommend/item_list/', origin)).toBe(false);
    expect(isFeedUrl('/api/user/detail/', origin)).toBe(false);
    expect(isFeedUrl('/api/friend/item_list/', origin)).toBe(false);
    expect(isFeedUrl('http://[bad/api/', origin)).toBe(false);
  });
});

describe('the fetch tap', () => {
  it('gives the page its original response, untouched, and forwards ads read from a clone', async () => {
    const original = json(feedBody);
    const channel = install(vi.fn(async () => original));
    const response = await window.fetch(FEED);
    expect(response).toBe(original);
    expect(await response.json()).toEqual(JSON.parse(feedBody)); // the page can still read its body
    await flush();
    // The organic item travels as its bare id, nothing else of it.
    expect(on(channel, 'items')).toEqual([{ tag: CHANNEL_TAG, kind: 'items', channel, source: 'api', page: location.pathname, items: [compactCandidate(ad)], organic: [organic.id] }]);
    expect(on(channel, 'stats').at(-1)?.stats).toMatchObject({ responses: { '/api/recommend/item_list/': 1 }, items: 2, candidates: 1, unreadable: 0 });
    for (const message of posted) expect(() => structuredClone(message)).not.toThrow();
  });

  it('reads Request objects too, and does nothing with other requests', async () => {
    const inner = vi.fn(async () => json(feedBody));
    const channel = install(inner);
    await window.fetch(new Request(FEED));
    await window.fetch(`${location.origin}/api/user/detail/`);
    await flush();
    expect(on(channel, 'items')).toHaveLength(1);
    expect(inner).toHaveBeenCalledTimes(2);
  });

  it('never turns a failure into something else, and counts unreadable feed bodies', async () => {
    const inner = vi.fn<typeof fetch>(async () => new Response('not json{'));
    inner.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    const channel = install(inner);
    await expect(window.fetch(FEED)).rejects.toThrow('Failed to fetch');
    await expect(window.fetch(FEED)).resolves.toBeInstanceOf(Response);
    await flush();
    expect(posted.filter((m) => m.kind === 'items')).toEqual([]);
    expect(on(channel, 'stats').at(-1)?.stats).toMatchObject({ unreadable: 1 });
  });
});

describe('the channel', () => {
  it('replays at most 64 buffered messages on the first hello from this window and origin', async () => {
    let n = 0;
    const channel = install(vi.fn(async () => json(JSON.stringify({ itemList: [{ ...ad, id: String(7400000000000001000n + BigInt((n += 1))) }] }))), true);
    expect(posted).toContainEqual({ tag: CHANNEL_TAG, kind: 'ready' });
    for (let i = 0; i < 70; i += 1) await window.fetch(FEED);
    await flush();
    hello('f'.repeat(36), { origin: 'https://evil.example' });
    hello('s'.repeat(36), { source: null });
    hello('short');
    expect(posted.filter((m) => m.kind === 'items')).toEqual([]);
    hello(channel);
    hello('later-page-script-channel-000000000');
    const replayed = on(channel, 'items');
    expect(replayed).toHaveLength(64);
    expect(replayed[0]?.items).toEqual([expect.objectContaining({ id: '7400000000000001007' })]); // the oldest 6 were dropped
    expect(on(channel, 'stats').at(-1)?.stats).toMatchObject({ dropped: 6, candidates: 70 });
    await window.fetch(FEED);
    await flush();
    expect(on(channel, 'items')).toHaveLength(65);
    expect(on('later-page-script-channel-000000000', 'items')).toEqual([]);
  });
});

describe('the prefetch cache', () => {
  const body = { statusCode: 0, itemList: [organic, ad] };
  it('sees a cache assigned after document_start, awaits its request, and leaves the page its value', async () => {
    const channel = install();
    const w = window as unknown as { $PREFETCH_CACHE?: Record<string, unknown> };
    // What TikTok's inline script (and the fake feed's feed-prefetch.js) does.
    const cache = (w.$PREFETCH_CACHE = w.$PREFETCH_CACHE || {});
    cache.recommendItemList = { used: false, request: Promise.resolve(body) };
    expect(w.$PREFETCH_CACHE).toBe(cache);
    expect(Object.getOwnPropertyDescriptor(window, '$PREFETCH_CACHE')).toMatchObject({ value: cache, writable: true });
    await flush();
    expect(on(channel, 'items')).toMatchObject([{ source: 'prefetch', items: [{ id: ad.id }] }]);
    cache.recommendItemList = { used: true, result: body }; // the app consumed it: not read twice
    document.dispatchEvent(new Event('DOMContentLoaded'));
    await flush();
    expect(on(channel, 'items')).toHaveLength(1);
    expect(on(channel, 'stats').at(-1)?.stats?.responses).toEqual({ 'prefetch:recommendItemList': 1 });
  });

  it('reads a cache present at start, by its result, and survives a rejected request', async () => {
    const w = window as unknown as Record<string, unknown>;
    w.$PREFETCH_CACHE = { userPostList: { used: true, result: body }, recommendItemList: { used: false, request: Promise.reject(new Error('HTTP 500')) } };
    const channel = install();
    await flush();
    expect(on(channel, 'items')).toMatchObject([{ source: 'prefetch', items: [{ id: ad.id }] }]);
  });
});

describe('the server-rendered blobs', () => {
  const blob = (id: string, data: unknown) => {
    const script = document.createElement('script');
    script.type = 'application/json';
    script.id = id;
    script.textContent = JSON.stringify(data);
    document.head.append(script);
  };
  it('reads For You items and a video page item from the rehydration script, once', async () => {
    blob('__UNIVERSAL_DATA_FOR_REHYDRATION__', { __DEFAULT_SCOPE__: { 'webapp.updated-items': [organic, ad], 'webapp.video-detail': { itemInfo: { itemStruct: { ...ad, id: '7400000000000000003' } } } } });
    const channel = install();
    document.dispatchEvent(new Event('DOMContentLoaded'));
    await flush();
    expect(on(channel, 'items')).toMatchObject([{ source: 'ssr', items: [{ id: ad.id }, { id: '7400000000000000003' }] }]);
  });

  it('falls back to the globals once the scripts are gone, and reads legacy SIGI_STATE', async () => {
    const channel = install();
    expect(on(channel, 'items')).toEqual([]);
    Object.assign(window, { __$UNIVERSAL_DATA$__: { __DEFAULT_SCOPE__: { 'webapp.updated-items': [ad] } }, SIGI_STATE: { ItemModule: { [organic.id]: organic, '7400000000000000004': { ...ad, id: '7400000000000000004' } } } });
    window.dispatchEvent(new Event('load'));
    await flush();
    expect(on(channel, 'items').map((m) => m.items?.map((i) => (i as { id: string }).id))).toEqual([[ad.id], ['7400000000000000004']]);
  });

  it('shrugs off a malformed blob', async () => {
    blob('__UNIVERSAL_DATA_FOR_REHYDRATION__', 'x');
    document.head.querySelector('script')!.textContent = '{not json';
    expect(() => install()).not.toThrow();
  });
});

describe('the window.open fallback', () => {
  const CARD_ID = '7400000000000000777';
  function mountCard(id = CARD_ID): HTMLButtonElement {
    const article = document.createElement('article');
    article.setAttribute('data-e2e', 'recommend-list-item-container');
    const player = document.createElement('div');
    player.id = `xgwrapper-0-${id}`;
    const cta = document.createElement('button');
    cta.setAttribute('data-e2e', 'ttam-ads-cta');
    article.append(player, cta);
    document.body.append(article);
    return cta;
  }

  it('records a window.open right after a click in a card, transparently', async () => {
    const popup = {} as Window;
    const original = vi.fn(() => popup);
    window.open = original;
    const channel = install();
    mountCard().click();
    expect(window.open('https://demo-store.myshopify.com/products/tee?ttclid=1', '_blank')).toBe(popup);
    expect(original).toHaveBeenCalledWith('https://demo-store.myshopify.com/products/tee?ttclid=1', '_blank');
    window.open('/second-open-same-click');
    await flush();
    expect(on(channel, 'click')).toEqual([{ tag: CHANNEL_TAG, kind: 'click', channel, page: location.pathname, itemId: CARD_ID, url: 'https://demo-store.myshopify.com/products/tee?ttclid=1', known: 'unknown' }]);
  });

  it('ignores opens without a card click, too late, or on an item the feed said is organic', async () => {
    window.open = vi.fn(() => null);
    const channel = install(vi.fn(async () => json(JSON.stringify({ itemList: [{ ...organic, id: '7400000000000000888' }] }))));
    window.open('https://x.example/no-click');
    document.body.append(document.createElement('button'));
    (document.body.lastElementChild as HTMLElement).click();
    window.open('https://x.example/click-outside-card');
    const now = vi.spyOn(performance, 'now');
    now.mockReturnValue(1000);
    mountCard().click();
    now.mockReturnValue(2500);
    window.open('https://x.example/too-late');
    now.mockRestore();
    await window.fetch(FEED);
    await flush();
    mountCard('7400000000000000888').click();
    window.open('https://x.example/organic');
    await flush();
    expect(on(channel, 'click')).toEqual([]);
    expect(on(channel, 'stats').at(-1)?.stats).toMatchObject({ clicks: 1, clicksIgnored: 1 });
  });
});

describe('the tap stays library-free', () => {
  it('imports only the tap modules, the channel types, the data module and the shared ad predicate', () => {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const [, spec] of readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/gm)) {
        expect(spec, `${file} imports ${spec}`).toMatch(/^\.\//);
        visit(resolve(dirname(file), `${spec}.ts`));
      }
    };
    visit(resolve('utils/tiktok/tap.ts'));
    const names = [...seen].map((f) => f.replace(/^.*\/utils\/tiktok\//, '')).sort();
    expect(names).toEqual(['ad-signal.ts', 'card-id.ts', 'channel.ts', 'feed-json.ts', 'signals.ts', 'tap-candidate.ts', 'tap-click.ts', 'tap-network.ts', 'tap-outbox.ts', 'tap-page-data.ts', 'tap.ts']);
  });
});
