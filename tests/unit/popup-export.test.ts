import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, exportFileName, historyToCsv, historyToJson } from '@/utils/popup/history-export';
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

/** A small RFC 4180 reader, to prove what the writer wrote reads back as the same cells. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let cell = '';
  let record: string[] = [];
  let quoted = false;
  const endCell = () => {
    record.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i += 1;
    } else if (quoted && c === '"') quoted = false;
    else if (quoted) cell += c;
    else if (c === '"') quoted = true;
    else if (c === ',') endCell();
    else if (c === '\r' && text[i + 1] === '\n') {
      endCell();
      records.push(record);
      record = [];
      i += 1;
    } else cell += c;
  }
  return records;
}

describe('CSV export', () => {
  it('quotes commas, quotes and line breaks', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
  });

  it('neutralises cells a spreadsheet would run as a formula', () => {
    for (const evil of ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) expect(csvCell(evil).replace(/^"/, '').startsWith("'")).toBe(true);
    expect(csvCell('=1,2')).toBe(`"'=1,2"`);
  });

  it('writes a header, a BOM and CRLF records that read back to the same cells', () => {
    const csv = historyToCsv([row({ productTitle: 'Tee, "white"\nXL', author: '=cmd' })]);
    expect(csv.startsWith('\uFEFFtime,kind,store,')).toBe(true);
    const [header, record] = parseCsv(csv.slice(1));
    expect(header).toEqual(['time', 'kind', 'store', 'host', 'product', 'product_key', 'author', 'video_url', 'item_id', 'click_id']);
    expect(record).toEqual(['2026-01-31T12:00:00.000Z', 'checkout', 'Demo Store', 'demo-store.myshopify.com', 'Tee, "white"\nXL', 'demo-store.myshopify.com/tee', "'=cmd", row().videoUrl, row().itemId, 'c1']);
  });

  it('round-trips any text (with the formula mark added)', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const [, record] = parseCsv(historyToCsv([row({ productTitle: text })]).slice(1));
        expect(record![4]).toBe(/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
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
