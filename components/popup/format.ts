/** Numbers, percentages and times for people, in the UI language (Intl). Money goes through utils/money's formatMoney. */
import { formatMoneyFor } from '@/utils/money';
import type { PriceChange } from '@/utils/popup/price-change';
import { t, textDirection } from '../i18n';

// Building an Intl formatter costs far more than using one: one per locale and style, kept.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) formatters.set(key, (formatter = make()));
  return formatter;
}

/** Money with the store's currency; in a right-to-left UI its symbol is isolated so "US$" stays "US$" (not "$US"). */
export function popupMoney(minor: number, currency: string, locale: string): string {
  return formatMoneyFor(textDirection(), minor, currency, locale);
}

export function formatPercent(basisPoints: number, locale: string): string {
  return cached(`${locale}|percent`, () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 })).format(Math.abs(basisPoints) / 10_000);
}

export function formatDateTime(time: number, locale: string): string {
  return cached(`${locale}|datetime`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })).format(time);
}

export function formatTime(time: number, locale: string): string {
  return cached(`${locale}|time`, () => new Intl.DateTimeFormat(locale, { timeStyle: 'short' })).format(time);
}

export function formatDay(time: number, locale: string): string {
  return cached(`${locale}|day`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'full' })).format(time);
}

/** "Down 12.5%" / "Up 3%" / "Same price", or null when the prices can't be compared. */
export function priceChangeText(change: PriceChange, locale: string): string | null {
  if (change.kind === 'unknown') return null;
  if (change.kind === 'same') return t('popup_priceSame');
  if (change.basisPoints === null) return t(change.kind === 'drop' ? 'popup_priceDropNoPercent' : 'popup_priceRiseNoPercent');
  return t(change.kind === 'drop' ? 'popup_priceDrop' : 'popup_priceRise', formatPercent(change.basisPoints, locale));
}
