import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { addCounters, addMissed, countersSince, flattenCounters, MAX_MISSED, MissedAd } from '@/utils/diagnostics';
import { diagnosticsHandlers } from '@/utils/handlers/diagnostics';
import type { BackgroundDeps } from '@/utils/handlers/deps';
import { cardShape } from '@/utils/tiktok/dom';

describe('diagnostics counters', () => {
  it('flatten nested stats and keep only whole non-negative numbers', () => {
    const stats = { parsed: 3, skipped: { 'no-id': 2 }, responses: { '/api/recommend/item_list/': 4 }, tap: null, bad: -1, half: 0.5, text: 'x' };
    expect(flattenCounters(stats)).toEqual({ parsed: 3, 'skipped:no-id': 2, 'responses:/api/recommend/item_list/': 4 });
  });

  it('send only what grew, and sum deltas into bounded totals', () => {
    expect(countersSince({ a: 5, b: 2, c: 1 }, { a: 3, b: 2 })).toEqual({ a: 2, c: 1 });
    expect(addCounters({ a: 1 }, { a: 2, b: 3 })).toEqual({ a: 3, b: 3 });
    const full = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`k${i}`, 1]));
    expect(Object.keys(addCounters(full, { extra: 1, k0: 1 }))).toHaveLength(300);
    expect(addCounters(full, { k0: 1 }).k0).toBe(2);
  });
});

describe('missed-ad reports', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keep a real card shape, bounded to the newest reports', () => {
    document.body.innerHTML = '<article data-e2e="recommend-list-item-container"><div data-e2e="ad-tag">Sponsored</div><div data-e2e="video-desc">my private caption @someone</div></article>';
    const report = { page: '/foryou', shape: cardShape(document.body.firstElementChild!) };
    expect(MissedAd.safeParse(report).success).toBe(true);
    expect(JSON.stringify(report)).not.toContain('private caption');
    let list: ReturnType<typeof addMissed> = [];
    for (let i = 0; i < MAX_MISSED + 5; i += 1) list = addMissed(list, report, i);
    expect(list).toHaveLength(MAX_MISSED);
    expect(list[0]!.at).toBe(MAX_MISSED + 4);
  });

  it('are stored and read back through the handlers, with totals summed across reports', async () => {
    const handlers = diagnosticsHandlers({ now: () => 42 } as unknown as BackgroundDeps);
    await Promise.all([handlers['diagnostics/report']({ delta: { ads: 2 } }, {}), handlers['diagnostics/report']({ delta: { ads: 3, 'skipped:no-id': 1 } }, {})]);
    const shape = cardShape(Object.assign(document.createElement('article'), { innerHTML: '<span data-e2e="ad-tag">Ad</span>' }));
    await handlers['diagnostics/missed']({ page: '/foryou', shape }, {});
    const read = await handlers['diagnostics/get']({}, {});
    expect(read.counters).toEqual({ ads: 5, 'skipped:no-id': 1 });
    expect(read.missed).toMatchObject([{ page: '/foryou', at: 42 }]);
  });
});
