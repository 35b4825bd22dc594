import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ScrollCartDb } from '@/utils/db';
import type { ProductRow } from '@/utils/model';
import { createHostBreaker } from '@/utils/shopify/breaker';
import type { FetchJsonResult } from '@/utils/shopify/fetch-json';
import { createHostLimiter } from '@/utils/shopify/limiter';
import { identifyProduct, type ProductRef } from '@/utils/shopify/product-url';
import { backoffDelay, decideRetry, DEFAULT_RETRY } from '@/utils/shopify/retry-policy';
import { cart, fakeStores, json, makeResolver, page, RATIO_JS } from './resolver-fake-store';

const DEMO = 'demo-store.myshopify.com';
const ref = (handle: string) => identifyProduct(`https://${DEMO}/products/${handle}`) as ProductRef;

/** Waits on `setTimeout`, so fake timers drive it. */
const timerSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
/** Two slots per host, clocked by `Date.now` and `setTimeout` (fake timers in these tests). */
const timerLimiter = (minIntervalMs: number) => createHostLimiter({ concurrency: 2, minIntervalMs, now: () => Date.now(), sleep: timerSleep });

let dbs: ScrollCartDb[] = [];
afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(dbs.map((db) => db.delete()));
  dbs = [];
});

describe('per-host limiter', () => {
  it('runs at most 2 at once and starts them at least minInterval apart', async () => {
    vi.useFakeTimers();
    const limiter = timerLimiter(500);
    const t0 = Date.now();
    const starts: number[] = [];
    let running = 0;
    let peak = 0;
    const task = () =>
      limiter.run(async () => {
        starts.push(Date.now() - t0);
        peak = Math.max(peak, ++running);
        await timerSleep(2_000);
        running -= 1;
      });
    const all = Promise.all(Array.from({ length: 5 }, task));
    await vi.advanceTimersByTimeAsync(10_000);
    await all;
    expect(peak).toBe(2);
    // Two slots: the 3rd waits for the 1st to finish (t=2000), the 4th for the 2nd (t=2500) …
    expect(starts).toEqual([0, 500, 2000, 2500, 4000]);
    for (let i = 1; i < starts.length; i += 1) expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(500);
  });

  it('lets a task that finishes work under way wait ahead of tasks that start new work', async () => {
    vi.useFakeTimers();
    const limiter = timerLimiter(500);
    const t0 = Date.now();
    const order: string[] = [];
    const starts = new Map<string, number>();
    const request = (name: string, ahead = false) =>
      limiter.run(
        async () => {
          order.push(name);
          starts.set(name, Date.now() - t0);
          await timerSleep(300);
        },
        { ahead },
      );
    // Seven product reads queued at once; the first one's currency read follows it, as a lookup does.
    const first = request('p1').then(() => request('currency', true));
    const rest = Array.from({ length: 6 }, (_, i) => request(`p${i + 2}`));
    const lastAhead = request('later-ahead', true);
    await vi.advanceTimersByTimeAsync(10_000);
    await Promise.all([first, ...rest, lastAhead]);
    // p1's slot goes to the ahead task already waiting; the currency read, queued when p1 ends, to
    // the next slot: both before the six product reads still waiting (in arrival order it would be 9th).
    expect(order).toEqual(['p1', 'p2', 'later-ahead', 'currency', 'p3', 'p4', 'p5', 'p6', 'p7']);
    expect(starts.get('currency')).toBe(1_500);
    expect(Math.max(...starts.values())).toBe(4_000);
  });

  it("sends a lookup's currency read ahead of the product reads of lookups queued after it", async () => {
    const handles = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    // A fake clock for the store and the limiter (300 ms answers, reads ≥ 500 ms apart); the
    // database runs on real setImmediate, let settle between two ticks, so its work takes no store time.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const later = <T>(value: T) => new Promise<T>((r) => setTimeout(() => r(value), 300));
    const store = fakeStores({ ...Object.fromEntries(handles.map((h) => [`${DEMO}/products/${h}.js`, () => later(json(RATIO_JS))])), [`${DEMO}/cart.js`]: () => later(cart('USD')) });
    const made = makeResolver(store.fetch, { now: Date.now, sleep: timerSleep, timeoutMs: 10_000 });
    dbs.push(made.db);
    let rows: ProductRow[] | null = null;
    void Promise.all(handles.map((h) => made.resolver.resolve(ref(h)))).then((all) => (rows = all));
    for (let tick = 0; rows === null && tick < 1_000; tick += 1) {
      await vi.advanceTimersByTimeAsync(10);
      for (let i = 0; i < 100; i += 1) await new Promise((r) => setImmediate(r));
    }
    if (rows === null) throw new Error('the lookups did not end');
    expect((rows as ProductRow[]).map((r) => r.status)).toEqual(handles.map(() => 'ok'));
    // In arrival order the store's one currency read would come 8th, after every product read: a
    // worker stopped within those 3.5 s would have written no row.
    const currencyAt = store.log.indexOf(`${DEMO}/cart.js`);
    expect(currencyAt).toBeGreaterThan(0);
    expect(currencyAt).toBeLessThan(4);
    expect(store.log).toHaveLength(8);
  });

  it('holds every request to the host until a Retry-After pause ends', async () => {
    vi.useFakeTimers();
    const limiter = timerLimiter(0);
    const t0 = Date.now();
    limiter.pauseUntil(t0 + 7_000);
    let startedAt = -1;
    const done = limiter.run(async () => void (startedAt = Date.now() - t0));
    await vi.advanceTimersByTimeAsync(6_999);
    expect(startedAt).toBe(-1);
    await vi.advanceTimersByTimeAsync(1);
    await done;
    expect(startedAt).toBe(7_000);
  });
});

describe('circuit breaker', () => {
  const fail = { status: 'network' as const, detail: 'down' };

  it('opens after N consecutive failures, lets one trial through after the cool-down, and closes on success', () => {
    const breaker = createHostBreaker({ failureThreshold: 3, coolDownMs: 1_000, maxCoolDownMs: 8_000 });
    for (let i = 0; i < 2; i += 1) breaker.failure(fail, 0);
    expect(breaker.state(0)).toBe('closed');
    breaker.success();
    for (let i = 0; i < 3; i += 1) breaker.failure(fail, 0);
    expect(breaker.state(0)).toBe('open');
    expect(breaker.tryAcquire(999)).toBe(false);
    expect(breaker.lastFailure()).toEqual(fail);
    expect(breaker.state(1_000)).toBe('half-open');
    expect(breaker.tryAcquire(1_000)).toBe(true);
    expect(breaker.tryAcquire(1_000)).toBe(false); // one trial at a time
    breaker.success();
    expect(breaker.state(1_000)).toBe('closed');
  });

  it('doubles the cool-down after a failed trial, up to a cap', () => {
    const breaker = createHostBreaker({ failureThreshold: 1, coolDownMs: 1_000, maxCoolDownMs: 3_000 });
    breaker.failure(fail, 0);
    expect(breaker.retryAt()).toBe(1_000);
    expect(breaker.tryAcquire(1_000)).toBe(true);
    breaker.failure(fail, 1_000);
    expect(breaker.retryAt()).toBe(3_000);
    expect(breaker.tryAcquire(3_000)).toBe(true);
    breaker.failure(fail, 3_000);
    expect(breaker.retryAt()).toBe(6_000);
  });
});

describe('retry policy', () => {
  const failure = (status: 'network' | 'rate-limited' | 'blocked' | 'not-found', httpStatus: number, retryAfterMs?: number): FetchJsonResult => ({ ok: false, status, detail: 'x', httpStatus, retryAfterMs });

  it('backs off exponentially with jitter, capped', () => {
    expect([0, 1, 2].map((a) => backoffDelay(a, DEFAULT_RETRY, () => 0))).toEqual([500, 1000, 2000]);
    expect([0, 1, 2].map((a) => backoffDelay(a, DEFAULT_RETRY, () => 1))).toEqual([1000, 2000, 4000]);
    expect(backoffDelay(20, DEFAULT_RETRY, () => 1)).toBe(30_000);
  });

  it('retries transient failures a bounded number of times, honours Retry-After up to a cap, never retries walls', () => {
    const r = () => 0.5;
    expect(decideRetry(failure('network', 503), 0, DEFAULT_RETRY, r)).toEqual({ retry: true, delayMs: 750 });
    expect(decideRetry(failure('network', 503), 2, DEFAULT_RETRY, r)).toEqual({ retry: false });
    expect(decideRetry(failure('rate-limited', 429, 7_000), 0, DEFAULT_RETRY, r)).toEqual({ retry: true, delayMs: 7_000 });
    expect(decideRetry(failure('rate-limited', 429, 600_000), 0, DEFAULT_RETRY, r)).toEqual({ retry: false });
    expect(decideRetry(failure('rate-limited', 430), 0, DEFAULT_RETRY, r)).toEqual({ retry: false });
    expect(decideRetry(failure('blocked', 403), 0, DEFAULT_RETRY, r)).toEqual({ retry: false });
    expect(decideRetry(failure('not-found', 404), 0, DEFAULT_RETRY, r)).toEqual({ retry: false });
  });
});

describe('resolver under a struggling store', () => {
  it('retries 5xx with growing waits and succeeds', async () => {
    const store = fakeStores({ [`${DEMO}/products/ratio-eight.js`]: (_, hit) => (hit < 3 ? page(503) : json(RATIO_JS)), [`${DEMO}/cart.js`]: () => cart('USD') });
    const made = makeResolver(store.fetch);
    dbs.push(made.db);
    expect(await made.resolver.resolve(ref('ratio-eight'))).toMatchObject({ status: 'ok' });
    expect(store.count(`${DEMO}/products/`)).toBe(3);
    expect(made.resolver.stats().retries).toBe(2);
    // Backoff waits (random 0.5: 750, 1500), each also ≥ the host's 500 ms spacing.
    expect(made.clock.waits.filter((w) => w > 500)).toEqual([750, 1500]);
  });

  it('waits Retry-After on 429, then retries; a long Retry-After ends rate-limited and is cached that long', async () => {
    const store = fakeStores({
      [`${DEMO}/products/a.js`]: (_, hit) => (hit === 1 ? json({ errors: 'Too Many Requests' }, { status: 429, headers: { 'retry-after': '7' } }) : json(RATIO_JS)),
      [`${DEMO}/products/b.js`]: () => json({ errors: 'Too Many Requests' }, { status: 429, headers: { 'retry-after': '3600' } }),
      [`${DEMO}/cart.js`]: () => cart('USD'),
    });
    const made = makeResolver(store.fetch);
    dbs.push(made.db);
    const before = made.clock.t;
    expect(await made.resolver.resolve(ref('a'))).toMatchObject({ status: 'ok' });
    expect(made.clock.waits).toContain(7_000);
    expect(made.clock.t - before).toBeGreaterThanOrEqual(7_000);
    const limited = await made.resolver.resolve(ref('b'));
    expect(limited).toMatchObject({ status: 'rate-limited' });
    expect(limited.expiresAt - limited.fetchedAt).toBe(3_600_000);
    expect(store.count(`${DEMO}/products/b.js`)).toBe(1);
  });

  it('opens the breaker after repeated failures, answers without the network while open, then tries once (half-open)', async () => {
    let healthy = false;
    const store = fakeStores({
      [`${DEMO}/products/ratio-eight.js`]: () => (healthy ? json(RATIO_JS) : page(502)),
      [`${DEMO}/products/other.js`]: () => (healthy ? json(RATIO_JS) : page(502)),
      [`${DEMO}/cart.js`]: () => cart('USD'),
    });
    const made = makeResolver(store.fetch, { breaker: { failureThreshold: 3, coolDownMs: 60_000, maxCoolDownMs: 600_000 } });
    dbs.push(made.db);
    const first = await made.resolver.resolve(ref('ratio-eight'));
    expect(first).toMatchObject({ status: 'network' });
    expect(store.log).toHaveLength(3); // 1 try + 2 retries, then the breaker is open
    const rested = await made.resolver.resolve(ref('other'));
    expect(rested.status).toBe('network');
    expect(rested.detail).toMatch(/leaves it alone until/);
    expect(store.log).toHaveLength(3);
    expect(made.resolver.stats().restingAnswers).toBe(1);
    made.clock.t += 60_000;
    healthy = true;
    expect(await made.resolver.resolve(ref('other'))).toMatchObject({ status: 'ok' });
    expect(store.log).toHaveLength(5); // the trial, then the currency
  });

  it('gives up on a store that never answers after the timeout, as a network failure', async () => {
    const store = fakeStores({ [`${DEMO}/products/slow.js`]: () => new Promise<Response>(() => {}) });
    const made = makeResolver(store.fetch, { timeoutMs: 20 });
    dbs.push(made.db);
    const row = await made.resolver.resolve(ref('slow'));
    expect(row).toMatchObject({ status: 'network', detail: 'no answer within 20 ms' });
    expect(row.expiresAt - row.fetchedAt).toBe(60_000);
  });
});
