/**
 * The user's settings: their schema, defaults and the field-by-field parse, without any
 * storage code, so the content script can read them without WXT's storage wrapper (~3 KB gzip
 * of its bundle). A hand-edited or older value falls back field by field to the defaults.
 */
import { z } from 'zod/mini';
import { DEFAULT_SETTINGS, SETTINGS_LIMITS } from './settings-defaults';

export { DEFAULT_SETTINGS, SETTINGS_KEY } from './settings-defaults';

export const Settings = z.object({
  /** Notify when a saved item's price drops (opt-in: notifications are the user's to allow). */
  priceDropNotifications: z.boolean(),
  /** Smallest drop, in percent, worth a notification. */
  priceDropThresholdPercent: z.int().check(z.gte(1), z.lte(90)),
  /** Let the ad's `utm_*` tags travel to checkout so the merchant's campaign gets credit. Never click ids. */
  forwardUtm: z.boolean(),
  /** Land on the store's cart page instead of going straight to checkout. */
  checkoutLanding: z.enum(['checkout', 'cart']),
  /** Clicks older than this are deleted. */
  historyRetentionDays: z.int().check(z.gte(1), z.lte(3650)),
  /** Show the discreet "Ad · not a shop link" chip on ads that lead elsewhere. */
  showNonShopChips: z.boolean(),
  /** Host names where the overlay is paused. */
  pausedSites: z.array(z.string().check(z.maxLength(SETTINGS_LIMITS.host))).check(z.maxLength(SETTINGS_LIMITS.pausedSites)),
  /** The merchant's own store hosts, for the dashboard. */
  myStores: z.array(z.string().check(z.maxLength(SETTINGS_LIMITS.host))).check(z.maxLength(SETTINGS_LIMITS.myStores)),
});
export type Settings = z.infer<typeof Settings>;

/** Keeps every valid field of `raw`, the default for every other. */
export function parseSettings(raw: unknown): Settings {
  const object = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const entries = Object.entries(Settings.shape).map(([key, schema]) => {
    const parsed = schema.safeParse(object[key]);
    return [key, parsed.success ? parsed.data : DEFAULT_SETTINGS[key as keyof Settings]];
  });
  return Object.fromEntries(entries) as Settings;
}
