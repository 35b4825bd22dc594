import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseDigits, parseCaptionPrices, readAmount } from '@/utils/audit/caption-price';

const one = (caption: string) => {
  const prices = parseCaptionPrices(caption);
  expect(prices, caption).toHaveLength(1);
  return prices[0]!;
};

describe('parseCaptionPrices', () => {
  it.each([
    ['$12.99', '12.99', 'USD'],
    ['Only $ 12.99 today', '12.99', 'USD'],
    ['12,99 €', '12.99', 'EUR'],
    ['€12,99', '12.99', 'EUR'],
    ['12,99€', '12.99', 'EUR'],
    ['1.234,56 €', '1234.56', 'EUR'],
    ['€1.000', '1000', 'EUR'],
    ['¥1,000', '1000', 'JPY'],
    ['１，０００円', '1000', 'JPY'],
    ['￥１，０００', '1000', 'JPY'],
    ['12.99 USD', '12.99', 'USD'],
    ['usd 12.99', '12.99', 'USD'],
    ['EUR 12,99', '12.99', 'EUR'],
    ['US$12.99', '12.99', 'USD'],
    ['CA$19.99', '19.99', 'CAD'],
    ['£9.99', '9.99', 'GBP'],
    ['₹1,499', '1499', 'INR'],
    ['₩8,900', '8900', 'KRW'],
    ['1 234,56 zł', '1234.56', 'PLN'],
    ['1\u202F234,56 €', '1234.56', 'EUR'],
    ["CHF 1'234.50", '1234.50', 'CHF'],
    ['R$ 19,90', '19.90', 'BRL'],
    ['١٢٫٩٩ ر.س', '12.99', 'SAR'],
    ['\u200F١٬٢٣٤٫٥٠ د.إ', '1234.50', 'AED'],
    ['٣٫٥٠٠ د.ك', '3.500', 'KWD'],
    ['۱۲۰۰ ریال'.replace('ریال', 'ريال'), '1200', 'SAR'],
    ['بسعر ١٢٫٩٩ $ فقط', '12.99', 'USD'],
    ['99 kr', '99', 'SEK'],
    ['RM49', '49', 'MYR'],
  ])('%s → %s (%s)', (caption, amount, code) => {
    const price = one(caption);
    expect(price.amount).toBe(amount);
    expect(price.codes).toContain(code);
  });

  it('keeps ambiguous signs ambiguous and lets a spelt-out code narrow them', () => {
    expect(one('$5').codes).toEqual(expect.arrayContaining(['USD', 'CAD', 'AUD']));
    expect(one('¥500').codes).toEqual(['JPY', 'CNY']);
    expect(one('$12.99 USD').codes).toEqual(['USD']);
    expect(one('$12.99 CAD').codes).toEqual(['CAD']);
  });

  it('finds every price, each once', () => {
    expect(parseCaptionPrices('was $60, now $48!').map((p) => p.amount)).toEqual(['60', '48']);
    expect(parseCaptionPrices('12€ 15€').map((p) => p.amount)).toEqual(['12', '15']);
  });

  it('reads no price where there is none', () => {
    for (const caption of ['40% off everything', 'size 9 and 10', 'drop 2026 🔥', '24/7 support', 'Call 555-1234', 'EUREKA 12', '', '#sale50']) {
      expect(parseCaptionPrices(caption), caption).toEqual([]);
    }
  });

  it('gives a sign between two numbers to the one it touches', () => {
    expect(parseCaptionPrices('size 9 $59').map((p) => p.text)).toEqual(['$59']);
    expect(parseCaptionPrices('buy 2 12.99 $').map((p) => p.amount)).toEqual(['12.99']);
  });

  it('never throws and stays bounded on hostile captions', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (caption) => {
        const prices = parseCaptionPrices(caption);
        expect(prices.length).toBeLessThanOrEqual(20);
        for (const p of prices) expect(p.amount).toMatch(/^\d{1,12}(\.\d{1,6})?$/);
      }),
    );
    expect(parseCaptionPrices('$1 '.repeat(5000)).length).toBe(20);
  });

  it('reads back an amount written in any of the usual styles', () => {
    const styles = [
      (w: string, f: string) => `$${w.replace(/\B(?=(\d{3})+$)/g, ',')}.${f}`,
      (w: string, f: string) => `${w.replace(/\B(?=(\d{3})+$)/g, '.')},${f} €`,
      (w: string, f: string) => `${w}.${f} USD`,
      (w: string, f: string) => `${[...`${w}٫${f}`].map((c) => (/\d/.test(c) ? String.fromCharCode(0x660 + Number(c)) : c)).join('')} ر.س`,
    ];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_999_999 }), fc.integer({ min: 0, max: 99 }), fc.constantFrom(...styles), (whole, cents, style) => {
        const fraction = String(cents).padStart(2, '0');
        expect(one(style(String(whole), fraction)).amount).toBe(`${whole}.${fraction}`);
      }),
    );
  });
});

describe('readAmount', () => {
  it('tells decimal signs from thousands separators', () => {
    expect(readAmount('1,234.56')).toBe('1234.56');
    expect(readAmount('1.234,56')).toBe('1234.56');
    expect(readAmount('1,000')).toBe('1000');
    expect(readAmount('1,000', true)).toBe('1.000');
    expect(readAmount('0,999')).toBe('0.999');
    expect(readAmount('12,5')).toBe('12.5');
    expect(readAmount('1,234,567')).toBe('1234567');
  });
  it('refuses separators that make no sense', () => {
    for (const token of ['1,2,3', '12,34,56.7', '1.234.56,7.8', "1'234,567.8,9"]) expect(readAmount(token), token).toBeNull();
  });
});

describe('normaliseDigits', () => {
  it('turns Arabic-Indic, Persian and full-width digits into ASCII and drops direction marks', () => {
    expect(normaliseDigits('\u200F٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹ ０１２３４５６７８９ ٫٬')).toBe('0123456789 0123456789 0123456789 .,');
  });
});
