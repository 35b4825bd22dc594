/**
 * Per-site pause of the product cards (settings.pausedSites). Pure, shared by the content
 * script (which reads it on every decision, so a change from the popup applies at once) and
 * the popup (which offers the sites the content script runs on). Sightings are still
 * recorded on a paused site: the pause hides ScrollCart's cards, not the merchant's audit.
 */

/** Where the overlay runs first: the feed's own host. */
export const FEED_SITE = 'www.tiktok.com';

/** Host names compare case-insensitively and without the root's trailing dot (`www.TikTok.com.`). */
export function normaliseHost(host: string): string {
  return host.trim().toLowerCase().replace(/\.$/, '');
}

/** The content script's match pattern `*://*.tiktok.com/*`: tiktok.com and its subdomains, nothing else. */
export function overlayRunsOn(host: string): boolean {
  const h = normaliseHost(host);
  return h === 'tiktok.com' || h.endsWith('.tiktok.com');
}

export function isSitePaused(pausedSites: readonly string[], host: string): boolean {
  const h = normaliseHost(host);
  return pausedSites.some((site) => normaliseHost(site) === h);
}

/** The paused list with `host` paused or resumed; sorted, without duplicates. */
export function withSitePaused(pausedSites: readonly string[], host: string, paused: boolean): string[] {
  const h = normaliseHost(host);
  const rest = pausedSites.map(normaliseHost).filter((site) => site !== h);
  return [...new Set(paused ? [...rest, h] : rest)].sort();
}

/** The sites the settings offer: the feed, the tab open now if the overlay runs there, and every site already paused. */
export function pauseChoices(pausedSites: readonly string[], activeHost: string | null): string[] {
  const active = activeHost && overlayRunsOn(activeHost) ? [normaliseHost(activeHost)] : [];
  return [...new Set([FEED_SITE, ...active, ...pausedSites.map(normaliseHost)])];
}
