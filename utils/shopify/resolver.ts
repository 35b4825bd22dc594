/**
 * The resolver (DESIGN.md § Resolve): a product ref in, a `products` row out, cheaply.
 *  - A fresh row (TTL per status, utils/shopify/freshness.ts) answers with no network.
 *  - Concurrent resolves of one product share one in-flight lookup.
 *  - Every request goes through the host's breaker, limiter and retry policy (store-client.ts).
 *  - While a host's breaker is open, the last known row (or the failure) answers, unwritten.
 *  - Rows are written in a transaction; a failure never erases the last good data, and a
 *    success extends the price history.
 * The resolver writes the row itself: callers read the returned row, they don't `put` it.
 */
import type { ScrollCartDb } from '../db';
import type { ProductKey, ProductRow } from '../model';
import { createCurrencyResolver } from './currency';
import { DEFAULT_FRESHNESS, expiryFor, type FreshnessPolicy } from './freshness';
import { createPlatformProbe } from './platform-probe';
import { withPriceHistory } from './price-history';
import { lookupFresh, type LookupResult } from './product-lookup';
import { emptyRow, failedRow, okRow } from './product-row';
import { productKeyOf, type ProductRef } from './product-url';
import { DEFAULT_RETRY } from './retry-policy';
import { createStoreClient, type ClientStats } from './store-client';
import { checkStoreHost } from './store-host-guard';

export interface ResolverDeps {
  db: ScrollCartDb;
  fetch: typeof fetch;
  now: () => number;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** How long a successful lookup stays fresh (default 30 minutes). */
  ttlMs?: number;
  timeoutMs?: number;
  maxBytes?: number;
  perHost?: { concurrency: number; minIntervalMs: number };
  breaker?: { failureThreshold: number; coolDownMs: number; maxCoolDownMs: number };
  freshness?: Partial<FreshnessPolicy>;
}

export interface ResolverStats extends ClientStats {
  resolves: number;
  /** Answered from a fresh row, no network. */
  cacheHits: number;
  /** Joined a lookup of the same product already in flight. */
  sharedInFlight: number;
  /** Answered from the last known row because the host's breaker was open. */
  restingAnswers: number;
}

export interface Resolver {
  /** Never rejects for a store's fault: every outcome is a row with a typed `status`. */
  resolve(ref: ProductRef, opts?: { force?: boolean }): Promise<ProductRow>;
  stats(): ResolverStats;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createResolver(deps: ResolverDeps): Resolver {
  const { db, now } = deps;
  const freshness: FreshnessPolicy = { ...DEFAULT_FRESHNESS, ...deps.freshness, ...(deps.ttlMs !== undefined ? { okMs: deps.ttlMs } : {}) };
  const client = createStoreClient({
    // 8 s: a store that never answers costs 3 attempts and their backoff (DEFAULT_RETRY), at most
    // 27 s, inside the 30 s a Firefox event page stays up with no event; at 10 s the page was
    // stopped mid-lookup and the job ran a second round.
    fetch: { fetch: deps.fetch, timeoutMs: deps.timeoutMs ?? 8_000, maxBytes: deps.maxBytes ?? 2_000_000, now },
    now,
    sleep: deps.sleep ?? defaultSleep,
    random: deps.random ?? Math.random,
    limiter: deps.perHost ?? { concurrency: 2, minIntervalMs: 500 },
    breaker: deps.breaker ?? { failureThreshold: 5, coolDownMs: 30_000, maxCoolDownMs: 10 * 60_000 },
    retry: DEFAULT_RETRY,
  });
  const probe = createPlatformProbe({ db, client, now, freshness });
  const currencyOf = createCurrencyResolver({ db, client, probe, now, freshness });
  /** `force`: the lookup skips the cache, so it is sure to reach the store (unless the breaker rests). */
  const inFlight = new Map<string, { row: Promise<ProductRow>; force: boolean }>();
  const counts = { resolves: 0, cacheHits: 0, sharedInFlight: 0, restingAnswers: 0 };

  async function write(ref: ProductRef, result: LookupResult): Promise<ProductRow> {
    const at = now();
    const key = productKeyOf(ref) as ProductKey;
    return db.transaction('rw', db.products, async () => {
      const previous = await db.products.get(key);
      const row = result.ok
        ? withPriceHistory(
            previous,
            okRow(result.product, { key, host: ref.host, localePrefix: ref.localePrefix, currency: result.currency, currencySource: result.currencySource, storeName: result.storeName, fetchedAt: at, expiresAt: expiryFor('ok', at, freshness) }),
          )
        : failedRow(previous, ref, result, at, expiryFor(result.status, at, freshness, result.retryAfterMs));
      await db.products.put(row);
      return row;
    });
  }

  async function lookup(ref: ProductRef, force: boolean): Promise<ProductRow> {
    const key = productKeyOf(ref) as ProductKey;
    const previous = await db.products.get(key);
    if (!force && previous && previous.localePrefix === ref.localePrefix && now() < previous.expiresAt) {
      counts.cacheHits += 1;
      return previous;
    }
    const store = await db.stores.get(ref.host);
    if (store?.platform === 'other' && store.platformCheckedAt !== null && now() < store.platformCheckedAt + freshness.notShopifyMs) {
      return write(ref, { ok: false, status: 'not-shopify', detail: `${ref.host} is not a Shopify store` });
    }
    const resting = client.resting(ref.host);
    if (resting) {
      counts.restingAnswers += 1;
      return previous ?? emptyRow(ref, resting.status.status, resting.status.detail, now(), resting.until);
    }
    // A forced read (the price watch) re-reads the currency too; otherwise one read within a product's TTL serves the store's products.
    const maxAgeMs = force ? 0 : freshness.okMs;
    return write(ref, await lookupFresh(ref, { client, probe, currencyOf: (host, prefix) => currencyOf(host, prefix, maxAgeMs) }));
  }

  async function resolve(ref: ProductRef, opts: { force?: boolean } = {}): Promise<ProductRow> {
    counts.resolves += 1;
    // Defence in depth: a ref that did not come from identifyProduct can't name a private host.
    const host = checkStoreHost(ref.host);
    if (!host.ok) return emptyRow(ref, 'blocked', `ScrollCart never contacts this address: ${host.detail}`, now());
    const force = opts.force ?? false;
    const flightKey = `${productKeyOf(ref)}\n${ref.localePrefix}`;
    const pending = inFlight.get(flightKey);
    if (pending && (pending.force || !force)) {
      counts.sharedInFlight += 1;
      return pending.row;
    }
    if (pending) {
      // A forced resolve can't simply join a plain one: that may be answering from the cache.
      // Its row will do if it came from the store after this was asked; else look again.
      const askedAt = now();
      counts.sharedInFlight += 1;
      const row = await pending.row;
      return row.fetchedAt >= askedAt ? row : resolve(ref, opts);
    }
    const started = lookup(ref, force).finally(() => inFlight.delete(flightKey));
    inFlight.set(flightKey, { row: started, force });
    return started;
  }

  return {
    resolve,
    stats: () => ({ ...client.stats(), ...counts }),
  };
}
