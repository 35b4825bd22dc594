/**
 * Every request ScrollCart sends to a store goes through here: the host's circuit breaker,
 * then its limiter, then the guarded fetch, then the retry policy. It also counts what it
 * sends, so "50 ads of one product cost one request" is something a test can read.
 */
import { createHostBreaker, type BreakerOptions } from './breaker';
import { fetchStoreJson, type FetchDeps, type FetchJsonResult } from './fetch-json';
import { createHostLimiter, type LimiterOptions } from './limiter';
import { perKey } from './per-key';
import { decideRetry, isHostFailure, type RetryPolicy } from './retry-policy';

export type RequestKind = 'product' | 'currency' | 'probe';

export interface ClientStats {
  requests: number;
  requestsByHost: Record<string, number>;
  requestsByKind: Record<RequestKind, number>;
  retries: number;
  /** Requests not sent because the host's breaker was open. */
  breakerRejections: number;
}

export interface StoreClientDeps {
  fetch: FetchDeps;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  limiter: Omit<LimiterOptions, 'now' | 'sleep'>;
  breaker: BreakerOptions;
  retry: RetryPolicy;
}

export interface StoreClient {
  get(kind: RequestKind, host: string, url: string): Promise<FetchJsonResult>;
  /** Is the host's breaker open right now (no request would go)? */
  resting(host: string): { status: FetchJsonResult & { ok: false }; until: number } | null;
  stats(): ClientStats;
}

export function createStoreClient(deps: StoreClientDeps): StoreClient {
  const limiterOf = perKey(() => createHostLimiter({ ...deps.limiter, now: deps.now, sleep: deps.sleep }));
  const breakerOf = perKey(() => createHostBreaker(deps.breaker));
  const stats: ClientStats = { requests: 0, requestsByHost: {}, requestsByKind: { product: 0, currency: 0, probe: 0 }, retries: 0, breakerRejections: 0 };

  const restingAnswer = (host: string) => {
    const breaker = breakerOf(host);
    const last = breaker.lastFailure();
    const until = new Date(breaker.retryAt()).toISOString();
    return {
      status: { ok: false as const, status: last?.status === 'rate-limited' || last?.status === 'blocked' ? last.status : ('network' as const), detail: `the store failed repeatedly (${last?.detail ?? 'no answer'}); ScrollCart leaves it alone until ${until}` },
      until: breaker.retryAt(),
    };
  };

  async function send(kind: RequestKind, host: string, url: string): Promise<FetchJsonResult> {
    stats.requests += 1;
    stats.requestsByHost[host] = (stats.requestsByHost[host] ?? 0) + 1;
    stats.requestsByKind[kind] += 1;
    return fetchStoreJson(url, deps.fetch);
  }

  return {
    async get(kind, host, url) {
      const breaker = breakerOf(host);
      const limiter = limiterOf(host);
      for (let attempt = 0; ; attempt += 1) {
        if (!breaker.tryAcquire(deps.now())) {
          stats.breakerRejections += 1;
          return restingAnswer(host).status;
        }
        // A currency or platform read completes a product read already answered: it goes ahead of
        // product reads that start new lookups, so the first row is written after a few reads,
        // not after every one queued (seven product reads ≥ 500 ms apart: ~4 s, longer than some
        // workers live).
        const result = await limiter.run(() => send(kind, host, url), { ahead: kind !== 'product' });
        if (isHostFailure(result) && !result.ok) breaker.failure({ status: result.status, detail: result.detail }, deps.now());
        else breaker.success();
        if (!result.ok && result.status === 'rate-limited' && result.retryAfterMs !== undefined) limiter.pauseUntil(deps.now() + result.retryAfterMs);
        const decision = decideRetry(result, attempt, deps.retry, deps.random);
        if (!decision.retry) return result;
        stats.retries += 1;
        await deps.sleep(decision.delayMs);
      }
    },
    resting(host) {
      return breakerOf(host).state(deps.now()) === 'open' ? restingAnswer(host) : null;
    },
    stats: () => structuredClone(stats),
  };
}
