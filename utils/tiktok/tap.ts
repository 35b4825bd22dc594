/**
 * The feed tap, run in the page's main world at document_start (DESIGN.md § Detect). It sees
 * feed JSON wherever it arrives (fetch, XHR, the prefetch cache, the server-rendered blobs)
 * and the last-resort `window.open` after a card click, and forwards ad candidates over the
 * window channel. It runs as the page: no extension APIs, no libraries (eslint.config.js),
 * and every path is guarded so the page never sees an error or a changed value of ours.
 */
import { CHANNEL_TAG, type TapSource } from './channel';
import { hasItemShape, itemsOfResponse, itemsOfSigiState, itemsOfUniversalData } from './feed-json';
import { tapWindowOpen } from './tap-click';
import { readSsrBlobs, watchPrefetchCache } from './tap-page-data';
import { feedEndpointOf, tapFetch, tapXhr } from './tap-network';
import { createTapOutbox } from './tap-outbox';

export { compactCandidate } from './tap-candidate';
export { feedEndpointOf } from './tap-network';

/** Is `url` a same-origin feed endpoint? */
export function isFeedUrl(url: string, origin: string): boolean {
  return feedEndpointOf(url, origin) !== null;
}

export function installFeedTap(win: Window & typeof globalThis): void {
  const outbox = createTapOutbox(win);
  const forward = (source: TapSource, key: string, json: unknown, items: (json: unknown) => unknown[]) => {
    try {
      outbox.countResponse(key);
      if (source === 'ssr' || hasItemShape(json)) outbox.sendItems(source, items(json));
      else outbox.countUnreadable();
    } catch {
      // Whatever the page put in its JSON, the tap does not throw.
    }
  };

  tapFetch(win, (endpoint, json) => forward('api', endpoint, json, itemsOfResponse));
  tapXhr(win, (endpoint, json) => forward('api', endpoint, json, itemsOfResponse));
  watchPrefetchCache(win, (key, json) => forward('prefetch', key, json, itemsOfResponse));
  readSsrBlobs(win, (key, json) => forward('ssr', key, json, key === 'ssr:sigi' ? itemsOfSigiState : itemsOfUniversalData));
  tapWindowOpen(win, (itemId, url) => {
    try {
      outbox.sendClick(itemId, url);
    } catch {
      // Same rule for clicks.
    }
  });
  try {
    win.postMessage({ tag: CHANNEL_TAG, kind: 'ready' }, win.location.origin);
  } catch {
    // An opaque origin (about:blank frames) cannot be posted to; nothing to tap there anyway.
  }
}
