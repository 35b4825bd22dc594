/**
 * The receiver's check of each message on the tap channel (the page can post anything):
 * hand-written guards (utils/checks.ts), so the content script carries no schema library.
 * The tap cannot import libraries either; the types both ends agree on live in channel.ts.
 */
import { arrayOf, byField, hasFields, isCount, isObject, isText, oneOf, orAbsent, orNull, type Guard } from '../checks';
import { ITEM_ID_PATTERN } from '../model-limits';
import { MAX_LIST } from './feed-json';
import { CHANNEL_TAG, type ClickMessage, type ItemsMessage, type StatsMessage, type TapMessage, type TapStats } from './channel';

const isTag = oneOf([CHANNEL_TAG] as const);
const isPage = isText(2048);
const isChannel = isText();
const MAX_ENDPOINTS = 64;

const isItems = hasFields<ItemsMessage>({
  tag: isTag,
  kind: oneOf(['items'] as const),
  channel: isChannel,
  source: oneOf(['api', 'ssr', 'prefetch'] as const),
  page: isPage,
  items: arrayOf((_item): _item is unknown => true),
  organic: orAbsent(arrayOf((id): id is string => typeof id === 'string' && ITEM_ID_PATTERN.test(id), MAX_LIST)),
});

const isClick = hasFields<ClickMessage>({
  tag: isTag,
  kind: oneOf(['click'] as const),
  channel: isChannel,
  page: isPage,
  itemId: orNull(isText(64)),
  url: isText(8192),
  known: oneOf(['ad', 'unknown'] as const),
});

// Keys are endpoint paths or `prefetch:`/`ssr:` names: a bounded set in a real tap.
const isResponses: Guard<Record<string, number>> = (value): value is Record<string, number> => {
  if (!isObject(value)) return false;
  const entries = Object.entries(value);
  return entries.length <= MAX_ENDPOINTS && entries.every(([key, count]) => key.length <= 128 && isCount(count));
};

const isTapStats = hasFields<TapStats>({
  responses: isResponses,
  items: isCount,
  candidates: isCount,
  unreadable: isCount,
  dropped: isCount,
  clicks: isCount,
  clicksIgnored: isCount,
});

const isStats = hasFields<StatsMessage>({ tag: isTag, kind: oneOf(['stats'] as const), channel: isChannel, stats: isTapStats });

const isTapMessage = byField<TapMessage>('kind', { items: isItems, click: isClick, stats: isStats } satisfies Record<TapMessage['kind'], Guard<TapMessage>>);

/** The message as the tap types it, or null when any field is missing or out of bounds. */
export function checkTapMessage(data: unknown): TapMessage | null {
  return isTapMessage(data) ? data : null;
}
