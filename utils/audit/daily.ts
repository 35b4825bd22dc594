/**
 * Impressions per day for the summary chart. A sighting row keeps first/last seen and a count,
 * not every impression (docs/data-model.md), so a row's first impression is put on its first
 * day and the rest on its last day: exact for ads seen on one or two days, an estimate beyond.
 */
import type { SightingRow } from '../model';

const DAY_MS = 86_400_000;
/** The chart spans at most this many days, ending on the last day with an impression. */
export const CHART_DAYS = 60;

/** `YYYY-MM-DD` in the browser's time zone: the merchant's calendar day. */
export function dayOf(time: number): string {
  const d = new Date(time);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export interface DayCount {
  day: string;
  impressions: number;
}

export function impressionsPerDay(rows: readonly Pick<SightingRow, 'firstSeen' | 'lastSeen' | 'impressions'>[]): DayCount[] {
  const counts = new Map<string, number>();
  const add = (time: number, n: number) => n > 0 && counts.set(dayOf(time), (counts.get(dayOf(time)) ?? 0) + n);
  let last = -Infinity;
  for (const row of rows) {
    if (row.impressions <= 0) continue;
    last = Math.max(last, row.lastSeen);
    if (dayOf(row.firstSeen) === dayOf(row.lastSeen)) add(row.lastSeen, row.impressions);
    else {
      add(row.firstSeen, 1);
      add(row.lastSeen, row.impressions - 1);
    }
  }
  if (counts.size === 0) return [];
  const first = Math.min(...rows.filter((r) => r.impressions > 0).map((r) => r.firstSeen));
  const days: DayCount[] = [];
  // Every calendar day, empty ones too, so gaps show as gaps; stepped at noon to be safe across DST.
  const start = new Date(Math.max(first, last - (CHART_DAYS - 1) * DAY_MS));
  start.setHours(12, 0, 0, 0);
  for (let t = start.getTime(); dayOf(t) <= dayOf(last) && days.length < CHART_DAYS; t += DAY_MS) days.push({ day: dayOf(t), impressions: counts.get(dayOf(t)) ?? 0 });
  return days;
}
