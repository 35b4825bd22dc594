/**
 * Diagnostics for when TikTok changes its site (issue 3 § 7): the content script's counters
 * (feed responses seen, items parsed, skipped by reason, ads by source, overlays) summed in
 * the background, and the non-personal shapes of cards a user says ScrollCart missed.
 * Kept in storage.local: small, and deleted with everything else.
 */
import { z } from 'zod/mini';
import type { ShapeNode } from './tiktok/dom-shape';

export { addCounters, countersSince, flattenCounters } from './diagnostics-counters';

/** The counters as the background accepts them (their maths: diagnostics-counters.ts). */
export const Counters = z.record(z.string().check(z.maxLength(100)), z.int().check(z.nonnegative(), z.lte(1e9)));
export type Counters = z.infer<typeof Counters>;

const ShapeNode: z.ZodMiniType<ShapeNode> = z.lazy(() =>
  z.object({
    tag: z.string().check(z.maxLength(40)),
    e2e: z.optional(z.string().check(z.maxLength(100))),
    role: z.optional(z.string().check(z.maxLength(40))),
    aria: z.optional(z.record(z.string().check(z.maxLength(40)), z.string().check(z.maxLength(64)))),
    id: z.optional(z.string().check(z.maxLength(100))),
    text: z.optional(z.string().check(z.maxLength(64))),
    children: z.optional(z.array(ShapeNode).check(z.maxLength(40))),
    omitted: z.optional(z.int().check(z.nonnegative())),
  }),
);

/** A missed-ad report, as the content script sends it (utils/tiktok/dom-shape.ts makes the shape). */
export const MissedAd = z.object({
  page: z.string().check(z.maxLength(200)),
  shape: z.object({
    version: z.literal(1),
    root: ShapeNode,
    hooks: z.array(z.string().check(z.maxLength(100))).check(z.maxLength(300)),
    texts: z.array(z.string().check(z.maxLength(64))).check(z.maxLength(40)),
    nodes: z.int().check(z.nonnegative(), z.lte(1000)),
    truncated: z.boolean(),
  }),
});
export type MissedAd = z.infer<typeof MissedAd>;

/** A stored report: the time it was made added by the background. */
export const MissedAdRecord = z.extend(MissedAd, { at: z.number().check(z.nonnegative()) });
export type MissedAdRecord = z.infer<typeof MissedAdRecord>;

export const MAX_MISSED = 50;

/** Newest first, bounded: the oldest reports go. */
export function addMissed(list: (MissedAd & { at: number })[], report: MissedAd, at: number): (MissedAd & { at: number })[] {
  return [{ ...report, at }, ...list].slice(0, MAX_MISSED);
}
