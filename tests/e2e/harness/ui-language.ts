/**
 * What each browser needs to run in another UI language, from Debian (no downloads). Chromium
 * reads its UI language from LANGUAGE/LC_ALL on Linux (it ignores --lang there) and needs the
 * locale's .pak from chromium-l10n; the pages' locale must say so too, or @playwright/test
 * emulates en-US in them (tried: that emulation alone gives getUILanguage() 'ar' but the English
 * catalogue and ltr; the environment alone is overridden by the emulation). Firefox takes
 * `intl.locale.requested` once the langpack is installed (firefox-esr-l10n-ar puts it among the
 * app's own add-ons).
 */
import { requireFile } from './paths';

export type UiLanguage = 'ar';

const CHROMIUM_AR_PAK = '/usr/lib/chromium/locales/ar.pak';
const FIREFOX_AR_LANGPACK = '/usr/lib/firefox-esr/browser/extensions/langpack-ar@firefox-esr.mozilla.org.xpi';

export function chromiumLanguage(locale: UiLanguage | undefined): { env?: Record<string, string>; locale?: string } {
  if (locale !== 'ar') return {};
  requireFile(CHROMIUM_AR_PAK, 'apt-get install -y chromium-l10n');
  return { env: { LANGUAGE: 'ar', LC_ALL: 'ar_EG.UTF-8', LANG: 'ar_EG.UTF-8' }, locale: 'ar' };
}

export function firefoxLanguagePrefs(locale: UiLanguage | undefined): Record<string, string> {
  if (locale !== 'ar') return {};
  requireFile(FIREFOX_AR_LANGPACK, 'apt-get install -y firefox-esr-l10n-ar');
  return { 'intl.locale.requested': 'ar' };
}
