/**
 * Is this custom domain a Shopify storefront? One `GET /meta.json` per host, cached in the
 * `stores` table (research §1.3: JSON naming a `*.myshopify.com` domain, or Shopify's origin
 * headers). A site that answers a web page or a plain 404 is `other`, and every product on it
 * then answers `not-shopify` without touching the network until the answer expires.
 * A bot wall or a network failure decides nothing (`unknown`) and is not cached.
 */
import type { ScrollCartDb } from '../db';
import type { StoreRow } from '../model';
import type { FetchJsonResult } from './fetch-json';
import type { FreshnessPolicy } from './freshness';
import { metaEndpoint } from './product-url';
import type { StoreClient } from './store-client';
import { isMyshopifyHost, updateStore } from './store-records';
import { ShopMeta } from './store-schema';

export type Platform = StoreRow['platform'];

export interface PlatformProbe {
  /** Cached answer when fresh, else one probe (shared by concurrent callers). */
  platformOf(host: string): Promise<Platform>;
  /** The store row after reading `/meta.json` (for its name and base currency), cached like the platform. */
  meta(host: string): Promise<StoreRow | null>;
  /** Record that a host answered as Shopify (a valid product body), sparing a probe later. */
  confirmShopify(host: string): Promise<void>;
}

export interface ProbeDeps {
  db: ScrollCartDb;
  client: StoreClient;
  now: () => number;
  freshness: FreshnessPolicy;
}

function classify(result: FetchJsonResult): { platform: Platform; meta?: ShopMeta } {
  if (result.ok) {
    const meta = ShopMeta.safeParse(result.json);
    if (meta.success) return { platform: 'shopify', meta: meta.data };
    return { platform: result.shopifyOrigin ? 'shopify' : 'other' };
  }
  if (result.shopifyOrigin || result.status === 'password-protected') return { platform: 'shopify' };
  if (result.status === 'network' || result.status === 'rate-limited') return { platform: 'unknown' };
  // A web page instead of data, or a 404, from a server without Shopify's headers; a 403 may be a wall.
  if (result.status === 'blocked' && !result.html) return { platform: 'unknown' };
  return { platform: 'other' };
}

export function createPlatformProbe(deps: ProbeDeps): PlatformProbe {
  const inFlight = new Map<string, Promise<StoreRow | null>>();

  const isFresh = (row: StoreRow | undefined): row is StoreRow => {
    if (!row || row.platformCheckedAt === null || row.platform === 'unknown') return false;
    const ttl = row.platform === 'shopify' ? deps.freshness.shopifyMs : deps.freshness.notShopifyMs;
    return deps.now() < row.platformCheckedAt + ttl;
  };

  async function probe(host: string): Promise<StoreRow | null> {
    const result = await deps.client.get('probe', host, metaEndpoint(host));
    const { platform, meta } = classify(result);
    if (platform === 'unknown') return null;
    return updateStore(deps.db, host, deps.now(), (row) => ({
      ...row,
      platform,
      platformCheckedAt: deps.now(),
      name: meta?.name ?? row.name,
      baseCurrency: meta?.currency ?? row.baseCurrency,
      myshopifyDomain: meta?.myshopify_domain ?? row.myshopifyDomain,
    }));
  }

  function shared(host: string): Promise<StoreRow | null> {
    let pending = inFlight.get(host);
    if (!pending) {
      pending = probe(host).finally(() => inFlight.delete(host));
      inFlight.set(host, pending);
    }
    return pending;
  }

  return {
    async platformOf(host) {
      if (isMyshopifyHost(host)) return 'shopify';
      const row = await deps.db.stores.get(host);
      if (isFresh(row)) return row.platform;
      return (await shared(host))?.platform ?? 'unknown';
    },
    async meta(host) {
      const row = await deps.db.stores.get(host);
      // A row confirmed by a product body alone has no meta data yet.
      if (isFresh(row) && row.myshopifyDomain !== null) return row;
      return shared(host);
    },
    async confirmShopify(host) {
      if (isMyshopifyHost(host)) return;
      const row = await deps.db.stores.get(host);
      if (row?.platform === 'shopify' && isFresh(row)) return;
      await updateStore(deps.db, host, deps.now(), (r) => ({ ...r, platform: 'shopify', platformCheckedAt: deps.now() }));
    },
  };
}
