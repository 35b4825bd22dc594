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
export function formatMoney(minor: number, currency: string, locale?: string): string {
  const exponent = currencyExponent(currency);
  return new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: exponent, maximumFractionDigits: exponent }).format(
    minor / 10 ** exponent,
  );
}
