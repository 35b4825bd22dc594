/**
 * The window channel from the main-world feed tap to the isolated content script.
 * Anything on it may be forged by the page, so the receiver validates every record and
 * nothing it carries is trusted more than the page itself.
 */
export const CHANNEL_TAG = 'scrollcart-feed-tap';

export type TapSource = 'api' | 'ssr' | 'prefetch';

/** Content script → tap: "I am listening on this channel; replay what you have". */
export interface HelloMessage {
  tag: typeof CHANNEL_TAG;
  kind: 'hello';
  channel: string;
}

/** Tap → content script: "I am installed" (the content script may have said hello before the tap listened). */
export interface ReadyMessage {
  tag: typeof CHANNEL_TAG;
  kind: 'ready';
}

/** Tap → content script: ad candidates from one feed response. */
export interface ItemsMessage {
  tag: typeof CHANNEL_TAG;
  kind: 'items';
  channel: string;
  source: TapSource;
  /** The page path the items were seen on (For You, Following, ...). */
  page: string;
  items: unknown[];
}

export function isHello(data: unknown): data is HelloMessage {
  const m = data as Partial<HelloMessage> | null;
  return !!m && m.tag === CHANNEL_TAG && m.kind === 'hello' && typeof m.channel === 'string' && m.channel.length >= 16 && m.channel.length <= 64;
}

export function isItemsOn(data: unknown, channel: string): data is ItemsMessage {
  const m = data as Partial<ItemsMessage> | null;
  return !!m && m.tag === CHANNEL_TAG && m.kind === 'items' && m.channel === channel && Array.isArray(m.items);
}

export function isReady(data: unknown): data is ReadyMessage {
  const m = data as Partial<ReadyMessage> | null;
  return !!m && m.tag === CHANNEL_TAG && m.kind === 'ready';
}
