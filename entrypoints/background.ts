import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { listenForSnapshotTriggers } from '@/utils/audit/triggers';
import { createHandlers } from '@/utils/background-handlers';
import { installDataEvents } from '@/utils/data/background-events';
import { browserDataServices } from '@/utils/data/services';
import { ensureDbOpen, openDb } from '@/utils/db';
import { createRuntimeListener } from '@/utils/messages';
import { installMissedAdMenu } from '@/utils/missed-ad-menu';
import { resolveDurably, resumeLookups } from '@/utils/shopify/lookup-jobs';
import { isPublicStoreHost, type ProductRef } from '@/utils/shopify/product-url';
import { readSettings } from '@/utils/settings';
import { createResolver } from '@/utils/shopify/resolver';

export default defineBackground(() => {
  const db = openDb();
  const resolver = createResolver({ db, fetch: (input, init) => fetch(input, init), now: Date.now });
  const canFetchHost = async (host: string) => isPublicStoreHost(host) && browser.permissions.contains({ origins: [`https://${host}/*`] });
  const resolve = (ref: ProductRef) => resolveDurably(db, resolver, ref, Date.now());
  const handlers = createHandlers({
    db,
    version: browser.runtime.getManifest().version,
    now: Date.now,
    // Persisted before it starts, so a worker killed mid-lookup resumes it on start-up.
    resolve,
    settings: readSettings,
    canFetchHost,
    // The price watch re-reads saved products past the cache (still rate-limited and breaker-guarded).
    data: browserDataServices((ref) => resolver.resolve(ref, { force: true })),
  });
  const self = { id: browser.runtime.id, origin: browser.runtime.getURL('/') };

  browser.runtime.onMessage.addListener(createRuntimeListener(handlers, self));
  // A failed upgrade leaves the old version intact; the next message retries it (ensureDbOpen).
  void ensureDbOpen(db)
    .then(() => resumeLookups(db, resolver, Date.now()))
    .catch((error: unknown) => console.warn('ScrollCart: lookups not resumed', error));
  installDataEvents({ db, handlers, resolve, canFetchHost });
  installMissedAdMenu();
  // The merchant's snapshot shortcut and the toolbar button's menu (issue 6).
  listenForSnapshotTriggers(db);
});
