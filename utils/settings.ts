/**
 * The user's settings, kept in `storage.local` through WXT's storage wrapper (every context
 * may read them; only extension pages change them). Read values are validated
 * (utils/settings-schema.ts); the content script reads them without the wrapper
 * (utils/feed/settings-watch.ts).
 */
import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, parseSettings, SETTINGS_KEY, type Settings } from './settings-schema';

export { DEFAULT_SETTINGS, parseSettings, Settings } from './settings-schema';

const item = storage.defineItem<unknown>(`local:${SETTINGS_KEY}`, { fallback: DEFAULT_SETTINGS });

export async function readSettings(): Promise<Settings> {
  return parseSettings(await item.getValue());
}

export async function updateSettings(change: Partial<Settings>): Promise<Settings> {
  const next = parseSettings({ ...(await readSettings()), ...change });
  await item.setValue(next);
  return next;
}

export function watchSettings(onChange: (settings: Settings) => void): () => void {
  return item.watch((value) => onChange(parseSettings(value)));
}
