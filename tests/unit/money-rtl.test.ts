import { describe, expect, it } from 'vitest';
import { formatMoney, formatMoneyFor, formatMoneyIsolated } from '@/utils/money';

const FSI = '\u2068';
const PDI = '\u2069';

describe('money in right-to-left text', () => {
  it('isolates the currency symbol and keeps everything else as formatMoney writes it', () => {
    const isolated = formatMoneyIsolated(1299, 'USD', 'ar');
    expect(isolated).toContain(`${FSI}US$${PDI}`);
    expect(isolated.replace(FSI, '').replace(PDI, '')).toBe(formatMoney(1299, 'USD', 'ar'));
  });

  it('isolates Arabic symbols and minor units of every exponent too', () => {
    expect(formatMoneyIsolated(12340, 'KWD', 'ar')).toMatch(new RegExp(`${FSI}[^${PDI}]+${PDI}`));
    expect(formatMoneyIsolated(1000, 'JPY', 'ar').replace(/[\u2068\u2069]/g, '')).toBe(formatMoney(1000, 'JPY', 'ar'));
    expect(formatMoneyIsolated(1000, 'SAR', 'ar-SA').split(FSI)).toHaveLength(2);
  });
});

describe('money for a UI direction (popup and product card)', () => {
  it('isolates the symbol only in right-to-left text', () => {
    expect(formatMoneyFor('rtl', 1299, 'USD', 'ar')).toBe(formatMoneyIsolated(1299, 'USD', 'ar'));
    expect(formatMoneyFor('ltr', 1299, 'USD', 'en')).toBe(formatMoney(1299, 'USD', 'en'));
  });
});
