/**
 * Counter maths of the diagnostics, free of zod so the content script can count and send
 * deltas without bundling it (docs/performance.md); the schema of `Counters` is in
 * diagnostics.ts, which checks what arrives in the background.
 */

/** Counter name → count, e.g. `responses:/api/recommend/item_list/`, `skipped:no-id`, `ads`. */
export type Counters = Record<string, number>;

const MAX_COUNTERS = 300;

/** Flattens nested stats (`{ skipped: { 'no-id': 2 } }`) to counters (`skipped:no-id: 2`). */
export function flattenCounters(stats: unknown, prefix = ''): Counters {
  const out: Counters = {};
  if (typeof stats !== 'object' || stats === null) return out;
  for (const [key, value] of Object.entries(stats)) {
    const name = prefix ? `${prefix}:${key}` : key;
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0) out[name.slice(0, 100)] = value;
    else if (typeof value === 'object' && value !== null) Object.assign(out, flattenCounters(value, name));
  }
  return out;
}

/** What grew since `before`: the content script sends only deltas, so totals survive reloads. */
export function countersSince(now: Counters, before: Counters): Counters {
  const delta: Counters = {};
  for (const [key, value] of Object.entries(now)) if (value > (before[key] ?? 0)) delta[key] = value - (before[key] ?? 0);
  return delta;
}

export function addCounters(total: Counters, delta: Counters): Counters {
  const sum = { ...total };
  for (const [key, value] of Object.entries(delta)) {
    if (!(key in sum) && Object.keys(sum).length >= MAX_COUNTERS) continue;
    sum[key] = Math.min(1e9, (sum[key] ?? 0) + value);
  }
  return sum;
}
