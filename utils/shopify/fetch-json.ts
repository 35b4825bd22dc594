/**
 * One guarded GET of a store's JSON endpoint: no cookies, a timeout, a size cap, and
 * redirects accepted only while they stay on the same store. Every failure is a typed
 * status with a reason a person can read, plus the signals the resolver needs (HTTP
 * status, whether Shopify's origin answered) to tell a bot wall from a non-Shopify site.
 *
 * Defence in depth: it refuses, by itself, any URL the SSRF guard refuses and any path that
 * is not one of the store endpoints ScrollCart builds (DESIGN.md § Security boundary).
 */
import type { LookupStatus } from '../model';
import { checkStoreUrl } from './store-host-guard';

export type FetchFailureStatus = Exclude<LookupStatus, 'ok' | 'not-shopify'>;

/** What the answer told about the server, whatever its body. */
export interface FetchSignals {
  /** HTTP status, 0 when no answer arrived. */
  httpStatus: number;
  /** Response headers only Shopify's origin sends (research §1.3). */
  shopifyOrigin: boolean;
  /** The body was a web page, not data. */
  html: boolean;
}

export type FetchFailure = { ok: false; status: FetchFailureStatus; detail: string; retryAfterMs?: number } & Partial<FetchSignals>;
export type FetchJsonResult = ({ ok: true; json: unknown } & FetchSignals) | FetchFailure;

export interface FetchDeps {
  fetch: typeof fetch;
  timeoutMs: number;
  maxBytes: number;
  now?: () => number;
}

/** `/meta.json`, `/{prefix}/cart.js`, `/{prefix}/products/{handle}.{js,json,oembed}`, and nothing else. */
const STORE_ENDPOINT = /^(?:\/meta\.json|(?:\/[a-z]{2}(?:-(?:[a-z]{2,4}|\d{3}))?)?\/(?:cart\.js|products\/[^/]+\.(?:js|json|oembed)))$/;

/** `Retry-After` as delta-seconds or an HTTP date, in milliseconds (capped at an hour). */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value) - now;
  return Number.isFinite(ms) ? Math.min(Math.max(ms, 0), 3_600_000) : undefined;
}

function isShopifyOrigin(headers: Headers): boolean {
  return ['x-shopid', 'x-sorting-hat-shopid', 'x-shopify-stage'].some((name) => headers.has(name)) || /shopify/i.test(headers.get('powered-by') ?? '');
}

async function readCapped(response: Response, maxBytes: number): Promise<string | null> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) return null;
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

export async function fetchStoreJson(url: string, deps: FetchDeps): Promise<FetchJsonResult> {
  const checked = checkStoreUrl(url);
  if (!checked.ok) return { ok: false, status: 'blocked', detail: `ScrollCart never contacts this address: ${checked.detail}` };
  if (!STORE_ENDPOINT.test(checked.url.pathname) || checked.url.search !== '' || checked.url.hash !== '') {
    return { ok: false, status: 'blocked', detail: 'ScrollCart only fetches the store endpoints it builds itself' };
  }
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  // The race, not only the abort signal, bounds the wait: a stalled body read must not hang a lookup.
  const timeout = new Promise<FetchJsonResult>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve({ ok: false, status: 'network', detail: `no answer within ${deps.timeoutMs} ms`, httpStatus: 0 });
    }, deps.timeoutMs);
  });
  try {
    return await Promise.race([fetchOnce(checked.url, deps, controller.signal), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function fetchOnce(url: URL, deps: FetchDeps, signal: AbortSignal): Promise<FetchJsonResult> {
  let response: Response;
  try {
    // The browser follows redirects itself (a `manual` redirect hides its target from
    // extensions); the final URL is checked below and a foreign answer is discarded.
    // Called detached: the platform `fetch` throws "Illegal invocation" when `this` is not the global.
    const send = deps.fetch;
    response = await send(url.href, { credentials: 'omit', redirect: 'follow', signal, headers: { accept: 'application/json' } });
  } catch (error) {
    return { ok: false, status: 'network', detail: signal.aborted ? `no answer within ${deps.timeoutMs} ms` : `network error: ${String(error)}`, httpStatus: 0 };
  }
  const signals: FetchSignals = { httpStatus: response.status, shopifyOrigin: isShopifyOrigin(response.headers), html: false };
  const finalUrl = response.url ? new URL(response.url) : null;
  if (finalUrl && finalUrl.hostname !== url.hostname) return { ok: false, status: 'blocked', detail: `the store redirected to another site (${finalUrl.hostname})`, ...signals };
  if (finalUrl?.pathname.startsWith('/password')) return { ok: false, status: 'password-protected', detail: 'the store is password-protected', ...signals };
  if (response.status === 404) return { ok: false, status: 'not-found', detail: 'the store has no such product (404)', ...signals };
  if (response.status === 429 || response.status === 430) {
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), deps.now?.() ?? Date.now());
    return { ok: false, status: 'rate-limited', detail: `the store asked us to slow down (${response.status})`, retryAfterMs, ...signals };
  }
  if (!response.ok) {
    const challenge = response.headers.get('cf-mitigated') === 'challenge' ? ' (a bot check)' : '';
    return { ok: false, status: response.status >= 500 ? 'network' : 'blocked', detail: `the store answered ${response.status}${challenge}`, ...signals };
  }
  let text: string | null;
  try {
    text = await readCapped(response, deps.maxBytes);
  } catch (error) {
    return { ok: false, status: 'network', detail: `the answer broke off: ${String(error)}`, ...signals };
  }
  if (text === null) return { ok: false, status: 'invalid-response', detail: `the answer is larger than ${deps.maxBytes} bytes`, ...signals };
  try {
    return { ok: true, json: JSON.parse(text), ...signals };
  } catch {
    return /^\s*</.test(text)
      ? { ok: false, status: 'blocked', detail: 'the store sent a web page instead of data (a bot check?)', ...signals, html: true }
      : { ok: false, status: 'invalid-response', detail: 'the store sent broken JSON', ...signals };
  }
}
