/**
 * How captions write currencies: signs, local abbreviations (Arabic included) and ISO codes,
 * each with the ISO 4217 codes it may mean. A sign shared by several currencies (`$`, `¥`,
 * `kr`) stays ambiguous here; the store's own currency decides when prices are compared.
 */
const DOLLARS = ['USD', 'CAD', 'AUD', 'NZD', 'SGD', 'HKD', 'MXN', 'TWD'];

export interface CurrencyMark {
  mark: string;
  codes: readonly string[];
}

const MARKS: CurrencyMark[] = [
  { mark: 'US$', codes: ['USD'] },
  { mark: 'CA$', codes: ['CAD'] },
  { mark: 'C$', codes: ['CAD'] },
  { mark: 'AU$', codes: ['AUD'] },
  { mark: 'A$', codes: ['AUD'] },
  { mark: 'NZ$', codes: ['NZD'] },
  { mark: 'HK$', codes: ['HKD'] },
  { mark: 'S$', codes: ['SGD'] },
  { mark: 'MX$', codes: ['MXN'] },
  { mark: 'NT$', codes: ['TWD'] },
  { mark: 'R$', codes: ['BRL'] },
  { mark: '$', codes: DOLLARS },
  { mark: '€', codes: ['EUR'] },
  { mark: '£', codes: ['GBP'] },
  { mark: 'JP¥', codes: ['JPY'] },
  { mark: 'CN¥', codes: ['CNY'] },
  { mark: '¥', codes: ['JPY', 'CNY'] },
  { mark: '￥', codes: ['JPY', 'CNY'] },
  { mark: '円', codes: ['JPY'] },
  { mark: '元', codes: ['CNY'] },
  { mark: '₹', codes: ['INR'] },
  { mark: '₩', codes: ['KRW'] },
  { mark: '₺', codes: ['TRY'] },
  { mark: '₽', codes: ['RUB'] },
  { mark: '₪', codes: ['ILS'] },
  { mark: '₫', codes: ['VND'] },
  { mark: '₱', codes: ['PHP'] },
  { mark: '฿', codes: ['THB'] },
  { mark: '₦', codes: ['NGN'] },
  { mark: '₴', codes: ['UAH'] },
  { mark: 'zł', codes: ['PLN'] },
  { mark: 'Kč', codes: ['CZK'] },
  { mark: 'kr', codes: ['SEK', 'NOK', 'DKK', 'ISK'] },
  { mark: 'Fr.', codes: ['CHF'] },
  { mark: 'RM', codes: ['MYR'] },
  { mark: 'Rp', codes: ['IDR'] },
  // Arabic abbreviations and names, as Gulf and North African shops write them.
  { mark: 'ر.س', codes: ['SAR'] },
  { mark: 'د.إ', codes: ['AED'] },
  { mark: 'د.ك', codes: ['KWD'] },
  { mark: 'د.ب', codes: ['BHD'] },
  { mark: 'ر.ق', codes: ['QAR'] },
  { mark: 'ر.ع', codes: ['OMR'] },
  { mark: 'د.أ', codes: ['JOD'] },
  { mark: 'ج.م', codes: ['EGP'] },
  { mark: 'د.م', codes: ['MAD'] },
  { mark: 'د.ت', codes: ['TND'] },
  { mark: '﷼', codes: ['SAR', 'QAR', 'OMR', 'YER', 'IRR'] },
  { mark: 'ريال', codes: ['SAR', 'QAR', 'OMR', 'YER'] },
  { mark: 'دولار', codes: DOLLARS },
  { mark: 'يورو', codes: ['EUR'] },
  { mark: 'درهم', codes: ['AED', 'MAD'] },
  { mark: 'دينار', codes: ['KWD', 'BHD', 'JOD', 'IQD', 'TND', 'LYD'] },
  { mark: 'جنيه', codes: ['EGP', 'GBP'] },
];

/** Longest first, so `US$` wins over `$` and `JP¥` over `¥`. */
export const CURRENCY_MARKS: readonly CurrencyMark[] = [...MARKS].sort((a, b) => b.mark.length - a.mark.length);

/** ISO 4217 codes a caption may spell out (`12.99 USD`, `EUR 12,99`). */
export const ISO_CODES: ReadonlySet<string> = new Set(
  (
    'USD EUR GBP JPY CNY CAD AUD NZD CHF SEK NOK DKK ISK PLN CZK HUF RON BGN TRY RUB UAH INR PKR KRW SGD HKD TWD THB VND PHP ' +
    'IDR MYR BRL MXN ARS CLP COP PEN ZAR NGN EGP SAR AED QAR KWD BHD OMR JOD IQD LYD TND MAD ILS YER IRR'
  ).split(' '),
);
