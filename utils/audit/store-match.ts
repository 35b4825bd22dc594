/**
 * Which ads belong to a merchant's store: an ad is the store's when its product key's host or
 * its landing page's host is one of the store's hosts. A store answers on its own domain and
 * on its myshopify.com name (research §1.3), so both count, as the `stores` table links them.
 */
import type { SightingRow, StoreRow } from '../model';
import { unwrapLandingUrl } from '../tiktok/links';

/** `Shop.Example.com`, `https://shop.example.com/x` → `shop.example.com`; null when it is no host name. */
export function normaliseHost(input: string): string | null {
  const text = input.trim().toLowerCase();
  if (!text || text.length > 253) return null;
  try {
    const host = new URL(/^[a-z][a-z0-9+.-]*:\/\//.test(text) ? text : `https://${text}`).hostname;
    return /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(host) ? host : null;
  } catch {
    return null;
  }
}

/** The host and its aliases known from the `stores` table (custom domain ↔ myshopify.com name). */
export function hostsOfStore(host: string, stores: readonly Pick<StoreRow, 'host' | 'myshopifyDomain'>[]): Set<string> {
  const hosts = new Set([host]);
  for (const store of stores) {
    if (store.host === host && store.myshopifyDomain) hosts.add(store.myshopifyDomain);
    if (store.myshopifyDomain === host) hosts.add(store.host);
  }
  return hosts;
}

/** The hosts an ad points at: its product's store and its landing page's host. */
export function hostsOfSighting(sighting: Pick<SightingRow, 'productKey' | 'landingUrl' | 'landingUrlRaw'>): string[] {
  const hosts = new Set<string>();
  if (sighting.productKey) hosts.add(sighting.productKey.split('/')[0]!);
  const url = sighting.landingUrl || unwrapLandingUrl(sighting.landingUrlRaw)?.url;
  if (url) {
    try {
      hosts.add(new URL(url).hostname);
    } catch {
      // a row without a readable URL is matched by its product key alone
    }
  }
  return [...hosts];
}

export function belongsTo(sighting: Pick<SightingRow, 'productKey' | 'landingUrl' | 'landingUrlRaw'>, hosts: ReadonlySet<string>): boolean {
  return hostsOfSighting(sighting).some((h) => hosts.has(h));
}

const isTikTok = (host: string): boolean => host === 'tiktok.com' || host.endsWith('.tiktok.com');

/** Hosts seen in ads, most ads first: what the merchant picks their stores from. */
export function seenHosts(sightings: readonly SightingRow[]): { host: string; ads: number }[] {
  const counts = new Map<string, number>();
  for (const s of sightings) for (const host of hostsOfSighting(s)) if (!isTikTok(host)) counts.set(host, (counts.get(host) ?? 0) + 1);
  return [...counts].map(([host, ads]) => ({ host, ads })).sort((a, b) => b.ads - a.ads || a.host.localeCompare(b.host));
}
