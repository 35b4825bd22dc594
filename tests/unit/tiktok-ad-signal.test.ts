/**
 * The tap (main world, no libraries) and the parser (isolated world, zod) must call the same
 * items ads: an ad the tap does not forward is missed, an organic item it forwards leaks a
 * person's viewing out of the page. Both ask utils/tiktok/ad-signal.ts; these tests hold them
 * to it on every object of every real sample, and on markers added to real organic items.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { adSignalOf, isPaidAd } from '@/utils/tiktok/ad-signal';
import { parseFeedItem } from '@/utils/tiktok/items';
import { compactCandidate, looksLikeAd } from '@/utils/tiktok/tap-candidate';
import { generateFeed } from '../fixtures/tiktok/generate';

const SAMPLES = 'tests/fixtures/samples/tiktok';

/** Every object nested anywhere in a JSON value: items sit at different depths in each sample. */
function objectsIn(value: unknown, out: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(value)) for (const v of value) objectsIn(v, out);
  else if (typeof value === 'object' && value !== null) {
    out.push(value as Record<string, unknown>);
    for (const v of Object.values(value)) objectsIn(v, out);
  }
  return out;
}

const sampleObjects = readdirSync(SAMPLES)
  .filter((name) => name.endsWith('.json'))
  .flatMap((name) => objectsIn(JSON.parse(readFileSync(`${SAMPLES}/${name}`, 'utf8'))).map((object) => ({ name, object })));

/** Where tap and parser part: empty when they agree on `item`. */
function disagreement(item: unknown): string | null {
  const forwarded = compactCandidate(item);
  const full = parseFeedItem(item, 'api', '/foryou');
  if (looksLikeAd(item) !== (forwarded !== null)) return 'the tap forwards what it does not call an ad';
  if (full.kind === 'organic' && forwarded !== null) return 'the tap forwards an item the parser calls organic';
  if (full.kind === 'ad') {
    if (forwarded === null) return 'the tap drops an item the parser calls an ad';
    // What the tap forwards must parse to the same sighting, by the same signal.
    const compact = parseFeedItem(forwarded, 'api', '/foryou');
    if (JSON.stringify(compact) !== JSON.stringify(full)) return `the forwarded copy parses differently: ${JSON.stringify(compact)}`;
  }
  return null;
}

describe('one ad predicate for the tap and the parser', () => {
  it('has samples with both ads and organic items to compare on', () => {
    const kinds = new Set(sampleObjects.map(({ object }) => parseFeedItem(object, 'api', '/').kind));
    expect(kinds).toEqual(new Set(['ad', 'organic', 'skipped']));
  });

  it('agrees on every object of every real sample', () => {
    const parted = sampleObjects.flatMap(({ name, object }) => {
      const why = disagreement(object);
      return why ? [`${name}: ${why}`] : [];
    });
    expect(parted).toEqual([]);
  });

  it('agrees when a paid-ad marker is added to a real organic item, and when a look-alike is', () => {
    const organic = sampleObjects.filter(({ object }) => parseFeedItem(object, 'api', '/').kind === 'organic').map(({ object }) => object);
    expect(organic.length).toBeGreaterThanOrEqual(2);
    const markers = [{ ad_info: { web_url: 'https://demo.myshopify.com/products/a', button_text: 'Shop now' } }, { raw_ad_data: {} }, { isTT4BAds: true }, { isAd: true }];
    // Branded content, commerce videos and truthy non-booleans are not paid ads (research §3.3).
    const lookAlikes = [{ adLabelVersion: 2 }, { isECVideo: 1 }, { isAd: 'true' }, { isAd: 1 }, { ad_info: null }, { ad_info: [] }, { desc: '#ad Sponsored' }];
    for (const item of organic) {
      for (const marker of markers) {
        const ad = { ...item, ...marker };
        expect(isPaidAd(ad)).toBe(true);
        expect(disagreement(ad)).toBeNull();
        expect(parseFeedItem(ad, 'api', '/').kind).toBe('ad');
      }
      for (const marker of lookAlikes) {
        const notAd = { ...item, ...marker };
        expect(adSignalOf(notAd)).toBeNull();
        expect(disagreement(notAd)).toBeNull();
        expect(compactCandidate(notAd)).toBeNull();
      }
    }
  });

  it('agrees on every item of the fake feed (every ad kind, organic posts with commerce anchors)', () => {
    const items = generateFeed({ seed: 11, count: 120, adEvery: 3 });
    expect(items.filter((item) => isPaidAd(item))).toHaveLength(40);
    expect(items.map(disagreement).filter(Boolean)).toEqual([]);
  });

  it('reads only own properties, so a polluted prototype makes nothing an ad', () => {
    const item = Object.create({ isAd: true, ad_info: {} }) as Record<string, unknown>;
    item.id = '7400000000000000009';
    expect(isPaidAd(item)).toBe(false);
    expect(disagreement(item)).toBeNull();
  });
});
