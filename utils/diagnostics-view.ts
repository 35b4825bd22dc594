/**
 * The dashboard's reading of the diagnostics counters (utils/diagnostics.ts): each flattened
 * counter (`skipped:no-id`, `responses:/api/recommend/item_list/`, `overlay:domFallbacks`) as
 * a group a person can name and the detail that says which one, most telling groups first.
 */
import type { Counters } from './diagnostics';

/** Counter families, in the order the dashboard lists them: what was found before how. */
export const COUNTER_GROUPS = ['ads', 'adsBySource', 'organic', 'duplicates', 'skipped', 'parsed', 'responses', 'rejected', 'clicks', 'tap', 'overlay', 'other'] as const;
export type CounterGroup = (typeof COUNTER_GROUPS)[number];

export interface CounterRow {
  /** The counter's own name, as exported. */
  key: string;
  group: CounterGroup;
  /** What within the group (a skip reason, an endpoint, a source); '' for a group's single total. */
  detail: string;
  count: number;
}

function groupOf(head: string): CounterGroup {
  return (COUNTER_GROUPS as readonly string[]).includes(head) && head !== 'other' ? (head as CounterGroup) : 'other';
}

/** Rows by group order, then the larger count first, then by detail. */
export function counterRows(counters: Counters): CounterRow[] {
  const rows = Object.entries(counters).map(([key, count]): CounterRow => {
    const colon = key.indexOf(':');
    const group = groupOf(colon < 0 ? key : key.slice(0, colon));
    // An unknown counter keeps its whole name: the name is all a bug report has to go on.
    const detail = group === 'other' ? key : colon < 0 ? '' : key.slice(colon + 1);
    return { key, group, detail, count };
  });
  const rank = (g: CounterGroup) => COUNTER_GROUPS.indexOf(g);
  return rows.sort((a, b) => rank(a.group) - rank(b.group) || b.count - a.count || a.detail.localeCompare(b.detail));
}

export interface DiagnosticsSummary {
  ads: number;
  /** Ads the DOM detector reported: many of them, and few feed responses, mean the feed reader went blind. */
  domAds: number;
  skipped: number;
  responses: number;
}

const sumOf = (counters: Counters, prefix: string) => Object.entries(counters).reduce((sum, [key, n]) => (key.startsWith(prefix) ? sum + n : sum), 0);

export function summariseCounters(counters: Counters): DiagnosticsSummary {
  return { ads: counters.ads ?? 0, domAds: counters['adsBySource:dom'] ?? 0, skipped: sumOf(counters, 'skipped:'), responses: sumOf(counters, 'responses:') };
}
