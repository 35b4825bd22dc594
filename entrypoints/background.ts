import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { createHandlers } from '@/utils/background-handlers';
import { openDb } from '@/utils/db';
import { createRuntimeListener } from '@/utils/messages';
import { isPublicStoreHost } from '@/utils/shopify/product-url';

export default defineBackground(() => {
  const db = openDb();
  const handlers = createHandlers({
    db,
    version: browser.runtime.getManifest().version,
    now: Date.now,
    fetch: { fetch: (input, init) => fetch(input, init), timeoutMs: 10_000, maxBytes: 2_000_000 },
    canFetchHost: async (host) => isPublicStoreHost(host) && browser.permissions.contains({ origins: [`https://${host}/*`] }),
  });
  const self = { id: browser.runtime.id, origin: browser.runtime.getURL('/') };

  browser.runtime.onMessage.addListener(createRuntimeListener(handlers, self));
});
