/**
 * A store's audit as CSV (one row per ad) and JSON, schema version 1 (docs/export-format.md).
 * Reasons are written in the exporting browser's language; verdicts are the stable tokens
 * `pass`, `warn`, `fail`. Each check adds two columns, `<id>` and `<id>_reason`, in the
 * registry's order: a new check appends columns without changing the version.
 */
import { CHECKS } from '../audit/checks/index';
import { wordsToText, type Lookup } from '../audit/words';
import type { AdReport, StoreReport } from '../protocol/dashboard';
import { toCsv } from './csv';

export const STORE_EXPORT_VERSION = 1;

export const FIXED_COLUMNS = [
  'schema_version',
  'store',
  'item_id',
  'author',
  'caption',
  'cta_text',
  'page',
  'source',
  'first_seen',
  'last_seen',
  'impressions',
  'landing_url_raw',
  'landing_url',
  'product_key',
  'product_title',
  'lookup_status',
  'snapshots',
  'checks_failing',
  'checks_warning',
] as const;

const iso = (time: number): string => new Date(time).toISOString();

export function storeCsvHeader(checkIds: readonly string[] = CHECKS.map((c) => c.id)): string[] {
  return [...FIXED_COLUMNS, ...checkIds.flatMap((id) => [id, `${id}_reason`])];
}

function adRow(store: string, ad: AdReport, checkIds: readonly string[], lookup: Lookup): (string | number | null)[] {
  const byId = new Map(ad.checks.map((c) => [c.id, c]));
  const fixed = [
    STORE_EXPORT_VERSION,
    store,
    ad.itemId,
    ad.author,
    ad.caption,
    ad.ctaText,
    ad.page,
    ad.source,
    iso(ad.firstSeen),
    iso(ad.lastSeen),
    ad.impressions,
    ad.landingUrlRaw,
    ad.landingUrl,
    ad.productKey,
    ad.productTitle,
    ad.lookup,
    ad.snapshots.length,
    ad.checks.filter((c) => c.verdict === 'fail').length,
    ad.checks.filter((c) => c.verdict === 'warn').length,
  ];
  const checks = checkIds.flatMap((id) => {
    const result = byId.get(id);
    return result ? [result.verdict, wordsToText(result.reason, lookup)] : [null, null];
  });
  return [...fixed, ...checks];
}

export function storeCsv(report: StoreReport, lookup: Lookup): string {
  const ids = CHECKS.map((c) => c.id);
  return toCsv(storeCsvHeader(ids), report.ads.map((ad) => adRow(report.host, ad, ids, lookup)));
}

export function storeJson(report: StoreReport, lookup: Lookup, now: number): string {
  const text = (key: string) => lookup(key) || key;
  return JSON.stringify(
    {
      format: 'scrollcart-store-audit',
      schemaVersion: STORE_EXPORT_VERSION,
      exportedAt: iso(now),
      store: report.host,
      hosts: report.hosts,
      checks: CHECKS.map((c) => ({ id: c.id, title: text(c.title) })),
      counts: report.counts,
      days: report.days,
      ads: report.ads.map((ad) => ({
        ...ad,
        firstSeen: iso(ad.firstSeen),
        lastSeen: iso(ad.lastSeen),
        snapshots: ad.snapshots.map((s) => ({ id: s.id, takenAt: iso(s.takenAt), bytes: s.bytes })),
        checks: ad.checks.map((c) => ({
          id: c.id,
          verdict: c.verdict,
          reason: wordsToText(c.reason, lookup),
          evidence: c.evidence.map((e) => ({ label: text(e.label), value: e.value })),
        })),
      })),
    },
    null,
    2,
  );
}

/** `scrollcart-audit-shop.example.com-2026-07-01.csv` */
export function exportFilename(kind: string, ext: 'csv' | 'json', now: number): string {
  return `scrollcart-${kind.replace(/[^a-z0-9.-]+/gi, '_')}-${iso(now).slice(0, 10)}.${ext}`;
}
