/**
 * Which host permission a store needs, and which stores a granted or removed origin
 * pattern covers (DESIGN.md § Permissions). Pure: the browser's permission API is called by
 * the permission page and the background, with the origins decided here.
 */
import { checkStoreHost } from '../shopify/store-host-guard';

/** Granted at install in Chrome; in Firefox the user may withhold or revoke it. */
export const MYSHOPIFY_ORIGIN = 'https://*.myshopify.com/*';
/** The manifest's optional host permission: every shop linked from an ad, asked once. */
export const EVERY_SHOP_ORIGIN = 'https://*/*';

/** What the shopper allows: one store, or every shop linked from ads. */
export type AccessScope = 'store' | 'every-shop';

export function isMyshopifyHost(host: string): boolean {
  return host.endsWith('.myshopify.com');
}

/** The origin pattern to request for `host`: a myshopify.com store asks for the declared `*.myshopify.com` pattern. */
export function originForHost(host: string): string {
  return isMyshopifyHost(host) ? MYSHOPIFY_ORIGIN : `https://${host}/*`;
}

/** The origins to request for `host` and `scope`, or null when `host` is no store ScrollCart would ever contact. */
export function originsToRequest(host: string, scope: AccessScope): string[] | null {
  if (!checkStoreHost(host).ok) return null;
  // `https://*/*` covers *.myshopify.com too, so one prompt is enough either way.
  return [scope === 'every-shop' ? EVERY_SHOP_ORIGIN : originForHost(host)];
}

/**
 * Does an https origin pattern (`https://host/*`, `https://*.suffix/*`, `https://*` + `/*`,
 * `<all_urls>`, `*://…`) cover `host`? Only the host part matters: ScrollCart fetches
 * https only and the path is always one it builds.
 */
export function patternCoversHost(pattern: string, host: string): boolean {
  if (pattern === '<all_urls>') return true;
  const match = /^(https|\*):\/\/([^/]+)\/.*$/.exec(pattern);
  if (!match) return false;
  const patternHost = match[2]!.toLowerCase();
  if (patternHost === '*') return true;
  if (patternHost.startsWith('*.')) {
    const suffix = patternHost.slice(2);
    return host === suffix || host.endsWith(`.${suffix}`);
  }
  return patternHost === host;
}

/** The hosts among `hosts` that any of `patterns` covers, in their order, each once. */
export function hostsCovered(patterns: readonly string[], hosts: Iterable<string>): string[] {
  return [...new Set(hosts)].filter((host) => patterns.some((pattern) => patternCoversHost(pattern, host)));
}

/** The host of a product key (`host/handle`). */
export function hostOfProductKey(key: string): string {
  return key.slice(0, Math.max(0, key.indexOf('/')));
}

/** The permission page for one store (or, without a host, for every store awaiting permission). */
export function permissionPagePath(host?: string): string {
  return host ? `/permissions.html?host=${encodeURIComponent(host)}` : '/permissions.html';
}
