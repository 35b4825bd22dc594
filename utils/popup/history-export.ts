/**
 * The click history as CSV and JSON files. The CSV goes through the one writer the dashboard
 * uses too (utils/export/csv.ts): RFC 4180 quoting, a byte-order mark, and cells a
 * spreadsheet would run as a formula (ASCII and full-width = + - @, also behind invisible
 * characters) neutralised. History text comes from pages and stores.
 */
import { toCsv } from '../export/csv';
import type { HistoryRow } from './schemas';

export const CSV_COLUMNS = ['time', 'kind', 'store', 'host', 'product', 'product_key', 'author', 'video_url', 'item_id', 'click_id'] as const;

function csvRecord(row: HistoryRow): (string | null)[] {
  return [new Date(row.time).toISOString(), row.kind, row.storeName, row.host, row.productTitle, row.productKey, row.author, row.videoUrl, row.itemId, row.id];
}

export function historyToCsv(rows: readonly HistoryRow[]): string {
  return toCsv(CSV_COLUMNS, rows.map(csvRecord));
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
