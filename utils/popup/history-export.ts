/**
 * The click history as CSV (RFC 4180) and JSON files. History text comes from pages and
 * stores (captions, titles, author names), so a cell that a spreadsheet would run as a
 * formula (starting with = + - @, or a tab or carriage return — OWASP "CSV Injection") is
 * neutralised with a leading apostrophe.
 */
import type { HistoryRow } from './schemas';

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const CSV_COLUMNS = ['time', 'kind', 'store', 'host', 'product', 'product_key', 'author', 'video_url', 'item_id', 'click_id'] as const;

function csvRecord(row: HistoryRow): (string | null)[] {
  return [new Date(row.time).toISOString(), row.kind, row.storeName, row.host, row.productTitle, row.productKey, row.author, row.videoUrl, row.itemId, row.id];
}

/** A byte-order mark first: without it Excel reads UTF-8 (Arabic, accents, emoji) as a legacy code page. */
export function historyToCsv(rows: readonly HistoryRow[]): string {
  const lines = [CSV_COLUMNS.join(','), ...rows.map((row) => csvRecord(row).map(csvCell).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function historyToJson(rows: readonly HistoryRow[], exportedAt: number): string {
  const clicks = rows.map((r) => ({ ...r, timeIso: new Date(r.time).toISOString() }));
  return `${JSON.stringify({ format: 'scrollcart-history', version: 1, exportedAt: new Date(exportedAt).toISOString(), clicks }, null, 2)}\n`;
}

/** `scrollcart-history-2026-01-31.csv`, dated in the reader's day. */
export function exportFileName(kind: 'csv' | 'json', now: number): string {
  const d = new Date(now);
  const day = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  return `scrollcart-history-${day}.${kind}`;
}
