import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, neutraliseFormula, parseCsv, toCsv } from '@/utils/export/csv';

describe('csvField', () => {
  it('quotes fields with commas, quotes and line breaks, doubling quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField('cr\r\nlf')).toBe('"cr\r\nlf"');
    expect(csvField(42)).toBe('42');
    expect(csvField(null)).toBe('');
  });

  it('neutralises formulas: =, +, -, @, tab and carriage return, also behind blanks and in full width', () => {
    for (const formula of ['=1+1', '+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1', ' =1', '\u200B=1', '\uFEFF@x', '＝1', '=HYPERLINK("http://x","y")']) {
      expect(neutraliseFormula(formula), JSON.stringify(formula)).toBe(`'${formula}`);
    }
    expect(csvField('=cmd|"/c calc"!A0')).toBe(`"'=cmd|""/c calc""!A0"`);
    for (const safe of ['a=b', 'x+1', 'user@example.com', "'quoted", '']) expect(neutraliseFormula(safe)).toBe(safe);
  });
});

describe('toCsv', () => {
  it('writes a UTF-8 BOM, CRLF records and a header', () => {
    expect(toCsv(['a', 'b'], [['1', 'x,y'], [2, null]])).toBe('\uFEFFa,b\r\n1,"x,y"\r\n2,\r\n');
  });

  it('reads back to the same cells (formulas neutralised), whatever the text', () => {
    const cell = fc.oneof(fc.string(), fc.constantFrom('=1', '+x', '-', '@', 'a,b', '"', '\r\n', '\n', 'مرحبا, "عالم"', '🧦'), fc.nat());
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1 }), { minLength: 1, maxLength: 4 }), fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { maxLength: 6 }), (header, rows) => {
        const back = parseCsv(toCsv(header, rows));
        const expected = [header, ...rows].map((row) => row.map((v) => (typeof v === 'number' ? String(v) : neutraliseFormula(v))));
        expect(back).toEqual(expected);
        for (const row of back.slice(1)) for (const value of row) expect(value).not.toMatch(/^[=+\-@\t\r]/);
      }),
    );
  });
});
