/**
 * Diagnostics for when TikTok changes its site (issue 3 § 7): the content script's counters
 * (feed responses seen, items parsed, skipped by reason, ads by source, overlays) summed in
 * the background, and the non-personal shapes of cards a user says ScrollCart missed.
 * Kept in storage.local: small, and deleted with everything else.
 */
import { z } from 'zod';
import type { ShapeNode } from './tiktok/dom-shape';

/** Counter name → count, e.g. `responses:/api/recommend/item_list/`, `skipped:no-id`, `ads`. */
export const Counters = z.record(z.string().max(100), z.number().int().nonnegative().max(1e9));
export type Counters = z.infer<typeof Counters>;

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

const ShapeNode: z.ZodType<ShapeNode> = z.lazy(() =>
  z.object({
    tag: z.string().max(40),
    e2e: z.string().max(100).optional(),
    role: z.string().max(40).optional(),
    aria: z.record(z.string().max(40), z.string().max(64)).optional(),
    id: z.string().max(100).optional(),
    text: z.string().max(64).optional(),
    children: z.array(ShapeNode).max(40).optional(),
    omitted: z.number().int().nonnegative().optional(),
  }),
);

/** A missed-ad report, as the content script sends it (utils/tiktok/dom-shape.ts makes the shape). */
export const MissedAd = z.object({
  page: z.string().max(200),
  shape: z.object({
    version: z.literal(1),
    root: ShapeNode,
    hooks: z.array(z.string().max(100)).max(300),
    texts: z.array(z.string().max(64)).max(40),
    nodes: z.number().int().nonnegative().max(1000),
    truncated: z.boolean(),
  }),
});
export type MissedAd = z.infer<typeof MissedAd>;

/** A stored report: the time it was made added by the background. */
export const MissedAdRecord = MissedAd.extend({ at: z.number().nonnegative() });
export type MissedAdRecord = z.infer<typeof MissedAdRecord>;

export const MAX_MISSED = 50;

/** Newest first, bounded: the oldest reports go. */
export function addMissed(list: (MissedAd & { at: number })[], report: MissedAd, at: number): (MissedAd & { at: number })[] {
  return [{ ...report, at }, ...list].slice(0, MAX_MISSED);
}
