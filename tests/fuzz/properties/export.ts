/**
 * Fuzz properties of the CSV writers: the dashboard's store export (utils/export/csv.ts) and
 * the popup's history export (utils/popup/history-export.ts). Cells hold captions, titles and
 * URLs written by strangers: a file must read back to the same cells, and no cell may start
 * like a spreadsheet formula (OWASP "CSV Injection").
 */
import fc from 'fast-check';
import { neutraliseFormula, parseCsv, toCsv } from '@/utils/export/csv';
import { historyToCsv } from '@/utils/popup/history-export';
import type { HistoryRow } from '@/utils/popup/schemas';
import type { FuzzProperty } from '../property';
import { hostileText } from './arbitraries';

const FORMULA_START = /^[=+\-@\t\r]/;

const cell = fc.oneof(
  { weight: 4, arbitrary: hostileText },
  { weight: 2, arbitrary: fc.constantFrom('=1+1', '+cmd|x', '-2', '@SUM(A1)', '\t=x', '\r=x', '＝1', '"quoted"', 'a,b', 'line\nbreak', 'crlf\r\nin', '\uFEFF=x', ' =x', "'=x") },
  { weight: 1, arbitrary: fc.oneof(fc.nat(), fc.constant(null)) },
);
const table = fc.tuple(fc.array(hostileText, { minLength: 1, maxLength: 5 }), fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { maxLength: 5 }));

/** What a cell should read back as: the text, behind an apostrophe when it would be a formula. */
const expected = (value: string | number | null) => (value === null ? '' : typeof value === 'number' ? String(value) : neutraliseFormula(value));

export const exportProperties: FuzzProperty[] = [
  {
    name: 'toCsv → parseCsv gives back every cell (formulas neutralised), and no cell reads as a formula',
    make: () =>
      fc.property(table, ([header, rows]) => {
        const width = header.length;
        const square = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? null));
        const parsed = parseCsv(toCsv(header, square));
        const want = [header, ...square].map((r) => r.map(expected));
        if (JSON.stringify(parsed) !== JSON.stringify(want)) throw new Error(`round trip: ${JSON.stringify([want, parsed])}`);
        for (const row of parsed) for (const c of row) if (FORMULA_START.test(c)) throw new Error(`formula cell ${JSON.stringify(c)}`);
      }),
  },
  {
    name: "the popup's history file reads back the same cells (through the shared writer) and no cell starts a formula",
    make: () =>
      fc.property(fc.array(fc.oneof(hostileText, fc.constant(null)), { minLength: 3, maxLength: 3 }), ([title, author, store]) => {
        const row: HistoryRow = { id: 'c1', time: 0, kind: 'save', host: 'a.myshopify.com', storeName: store ?? null, productKey: 'a.myshopify.com/p', productTitle: title ?? null, itemId: null, author: author ?? null, videoUrl: null };
        const [, record] = parseCsv(historyToCsv([row]));
        if (!record || record.length !== 10) throw new Error(`cells split or merged: ${JSON.stringify(record)}`);
        for (const c of record) if (FORMULA_START.test(c)) throw new Error(`formula cell ${JSON.stringify(c)}`);
        const want = [store, title, author].map((v) => expected(v ?? null));
        const got = [record[2], record[4], record[6]];
        if (JSON.stringify(got) !== JSON.stringify(want)) throw new Error(`cell changed: ${JSON.stringify([want, got])}`);
      }),
  },
];
