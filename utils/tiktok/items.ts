/**
 * Raw feed items (untrusted JSON from TikTok's API, SSR blob, prefetch cache, or the tap's
 * compact copy of them) to validated `AdSighting`s. Only the item's ad fields make an ad
 * (research §3.3): an `ad_info` object, `isTT4BAds === true` or `isAd === true`. Captions,
 * "Paid partnership" (`adLabelVersion`), `brandOrganicType`, `isECVideo` and product anchors
 * never do.
 *
 * The Douyin app's field family (`aweme_id` + `raw_ad_data`, sample
 * douyin_app_feed_raw_ad_data_2020-10.json) is accepted too: TikTok web's `ad_info` is a
 * reduced form of it with the same inner names (`web_url`, `button_text`), an organic app item
 * never carries it, so reading it costs no precision and keeps an app-shaped payload from
 * being missed. It is reported with its own signal so diagnostics show if it ever appears on web.
 */
import type { AdSighting, SightingSource } from '../model';
import { adSignalOf } from './ad-signal';
import { itemsOfResponse } from './feed-json';
import { buildSighting } from './sighting';
import {
  AD_CTA_FIELD,
  AD_INFO_FIELDS,
  AD_LANDING_FIELD,
  AUTHOR_HANDLE_FIELDS,
  ITEM_AUTHOR_FIELD,
  ITEM_CAPTION_FIELD,
  ITEM_ID_FIELDS,
} from './signals';

export { adSignalOf } from './ad-signal';

export type SkipReason = 'not-an-object' | 'no-id' | 'bad-id';

export type ParsedItem =
  /** `signal` names the field that made it an ad (`ad_info`, `isTT4BAds`, …). */
  | { kind: 'ad'; sighting: AdSighting; signal: string }
  | { kind: 'organic'; itemId: string }
  | { kind: 'skipped'; reason: SkipReason };

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function own(obj: Json, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;
}

function stringAt(obj: Json, key: string): string {
  const value = own(obj, key);
  return typeof value === 'string' ? value : '';
}

/** The item id as a decimal string, 'missing', or 'bad' (wrong type, unsafe number, not digits). */
function itemIdOf(item: Json): string | 'missing' | 'bad' {
  for (const field of ITEM_ID_FIELDS) {
    const id = own(item, field);
    if (id === undefined || id === null) continue;
    if (typeof id === 'string') return /^\d{1,25}$/.test(id) ? id : 'bad';
    // A number past 2^53 has already lost digits in JSON.parse: it names some other item.
    if (typeof id === 'number') return Number.isSafeInteger(id) && id >= 0 ? String(id) : 'bad';
    return 'bad';
  }
  return 'missing';
}

function authorOf(item: Json): string {
  const author = own(item, ITEM_AUTHOR_FIELD);
  if (typeof author === 'string') return author; // the React-state shape (§3.1)
  if (!isRecord(author)) return '';
  for (const field of AUTHOR_HANDLE_FIELDS) if (stringAt(author, field)) return stringAt(author, field);
  return '';
}

function adObjectOf(item: Json): Json {
  for (const field of AD_INFO_FIELDS) {
    const value = own(item, field);
    if (isRecord(value)) return value;
  }
  return {};
}

export function parseFeedItem(raw: unknown, source: SightingSource, page: string): ParsedItem {
  if (!isRecord(raw)) return { kind: 'skipped', reason: 'not-an-object' };
  const itemId = itemIdOf(raw);
  if (itemId === 'missing') return { kind: 'skipped', reason: 'no-id' };
  if (itemId === 'bad') return { kind: 'skipped', reason: 'bad-id' };
  const signal = adSignalOf(raw);
  if (!signal) return { kind: 'organic', itemId };
  const adObject = adObjectOf(raw);
  const built = buildSighting({
    itemId,
    author: authorOf(raw),
    caption: stringAt(raw, ITEM_CAPTION_FIELD),
    ctaText: stringAt(adObject, AD_CTA_FIELD),
    landingUrlRaw: stringAt(adObject, AD_LANDING_FIELD),
    source,
    page: typeof page === 'string' ? page : '',
  });
  return built.ok ? { kind: 'ad', sighting: built.sighting, signal } : { kind: 'skipped', reason: built.reason };
}

/** The items of a feed API response (`itemList`, an item detail, search results), or an empty list. */
export function itemListOf(json: unknown): unknown[] {
  return itemsOfResponse(json);
}
