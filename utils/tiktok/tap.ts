/**
 * The feed tap, run in the page's main world at document_start. It wraps `fetch` so that
 * feed responses are read from a clone: the page always gets its original response, the
 * wrapper never throws into the page, and it does no work for other requests.
 * No imports of extension APIs here: this code runs as the page.
 */
import { CHANNEL_TAG, isHello, type ItemsMessage, type TapSource } from './channel';
import { AD_FLAG_FIELDS, AD_INFO_FIELD, FEED_ENDPOINTS, SSR_ITEMS_KEY, SSR_SCOPE, SSR_SCRIPT_ID } from './signals';

const REPLAY_LIMIT = 64;

/** Keeps only what the parser needs from an ad-looking item; organic items are dropped here. */
export function compactCandidate(item: unknown): unknown {
  if (typeof item !== 'object' || item === null) return null;
  const it = item as Record<string, unknown>;
  const adInfo = it[AD_INFO_FIELD];
  const isAd = (typeof adInfo === 'object' && adInfo !== null) || AD_FLAG_FIELDS.some((f) => it[f] === true);
  if (!isAd) return null;
  const author = it.author;
  return {
    id: it.id,
    desc: it.desc,
    author: typeof author === 'object' && author !== null ? { uniqueId: (author as Record<string, unknown>).uniqueId } : author,
    [AD_INFO_FIELD]: adInfo,
    ...Object.fromEntries(AD_FLAG_FIELDS.map((f) => [f, it[f]])),
  };
}

export function isFeedUrl(url: string, origin: string): boolean {
  try {
    const parsed = new URL(url, origin);
    return parsed.origin === origin && FEED_ENDPOINTS.some((path) => parsed.pathname.startsWith(path));
  } catch {
    return false;
  }
}

export function installFeedTap(win: Window & typeof globalThis): void {
  let channel: string | null = null;
  const sent: ItemsMessage[] = [];

  const emit = (source: TapSource, list: unknown) => {
    if (!Array.isArray(list)) return;
    const items = list.map(compactCandidate).filter((x) => x !== null);
    if (items.length === 0) return;
    const message: ItemsMessage = { tag: CHANNEL_TAG, kind: 'items', channel: channel ?? '', source, page: win.location.pathname, items };
    sent.push(message);
    if (sent.length > REPLAY_LIMIT) sent.shift();
    if (channel) win.postMessage(message, win.location.origin);
  };

  win.addEventListener('message', (event) => {
    // The first hello wins; later ones (a page script's) are ignored.
    if (channel || event.source !== win || !isHello(event.data)) return;
    channel = event.data.channel;
    for (const message of sent) win.postMessage({ ...message, channel }, win.location.origin);
  });

  const originalFetch = win.fetch;
  win.fetch = function tappedFetch(this: unknown, ...args: Parameters<typeof fetch>) {
    const result = originalFetch.apply(this, args);
    try {
      const input = args[0];
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (isFeedUrl(url, win.location.origin)) {
        result.then((response) => response.clone().json()).then((json) => emit('api', (json as { itemList?: unknown })?.itemList), () => {});
      }
    } catch {
      // Never let the tap break the page's request.
    }
    return result;
  } as typeof fetch;

  const readSsr = () => {
    try {
      const text = win.document.getElementById(SSR_SCRIPT_ID)?.textContent;
      if (text) emit('ssr', JSON.parse(text)?.[SSR_SCOPE]?.[SSR_ITEMS_KEY]);
    } catch {
      // A malformed blob is the page's problem, not ours.
    }
  };
  win.postMessage({ tag: CHANNEL_TAG, kind: 'ready' }, win.location.origin);
  if (win.document.readyState === 'loading') win.document.addEventListener('DOMContentLoaded', readSsr, { once: true });
  else readSsr();
}
