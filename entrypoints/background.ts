import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { createHandlers } from '@/utils/background-handlers';
import { openDb } from '@/utils/db';
import { createRuntimeListener } from '@/utils/messages';
import { installMissedAdMenu } from '@/utils/missed-ad-menu';
import { resolveDurably, resumeLookups } from '@/utils/shopify/lookup-jobs';
import { isPublicStoreHost } from '@/utils/shopify/product-url';
import { readSettings } from '@/utils/settings';
import { createResolver } from '@/utils/shopify/resolver';

export default defineBackground(() => {
  const db = openDb();
  const resolver = createResolver({ db, fetch: (input, init) => fetch(input, init), now: Date.now });
  const handlers = createHandlers({
    db,
    version: browser.runtime.getManifest().version,
    now: Date.now,
    // Persisted before it starts, so a worker killed mid-lookup resumes it on start-up.
    resolve: (ref) => resolveDurably(db, resolver, ref, Date.now()),
    settings: readSettings,
    canFetchHost: async (host) => isPublicStoreHost(host) && browser.permissions.contains({ origins: [`https://${host}/*`] }),
  });
  const self = { id: browser.runtime.id, origin: browser.runtime.getURL('/') };

  browser.runtime.onMessage.addListener(createRuntimeListener(handlers, self));
  void resumeLookups(db, resolver, Date.now());
  installMissedAdMenu();
});
