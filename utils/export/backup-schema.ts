/**
 * The schema of ScrollCart's whole-database file (docs/export-format.md § Backup), checked
 * with zod when a file is imported: a file is untrusted input, however it was made. Each row
 * schema `satisfies` its row type in utils/model.ts, so a model change that the schema
 * misses fails the typecheck.
 */
import { z } from 'zod';
import { Counters, MAX_MISSED, MissedAdRecord } from '../diagnostics';
import { AdSighting, RECENT_REPORTS, ClickKind, LookupStatus, ProductKey, TikTokItemId, VariantId, type ClickRow, type JobRow, type ProductRow, type SavedRow, type SightingRow, type StoreRow, type WatchRow } from '../model';

export const BACKUP_FORMAT = 'scrollcart-backup';
export const BACKUP_VERSION = 1;

const text = (max = 5000) => z.string().max(max);
const time = z.number().nonnegative();
const count = z.number().int().nonnegative();
const currency = z.string().regex(/^[A-Z]{3}$/);
const MAX_ROWS = 200_000;

export const SightingRowSchema = z.object({
  ...AdSighting.shape,
  productKey: z.nullable(ProductKey),
  firstSeen: time,
  lastSeen: time,
  impressions: count,
  recentReportIds: z.array(text(64)).max(RECENT_REPORTS).optional(),
}) satisfies z.ZodType<SightingRow>;

const VariantRowSchema = z.object({
  id: VariantId,
  title: text(500),
  available: z.boolean(),
  price: count,
  compareAtPrice: count.nullable(),
  options: z.array(text(500)).max(10),
  requiresSellingPlan: z.boolean(),
  image: text(4096).nullable(),
  lowestPrice: count,
});

export const ProductRowSchema = z.object({
  key: ProductKey,
  host: text(253),
  handle: text(255),
  status: LookupStatus,
  detail: text(),
  fetchedAt: time,
  title: text(1000).nullable(),
  currency: currency.nullable(),
  variants: z.array(VariantRowSchema).max(2000),
  image: text(4096).nullable(),
  localePrefix: text(20),
  vendor: text(1000).nullable(),
  storeName: text(1000).nullable(),
  options: z.array(z.object({ name: text(500), values: z.array(text(500)).max(500) })).max(10),
  requiresSellingPlan: z.boolean(),
  currencySource: z.enum(['cart', 'meta']).nullable(),
  lastOkAt: time.nullable(),
  expiresAt: time,
  minPrice: count.nullable(),
  lowestPrice: count.nullable(),
  priceHistory: z.array(z.object({ at: time, currency, minPrice: count })).max(1000),
}) satisfies z.ZodType<ProductRow>;

const MarketSchema = z.object({ currency, source: z.enum(['cart', 'meta']), checkedAt: time });

export const StoreRowSchema = z.object({
  host: text(253),
  name: text(1000).nullable(),
  currencyByPrefix: z.record(text(20), currency),
  checkedAt: time,
  markets: z.record(text(20), MarketSchema),
  platform: z.enum(['shopify', 'other', 'unknown']),
  platformCheckedAt: time.nullable(),
  myshopifyDomain: text(253).nullable(),
  baseCurrency: currency.nullable(),
}) satisfies z.ZodType<StoreRow>;

export const SavedRowSchema = z.object({
  key: text(700),
  productKey: ProductKey,
  host: text(253),
  variantId: VariantId,
  quantity: z.number().int().positive().max(999),
  savedAt: time,
  priceWhenSaved: count,
  currency,
  sightingItemId: z.nullable(TikTokItemId),
}) satisfies z.ZodType<SavedRow>;

export const ClickRowSchema = z.object({
  id: text(100),
  time,
  kind: ClickKind,
  host: text(253).nullable(),
  productKey: z.nullable(ProductKey),
  sightingItemId: z.nullable(TikTokItemId),
}) satisfies z.ZodType<ClickRow>;

export const JobRowSchema = z.object({
  id: text(800),
  kind: z.literal('lookup'),
  key: ProductKey,
  ref: z.object({ kind: z.literal('product'), host: text(253), localePrefix: text(20), handle: text(255), variantId: z.number().int().nullable() }),
  createdAt: time,
  attempts: count,
  dueAt: time,
}) satisfies z.ZodType<JobRow>;

export const WatchRowSchema = z.object({
  key: text(700),
  productKey: ProductKey,
  checkedAt: time,
  referencePrice: count,
  currency,
  price: count.nullable(),
  available: z.boolean().nullable(),
}) satisfies z.ZodType<WatchRow>;

/** A snapshot in the file: its image as a data URL, or null when the file was made without screenshots. */
export const SnapshotFileRowSchema = z.object({
  sightingItemId: TikTokItemId,
  takenAt: time,
  bytes: count,
  image: z.string().startsWith('data:image/').max(40 * 1024 * 1024).nullable(),
});
export type SnapshotFileRow = z.infer<typeof SnapshotFileRowSchema>;

const rows = <T extends z.ZodType>(schema: T) => z.array(schema).max(MAX_ROWS).default([]);

/** Detection diagnostics (utils/diagnostics.ts), for a bug report: written by export, never imported. */
export const BackupDiagnosticsSchema = z.object({ counters: Counters, missed: z.array(MissedAdRecord).max(MAX_MISSED) });
export type BackupDiagnostics = z.infer<typeof BackupDiagnosticsSchema>;

export const BackupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  schemaVersion: z.literal(BACKUP_VERSION),
  exportedAt: z.string().max(40),
  /** The Dexie schema version the rows were read from (docs/data-model.md). */
  dbVersion: z.number().int().positive(),
  /** storage.local settings; read back with `parseSettings`, so unknown or invalid fields fall back. */
  settings: z.unknown(),
  tables: z.object({
    sightings: rows(SightingRowSchema),
    products: rows(ProductRowSchema),
    stores: rows(StoreRowSchema),
    saved: rows(SavedRowSchema),
    clicks: rows(ClickRowSchema),
    jobs: rows(JobRowSchema),
    watches: rows(WatchRowSchema),
    snapshots: rows(SnapshotFileRowSchema),
  }),
  /** Absent from files made before it was added, and from exports that had none to give. */
  diagnostics: BackupDiagnosticsSchema.optional(),
});
export type Backup = z.infer<typeof BackupSchema>;
