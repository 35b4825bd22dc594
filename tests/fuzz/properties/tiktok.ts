/**
 * Fuzz properties of everything that reads TikTok's page data: the item parser, the tap's
 * compact copy of an item, the feed-JSON walkers, the landing-URL unwrapper and the window
 * channel's receiver. All of it is fed by the page, so all of it must take any value.
 */
import fc from 'fast-check';
import { AdSighting, type SightingSource } from '@/utils/model';
import { looksLikeProductUrl } from '@/utils/shopify/product-path';
import { identifyProduct } from '@/utils/shopify/product-url';
import { CHANNEL_TAG } from '@/utils/tiktok/channel';
import { checkTapMessage } from '@/utils/tiktok/channel-check';
import { TapMessageSchema } from '../../reference/channel-schema';
import { hasItemShape, itemsOfResponse, itemsOfSigiState, itemsOfUniversalData } from '@/utils/tiktok/feed-json';
import { parseFeedItem } from '@/utils/tiktok/items';
import { isTikTokShopUrl, MAX_HOPS, MAX_URL, unwrapLandingUrl, unwrapLink } from '@/utils/tiktok/links';
import { createTapReceiver } from '@/utils/tiktok/receiver';
import { compactCandidate, looksLikeAd } from '@/utils/tiktok/tap-candidate';
import type { FuzzProperty } from '../property';
import { anyJson, encodeLoose, hostileText, nastyObject, urlish } from './arbitraries';

const source = fc.constantFrom<SightingSource>('api', 'ssr', 'prefetch');
const page = fc.oneof(fc.constantFrom('/foryou', '/following', ''), hostileText);

const itemId = fc.oneof(
  { weight: 4, arbitrary: fc.stringMatching(/^\d{6,19}$/) },
  { weight: 1, arbitrary: fc.nat() },
  { weight: 1, arbitrary: fc.oneof(fc.double(), fc.string({ maxLength: 30 }), fc.constant(null), fc.constant(2 ** 60), fc.constant(-1), anyJson) },
);

const author = fc.oneof(
  hostileText,
  fc.record({ uniqueId: hostileText, nickname: hostileText }, { requiredKeys: [] }),
  fc.record({ unique_id: hostileText }),
  anyJson,
);

/** An ad object: the landing URL and CTA, plus noise keys; sometimes more than the tap keeps. */
const adObject = fc
  .record({
    web_url: fc.oneof(urlish, anyJson),
    button_text: fc.oneof(hostileText, anyJson),
    // Sometimes longer than the tap's 48-field cap, with the landing URL before or after the noise.
    extra: fc.oneof(
      { weight: 4, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.boolean(), anyJson), { maxKeys: 8 }) },
      { weight: 1, arbitrary: fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.oneof(fc.string({ maxLength: 4 }), fc.integer()), { minKeys: 49, maxKeys: 60 }) },
    ),
    extraFirst: fc.boolean(),
  }, { requiredKeys: ['extra', 'extraFirst'] })
  .map(({ extra, extraFirst, ...known }) => (extraFirst ? { ...extra, ...known } : { ...known, ...extra }));

/** Fields that mark branded or commerce content, never a paid ad (research §3.3). */
const brandedFields = fc.record(
  {
    adLabelVersion: fc.constantFrom(1, 2, '2'),
    brandOrganicType: fc.integer(),
    isECVideo: fc.constantFrom(0, 1, true),
    adAuthorization: fc.boolean(),
    BAInfo: hostileText,
    anchors: fc.array(fc.record({ id: fc.string(), keyword: hostileText }), { maxLength: 2 }),
    isAd: fc.constantFrom(false, 'true', 1, null),
    isTT4BAds: fc.constantFrom(false, 'true', 1, null),
    ad_info: fc.constantFrom(null, 'https://shop.example.com/products/x', ['web_url'], 0),
  },
  { requiredKeys: [] },
);

const idField = fc.constantFrom('id', 'aweme_id');

/** An item with no paid-ad marker whatever its caption and branded fields say. */
const organicItem = fc
  .record({ idField, id: itemId, desc: fc.oneof(hostileText, fc.constantFrom('Sponsored', 'Ad', '#ad #sponsored', 'إعلان')), author, branded: brandedFields })
  .map(({ idField: f, id, desc, author: a, branded }) => ({ [f]: id, desc, author: a, ...branded }));

/** An item with one paid-ad marker. */
const adItem = fc
  .record({
    idField,
    id: itemId,
    desc: hostileText,
    author,
    marker: fc.oneof(
      adObject.map((ad_info) => ({ ad_info })),
      adObject.map((raw_ad_data) => ({ raw_ad_data })),
      fc.constant({ isTT4BAds: true }),
      fc.constant({ isAd: true }),
    ),
    branded: brandedFields,
  })
  .map(({ idField: f, id, desc, author: a, marker, branded }) => ({ [f]: id, desc, author: a, ...branded, ...marker }));

const anyItem = fc.oneof(adItem, organicItem, anyJson, nastyObject);

const isHttp = (url: string) => /^https?:$/.test(new URL(url).protocol);

/** Item ids as both ends compare them. */
const idOf = (item: unknown): string | null => {
  const parsed = parseFeedItem(item, 'api', '/foryou');
  return parsed.kind === 'skipped' ? null : parsed.kind === 'ad' ? parsed.sighting.itemId : parsed.itemId;
};

export const tiktokProperties: FuzzProperty[] = [
  {
    name: 'parseFeedItem never throws, and an ad it returns is a valid AdSighting with a consistent kind',
    make: () =>
      fc.property(anyItem, source, page, (item, src, pg) => {
        const parsed = parseFeedItem(item, src, pg);
        if (parsed.kind !== 'ad') return;
        const { sighting } = parsed;
        if (!AdSighting.safeParse(sighting).success) throw new Error('invalid sighting');
        if (sighting.landingUrl && !isHttp(sighting.landingUrl)) throw new Error(`non-http landing URL ${sighting.landingUrl}`);
        // The content script's kind is a hint from the path's shape: never misses a product the background would take.
        if (identifyProduct(sighting.landingUrl).kind === 'product' && sighting.adKind !== 'product-link') throw new Error('a product URL not hinted as a product link');
        if ((sighting.adKind === 'product-link') !== looksLikeProductUrl(sighting.landingUrl)) throw new Error('adKind disagrees with the URL');
        if (/[\u202A-\u202E\u2066-\u2069\u200B-\u200F]/.test(sighting.author + sighting.ctaText)) throw new Error('bidi/invisible control kept in a one-line field');
      }),
  },
  {
    name: 'an organic item never becomes an ad, whatever its caption and branded fields say',
    make: () =>
      fc.property(organicItem, source, page, (item, src, pg) => {
        if (parseFeedItem(item, src, pg).kind === 'ad') throw new Error('organic item parsed as an ad');
        if (compactCandidate(item) !== null || looksLikeAd(item)) throw new Error('the tap forwards an organic item');
      }),
  },
  {
    name: 'the tap forwards exactly the ads, and the parser reads its compact copy as it reads the full item',
    make: () =>
      fc.property(fc.oneof(adItem, organicItem), (item) => {
        const full = parseFeedItem(item, 'api', '/foryou');
        const compact = compactCandidate(item);
        if ((full.kind === 'ad') !== looksLikeAd(item) && full.kind !== 'skipped') throw new Error('tap and parser disagree on ad-ness');
        if (full.kind !== 'ad') return;
        const again = compact === null ? null : parseFeedItem(structuredClone(compact), 'api', '/foryou');
        if (again?.kind !== 'ad') throw new Error('the compact copy lost the ad');
        // Texts here are short, so the tap's cuts (8192, 256) and the parser's (5000, 200) can't differ.
        if (JSON.stringify(full.sighting) !== JSON.stringify(again.sighting)) throw new Error(`compact copy differs: ${JSON.stringify([full.sighting, again.sighting])}`);
      }),
  },
  {
    name: 'the feed-JSON walkers never throw and never return more than a page can hold',
    make: () =>
      fc.property(fc.oneof(anyJson, nastyObject, fc.record({ itemList: fc.array(anyJson, { maxLength: 5 }) })), (json) => {
        for (const read of [itemsOfResponse, itemsOfUniversalData, itemsOfSigiState]) if (read(json).length > 500) throw new Error('list not bounded');
        hasItemShape(json);
      }),
  },
  {
    name: 'unwrapLink never throws, gives http(s) or a typed refusal, and is idempotent',
    make: () =>
      fc.property(fc.oneof(urlish, urlish.map((u) => `https://www.tiktok.com/link/v2?target=${encodeLoose(u)}`)), (raw) => {
        const result = unwrapLink(raw);
        if (!result.ok) {
          if (!['not-http', 'too-long', 'too-deep'].includes(result.reason)) throw new Error('untyped refusal');
          return;
        }
        const { url, hops } = result.link;
        if (!isHttp(url) || url.length > MAX_URL || hops > MAX_HOPS) throw new Error(`bad unwrap ${url}`);
        const again = unwrapLandingUrl(url);
        if (again?.url !== url || again.hops !== 0) throw new Error(`not idempotent: ${url} → ${again?.url}`);
        isTikTokShopUrl(url);
      }),
  },
  {
    name: 'the channel check accepts exactly what the reference zod schema accepts, and the receiver takes any window message without throwing',
    make: () =>
      fc.property(fc.oneof(anyJson, nastyObject, fc.record({ tag: fc.constant(CHANNEL_TAG), kind: fc.constantFrom('items', 'click', 'stats', 'hello', 'ready', 'x'), channel: fc.constantFrom('c'.repeat(36), 'other'), items: fc.array(anyItem, { maxLength: 3 }), source, page, stats: anyJson, url: urlish, itemId: itemId, known: fc.constantFrom('ad', 'unknown') }, { requiredKeys: ['tag', 'kind'] })), (data) => {
        if ((checkTapMessage(data) !== null) !== TapMessageSchema.safeParse(data).success) throw new Error('channel check and schema disagree');
        createTapReceiver('c'.repeat(36)).receive(data);
      }),
  },
  {
    name: 'a stream of forged messages: other channels refused and counted, caps hold, each ad reported once',
    make: () => {
      const channel = 'f'.repeat(36);
      const message = fc.record({
        tag: fc.constantFrom(CHANNEL_TAG, CHANNEL_TAG, 'other-tag'),
        kind: fc.constantFrom('items', 'items', 'click', 'stats'),
        channel: fc.constantFrom(channel, channel, channel, 'guess-0000', ''),
        source,
        page: fc.constant('/foryou'),
        items: fc.array(fc.oneof(adItem, organicItem, anyJson), { maxLength: 8 }),
        itemId: fc.oneof(fc.stringMatching(/^\d{6,8}$/), fc.constant(null)),
        url: urlish,
        known: fc.constantFrom('ad', 'unknown'),
      });
      return fc.property(fc.array(message, { maxLength: 12 }), (messages) => {
        const receiver = createTapReceiver(channel, { maxItemsPerMessage: 5, maxItemsPerPage: 20 });
        const reported: string[] = [];
        let otherChannel = 0;
        let cut = 0;
        for (const m of messages) {
          if (m.tag === CHANNEL_TAG && m.channel !== channel) otherChannel += 1;
          const parsedBefore = receiver.stats.parsed;
          if (m.tag === CHANNEL_TAG && m.channel === channel && m.kind === 'items') cut += Math.max(0, m.items.length - Math.min(5, 20 - parsedBefore));
          for (const s of receiver.receive(structuredClone(m))) reported.push(s.itemId);
        }
        const { stats } = receiver;
        if ((stats.rejected['other-channel'] ?? 0) !== otherChannel) throw new Error('other-channel messages not all counted');
        if (stats.parsed > 20) throw new Error('per-page cap exceeded');
        if ((stats.skipped.flood ?? 0) !== cut) throw new Error(`flood count ${stats.skipped.flood ?? 0} ≠ ${cut}`);
        if (new Set(reported).size !== reported.length) throw new Error('an ad was reported twice');
        if (reported.length !== stats.ads) throw new Error('ads counter disagrees with the ads reported');
        for (const id of reported) if (idOf({ id, ad_info: {} }) !== id) throw new Error('reported an invalid id');
      });
    },
  },
  {
    name: 'new ads are rate-limited: never more than the burst plus the refill since the page loaded, and every refusal is counted',
    make: () =>
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 0, max: 5 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 3000 }), fc.array(fc.nat({ max: 60 }), { minLength: 1, maxLength: 10 })), { maxLength: 12 }),
        (burst, perSecond, steps) => {
          let clock = 0;
          const receiver = createTapReceiver('r'.repeat(36), { adBurst: burst, adsPerSecond: perSecond, now: () => clock });
          const offered = new Set<string>();
          for (const [wait, ids] of steps) {
            clock += wait;
            const list = ids.map((n) => ({ id: String(7_400_000_000_000_000_000n + BigInt(n)), ad_info: { web_url: 'https://shop.example.com/products/x' } }));
            for (const item of list) offered.add(item.id);
            receiver.receive({ tag: CHANNEL_TAG, kind: 'items', channel: 'r'.repeat(36), source: 'api', page: '/foryou', items: list });
          }
          const { ads, skipped, duplicates, parsed } = receiver.stats;
          if (ads > burst + Math.floor((clock / 1000) * perSecond)) throw new Error(`${ads} ads accepted in ${clock} ms (burst ${burst}, ${perSecond}/s)`);
          if (ads + (skipped['flood-ads'] ?? 0) + duplicates !== parsed) throw new Error('an ad was neither accepted, refused nor a duplicate');
          if (ads > offered.size) throw new Error('more ads than distinct ids');
        },
      ),
  },
];
