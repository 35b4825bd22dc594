import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNEL_TAG, type ItemsMessage } from '@/utils/tiktok/channel';
import { createTapReceiver } from '@/utils/tiktok/receiver';
import { compactCandidate, installFeedTap, isFeedUrl } from '@/utils/tiktok/tap';

const ad = { id: '7400000000000000001', desc: 'Drop', author: { uniqueId: 'brand', secret: 'x' }, ad_info: { web_url: 'https://demo-store.myshopify.com/products/tee' }, video: { big: true } };
const organic = { id: '7400000000000000002', desc: 'shop now!', author: { uniqueId: 'someone' }, isAd: false };
const feedBody = JSON.stringify({ statusCode: 0, itemList: [organic, ad], hasMore: true });

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('compactCandidate and isFeedUrl', () => {
  it('keeps only ad-looking items, and only the fields the parser reads', () => {
    expect(compactCandidate(organic)).toBeNull();
    expect(compactCandidate('x')).toBeNull();
    expect(compactCandidate(ad)).toEqual({ id: ad.id, desc: 'Drop', author: { uniqueId: 'brand' }, ad_info: ad.ad_info, isTT4BAds: undefined, isAd: undefined });
  });

  it('matches only same-origin feed endpoints', () => {
    const origin = 'https://www.tiktok.com';
    expect(isFeedUrl('/api/recommend/item_list/?count=8', origin)).toBe(true);
    expect(isFeedUrl('https://www.tiktok.com/api/post/item_list/?x=1', origin)).toBe(true);
    expect(isFeedUrl('https://evil.example/api/recommend/item_list/', origin)).toBe(false);
    expect(isFeedUrl('/api/user/detail/', origin)).toBe(false);
    expect(isFeedUrl('http://[bad', origin)).toBe(false);
  });
});

describe('installFeedTap', () => {
  let posted: unknown[];
  beforeEach(() => {
    posted = [];
    vi.spyOn(window, 'postMessage').mockImplementation((message: unknown) => void posted.push(message));
  });

  function install(fetchImpl: typeof fetch) {
    window.fetch = fetchImpl;
    installFeedTap(window);
    window.dispatchEvent(new MessageEvent('message', { data: { tag: CHANNEL_TAG, kind: 'hello', channel: 'c'.repeat(36) }, source: window }));
  }

  it('gives the page its original response, untouched, and forwards ads read from a clone', async () => {
    const original = new Response(feedBody, { headers: { 'content-type': 'application/json' } });
    install(vi.fn(async () => original));
    const response = await window.fetch(`${location.origin}/api/recommend/item_list/?count=2`);
    expect(response).toBe(original);
    expect(await response.json()).toEqual(JSON.parse(feedBody)); // the page can still read its body
    await flush();
    const items = posted.filter((m): m is ItemsMessage => (m as ItemsMessage).kind === 'items');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ source: 'api', channel: 'c'.repeat(36), items: [{ id: ad.id }] });
  });

  it('does nothing with other requests and never turns a failure into something else', async () => {
    const failing = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    install(failing);
    await expect(window.fetch(`${location.origin}/api/recommend/item_list/`)).rejects.toThrow('Failed to fetch');
    install(vi.fn(async () => new Response('not json{')));
    await expect(window.fetch(`${location.origin}/api/recommend/item_list/`)).resolves.toBeInstanceOf(Response);
    await window.fetch(`${location.origin}/other`);
    await flush();
    expect(posted.filter((m) => (m as ItemsMessage).kind === 'items')).toEqual([]);
  });
});

describe('createTapReceiver', () => {
  const message = (items: unknown[], channel = 'k'.repeat(36)): ItemsMessage => ({ tag: CHANNEL_TAG, kind: 'items', channel, source: 'api', page: '/foryou', items });

  it('reports each ad once per page, counts organic and skipped items', () => {
    const receiver = createTapReceiver('k'.repeat(36));
    expect(receiver.receive(message([ad, organic, null, { no: 'id' }]))).toHaveLength(1);
    expect(receiver.receive(message([ad]))).toEqual([]);
    expect(receiver.stats).toEqual({ ads: 1, organic: 1, skipped: { 'not-an-object': 1, 'no-id': 1 } });
  });

  it('ignores other channels and caps a flood', () => {
    const receiver = createTapReceiver('k'.repeat(36), 3);
    expect(receiver.receive(message([ad], 'forged-channel-id-0000000000000'))).toEqual([]);
    const flood = Array.from({ length: 10 }, (_, i) => ({ ...ad, id: String(7400000000000000100n + BigInt(i)) }));
    expect(receiver.receive(message(flood))).toHaveLength(3);
    expect(receiver.stats.skipped['too-many-items']).toBe(1);
  });
});
