// Test helpers for the resolver tests: fake stores answering real `Response` objects, a
// virtual clock for `now`/`sleep`, and a resolver on a fresh fake-indexeddb database.
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { openDb, type ScrollCartDb } from '@/utils/db';
import { createResolver, type Resolver, type ResolverDeps } from '@/utils/shopify/resolver';

export const sample = (name: string) => readFileSync(`tests/fixtures/samples/shopify/${name}`, 'utf8');
export const RATIO_JS = sample('product_js__ratio-eight__theme-scripts.json');
export const SHOPIFY_HEADERS = { 'x-shopid': '1', 'powered-by': 'Shopify', 'content-type': 'application/json' };

export type Route = (url: URL, hit: number) => Response | Promise<Response>;

/** A JSON answer from Shopify's origin. */
export const json = (body: unknown, init: ResponseInit = {}) =>
  new Response(typeof body === 'string' ? body : JSON.stringify(body), { ...init, headers: { ...SHOPIFY_HEADERS, ...(init.headers as Record<string, string>) } });
export const cart = (currency: string) => json({ token: 'c1-x', items: [], currency });
/** A plain web server's page, no Shopify headers. */
export const page = (status: number, body = '<!DOCTYPE html><h1>Not found</h1>') => new Response(body, { status, headers: { 'content-type': 'text/html', server: 'nginx' } });
/** A response as if the browser had followed redirects to `url`. */
export const redirected = (response: Response, url: string) => (Object.defineProperty(response, 'url', { value: url }), response);

/** Stores keyed by `host/path`; unknown paths answer a plain 404 page. Every request is logged. */
export function fakeStores(routes: Record<string, Route>) {
  const log: string[] = [];
  const hits = new Map<string, number>();
  const fakeFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    expect(init?.credentials).toBe('omit');
    const key = `${url.host}${url.pathname}`;
    log.push(key);
    const hit = (hits.get(key) ?? 0) + 1;
    hits.set(key, hit);
    const route = routes[key];
    return route ? route(url, hit) : page(404);
  }) as typeof globalThis.fetch;
  return { fetch: fakeFetch, log, count: (prefix: string) => log.filter((entry) => entry.startsWith(prefix)).length };
}

/** A clock that only moves when something sleeps or a test says so. */
export function virtualClock(start = 1_000_000) {
  const clock = {
    t: start,
    waits: [] as number[],
    now: () => clock.t,
    sleep: async (ms: number) => {
      clock.waits.push(ms);
      clock.t += ms;
    },
  };
  return clock;
}

export function makeResolver(fetch: typeof globalThis.fetch, overrides: Partial<ResolverDeps> = {}): { resolver: Resolver; db: ScrollCartDb; clock: ReturnType<typeof virtualClock> } {
  const db = openDb(`test-${crypto.randomUUID()}`);
  const clock = virtualClock();
  const resolver = createResolver({ db, fetch, now: clock.now, sleep: clock.sleep, random: () => 0.5, timeoutMs: 1_000, maxBytes: 200_000, ...overrides });
  return { resolver, db, clock };
}
