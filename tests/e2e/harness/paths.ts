import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
// SCROLLCART_CHROME_BUILD: another build to measure (an unminified one for profiles, a baseline for an A/B).
export const CHROME_BUILD = process.env.SCROLLCART_CHROME_BUILD ?? `${ROOT}/.output/chrome-mv3`;
export const FIREFOX_BUILD = `${ROOT}/.output/firefox-mv3`;
export const CHROMIUM_BIN = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';
export const FIREFOX_BIN = process.env.FIREFOX_BIN ?? '/usr/bin/firefox-esr';

/** Fails with the command to run, rather than a cryptic launch error. */
export function requireFile(path: string, hint: string): string {
  if (!existsSync(path)) throw new Error(`${path} is missing: ${hint}`);
  return path;
}
