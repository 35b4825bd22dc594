/**
 * Money as integers in ISO 4217 minor units. Shopify's `.js` money is amount × 100 in
 * every currency (research/shopify-storefront.md §1.9), so JPY needs ÷100 and KWD ×10.
 */
const ZERO_DECIMAL = new Set('BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX VND VUV XAF XOF XPF'.split(' '));
const THREE_DECIMAL = new Set('BHD IQD JOD KWD LYD OMR TND'.split(' '));

export function currencyExponent(currency: string): 0 | 2 | 3 {
  const code = currency.toUpperCase();
  if (ZERO_DECIMAL.has(code)) return 0;
  if (THREE_DECIMAL.has(code)) return 3;
  return 2;
}

/** Shopify `.js` integer (amount × 100) to ISO minor units; halves round up for 0-decimal currencies. */
export function shopifyCentsToMinor(cents: number, currency: string): number {
  const exponent = currencyExponent(currency);
  if (exponent === 2) return cents;
  if (exponent === 3) return cents * 10;
  return Math.floor((cents + 50) / 100);
}

/** Formats minor units for people, in their locale, with the store's currency. */
// Building an Intl.NumberFormat costs far more than using one (measured in the feed's profile).
const formatters = new Map<string, Intl.NumberFormat>();

export function formatMoney(minor: number, currency: string, locale?: string): string {
  return moneyFormatter(currency, locale).format(minor / 10 ** currencyExponent(currency));
}

/**
 * formatMoney for right-to-left text: the currency symbol in a first-strong isolate
 * (U+2068…U+2069, Unicode UAX #9), so a Latin symbol keeps its own order. Without it, Arabic's
 * "12.99 US$" shows as "$US 12.99": the trailing `$` takes the paragraph's direction.
 */
export function formatMoneyIsolated(minor: number, currency: string, locale?: string): string {
  const parts = moneyFormatter(currency, locale).formatToParts(minor / 10 ** currencyExponent(currency));
  return parts.map((p) => (p.type === 'currency' ? `\u2068${p.value}\u2069` : p.value)).join('');
}

/**
 * Money for UI text of the given direction: every surface that shows prices (popup, product
 * card) picks the format through this one switch, so an Arabic UI never shows "$US 12.99".
 */
export function formatMoneyFor(direction: 'rtl' | 'ltr', minor: number, currency: string, locale?: string): string {
  return (direction === 'rtl' ? formatMoneyIsolated : formatMoney)(minor, currency, locale);
}

function moneyFormatter(currency: string, locale?: string): Intl.NumberFormat {
  const exponent = currencyExponent(currency);
  const key = `${locale ?? ''}|${currency}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: exponent, maximumFractionDigits: exponent });
    formatters.set(key, format);
  }
  return format;
}

/** A decimal money string as Shopify's `.json` endpoints write it ("30.00", "1000", "12.345"). */
const DECIMAL = /^(\d{1,12})(?:\.(\d{1,6}))?$/;

/**
 * A decimal string to integer ISO minor units, exactly: digits are moved, never multiplied as
 * floats (research §1.9: "parse the decimal string exactly (no floats), scale to 10^e").
 * Digits beyond the currency's exponent round half up ("1000.50" JPY → 1001). Returns null
 * for anything that is not a plain non-negative decimal.
 */
export function decimalToMinor(value: string, currency: string): number | null {
  const match = DECIMAL.exec(value.trim());
  if (!match) return null;
  const exponent = currencyExponent(currency);
  const whole = match[1]!;
  const fraction = (match[2] ?? '').padEnd(exponent + 1, '0');
  const kept = Number(whole) * 10 ** exponent + Number(fraction.slice(0, exponent) || '0');
  return Number(fraction[exponent]) >= 5 ? kept + 1 : kept;
}
