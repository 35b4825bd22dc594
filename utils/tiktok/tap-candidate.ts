/**
 * What the main-world tap forwards of one feed item: ad-looking items only (research §3.3),
 * cut down to the fields the isolated parser reads, as plain structured data. Keeping the
 * message small keeps the tap cheap, and no user's organic viewing leaves the page's world
 * (organic items travel as bare ids, which the content script only uses to skip its DOM fallback).
 */
import { isPaidAd } from './ad-signal';
import {
  AD_CTA_FIELD,
  AD_FLAG_FIELDS,
  AD_INFO_FIELDS,
  AD_LANDING_FIELD,
  AUTHOR_HANDLE_FIELDS,
  ITEM_AUTHOR_FIELD,
  ITEM_CAPTION_FIELD,
  ITEM_ID_FIELDS,
} from './signals';

const MAX_AD_FIELDS = 48;
const MAX_STRING = 8192;

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function own(obj: Json, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;
}

/**
 * The ad object's scalar fields only: bounded, cloneable, and enough for `web_url` and `button_text`.
 * Those two are copied first: the Douyin sample lists `web_url` last of 36 fields, so a longer ad
 * object would have lost its landing URL to the cap (found by fuzzing).
 */
function scalarsOf(obj: Json): Json {
  const out: Json = {};
  let n = 0;
  for (const key of new Set([AD_LANDING_FIELD, AD_CTA_FIELD, ...Object.keys(obj)])) {
    if (!Object.prototype.hasOwnProperty.call(obj, key)) continue;
    const value = obj[key];
    if (typeof value === 'string') out[key] = value.slice(0, MAX_STRING);
    else if (typeof value === 'number' || typeof value === 'boolean') out[key] = value;
    else continue;
    if (++n >= MAX_AD_FIELDS) break;
  }
  return out;
}

/** The item's id under any known field name, or undefined. */
export function rawItemId(item: unknown): unknown {
  if (!isRecord(item)) return undefined;
  for (const field of ITEM_ID_FIELDS) {
    const id = own(item, field);
    if (id !== undefined) return id;
  }
  return undefined;
}

/** Does the item carry a paid-ad marker? The parser's own predicate, so the two agree by construction. */
export const looksLikeAd = isPaidAd;

/** Keeps only what the parser needs from an ad-looking item; null for organic items and non-objects. */
export function compactCandidate(item: unknown): Json | null {
  if (!isRecord(item) || !looksLikeAd(item)) return null;
  const out: Json = {};
  for (const field of ITEM_ID_FIELDS) {
    const id = own(item, field);
    if (typeof id === 'string' || typeof id === 'number') out[field] = typeof id === 'string' ? id.slice(0, 64) : id;
  }
  const desc = own(item, ITEM_CAPTION_FIELD);
  if (typeof desc === 'string') out[ITEM_CAPTION_FIELD] = desc.slice(0, MAX_STRING);
  const author = own(item, ITEM_AUTHOR_FIELD);
  if (typeof author === 'string') out[ITEM_AUTHOR_FIELD] = author.slice(0, 256);
  else if (isRecord(author)) {
    const handle: Json = {};
    for (const f of AUTHOR_HANDLE_FIELDS) if (typeof own(author, f) === 'string') handle[f] = String(author[f]).slice(0, 256);
    out[ITEM_AUTHOR_FIELD] = handle;
  }
  for (const field of AD_INFO_FIELDS) {
    const adInfo = own(item, field);
    if (isRecord(adInfo)) out[field] = scalarsOf(adInfo);
  }
  for (const field of AD_FLAG_FIELDS) if (typeof own(item, field) === 'boolean') out[field] = item[field];
  return out;
}
