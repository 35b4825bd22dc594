/**
 * One guarded GET of a store's JSON endpoint: no cookies, a timeout, a size cap, and
 * redirects accepted only while they stay on the same store. Every failure is a typed
 * status with a reason a person can read.
 */
import type { LookupStatus } from '../model';

export type FetchFailure = { ok: false; status: Exclude<LookupStatus, 'ok' | 'invalid-response' | 'not-shopify'> | 'invalid-response'; detail: string; retryAfterMs?: number };
export type FetchJsonResult = { ok: true; json: unknown } | FetchFailure;

export interface FetchDeps {
  fetch: typeof fetch;
  timeoutMs: number;
  maxBytes: number;
  now?: () => number;
}

/** `Retry-After` as delta-seconds or an HTTP date, in milliseconds (capped at an hour). */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value) - now;
  return Number.isFinite(ms) ? Math.min(Math.max(ms, 0), 3_600_000) : undefined;
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
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  // The race, not only the abort signal, bounds the wait: a stalled body read must not hang a lookup.
  const timeout = new Promise<FetchJsonResult>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve({ ok: false, status: 'network', detail: `no answer within ${deps.timeoutMs} ms` });
    }, deps.timeoutMs);
  });
  try {
    return await Promise.race([fetchOnce(url, deps, controller.signal), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function fetchOnce(url: string, deps: FetchDeps, signal: AbortSignal): Promise<FetchJsonResult> {
  const host = new URL(url).hostname;
  try {
    const response = await deps.fetch(url, {
      credentials: 'omit',
      redirect: 'follow',
      signal,
      headers: { accept: 'application/json' },
    });
    const finalUrl = response.url ? new URL(response.url) : null;
    if (finalUrl && finalUrl.hostname !== host) return { ok: false, status: 'blocked', detail: `the store redirected to another site (${finalUrl.hostname})` };
    if (finalUrl?.pathname.startsWith('/password')) return { ok: false, status: 'password-protected', detail: 'the store is password-protected' };
    if (response.status === 404) return { ok: false, status: 'not-found', detail: 'the store has no such product (404)' };
    if (response.status === 429 || response.status === 430) {
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), deps.now?.() ?? Date.now());
      return { ok: false, status: 'rate-limited', detail: `the store asked us to slow down (${response.status})`, retryAfterMs };
    }
    if (!response.ok) return { ok: false, status: response.status >= 500 ? 'network' : 'blocked', detail: `the store answered ${response.status}` };
    const text = await readCapped(response, deps.maxBytes);
    if (text === null) return { ok: false, status: 'invalid-response', detail: `the answer is larger than ${deps.maxBytes} bytes` };
    try {
      return { ok: true, json: JSON.parse(text) };
    } catch {
      const html = /^\s*</.test(text);
      return html
        ? { ok: false, status: 'blocked', detail: 'the store sent a web page instead of data (a bot check?)' }
        : { ok: false, status: 'invalid-response', detail: 'the store sent broken JSON' };
    }
  } catch (error) {
    return { ok: false, status: 'network', detail: signal.aborted ? `no answer within ${deps.timeoutMs} ms` : `network error: ${String(error)}` };
  }
}
