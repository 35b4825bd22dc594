// Counts in words through the browser's i18n, which has no plurals of its own (components/i18n.ts).
import { describe, expect, it } from 'vitest';
import { plural } from '@/components/i18n';
import { useCatalogue } from './popup-dom';

describe('plural', () => {
  it('picks English one/other and passes the number as shown', () => {
    useCatalogue('en');
    expect(plural('overview_products', 1)).toBe('1 product');
    expect(plural('overview_products', 0)).toBe('0 products');
    expect(plural('overview_products', 2)).toBe('2 products');
    expect(plural('popup_awaitingPermission', 1)).toBe('1 shop seen in ads waits for your permission before ScrollCart may show its prices.');
    expect(plural('dash_ads_count', 1200, '1,200')).toBe('1,200 ads');
  });
});
