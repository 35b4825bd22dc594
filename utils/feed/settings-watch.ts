/**
 * The settings the content script acts on (a paused site, the non-shop chips), read and
 * watched in `storage.local` directly: not through WXT's storage wrapper (~3 KB gzip) nor
 * the settings' zod schema (docs/performance.md). Same key, same field-by-field rule as
 * utils/settings-schema.ts: a field that fails its check takes its default; the unit tests
 * hold the two parses to the same answers.
 */
import { browser, type Browser } from 'wxt/browser';
import { arrayOf, isBoolean, isObject, isText } from '../checks';
import { DEFAULT_SETTINGS, SETTINGS_LIMITS, SETTINGS_KEY } from '../settings-defaults';
import type { Settings } from '../settings-schema';

export type OverlaySettings = Pick<Settings, 'pausedSites' | 'showNonShopChips'>;

const isPausedSites = arrayOf(isText(SETTINGS_LIMITS.host), SETTINGS_LIMITS.pausedSites);

export function parseOverlaySettings(raw: unknown): OverlaySettings {
  const value = isObject(raw) ? raw : {};
  return {
    pausedSites: isPausedSites(value.pausedSites) ? value.pausedSites : DEFAULT_SETTINGS.pausedSites,
    showNonShopChips: isBoolean(value.showNonShopChips) ? value.showNonShopChips : DEFAULT_SETTINGS.showNonShopChips,
  };
}

export async function readSettings(): Promise<OverlaySettings> {
  return parseOverlaySettings((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]);
}

/** Calls `onChange` with each new value of the settings; returns the unwatch. */
export function watchSettings(onChange: (settings: OverlaySettings) => void): () => void {
  const listener = (changes: Record<string, Browser.storage.StorageChange>) => {
    if (SETTINGS_KEY in changes) onChange(parseOverlaySettings(changes[SETTINGS_KEY]!.newValue));
  };
  browser.storage.local.onChanged.addListener(listener);
  return () => browser.storage.local.onChanged.removeListener(listener);
}
