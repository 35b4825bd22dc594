/**
 * The browser services the data features need beyond the database: a cache-skipping resolve,
 * permission checks, tabs, notifications and storage. The background builds them from the
 * real APIs; unit tests pass fakes (WXT's fake browser has no `permissions`).
 */
import { browser } from 'wxt/browser';
import type { ProductRow } from '../model';
import type { ProductRef } from '../shopify/product-url';
import type { Translate } from './notice-text';

export interface Notice {
  title: string;
  message: string;
}

export interface DataServices {
  /** Re-reads a product from its store, skipping the cache (still rate-limited and breaker-guarded). */
  refresh(ref: ProductRef): Promise<ProductRow>;
  /** Does the browser grant all of these origin patterns right now? */
  hasOrigins(origins: string[]): Promise<boolean>;
  /** Opens one of our pages (`/permissions.html?…`) in a new tab. */
  openExtensionTab(path: string): Promise<void>;
  /** Shows (or replaces: same id) a system notification. */
  notify(id: string, notice: Notice): Promise<void>;
  /** Closes every notification we show: they name products. */
  clearNotifications(): Promise<void>;
  /** Empties storage.local (settings return to their defaults) and storage.session. */
  clearStorage(): Promise<void>;
  /** The i18n catalogue (the background may not import components/i18n.ts) and the UI language. */
  translate: Translate;
  uiLanguage(): string;
}

/**
 * A 16×16 PNG of ScrollCart's accent colour: Chrome refuses a notification without `iconUrl`,
 * and a data URL needs no icon file in the package (developer.chrome.com, notifications API).
 */
const ICON =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAFklEQVR42mN4ZhVLEmIY1TCqYfhqAAAWSH0QUpQh8AAAAABJRU5ErkJggg==';

export function browserDataServices(refresh: DataServices['refresh']): DataServices {
  return {
    refresh,
    hasOrigins: (origins) => browser.permissions.contains({ origins }),
    openExtensionTab: async (path) => void (await browser.tabs.create({ url: browser.runtime.getURL(path as '/permissions.html') })),
    notify: async (id, notice) => void (await browser.notifications.create(id, { type: 'basic', iconUrl: ICON, title: notice.title, message: notice.message })),
    async clearNotifications() {
      const shown = await browser.notifications.getAll();
      await Promise.all(Object.keys(shown).map((id) => browser.notifications.clear(id)));
    },
    async clearStorage() {
      await browser.storage.local.clear();
      // storage.session is MV3-only and absent in some Firefox builds' background pages.
      await browser.storage.session?.clear();
    },
    translate: (key, substitutions) => browser.i18n.getMessage(key, substitutions) || key,
    uiLanguage: () => browser.i18n.getUILanguage(),
  };
}
