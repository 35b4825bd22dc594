import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neutraliseFormula, parseCsv } from '@/utils/export/csv';
import { exportFileName, historyToCsv, historyToJson } from '@/utils/popup/history-export';
import type { HistoryRow } from '@/utils/popup/schemas';

const row = (extra: Partial<HistoryRow> = {}): HistoryRow => ({
  id: 'c1',
  time: Date.UTC(2026, 0, 31, 12, 0, 0),
  kind: 'checkout',
  host: 'demo-store.myshopify.com',
  storeName: 'Demo Store',
  productKey: 'demo-store.myshopify.com/tee',
  productTitle: 'Tee',
  itemId: '7400000000000000001',
  author: 'demostore',
  videoUrl: 'https://www.tiktok.com/@demostore/video/7400000000000000001',
  ...extra,
});

describe('CSV export', () => {
  /** The product cell of a one-row history file, as a spreadsheet would read it. */
  const productCell = (title: string) => parseCsv(historyToCsv([row({ productTitle: title })]))[1]![4];

  it('quotes commas, quotes and line breaks', () => {
    for (const text of ['plain', 'a,b', 'say "hi"', 'two\nlines', 'crlf\r\nin']) expect(productCell(text)).toBe(text);
    expect(historyToCsv([row({ productTitle: 'a,b' })])).toContain(',"a,b",');
    expect(historyToCsv([row({ storeName: null })]).split('\r\n')[1]).toContain(',checkout,,demo-store');
  });

  it('neutralises cells a spreadsheet would run as a formula, full-width and behind invisible characters too', () => {
    for (const evil of ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '＝1+1', '＋1', '－1', '＠SUM(A1)', '\u200B=1', ' =1'])
      expect(productCell(evil)).toBe(`'${evil}`);
    expect(historyToCsv([row({ productTitle: '=1,2' })])).toContain(`"'=1,2"`);
  });

  it('writes a header, a BOM and CRLF records that read back to the same cells', () => {
    const csv = historyToCsv([row({ productTitle: 'Tee, "white"\nXL', author: '=cmd' })]);
    expect(csv.startsWith('\uFEFFtime,kind,store,')).toBe(true);
    const [header, record] = parseCsv(csv);
    expect(header).toEqual(['time', 'kind', 'store', 'host', 'product', 'product_key', 'author', 'video_url', 'item_id', 'click_id']);
    expect(record).toEqual(['2026-01-31T12:00:00.000Z', 'checkout', 'Demo Store', 'demo-store.myshopify.com', 'Tee, "white"\nXL', 'demo-store.myshopify.com/tee', "'=cmd", row().videoUrl, row().itemId, 'c1']);
  });

  it('round-trips any text (with the formula mark added)', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const [, record] = parseCsv(historyToCsv([row({ productTitle: text })]));
        expect(record![4]).toBe(neutraliseFormula(text));
      }),
    );
  });
});

describe('JSON export', () => {
  it('is a versioned document with every row', () => {
    const doc = JSON.parse(historyToJson([row()], Date.UTC(2026, 1, 1)));
    expect(doc).toMatchObject({ format: 'scrollcart-history', version: 1, exportedAt: '2026-02-01T00:00:00.000Z' });
    expect(doc.clicks).toEqual([{ ...row(), timeIso: '2026-01-31T12:00:00.000Z' }]);
    expect(exportFileName('csv', new Date(2026, 0, 5).getTime())).toBe('scrollcart-history-2026-01-05.csv');
  });
});
