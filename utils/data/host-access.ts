/**
 * What the database knows about store hosts and their permission (issue 4 §6): which hosts
 * seen in ads await the shopper's permission, the lookups to run once a host is allowed,
 * and what to undo when a permission is revoked (the browser's settings, or Firefox's
 * add-on manager, can take it back at any time).
 */
import type { ScrollCartDb } from '../db';
import type { ProductRow } from '../model';
import { identifyProduct, type ProductRef } from '../shopify/product-url';
import { hostOfProductKey } from './origins';

/** At most this many lookups are started for one grant; the rest wait for their ads to show again. */
export const RESOLVE_ON_GRANT_LIMIT = 20;

export interface HostAwaiting {
  host: string;
  /** Ads seen that link to this store. */
  ads: number;
}

/** Ad counts per store host, most-seen first. */
export async function hostsInSightings(db: ScrollCartDb): Promise<HostAwaiting[]> {
  const ads = new Map<string, number>();
  await db.sightings.where('productKey').above('').each((s) => {
    const host = hostOfProductKey(s.productKey ?? '');
    if (host) ads.set(host, (ads.get(host) ?? 0) + 1);
  });
  return [...ads].map(([host, count]) => ({ host, ads: count })).sort((a, b) => b.ads - a.ads || a.host.localeCompare(b.host));
}

export async function hostsAwaitingPermission(db: ScrollCartDb, canFetchHost: (host: string) => Promise<boolean>): Promise<HostAwaiting[]> {
  const hosts = await hostsInSightings(db);
  const allowed = await Promise.all(hosts.map((h) => canFetchHost(h.host)));
  return hosts.filter((_, i) => !allowed[i]);
}

/** The distinct product refs of the ads linking to `hosts`, re-read from each ad's landing URL (never from a message). */
export async function productRefsOfHosts(db: ScrollCartDb, hosts: readonly string[], limit = RESOLVE_ON_GRANT_LIMIT): Promise<ProductRef[]> {
  const wanted = new Set(hosts);
  const refs = new Map<string, ProductRef>();
  const sightings = await db.sightings.orderBy('lastSeen').reverse().toArray();
  for (const s of sightings) {
    if (refs.size >= limit) break;
    if (!s.productKey || !wanted.has(hostOfProductKey(s.productKey))) continue;
    const ref = identifyProduct(s.landingUrl);
    if (ref.kind === 'product') refs.set(`${ref.host}/${ref.handle}${ref.localePrefix}`, ref);
  }
  return [...refs.values()];
}

/** Resolves each ref (the resolver shares and rate-limits them); returns how many ended `ok`. */
export async function resolveRefs(refs: readonly ProductRef[], resolve: (ref: ProductRef) => Promise<ProductRow>): Promise<number> {
  const rows = await Promise.all(refs.map(resolve));
  return rows.filter((row) => row.status === 'ok').length;
}

/**
 * A revoked host: its pending lookups are dropped (they could only fail now) and its product
 * rows expire, so nothing is answered from a cache the shopper no longer allows to refresh,
 * and the next grant reads them afresh. Cards show "Allow lookups on …" again because every
 * report checks the permission first. Product data already read stays, as history.
 */
export async function forgetHostAccess(db: ScrollCartDb, hosts: readonly string[]): Promise<{ jobs: number; products: number }> {
  if (hosts.length === 0) return { jobs: 0, products: 0 };
  return db.transaction('rw', db.jobs, db.products, async () => {
    const jobs = await db.jobs.filter((job) => hosts.includes(job.ref.host)).delete();
    const products = await db.products.where('host').anyOf([...hosts]).modify({ expiresAt: 0 });
    return { jobs, products };
  });
}

/** Every store host the database names: in sightings, products and pending jobs. */
export async function knownStoreHosts(db: ScrollCartDb): Promise<string[]> {
  const hosts = new Set((await hostsInSightings(db)).map((h) => h.host));
  for (const host of await db.products.orderBy('host').uniqueKeys()) hosts.add(String(host));
  await db.jobs.each((job) => hosts.add(job.ref.host));
  return [...hosts];
}
