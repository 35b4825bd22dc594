/**
 * The ISO currency of a store's prices in one market. `.js` money names no currency;
 * `/{prefix}/cart.js`, fetched in the same (cookieless) context, gives the presentment
 * currency; `/meta.json` gives only the base currency, used as a flagged fallback
 * (research §1.5 recipe, §1.6). Cached per host and prefix in the `stores` table, so 50
 * products of one store cost one currency request.
 */
import type { ScrollCartDb } from '../db';
import type { CurrencySource, LookupStatus } from '../model';
import type { FreshnessPolicy } from './freshness';
import type { PlatformProbe } from './platform-probe';
import { cartEndpoint } from './product-url';
import type { StoreClient } from './store-client';
import { updateStore, withMarket } from './store-records';
import { CartCurrency } from './store-schema';

export type CurrencyAnswer =
  | { ok: true; currency: string; source: CurrencySource; storeName: string | null }
  | { ok: false; status: Exclude<LookupStatus, 'ok'>; detail: string };

export interface CurrencyDeps {
  db: ScrollCartDb;
  client: StoreClient;
  probe: PlatformProbe;
  now: () => number;
  freshness: FreshnessPolicy;
}

/**
 * `maxAgeMs`: how old a cached currency may be for this read. `.js` prices name no currency,
 * so the resolver asks for one read no earlier than a product's TTL (0 on a forced re-read):
 * a store that switched currency is noticed by its next product read, not a day later.
 */
export type CurrencyOf = (host: string, prefix: string, maxAgeMs?: number) => Promise<CurrencyAnswer>;

/** The store switched currency: its cached products in that market were priced in the old one, so the next resolve re-reads them. */
async function expireMarket(db: ScrollCartDb, host: string, prefix: string, now: number): Promise<void> {
  await db.products
    .where('host')
    .equals(host)
    .filter((p) => p.localePrefix === prefix && p.expiresAt > now)
    .modify({ expiresAt: now });
}

export function createCurrencyResolver(deps: CurrencyDeps): CurrencyOf {
  const inFlight = new Map<string, Promise<CurrencyAnswer>>();

  async function fetchCurrency(host: string, prefix: string): Promise<CurrencyAnswer> {
    const cart = await deps.client.get('currency', host, cartEndpoint({ host, localePrefix: prefix }));
    const parsed = cart.ok ? CartCurrency.safeParse(cart.json) : null;
    let currency = parsed?.success ? parsed.data.currency : null;
    let source: CurrencySource = 'cart';
    if (!currency) {
      const meta = await deps.probe.meta(host);
      currency = meta?.baseCurrency ?? null;
      source = 'meta';
    }
    if (!currency) {
      return cart.ok
        ? { ok: false, status: 'invalid-response', detail: 'the store did not say which currency its prices are in' }
        : { ok: false, status: cart.status, detail: `the store's currency could not be read: ${cart.detail}` };
    }
    const now = deps.now();
    const before = (await deps.db.stores.get(host))?.markets[prefix]?.currency;
    const row = await updateStore(deps.db, host, now, (r) => withMarket(r, prefix, { currency: currency, source, checkedAt: now }));
    if (before !== undefined && before !== currency) await expireMarket(deps.db, host, prefix, now);
    return { ok: true, currency, source, storeName: row.name };
  }

  return async (host, prefix, maxAgeMs = Number.POSITIVE_INFINITY) => {
    const row = await deps.db.stores.get(host);
    const market = row?.markets[prefix];
    if (market) {
      const ttl = Math.min(market.source === 'cart' ? deps.freshness.currencyMs : deps.freshness.baseCurrencyMs, maxAgeMs);
      if (deps.now() < market.checkedAt + ttl) return { ok: true, currency: market.currency, source: market.source, storeName: row?.name ?? null };
    }
    const key = `${host}${prefix}`;
    let pending = inFlight.get(key);
    if (!pending) {
      pending = fetchCurrency(host, prefix).finally(() => inFlight.delete(key));
      inFlight.set(key, pending);
    }
    return pending;
  };
}
