/**
 * All user-facing text goes through the browser's i18n catalogue (components/public/_locales).
 * Keys are typed from the English catalogue, so a missing key fails the typecheck.
 */
import { browser } from 'wxt/browser';
import type en from './public/_locales/en/messages.json';
import type { LookupStatus } from '@/utils/model';

export type MessageKey = keyof typeof en;

export function t(key: MessageKey, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

/** 'rtl' for Arabic and other right-to-left UI languages. */
export function textDirection(): 'rtl' | 'ltr' {
  return browser.i18n.getMessage('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr';
}

export function lookupStatusText(status: LookupStatus | null): string {
  return t(status ? (`lookup_${status.replace(/-/g, '_')}` as MessageKey) : 'lookup_none');
}

/** Sets the document's language and direction before the first render. */
export function applyDocumentLocale(doc: Document): void {
  doc.documentElement.lang = browser.i18n.getUILanguage();
  doc.documentElement.dir = textDirection();
}
