/**
 * The one answer to "is this feed item a paid ad?" (research §3.3): an ad object
 * (`ad_info`, the app family's `raw_ad_data`) or a `true` ad flag (`isTT4BAds`, `isAd`).
 * Captions, "Paid partnership" and commerce anchors never count. The main-world tap (which
 * may import no library, eslint.config.js) and the isolated parser both ask this function,
 * so what the tap forwards and what the parser calls an ad cannot drift apart.
 */
import { AD_FLAG_FIELDS, AD_INFO_FIELDS } from './signals';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Own properties only: a page can't make every item an ad through Object.prototype.
function own(obj: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;
}

/** The first field that marks the item as a paid ad, or null for an organic item or a non-object. */
export function adSignalOf(item: unknown): string | null {
  if (!isRecord(item)) return null;
  return AD_INFO_FIELDS.find((f) => isRecord(own(item, f))) ?? AD_FLAG_FIELDS.find((f) => own(item, f) === true) ?? null;
}

export function isPaidAd(item: unknown): boolean {
  return adSignalOf(item) !== null;
}
