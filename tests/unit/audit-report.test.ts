import { describe, expect, it } from 'vitest';
import { redirectChain } from '@/utils/audit/chain';
import { dayOf, impressionsPerDay } from '@/utils/audit/daily';
import { findMacros } from '@/utils/audit/macros';
import { buildStoreReport } from '@/utils/audit/report';
import { belongsTo, hostsOfStore, normaliseHost, seenHosts } from '@/utils/audit/store-match';
import type { ProductKey, ProductRow, TikTokItemId } from '@/utils/model';
import { failed, HOST, product, sighting } from './audit-fixtures';

const day = (d: number, h = 12) => new Date(2026, 5, d, h).getTime();

describe('store matching', () => {
  it('normalises what a merchant types into a host name, and refuses what is not one', () => {
    expect(normaliseHost(' Shop.Example-Brand.com ')).toBe('shop.example-brand.com');
    expect(normaliseHost('https://audit-outfitters.myshopify.com/products/x?y=1')).toBe(HOST);
    for (const bad of ['', 'localhost', '127.0.0.1', 'not a host', 'javascript:alert(1)', 'a'.repeat(300) + '.com']) expect(normaliseHost(bad), bad).toBeNull();
  });
  it('matches ads by product host or landing host, and knows a store by both its names', () => {
    const stores = [{ host: 'shop.example-brand.com', myshopifyDomain: 'example-brand.myshopify.com' }];
    expect([...hostsOfStore('example-brand.myshopify.com', stores)]).toEqual(['example-brand.myshopify.com', 'shop.example-brand.com']);
    const custom = sighting({ productKey: 'shop.example-brand.com/beanie' as ProductKey, landingUrl: 'https://shop.example-brand.com/products/beanie' });
    expect(belongsTo(custom, hostsOfStore('example-brand.myshopify.com', stores))).toBe(true);
    const collection = sighting({ productKey: null, landingUrl: `https://${HOST}/collections/summer` });
    expect(belongsTo(collection, new Set([HOST]))).toBe(true);
    expect(belongsTo(collection, new Set(['other.myshopify.com']))).toBe(false);
  });
  it('lists the hosts seen in ads, most ads first, never TikTok itself', () => {
    const rows = [
      sighting({ itemId: '1' as TikTokItemId }),
      sighting({ itemId: '2' as TikTokItemId }),
      sighting({ itemId: '3' as TikTokItemId, productKey: null, landingUrl: 'https://www.tiktok.com/view/product/1', landingUrlRaw: 'https://www.tiktok.com/view/product/1' }),
      sighting({ itemId: '4' as TikTokItemId, productKey: null, landingUrl: 'https://b.example/x', landingUrlRaw: 'https://b.example/x' }),
    ];
    expect(seenHosts(rows)).toEqual([
      { host: HOST, ads: 2 },
      { host: 'b.example', ads: 1 },
    ]);
  });
});

describe('impressionsPerDay', () => {
  it('puts a first impression on its first day and the rest on its last, with empty days between', () => {
    const rows = [
      { firstSeen: day(1, 9), lastSeen: day(1, 18), impressions: 4 },
      { firstSeen: day(1, 10), lastSeen: day(4, 10), impressions: 3 },
      { firstSeen: day(2), lastSeen: day(2), impressions: 0 },
    ];
    expect(impressionsPerDay(rows)).toEqual([
      { day: dayOf(day(1)), impressions: 5 },
      { day: dayOf(day(2)), impressions: 0 },
      { day: dayOf(day(3)), impressions: 0 },
      { day: dayOf(day(4)), impressions: 2 },
    ]);
    expect(impressionsPerDay([])).toEqual([]);
  });
  it('keeps the chart to the last 60 days', () => {
    const days = impressionsPerDay([{ firstSeen: day(1) - 200 * 86_400_000, lastSeen: day(1), impressions: 10 }]);
    expect(days).toHaveLength(60);
    expect(days.at(-1)).toEqual({ day: dayOf(day(1)), impressions: 9 });
  });
});

describe('findMacros', () => {
  it('finds well-spelt, unknown and misspelt macros in query values', () => {
    const url = 'https://s.example/p?utm_campaign=__CAMPAIGN_NAME__&utm_content=_CID_NAME__&a=__CID&b=x__SUMMER__y&c=__cid__&d=summer_sale_&e=___AID__';
    expect(findMacros(url).map((m) => [m.param, m.text, m.kind, m.suggestion])).toEqual([
      ['utm_campaign', '__CAMPAIGN_NAME__', 'ok', null],
      ['utm_content', '_CID_NAME__', 'misspelt', '__CID_NAME__'],
      ['a', '__CID', 'misspelt', '__CID__'],
      ['c', '__cid__', 'misspelt', '__CID__'],
      ['e', '___AID__', 'misspelt', '__AID__'],
    ]);
    expect(findMacros('not a url')).toEqual([]);
  });
});

describe('redirectChain', () => {
  it('records every TikTok wrapper peeled, double-encoded targets included', () => {
    const page = `https://${HOST}/products/wool-socks?ttclid=1`;
    const inner = `https://www.tiktok.com/link/v2?target=${encodeURIComponent(page)}`;
    const outer = `https://www.tiktok.com/link/v2?target=${encodeURIComponent(encodeURIComponent(inner))}`;
    expect(redirectChain(outer)).toEqual([outer, inner, page]);
    expect(redirectChain(page)).toEqual([page]);
  });
});

describe('buildStoreReport', () => {
  it("reports the store's ads newest first with their checks, counts and days, and no one else's", () => {
    const ok = sighting({ itemId: '7600000000000000001' as TikTokItemId, lastSeen: day(2), firstSeen: day(1), impressions: 3 });
    const gone = sighting({
      itemId: '7600000000000000002' as TikTokItemId,
      landingUrlRaw: `https://${HOST}/products/trail-lantern?utm_source=tiktok`,
      landingUrl: `https://${HOST}/products/trail-lantern?utm_source=tiktok`,
      productKey: `${HOST}/trail-lantern` as ProductKey,
      firstSeen: day(3),
      lastSeen: day(3),
      impressions: 1,
    });
    const other = sighting({ itemId: '7600000000000000003' as TikTokItemId, productKey: 'x.myshopify.com/y' as ProductKey, landingUrl: 'https://x.myshopify.com/products/y', landingUrlRaw: 'https://x.myshopify.com/products/y' });
    const products = new Map<string, ProductRow>([
      [`${HOST}/canvas-sneaker`, product()],
      [`${HOST}/trail-lantern`, failed('not-found')],
    ]);
    const snapshots = [{ id: 4, sightingItemId: ok.itemId, takenAt: 9, bytes: 10 }];
    const report = buildStoreReport(HOST, new Set([HOST]), { sightings: [ok, gone, other], products, snapshots });
    expect(report.ads.map((a) => a.itemId)).toEqual([gone.itemId, ok.itemId]);
    expect(report.ads[1]!.snapshots).toEqual(snapshots);
    expect(report.ads[1]!.productTitle).toBe('Canvas Sneaker');
    expect(report.ads[0]!.checks.find((c) => c.id === 'product_page')?.verdict).toBe('fail');
    expect(report.counts).toMatchObject({ ads: 2, impressions: 4 });
    expect(report.counts.failing).toBe(report.ads.flatMap((a) => a.checks).filter((c) => c.verdict === 'fail').length);
    expect(report.days.map((d) => d.impressions)).toEqual([1, 2, 1]);
  });
});
