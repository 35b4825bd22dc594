/** One store's audit: its ads, newest first, each with every check's result and its snapshots. Pure. */
import type { ProductRow, SightingRow } from '../model';
import type { AdReport, StoreReport } from '../protocol/dashboard';
import { impressionsPerDay } from './daily';
import { auditInput } from './input';
import { runChecks } from './run';
import type { SnapshotMeta } from './snapshot-store';
import { belongsTo } from './store-match';

export interface ReportSources {
  sightings: readonly SightingRow[];
  products: ReadonlyMap<string, ProductRow>;
  snapshots: readonly SnapshotMeta[];
}

export function adReport(sighting: SightingRow, product: ProductRow | null, snapshots: SnapshotMeta[]): AdReport {
  return {
    itemId: sighting.itemId,
    author: sighting.author,
    caption: sighting.caption,
    ctaText: sighting.ctaText,
    page: sighting.page,
    source: sighting.source,
    adKind: sighting.adKind,
    firstSeen: sighting.firstSeen,
    lastSeen: sighting.lastSeen,
    impressions: sighting.impressions,
    landingUrlRaw: sighting.landingUrlRaw,
    landingUrl: sighting.landingUrl,
    productKey: sighting.productKey,
    productTitle: product?.title ?? null,
    lookup: product?.status ?? null,
    checks: runChecks(auditInput(sighting, product)),
    snapshots,
  };
}

export function buildStoreReport(host: string, hosts: ReadonlySet<string>, sources: ReportSources): StoreReport {
  const mine = sources.sightings.filter((s) => belongsTo(s, hosts)).sort((a, b) => b.lastSeen - a.lastSeen || a.itemId.localeCompare(b.itemId));
  const ads = mine.map((s) => adReport(s, (s.productKey && sources.products.get(s.productKey)) || null, sources.snapshots.filter((snap) => snap.sightingItemId === s.itemId)));
  const verdicts = ads.flatMap((ad) => ad.checks.map((c) => c.verdict));
  return {
    host,
    hosts: [...hosts],
    counts: {
      ads: ads.length,
      impressions: mine.reduce((sum, s) => sum + s.impressions, 0),
      failing: verdicts.filter((v) => v === 'fail').length,
      warnings: verdicts.filter((v) => v === 'warn').length,
    },
    days: impressionsPerDay(mine),
    ads,
  };
}
