import { describe, expect, it } from 'vitest';
import { flattenCounters } from '@/utils/diagnostics';
import { COUNTER_GROUPS, counterRows, summariseCounters } from '@/utils/diagnostics-view';
import { createTapReceiver } from '@/utils/tiktok/receiver';

describe('the dashboard reading of the counters', () => {
  const counters = {
    'skipped:no-id': 2,
    'skipped:bad-id': 5,
    ads: 7,
    'adsBySource:dom': 3,
    'adsBySource:api': 4,
    'responses:/api/recommend/item_list/': 6,
    'responses:ssr:universal': 1,
    parsed: 40,
    'overlay:domFallbacks': 3,
    'someday:new-counter': 1,
  };

  it('groups each counter, what was found first, larger counts first within a group', () => {
    expect(counterRows(counters).map((r) => `${r.group}|${r.detail}|${r.count}`)).toEqual([
      'ads||7',
      'adsBySource|api|4',
      'adsBySource|dom|3',
      'skipped|bad-id|5',
      'skipped|no-id|2',
      'parsed||40',
      'responses|/api/recommend/item_list/|6',
      'responses|ssr:universal|1',
      'overlay|domFallbacks|3',
      // A counter a newer content script sends keeps its whole name.
      'other|someday:new-counter|1',
    ]);
  });

  it('keeps every counter, under its exact name, for the bug report', () => {
    expect(counterRows(counters).map((r) => r.key).sort()).toEqual(Object.keys(counters).sort());
    expect(counterRows({})).toEqual([]);
  });

  it('sums skips and responses, and says how many ads only the page itself showed', () => {
    expect(summariseCounters(counters)).toEqual({ ads: 7, domAds: 3, skipped: 7, responses: 7 });
    expect(summariseCounters({})).toEqual({ ads: 0, domAds: 0, skipped: 0, responses: 0 });
  });

  it("names a group for every counter family the receiver reports, so none lands in 'other'", () => {
    const receiver = createTapReceiver('c'.repeat(36));
    const stats = { ...receiver.stats, tap: { items: 1, candidates: 1, unreadable: 0, dropped: 0, clicks: 0, clicksIgnored: 0 }, responses: { x: 1 }, skipped: { y: 1 }, rejected: { z: 1 }, overlay: { mounted: 1 } };
    const groups = new Set(counterRows(flattenCounters(stats)).map((r) => r.group));
    expect(groups.has('other')).toBe(false);
    expect([...groups].every((g) => COUNTER_GROUPS.includes(g))).toBe(true);
  });
});
