/**
 * The window channel between the main-world feed tap and the isolated content script.
 * Anything on it may be forged by the page, so the receiver validates every message
 * (channel-check.ts) and nothing it carries is trusted more than the page itself.
 * Type definitions and tiny guards only: the tap imports this file, so no libraries.
 */
export const CHANNEL_TAG = 'scrollcart-feed-tap';

/** Where a tap record was read: a feed response, the server-rendered blob, the prefetch cache. */
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

/** Tap → content script: the ad candidates of one feed list (organic items are dropped in the tap). */
export interface ItemsMessage {
  tag: typeof CHANNEL_TAG;
  kind: 'items';
  channel: string;
  source: TapSource;
  /** The page path the items were seen on (For You, Following, ...). */
  page: string;
  items: unknown[];
  /**
   * The ids of the list's organic items, ids only (decimal strings): the content script skips
   * the DOM fallback's ad-label walk on their cards, keeps them in memory for the page's
   * life, and never sends them on or stores them. Absent when the list had none.
   */
  organic?: string[];
}

/** Tap → content script: `window.open(url)` within a second of a click inside a feed card (§3, §4). */
export interface ClickMessage {
  tag: typeof CHANNEL_TAG;
  kind: 'click';
  channel: string;
  page: string;
  /** The card's item id (from its player wrapper), or null when the card carries none. */
  itemId: string | null;
  url: string;
  /** What the tap knew of the item from the feed JSON; clicks on known organic items are never sent. */
  known: 'ad' | 'unknown';
}

/**
 * Tap → content script: cumulative counters since the page loaded, sent after new feed data and
 * once after each hello. A snapshot, not a delta, so a lost or replayed one does no harm.
 */
export interface TapStats {
  /** Feed responses seen, by endpoint path, `prefetch:<key>` or `ssr:<key>`. */
  responses: Record<string, number>;
  /** Items in those lists (organic and ads). */
  items: number;
  /** Items forwarded as ad candidates. */
  candidates: number;
  /** Feed responses whose body could not be read as JSON with items. */
  unreadable: number;
  /** Messages evicted from the replay buffer before anyone said hello. */
  dropped: number;
  /** `window.open` calls after a card click: recorded, and ignored because the item was organic. */
  clicks: number;
  clicksIgnored: number;
}

export interface StatsMessage {
  tag: typeof CHANNEL_TAG;
  kind: 'stats';
  channel: string;
  stats: TapStats;
}

export type TapMessage = ItemsMessage | ClickMessage | StatsMessage;

export function isHello(data: unknown): data is HelloMessage {
  const m = data as Partial<HelloMessage> | null;
  return !!m && m.tag === CHANNEL_TAG && m.kind === 'hello' && typeof m.channel === 'string' && m.channel.length >= 16 && m.channel.length <= 64;
}

export function isReady(data: unknown): data is ReadyMessage {
  const m = data as Partial<ReadyMessage> | null;
  return !!m && m.tag === CHANNEL_TAG && m.kind === 'ready';
}

/** A window message event as both ends accept it: from this window, this origin (DESIGN.md § Security boundary). */
export function isFromThisWindow(event: MessageEvent, win: Window): boolean {
  return event.source === win && event.origin === win.location.origin;
}
