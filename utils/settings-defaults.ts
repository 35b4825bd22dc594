/**
 * The settings' storage key, defaults and limits as plain values: settings-schema.ts builds
 * the zod schema from them, and the content script reads the two fields it needs with them
 * without bundling zod (utils/feed/settings-watch.ts, docs/performance.md).
 */
import type { Settings } from './settings-schema';

/** Their key in `storage.local` (WXT's `local:settings` item stores the value under it as is). */
export const SETTINGS_KEY = 'settings';

export const SETTINGS_LIMITS = { host: 253, pausedSites: 100, myStores: 50 } as const;

export const DEFAULT_SETTINGS: Settings = {
  priceDropNotifications: false,
  priceDropThresholdPercent: 5,
  forwardUtm: true,
  checkoutLanding: 'checkout',
  historyRetentionDays: 365,
  showNonShopChips: true,
  pausedSites: [],
  myStores: [],
};
