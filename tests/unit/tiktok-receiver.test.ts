import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AdSighting } from '@/utils/model';
import { CHANNEL_TAG, isFromThisWindow, type ClickMessage, type ItemsMessage, type StatsMessage } from '@/utils/tiktok/channel';
import { createTapReceiver, type CardClick } from '@/utils/tiktok/receiver';
import { installFeedTap } from '@/utils/tiktok/tap';

const CHANNEL = 'k'.repeat(36);
const ad = { id: '7400000000000000001', desc: 'Drop', author: { uniqueId: 'brand' }, ad_info: { web_url: 'https://demo-store.myshopify.com/products/tee' } };
const organic = { id: '7400000000000000002', desc: 'shop now!', author: { uniqueId: 'someone' }, isAd: false };
const items = (list: unknown[], channel = CHANNEL, source: ItemsMessage['source'] = 'api'): ItemsMessage => ({ tag: CHANNEL_TAG, kind: 'items', channel, source, page: '/foryou', items: list });
const click = (itemId: string | null, url: string, known: ClickMessage['known'] = 'unknown'): ClickMessage => ({ tag: CHANNEL_TAG, kind: 'click', channel: CHANNEL, page: '/foryou', itemId, url, known });
const domSighting = (itemId: string): AdSighting => ({ itemId: itemId as AdSighting['itemId'], author: '', caption: '', ctaText: 'Shop now', landingUrlRaw: '', landingUrl: '', adKind: 'unknown', source: 'dom', page: '/foryou' });

describe('createTapReceiver', () => {
  it('reports each ad once per page, and counts organic, skipped and duplicate items', () => {
    const receiver = createTapReceiver(CHANNEL);
    expect(receiver.receive(items([ad, organic, null, { no: 'id' }, { id: 'x1', isAd: true }]))).toHaveLength(1);
    expect(receiver.receive(items([ad], CHANNEL, 'prefetch'))).toEqual([]);
    expect(receiver.knows(ad.id)).toBe(true);
    expect(receiver.stats).toMatchObject({ parsed: 6, ads: 1, organic: 1, duplicates: 1, skipped: { 'not-an-object': 1, 'no-id': 1, 'bad-id': 1 }, adsBySource: { api: 1, prefetch: 0 } });
  });

  it('remembers the organic ids the tap sent and the items it parsed as organic, never an ad', () => {
    const receiver = createTapReceiver(CHANNEL);
    receiver.receive({ ...items([ad, organic]), organic: ['7400000000000000003', ad.id] });
    expect(['7400000000000000003', organic.id].map(receiver.isOrganic)).toEqual([true, true]);
    // An id the tap called organic but the feed also showed as an ad: the ad wins.
    expect(receiver.isOrganic(ad.id)).toBe(false);
    expect(receiver.isOrganic('7400000000000000009')).toBe(false);
    expect(receiver.stats.organic).toBe(3);
    // Ids only: anything else in the list refuses the message.
    expect(receiver.receive({ ...items([ad]), organic: ['7400000000000000004', 'not-an-id'] })).toEqual([]);
    expect(receiver.isOrganic('7400000000000000004')).toBe(false);
    expect(receiver.stats.rejected).toEqual({ invalid: 1 });
  });

  it('ignores other windows messages, and counts forged or malformed ones on our tag', () => {
    const receiver = createTapReceiver(CHANNEL);
    for (const data of [null, 'x', { kind: 'items' }, { tag: CHANNEL_TAG, kind: 'hello', channel: CHANNEL }, { tag: CHANNEL_TAG, kind: 'ready' }]) expect(receiver.receive(data)).toEqual([]);
    expect(receiver.stats.rejected).toEqual({});
    expect(receiver.receive(items([ad], 'forged-channel-id-0000000000000'))).toEqual([]);
    expect(receiver.receive({ ...items([ad]), source: 'dom' })).toEqual([]);
    expect(receiver.receive({ ...items([ad]), items: 'x' })).toEqual([]);
    expect(receiver.stats.rejected).toEqual({ 'other-channel': 1, invalid: 2 });
    expect(receiver.stats.ads).toBe(0);
  });

  it('caps floods per message and per page, and counts what it cut', () => {
    const receiver = createTapReceiver(CHANNEL, { maxItemsPerMessage: 3, maxItemsPerPage: 5 });
    const flood = Array.from({ length: 10 }, (_, i) => ({ ...ad, id: String(7400000000000000100n + BigInt(i)) }));
    expect(receiver.receive(items(flood))).toHaveLength(3);
    expect(receiver.receive(items(flood.slice(3)))).toHaveLength(2);
    expect(receiver.receive(items(flood.slice(5)))).toHaveLength(0);
    expect(receiver.stats.skipped.flood).toBe(7 + 5 + 5);
    const huge = createTapReceiver(CHANNEL);
    const started = performance.now();
    huge.receive(items(new Array(1_000_000).fill(organic)));
    expect(performance.now() - started).toBeLessThan(500);
    expect(huge.stats).toMatchObject({ parsed: 200, skipped: { flood: 999_800 } });
  });

  it('keeps the tap counters for diagnostics', () => {
    const receiver = createTapReceiver(CHANNEL);
    const stats: StatsMessage = { tag: CHANNEL_TAG, kind: 'stats', channel: CHANNEL, stats: { responses: { '/api/recommend/item_list/': 3 }, items: 24, candidates: 3, unreadable: 1, dropped: 0, clicks: 2, clicksIgnored: 1 } };
    receiver.receive(stats);
    expect(receiver.stats.responses).toEqual({ '/api/recommend/item_list/': 3 });
    expect(receiver.stats.tap).toEqual({ items: 24, candidates: 3, unreadable: 1, dropped: 0, clicks: 2, clicksIgnored: 1 });
    receiver.receive({ ...stats, stats: { ...stats.stats, items: -1 } });
    expect(receiver.stats.rejected).toEqual({ invalid: 1 });
  });

  it('turns a card click on an unseen item into a click sighting, once, and reports every click', () => {
    const clicks: CardClick[] = [];
    const receiver = createTapReceiver(CHANNEL, { onClick: (c) => clicks.push(c) });
    const url = 'https://demo-store.myshopify.com/products/tee?ttclid=abc';
    expect(receiver.receive(click('7400000000000000009', url))).toMatchObject([{ itemId: '7400000000000000009', source: 'click', landingUrl: url, adKind: 'product-link' }]);
    expect(receiver.receive(click('7400000000000000009', url, 'ad'))).toEqual([]);
    expect(receiver.receive(click(null, url))).toEqual([]);
    expect(receiver.receive(click('7400000000000000010', 'https://www.facebook.com/sharer/sharer.php?u=x'))).toEqual([]);
    expect(receiver.receive(click('7400000000000000011', 'https://www.tiktok.com/@someone'))).toEqual([]);
    expect(receiver.receive(click('7400000000000000012', 'https://www.tiktok.com/view/product/1729384756102938475'))).toHaveLength(1);
    expect(clicks.map((c) => [c.itemId, !!c.sighting])).toEqual([
      ['7400000000000000009', true],
      ['7400000000000000009', false],
      [null, false],
      ['7400000000000000010', false],
      ['7400000000000000011', false],
      ['7400000000000000012', true],
    ]);
    expect(receiver.stats).toMatchObject({ clicks: 6, skipped: { 'click-no-id': 1, 'click-not-landing': 2 }, adsBySource: { click: 2 } });
  });

  it('shares counts with DOM sightings, and lets the feed JSON of a DOM-found ad through to improve it', () => {
    const receiver = createTapReceiver(CHANNEL);
    expect(receiver.add(domSighting('7400000000000000020'))).toBe(true);
    expect(receiver.add(domSighting('7400000000000000020'))).toBe(false);
    expect(receiver.knows('7400000000000000020')).toBe(true);
    // The card rendered before the tap's idle-time parse: its feed JSON still arrives, once.
    expect(receiver.receive(items([{ ...ad, id: '7400000000000000020' }])).map((s) => s.source)).toEqual(['api']);
    expect(receiver.receive(items([{ ...ad, id: '7400000000000000020' }]))).toEqual([]);
    expect(receiver.receive(items([ad]))).toHaveLength(1);
    expect(receiver.add(domSighting(ad.id))).toBe(false);
    expect(receiver.stats).toMatchObject({ ads: 2, duplicates: 3, adsBySource: { dom: 1, api: 2 } });
  });

  it('never rate-limits ads found in the DOM, even when a channel flood has used up the budget', () => {
    let clock = 0;
    const receiver = createTapReceiver(CHANNEL, { adBurst: 3, adsPerSecond: 1, now: () => clock });
    const forged = Array.from({ length: 10 }, (_, i) => ({ ...ad, id: String(7400000000000000300n + BigInt(i)) }));
    expect(receiver.receive(items(forged))).toHaveLength(3);
    expect(receiver.stats.skipped['flood-ads']).toBe(7);
    const real = Array.from({ length: 50 }, (_, i) => domSighting(String(7400000000000000400n + BigInt(i))));
    expect(real.map((s) => receiver.add(s))).toEqual(real.map(() => true));
    expect(receiver.stats).toMatchObject({ ads: 53, adsBySource: { api: 3, dom: 50 }, skipped: { 'flood-ads': 7 } });
    // Their feed JSON, arriving later, adds no row, so it takes no token either.
    expect(receiver.receive(items([{ ...ad, id: real[0]!.itemId }]))).toHaveLength(1);
    // The channel itself is still limited: no token yet for a new forged ad, one a second later.
    expect(receiver.receive(items([{ ...ad, id: '7400000000000000500' }]))).toEqual([]);
    clock += 1000;
    expect(receiver.receive(items([{ ...ad, id: '7400000000000000501' }]))).toHaveLength(1);
    expect(receiver.stats).toMatchObject({ ads: 54, skipped: { 'flood-ads': 8 } });
  });
});

describe('tap → window → receiver', () => {
  afterEach(() => vi.restoreAllMocks());

  it('delivers a feed response seen before the content script listened, once, with the responses count', async () => {
    const savedFetch = window.fetch;
    // happy-dom does not set `source` on posted messages; deliver them as a browser would.
    vi.spyOn(window, 'postMessage').mockImplementation((data: unknown) => {
      setTimeout(() => window.dispatchEvent(new MessageEvent('message', { data: structuredClone(data), source: window, origin: location.origin })), 0);
    });
    window.fetch = vi.fn(async () => new Response(JSON.stringify({ itemList: [organic, ad] })));
    try {
      installFeedTap(window);
      await window.fetch(`${location.origin}/api/recommend/item_list/`);
      await new Promise((r) => setTimeout(r, 10));
      // The content script starts late, listens, says hello.
      const channel = crypto.randomUUID();
      const receiver = createTapReceiver(channel);
      const found: AdSighting[] = [];
      const listener = (event: MessageEvent) => {
        if (isFromThisWindow(event, window)) found.push(...receiver.receive(event.data));
      };
      window.addEventListener('message', listener);
      window.postMessage({ tag: CHANNEL_TAG, kind: 'hello', channel }, location.origin);
      await new Promise((r) => setTimeout(r, 20));
      window.removeEventListener('message', listener);
      expect(found.map((s) => [s.itemId, s.source, s.adKind])).toEqual([[ad.id, 'api', 'product-link']]);
      expect(receiver.stats).toMatchObject({ responses: { '/api/recommend/item_list/': 1 }, tap: { items: 2, candidates: 1 }, rejected: {} });
    } finally {
      window.fetch = savedFetch;
    }
  });
});
