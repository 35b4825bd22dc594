/**
 * All user-facing text goes through the browser's i18n catalogue (components/public/_locales).
 * Keys are typed from the English catalogue, so a missing key fails the typecheck.
 */
import { browser } from 'wxt/browser';
import type en from './public/_locales/en/messages.json';
import type { LookupStatus } from '@/utils/model';

export type MessageKey = keyof typeof en;

const plain = new Map<MessageKey, string>();

export function t(key: MessageKey, substitutions?: string | string[]): string {
  // Texts without substitutions are asked once: each ask is a call into the browser.
  if (substitutions === undefined) {
    let text = plain.get(key);
    if (text === undefined) plain.set(key, (text = browser.i18n.getMessage(key) || key));
    return text;
  }
  return browser.i18n.getMessage(key, substitutions) || key;
}

/** The bases of the messages kept per plural form (`<base>_one`, `<base>_other`, …). */
type PluralBase = { [K in MessageKey]: K extends `${infer B}_one` ? (`${B}_other` extends MessageKey ? B : never) : never }[MessageKey];

let plurals: Intl.PluralRules | undefined;

/**
 * A message whose words follow a count: `<base>_<form>` for the UI language's plural form of
 * `count` (Intl.PluralRules: English one/other, Arabic zero…many), else `<base>_other`. The
 * browser's i18n has no plurals, and "1 products" is what a person notices.
 */
export function plural(base: PluralBase, count: number, shown: string = String(count)): string {
  plurals ??= new Intl.PluralRules(uiLocale());
  const form = plurals.select(count);
  // Only some forms exist per language (Arabic has six): ask for this one by name, else `other`.
  const getMessage = browser.i18n.getMessage as (key: string, substitutions: string) => string;
  return getMessage(`${base}_${form}`, shown) || t(`${base}_other`, shown);
}

/** 'rtl' for Arabic and other right-to-left UI languages. */
let direction: 'rtl' | 'ltr' | undefined;
let uiLanguage: string | undefined;

/** 'rtl' for Arabic and other right-to-left UI languages (asked once: the UI language can't change under us). */
export function textDirection(): 'rtl' | 'ltr' {
  direction ??= browser.i18n.getMessage('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr';
  return direction;
}

/** The browser's UI language, asked once (each ask is a call into the browser). */
export function uiLocale(): string {
  uiLanguage ??= browser.i18n.getUILanguage();
  return uiLanguage;
}

export function lookupStatusText(status: LookupStatus | null): string {
  return t(status ? (`lookup_${status.replace(/-/g, '_')}` as MessageKey) : 'lookup_none');
}

/** Sets the document's language and direction before the first render. */
export function applyDocumentLocale(doc: Document): void {
  doc.documentElement.lang = uiLocale();
  doc.documentElement.dir = textDirection();
}
