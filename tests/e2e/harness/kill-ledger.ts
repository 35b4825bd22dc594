/**
 * The kill test's bookkeeping (issue 4 §7): snapshots of the tables that must survive a
 * killed background, the comparison "nothing that was there is gone or changed", and the
 * clicks the test made, to compare with the `clicks` table at the end.
 */
import type { Driver, Row } from './driver';

export const TABLES = ['sightings', 'products', 'saved', 'clicks', 'jobs'] as const;
export type Table = (typeof TABLES)[number];
const KEY: Record<Table, string> = { sightings: 'itemId', products: 'key', saved: 'key', clicks: 'id', jobs: 'id' };
/** Rows that never change once written: a kill must not alter them either. */
const IMMUTABLE: ReadonlySet<Table> = new Set(['clicks', 'saved']);

export type Snapshot = Record<Table, Map<string, Row>>;

export async function snapshot(ext: Driver): Promise<Snapshot> {
  const entries = await Promise.all(TABLES.map(async (table) => [table, new Map((await ext.rows(table)).map((row) => [String(row[KEY[table]]), row]))] as const));
  return Object.fromEntries(entries) as Snapshot;
}

export const counts = (s: Snapshot) => Object.fromEntries(TABLES.map((t) => [t, s[t].size])) as Record<Table, number>;

/** What a kill lost or altered: rows of `before` missing in `after` (jobs excepted: they are meant to go), immutable rows changed. */
export function lostOrChanged(before: Snapshot, after: Snapshot): string[] {
  const problems: string[] = [];
  for (const table of TABLES) {
    if (table === 'jobs') continue;
    for (const [key, row] of before[table]) {
      const now = after[table].get(key);
      if (!now) problems.push(`${table} ${key} lost`);
      else if (IMMUTABLE.has(table) && JSON.stringify(now) !== JSON.stringify(row)) problems.push(`${table} ${key} changed`);
    }
  }
  return problems;
}

/** One kill, as the report gives it: the row counts just before and after the background came back. */
export interface KillRecord {
  step: number;
  stateBefore: string;
  before: Record<Table, number>;
  after: Record<Table, number>;
}

export function logKills(browser: string, kills: KillRecord[], final: Record<Table, number>): void {
  const line = (c: Record<Table, number>) => TABLES.map((t) => `${t} ${c[t]}`).join(', ');
  console.log(`[${browser}] ${kills.length} kills`);
  for (const k of kills) console.log(`  step ${k.step} (${k.stateBefore}): before ${line(k.before)} → after restart ${line(k.after)}`);
  console.log(`  final: ${line(final)}`);
}
