/**
 * Wrappers around `fetch` and `XMLHttpRequest` that read feed responses beside the page.
 * The page always gets its original objects: fetch responses are read from a clone (never
 * re-serialised), XHR bodies are read after `load` without touching what the page reads.
 * Nothing here throws into the page, and non-feed requests cost one string test.
 * TikTok's client calls `window.fetch` afresh per request (research §1), so wrapping at
 * document_start sees it; XHR is kept covered as tktrex did (§ Essentials 1), carefully:
 * a careless XHR hook broke YouTube for RegretsReporter (STYLE.md).
 */
import { FEED_ENDPOINTS } from './signals';

/** Called with the endpoint path and the parsed body of a feed response (or undefined if unreadable). */
export type OnFeedJson = (endpoint: string, json: unknown) => void;

/** The feed endpoint a same-origin URL names, or null. */
export function feedEndpointOf(url: string, origin: string): string | null {
  if (!url.includes('/api/')) return null; // the cheap test every request pays
  try {
    const parsed = new URL(url, origin);
    if (parsed.origin !== origin) return null;
    return FEED_ENDPOINTS.find((path) => parsed.pathname.startsWith(path)) ?? null;
  } catch {
    return null;
  }
}

function urlOf(input: unknown): string {
  if (typeof input === 'string') return input;
  if (input instanceof URL) return input.href;
  const url = (input as { url?: unknown } | null)?.url;
  return typeof url === 'string' ? url : '';
}

/** Resolves in an idle period (or within 500 ms at the latest); a plain timeout where there is no requestIdleCallback. */
function whenIdle(win: Window & typeof globalThis): Promise<void> {
  return new Promise((resolve) => {
    if (typeof win.requestIdleCallback === 'function') win.requestIdleCallback(() => resolve(), { timeout: 500 });
    else win.setTimeout(resolve, 0);
  });
}

export function tapFetch(win: Window & typeof globalThis, onFeed: OnFeedJson): void {
  const originalFetch = win.fetch;
  if (typeof originalFetch !== 'function') return;
  win.fetch = function tappedFetch(this: unknown, ...args: Parameters<typeof fetch>) {
    const result = originalFetch.apply(this, args);
    try {
      const endpoint = feedEndpointOf(urlOf(args[0]), win.location.origin);
      if (endpoint) {
        // Our `then` is attached before the page's, so the clone is taken before the page reads the body.
        // A failed request is the page's business; a response we cannot read is counted as unreadable.
        // Parsing waits for idle time, so the page's own parse of the same body goes first
        // (measured: parsing at once added ~5 ms p95 to the page's fetch-to-JSON time).
        result
          .then(
            (response) => {
              const copy = response.clone();
              return whenIdle(win).then(() =>
                copy.json().then(
                  (json) => onFeed(endpoint, json),
                  () => onFeed(endpoint, undefined),
                ),
              );
            },
            () => {},
          )
          .catch(() => {}); // nothing of ours may surface as an unhandled rejection in the page
      }
    } catch {
      // Never let the tap break the page's request.
    }
    return result;
  } as typeof fetch;
}

/** Response types whose body can be read without changing anything for the page. */
function bodyOf(xhr: XMLHttpRequest): unknown {
  if (xhr.responseType === 'json') return xhr.response; // the page's parsed object: read, never mutated
  if (xhr.responseType === '' || xhr.responseType === 'text') return xhr.responseText;
  return undefined; // blob, arraybuffer, document: reading them could cost the page; skip
}

export function tapXhr(win: Window & typeof globalThis, onFeed: OnFeedJson): void {
  const proto = win.XMLHttpRequest?.prototype;
  if (!proto || typeof proto.open !== 'function') return;
  const originalOpen = proto.open;
  // The endpoint each request was last opened for (requests can be reused), and which already listen.
  const endpoints = new WeakMap<XMLHttpRequest, string | null>();

  function onLoad(this: XMLHttpRequest) {
    try {
      const endpoint = endpoints.get(this);
      if (!endpoint) return;
      const body = bodyOf(this); // now: a later open() by the page would reset it
      // Parse after the page's own load handlers ran, so the page is not kept waiting.
      win.setTimeout(() => {
        try {
          onFeed(endpoint, typeof body === 'string' ? JSON.parse(body) : body);
        } catch {
          onFeed(endpoint, undefined);
        }
      }, 0);
    } catch {
      // Never throw into the page's event dispatch.
    }
  }

  proto.open = function tappedOpen(this: XMLHttpRequest, ...args: unknown[]) {
    try {
      const endpoint = feedEndpointOf(urlOf(args[1]), win.location.origin);
      if (endpoint && !endpoints.has(this)) this.addEventListener('load', onLoad);
      if (endpoint || endpoints.has(this)) endpoints.set(this, endpoint);
    } catch {
      // The page's request goes on whatever happens here.
    }
    // Same arguments, same count: `open(m, u)` and `open(m, u, undefined)` differ (the latter is synchronous).
    return (originalOpen as (...a: unknown[]) => void).apply(this, args);
  } as typeof proto.open;
}
