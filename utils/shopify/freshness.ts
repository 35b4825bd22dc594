/**
 * How long an answer stays good. Successes live `okMs` (research §1.10: "cache … for
 * minutes"); failures shorter or longer by what they mean: a network blip is retried in a
 * minute, a missing product in an hour, a site that is not a Shopify store in a day.
 */
import type { LookupStatus } from '../model';

export interface FreshnessPolicy {
  okMs: number;
  /** Presentment currency per store and prefix, from `/cart.js`. */
  currencyMs: number;
  /** A currency that came only from `/meta.json` (base currency, may be wrong for the market): retried sooner. */
  baseCurrencyMs: number;
  /** A store probed as Shopify / not Shopify. */
  shopifyMs: number;
  notShopifyMs: number;
}

export const DEFAULT_FRESHNESS: FreshnessPolicy = {
  okMs: 30 * 60_000,
  currencyMs: 24 * 3_600_000,
  baseCurrencyMs: 10 * 60_000,
  shopifyMs: 30 * 24 * 3_600_000,
  notShopifyMs: 24 * 3_600_000,
};

const FAILURE_MS: Record<Exclude<LookupStatus, 'ok' | 'not-shopify' | 'rate-limited'>, number> = {
  'not-found': 3_600_000,
  'password-protected': 3_600_000,
  'invalid-response': 3_600_000,
  blocked: 15 * 60_000,
  network: 60_000,
};

/** Until when a row with this outcome answers without the network. */
export function expiryFor(status: LookupStatus, now: number, policy: FreshnessPolicy, retryAfterMs?: number): number {
  if (status === 'ok') return now + policy.okMs;
  if (status === 'not-shopify') return now + policy.notShopifyMs;
  if (status === 'rate-limited') return now + Math.max(retryAfterMs ?? 0, 60_000);
  return now + FAILURE_MS[status];
}
