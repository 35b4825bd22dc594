/** Messages of the merchant dashboard: sightings per store, landing checks, snapshots, export and import (issue 6). */
import { z } from 'zod';
import { AdKind, LookupStatus, SightingSource, TikTokItemId } from '../model';
import { Empty, type MessageSpecs } from './spec';

const Host = z.string().min(1).max(253);
const Verdict = z.enum(['pass', 'warn', 'fail']);
const WordArg = z.union([z.string().max(5000), z.object({ key: z.union([z.templateLiteral(['dash_', z.string()]), z.templateLiteral(['lookup_', z.string()])]) })]);
const Words = z.object({ key: z.templateLiteral(['dash_', z.string()]), args: z.array(WordArg).max(10) });

export const CheckResult = z.object({
  id: z.string().max(64),
  verdict: Verdict,
  reason: Words,
  evidence: z.array(z.object({ label: z.templateLiteral(['dash_ev_', z.string()]), value: z.string().max(5000) })).max(40),
});
export type CheckResult = z.infer<typeof CheckResult>;

export const SnapshotMeta = z.object({ id: z.number().int().positive(), sightingItemId: TikTokItemId, takenAt: z.number(), bytes: z.number().int().nonnegative() });
export type SnapshotMeta = z.infer<typeof SnapshotMeta>;

export const AdReport = z.object({
  itemId: TikTokItemId,
  author: z.string(),
  caption: z.string(),
  ctaText: z.string(),
  page: z.string(),
  source: SightingSource,
  adKind: AdKind,
  firstSeen: z.number(),
  lastSeen: z.number(),
  impressions: z.number().int().nonnegative(),
  landingUrlRaw: z.string(),
  landingUrl: z.string(),
  productKey: z.string().nullable(),
  productTitle: z.string().nullable(),
  lookup: z.nullable(LookupStatus),
  checks: z.array(CheckResult),
  snapshots: z.array(SnapshotMeta),
});
export type AdReport = z.infer<typeof AdReport>;

export const StoreReport = z.object({
  host: Host,
  /** The host and its aliases (custom domain ↔ myshopify.com name) the ads were matched on. */
  hosts: z.array(Host),
  counts: z.object({ ads: z.number().int(), impressions: z.number().int(), failing: z.number().int(), warnings: z.number().int() }),
  days: z.array(z.object({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), impressions: z.number().int() })),
  ads: z.array(AdReport),
});
export type StoreReport = z.infer<typeof StoreReport>;

const ExportFile = z.object({ filename: z.string().max(200), mime: z.string().max(100), text: z.string() });
const SnapshotFailure = z.enum(['no-feed-tab', 'no-permission', 'capture-failed', 'no-ad', 'too-large']);
const TableCounts = z.record(z.string(), z.number().int());

export const dashboardProtocol = {
  /** The merchant's stores (remembered in settings) and the hosts seen in ads, to pick from. */
  'dashboard/stores': {
    from: ['page'],
    request: Empty,
    response: z.object({ myStores: z.array(Host), seen: z.array(z.object({ host: Host, ads: z.number().int() })) }),
  },
  /** Replaces the list of my stores; entries that are no host name come back in `rejected`. */
  'dashboard/set-stores': {
    from: ['page'],
    request: z.object({ stores: z.array(z.string().max(2048)).max(50) }),
    response: z.object({ myStores: z.array(Host), rejected: z.array(z.string()) }),
  },
  /** One store: every ad of it seen, each with its landing checks and snapshots, the counts and impressions per day. */
  'dashboard/report': { from: ['page'], request: z.object({ host: Host }), response: StoreReport },
  /** The store's ads with their checks as a file (docs/export-format.md). */
  'dashboard/export-store': { from: ['page'], request: z.object({ host: Host, format: z.enum(['csv', 'json']) }), response: ExportFile },
  /** Everything ScrollCart holds, as one JSON file; screenshots included only when asked (they are large). */
  'dashboard/export-all': { from: ['page'], request: z.object({ snapshots: z.boolean() }), response: ExportFile },
  /** Merges a file `dashboard/export-all` wrote: validated, nothing duplicated. */
  'dashboard/import': {
    from: ['page'],
    request: z.object({ text: z.string().max(64 * 1024 * 1024) }),
    response: z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true), added: TableCounts, updated: TableCounts }),
      z.object({ ok: z.literal(false), problem: z.string().max(2000) }),
    ]),
  },
  /** Captures the visible TikTok tab for an ad (null: the ad that appeared last). Needs an activeTab grant on that tab. */
  'dashboard/snapshot-capture': {
    from: ['page'],
    request: z.object({ itemId: z.nullable(TikTokItemId) }),
    response: z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true), snapshot: SnapshotMeta }),
      z.object({ ok: z.literal(false), reason: SnapshotFailure, detail: z.string().max(2000) }),
    ]),
  },
  /** A snapshot's image as a data URL (Blobs don't cross runtime messages), or null when it was evicted. */
  'dashboard/snapshot-image': { from: ['page'], request: z.object({ id: z.number().int().positive() }), response: z.object({ dataUrl: z.string().nullable() }) },
  'dashboard/snapshot-delete': { from: ['page'], request: z.object({ id: z.number().int().positive() }), response: z.object({ deleted: z.boolean() }) },
} as const satisfies MessageSpecs;
