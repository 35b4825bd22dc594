/**
 * The tap's end of the window channel. Until the content script says hello, messages wait in
 * a bounded buffer (the isolated script may start after the first feed response, research §2:
 * Fedo replays the last 64); the first hello from this window and origin fixes the channel,
 * the buffer is replayed on it and dropped. Counters travel as cumulative snapshots.
 */
import {
  CHANNEL_TAG,
  isFromThisWindow,
  isHello,
  type ClickMessage,
  type ItemsMessage,
  type StatsMessage,
  type TapSource,
  type TapStats,
} from './channel';
import { MAX_LIST } from './feed-json';
import { ITEM_ID_PATTERN } from './signals';
import { compactCandidate, looksLikeAd, rawItemId } from './tap-candidate';

export const REPLAY_LIMIT = 64;
/** Item ids remembered as ad or organic, to ignore `window.open` on organic cards; cleared when full. */
export const KNOWN_LIMIT = 5000;

type Pending = Omit<ItemsMessage, 'channel'> | Omit<ClickMessage, 'channel'>;

export interface TapOutbox {
  /** A feed response (or prefetch/SSR read) was seen under `key`. */
  countResponse(key: string): void;
  countUnreadable(): void;
  /** Forwards the ad candidates of one list; remembers every item's kind. */
  sendItems(source: TapSource, list: unknown[]): void;
  /** A `window.open` after a click in a card; dropped when the item is known organic. */
  sendClick(itemId: string | null, url: string): void;
}

export function createTapOutbox(win: Window): TapOutbox {
  let channel: string | null = null;
  const buffer: Pending[] = [];
  const known = new Map<string, boolean>();
  const stats: TapStats = { responses: {}, items: 0, candidates: 0, unreadable: 0, dropped: 0, clicks: 0, clicksIgnored: 0 };
  let statsQueued = false;

  const post = (message: ItemsMessage | ClickMessage | StatsMessage) => {
    try {
      win.postMessage(message, win.location.origin);
    } catch {
      // A page value that cannot be cloned is not worth an error in the page's console.
    }
  };
  const flushStats = () => {
    statsQueued = false;
    if (channel) post({ tag: CHANNEL_TAG, kind: 'stats', channel, stats: { ...stats, responses: { ...stats.responses } } });
  };
  const queueStats = () => {
    if (statsQueued || !channel) return;
    statsQueued = true;
    win.setTimeout(flushStats, 0);
  };
  const send = (message: Pending) => {
    if (channel) return post({ ...message, channel });
    buffer.push(message);
    if (buffer.length > REPLAY_LIMIT) {
      buffer.shift();
      stats.dropped += 1;
    }
  };

  win.addEventListener('message', (event) => {
    try {
      // The first hello wins; later ones (a page script's) are ignored.
      if (channel || !isFromThisWindow(event, win) || !isHello(event.data)) return;
      channel = event.data.channel;
      for (const message of buffer.splice(0)) post({ ...message, channel });
      flushStats();
    } catch {
      // Never let the tap throw into the page's event dispatch.
    }
  });

  return {
    countResponse(key) {
      stats.responses[key] = (stats.responses[key] ?? 0) + 1;
      queueStats();
    },
    countUnreadable() {
      stats.unreadable += 1;
      queueStats();
    },
    sendItems(source, list) {
      const items: unknown[] = [];
      const organic: string[] = [];
      for (const item of list.slice(0, MAX_LIST)) {
        const id = rawItemId(item);
        const isAd = looksLikeAd(item);
        if (typeof id === 'string' || typeof id === 'number') {
          if (known.size >= KNOWN_LIMIT) known.clear();
          known.set(String(id), isAd);
          // Ids only, so the content script can spare these cards its DOM fallback (channel.ts).
          if (!isAd && ITEM_ID_PATTERN.test(String(id))) organic.push(String(id));
        }
        const candidate = isAd ? compactCandidate(item) : null;
        if (candidate) items.push(candidate);
      }
      stats.items += Math.min(list.length, MAX_LIST);
      stats.candidates += items.length;
      // Organic ids alone are a hint, not worth a replay slot an ad could need before the hello.
      if (items.length > 0 || (organic.length > 0 && channel)) {
        send({ tag: CHANNEL_TAG, kind: 'items', source, page: win.location.pathname, items, ...(organic.length > 0 ? { organic } : {}) });
      }
      queueStats();
    },
    sendClick(itemId, url) {
      stats.clicks += 1;
      const isAd = itemId === null ? undefined : known.get(itemId);
      if (isAd === false) stats.clicksIgnored += 1;
      else send({ tag: CHANNEL_TAG, kind: 'click', page: win.location.pathname, itemId, url: url.slice(0, 8192), known: isAd ? 'ad' : 'unknown' });
      queueStats();
    },
  };
}
