/**
 * The content script's settings: read and watched in `storage.local` directly, not through
 * WXT's storage wrapper (which the extension pages use; ~3 KB gzip the content script needn't
 * carry). Same key, same field-by-field parse, so both sides read the same value the same way.
 */
import { browser, type Browser } from 'wxt/browser';
import { parseSettings, SETTINGS_KEY, type Settings } from '../settings-schema';

export async function readSettings(): Promise<Settings> {
  return parseSettings((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]);
}

/** Calls `onChange` with each new value of the settings; returns the unwatch. */
export function watchSettings(onChange: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, Browser.storage.StorageChange>) => {
    if (SETTINGS_KEY in changes) onChange(parseSettings(changes[SETTINGS_KEY]!.newValue));
  };
  browser.storage.local.onChanged.addListener(listener);
  return () => browser.storage.local.onChanged.removeListener(listener);
}
