/**
 * The browser events of the data features, registered synchronously when the background
 * starts (an MV3 worker or Firefox event page is woken by an event only if its listener was
 * added in the first turn): the price-watch and retention alarms, start-up and install,
 * permissions granted or revoked, and a click on a price-watch notification.
 */
import { browser } from 'wxt/browser';
import type { ScrollCartDb } from '../db';
import type { Handlers } from '../messages';
import type { ProductRow } from '../model';
import { parseProductRef, productPageUrl, type ProductRef } from '../shopify/product-url';
import { forgetHostAccess, hostsInSightings, knownStoreHosts, productRefsOfHosts, resolveRefs } from './host-access';
import { productKeyOfNotice } from './notice-text';
import { hostsCovered } from './origins';

export const PRICE_WATCH_ALARM = 'scrollcart:price-watch';
export const RETENTION_ALARM = 'scrollcart:retention';

/** Every 30 minutes a small batch: each saved product comes round about every 6 h (price-watch.ts). */
const ALARMS: Record<string, number> = { [PRICE_WATCH_ALARM]: 30, [RETENTION_ALARM]: 24 * 60 };

export interface DataEventDeps {
  db: ScrollCartDb;
  handlers: Pick<Handlers, 'data/price-watch-run' | 'data/apply-retention'>;
  resolve: (ref: ProductRef) => Promise<ProductRow>;
  canFetchHost: (host: string) => Promise<boolean>;
}

const report = (what: string) => (error: unknown) => console.warn(`ScrollCart: ${what} failed`, error);

/**
 * Alarms persist across worker restarts but not always across browser restarts or updates
 * (developer.chrome.com, chrome.alarms): make sure both exist at every start.
 */
async function ensureAlarms(): Promise<void> {
  for (const [name, periodInMinutes] of Object.entries(ALARMS)) {
    if (!(await browser.alarms.get(name))) await browser.alarms.create(name, { periodInMinutes, delayInMinutes: 1 });
  }
}

export function installDataEvents(deps: DataEventDeps): void {
  const retention = () => void deps.handlers['data/apply-retention']({}, {}).catch(report('retention'));

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === PRICE_WATCH_ALARM) void deps.handlers['data/price-watch-run']({}, {}).catch(report('price watch'));
    if (alarm.name === RETENTION_ALARM) retention();
  });
  browser.runtime.onStartup.addListener(retention);
  browser.runtime.onInstalled.addListener(retention);
  void ensureAlarms().catch(report('alarm set-up'));

  // A grant from anywhere (our page, the browser's site-access menu, Firefox's add-on manager): look up what waited for it.
  browser.permissions.onAdded.addListener(({ origins = [] }) => {
    void (async () => {
      const hosts = hostsCovered(origins, (await hostsInSightings(deps.db)).map((h) => h.host));
      const allowed = (await Promise.all(hosts.map(async (host) => ((await deps.canFetchHost(host)) ? host : null)))).filter((h): h is string => h !== null);
      await resolveRefs(await productRefsOfHosts(deps.db, allowed), deps.resolve);
    })().catch(report('lookups after a grant'));
  });
  // A revocation: hosts no longer readable go back to "Allow lookups on …" (another grant may still cover some).
  browser.permissions.onRemoved.addListener(({ origins = [] }) => {
    void (async () => {
      const hosts = hostsCovered(origins, await knownStoreHosts(deps.db));
      const lost = (await Promise.all(hosts.map(async (host) => ((await deps.canFetchHost(host)) ? null : host)))).filter((h): h is string => h !== null);
      await forgetHostAccess(deps.db, lost);
    })().catch(report('forgetting a revoked store'));
  });

  // A price-watch notification opens the product's page on its store (a tab, not a fetch).
  browser.notifications.onClicked.addListener((id) => {
    const key = productKeyOfNotice(id);
    if (!key) return;
    void (async () => {
      const row = await deps.db.products.get(key as ProductRow['key']);
      const ref = row && parseProductRef({ kind: 'product', host: row.host, handle: row.handle, localePrefix: row.localePrefix, variantId: null });
      if (ref) await browser.tabs.create({ url: productPageUrl(ref) });
      await browser.notifications.clear(id);
    })().catch(report('opening a notified product'));
  });
}
