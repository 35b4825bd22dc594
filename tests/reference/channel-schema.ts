/**
 * The tap channel's messages as zod schemas: the reference the receiver's hand-written check
 * (utils/tiktok/channel-check.ts) is tested against, value for value. The content script no
 * longer bundles them (docs/performance.md); the types both ends use live in channel.ts and
 * these schemas are held to them by the compile-time assertions below.
 */
import { z } from 'zod/mini';
import { ITEM_ID_PATTERN } from '@/utils/model-limits';
import { CHANNEL_TAG, type ClickMessage, type ItemsMessage, type StatsMessage, type TapStats } from '@/utils/tiktok/channel';
import { MAX_LIST } from '@/utils/tiktok/feed-json';

const Tag = z.literal(CHANNEL_TAG);
const Page = z.string().check(z.maxLength(2048));
const Count = z.int().check(z.nonnegative(), z.lte(Number.MAX_SAFE_INTEGER));

export const ItemsMessageSchema = z.object({
  tag: Tag,
  kind: z.literal('items'),
  channel: z.string(),
  source: z.enum(['api', 'ssr', 'prefetch']),
  page: Page,
  items: z.array(z.unknown()),
  organic: z.optional(z.array(z.string().check(z.regex(ITEM_ID_PATTERN))).check(z.maxLength(MAX_LIST))),
});

export const ClickMessageSchema = z.object({
  tag: Tag,
  kind: z.literal('click'),
  channel: z.string(),
  page: Page,
  itemId: z.nullable(z.string().check(z.maxLength(64))),
  url: z.string().check(z.maxLength(8192)),
  known: z.enum(['ad', 'unknown']),
});

export const TapStatsSchema = z.object({
  // Keys are endpoint paths or `prefetch:`/`ssr:` names: a bounded set in a real tap.
  responses: z.record(z.string().check(z.maxLength(128)), Count).check(z.refine((r) => Object.keys(r).length <= 64, 'too many endpoints')),
  items: Count,
  candidates: Count,
  unreadable: Count,
  dropped: Count,
  clicks: Count,
  clicksIgnored: Count,
});

export const StatsMessageSchema = z.object({ tag: Tag, kind: z.literal('stats'), channel: z.string(), stats: TapStatsSchema });

export const TapMessageSchema = z.discriminatedUnion('kind', [ItemsMessageSchema, ClickMessageSchema, StatsMessageSchema]);

// Compile-time: what the schemas accept is exactly what the tap sends.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _items: Same<z.infer<typeof ItemsMessageSchema>, ItemsMessage> = true;
const _click: Same<z.infer<typeof ClickMessageSchema>, ClickMessage> = true;
const _stats: Same<z.infer<typeof StatsMessageSchema>, StatsMessage> = true;
const _tapStats: Same<z.infer<typeof TapStatsSchema>, TapStats> = true;
void [_items, _click, _stats, _tapStats];
