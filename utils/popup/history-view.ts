/** Pure helpers of the History tab: search matching and grouping by the reader's local day. */
import type { HistoryRow } from './schemas';

/** Case- and accent-insensitive form for search ("Kürtős" matches "kurtos"). */
export function foldForSearch(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Does the row's store, product or ad author contain the (folded) query? */
export function matchesQuery(row: HistoryRow, foldedQuery: string): boolean {
  if (!foldedQuery) return true;
  const fields = [row.storeName, row.host, row.productTitle, row.productKey, row.author];
  return fields.some((f) => f !== null && foldForSearch(f).includes(foldedQuery));
}

export interface DayGroup {
  /** `YYYY-MM-DD` in the reader's time zone: a stable key. */
  day: string;
  /** Any time within the day, for formatting its heading. */
  at: number;
  rows: HistoryRow[];
}

function localDay(time: number): string {
  const d = new Date(time);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Rows are newest first; groups keep that order, one per local calendar day. */
export function groupByDay(rows: readonly HistoryRow[]): DayGroup[] {
  const groups: DayGroup[] = [];
  for (const row of rows) {
    const day = localDay(row.time);
    const last = groups[groups.length - 1];
    if (last?.day === day) last.rows.push(row);
    else groups.push({ day, at: row.time, rows: [row] });
  }
  return groups;
}

/** 'today', 'yesterday' or null (then the date itself is the heading), relative to `now`. */
export function relativeDay(day: string, now: number): 'today' | 'yesterday' | null {
  if (day === localDay(now)) return 'today';
  const yesterday = new Date(now);
  yesterday.setDate(yesterday.getDate() - 1);
  return day === localDay(yesterday.getTime()) ? 'yesterday' : null;
}
