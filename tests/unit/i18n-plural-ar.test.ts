// Arabic has six plural forms; a catalogue that keeps only `other` serves them all (components/i18n.ts).
import { describe, expect, it } from 'vitest';
import { plural } from '@/components/i18n';
import ar from '@/components/public/_locales/ar/messages.json';
import en from '@/components/public/_locales/en/messages.json';
import { useCatalogue } from './popup-dom';

describe('plural in Arabic', () => {
  it('falls back to other for the forms the catalogue does not name (two, few, many)', () => {
    useCatalogue('ar');
    // 2 is "two", 3 "few", 11 "many" in Arabic: none has a key of its own.
    for (const n of [0, 1, 2, 3, 11, 100]) expect(plural('overview_products', n)).toBe(`منتجات: ${n}`);
  });

  it('every plural message of English has its forms in Arabic too', () => {
    const bases = Object.keys(en).filter((k) => k.endsWith('_one')).map((k) => k.slice(0, -4));
    expect(bases.length).toBeGreaterThan(5);
    for (const base of bases) expect(Object.keys(ar)).toEqual(expect.arrayContaining([`${base}_one`, `${base}_other`]));
  });
});
