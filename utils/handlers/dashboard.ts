/** Handlers of utils/protocol/dashboard.ts: the merchant dashboard's reads, snapshots, export and import. */
import { browser } from 'wxt/browser';
import { captureFeedTab } from '../audit/capture';
import { blobToDataUrl } from '../audit/data-url';
import { buildStoreReport } from '../audit/report';
import { snapshotMetas } from '../audit/snapshot-store';
import { hostsOfStore, normaliseHost, seenHosts } from '../audit/store-match';
import { takeSnapshot, type CaptureResult } from '../audit/take-snapshot';
import type { Lookup } from '../audit/words';
import type { ScrollCartDb } from '../db';
import { readDiagnostics } from '../diagnostics-store';
import { exportBackup, importBackup, parseBackup } from '../export/backup';
import type { BackupDiagnostics } from '../export/backup-schema';
import { unionList } from '../export/merge';
import { exportFilename, storeCsv, storeJson } from '../export/store-export';
import type { ProductRow } from '../model';
import type { dashboardProtocol, StoreReport } from '../protocol/dashboard';
import type { HandlersOf } from '../protocol/spec';
import { parseSettings, readSettings, updateSettings, type Settings } from '../settings';
import type { BackgroundDeps } from './deps';

/** What the dashboard needs beyond the database; tests pass fakes. */
export interface DashboardServices {
  /** Captures the visible TikTok tab (needs an activeTab grant on it). */
  capture: () => Promise<CaptureResult>;
  readSettings: () => Promise<Settings>;
  updateSettings: (change: Partial<Settings>) => Promise<Settings>;
  /** The catalogue, so exported files speak the reader's language. */
  lookup: Lookup;
  /** The detection diagnostics, written into the whole-database export for bug reports. */
  readDiagnostics: () => Promise<BackupDiagnostics>;
}

export function browserDashboardServices(): DashboardServices {
  return { capture: captureFeedTab, readSettings, updateSettings, lookup: (key, args) => browser.i18n.getMessage(key as never, args), readDiagnostics };
}

async function loadReport(db: ScrollCartDb, host: string): Promise<StoreReport> {
  const hosts = hostsOfStore(host, await db.stores.toArray());
  const sightings = await db.sightings.toArray();
  const keys = [...new Set(sightings.flatMap((s) => (s.productKey ? [s.productKey] : [])))];
  const products = new Map<string, ProductRow>();
  for (const row of await db.products.bulkGet(keys)) if (row) products.set(row.key, row);
  return buildStoreReport(host, hosts, { sightings, products, snapshots: await snapshotMetas(db) });
}

const MIME = { csv: 'text/csv;charset=utf-8', json: 'application/json' } as const;

export function dashboardHandlers(deps: BackgroundDeps, services: DashboardServices = browserDashboardServices()): HandlersOf<typeof dashboardProtocol> {
  const { db } = deps;
  return {
    'dashboard/stores': async () => ({ myStores: (await services.readSettings()).myStores, seen: seenHosts(await db.sightings.toArray()).slice(0, 200) }),

    'dashboard/set-stores': async ({ stores }) => {
      const hosts = stores.map((entry) => ({ entry, host: normaliseHost(entry) }));
      const myStores = [...new Set(hosts.flatMap(({ host }) => (host ? [host] : [])))];
      const saved = await services.updateSettings({ myStores });
      return { myStores: saved.myStores, rejected: hosts.filter(({ host }) => !host).map(({ entry }) => entry.slice(0, 253)) };
    },

    'dashboard/report': async ({ host }) => loadReport(db, host),

    'dashboard/export-store': async ({ host, format }) => {
      const report = await loadReport(db, host);
      const text = format === 'csv' ? storeCsv(report, services.lookup) : storeJson(report, services.lookup, deps.now());
      return { filename: exportFilename(`audit-${host}`, format, deps.now()), mime: MIME[format], text };
    },

    'dashboard/export-all': async ({ snapshots }) => {
      const backup = await exportBackup(db, await services.readSettings(), { snapshots, now: deps.now(), diagnostics: await services.readDiagnostics() });
      return { filename: exportFilename('backup', 'json', deps.now()), mime: MIME.json, text: JSON.stringify(backup, null, 2) };
    },

    'dashboard/import': async ({ text }) => {
      const parsed = parseBackup(text);
      if (!parsed.ok) return { ok: false, problem: parsed.problem.slice(0, 2000) };
      const counts = await importBackup(db, parsed.backup);
      // Settings: the lists are merged; every other setting stays as this browser has it.
      const incoming = parseSettings(parsed.backup.settings);
      const current = await services.readSettings();
      await services.updateSettings({ myStores: unionList(current.myStores, incoming.myStores, 50), pausedSites: unionList(current.pausedSites, incoming.pausedSites, 100) });
      return { ok: true, ...counts };
    },

    'dashboard/snapshot-capture': async ({ itemId }) => takeSnapshot({ db, now: deps.now, capture: services.capture }, itemId),

    'dashboard/snapshot-image': async ({ id }) => {
      const row = await db.snapshots.get(id);
      return { dataUrl: row ? await blobToDataUrl(row.image) : null };
    },

    'dashboard/snapshot-delete': async ({ id }) => {
      const existed = (await db.snapshots.get(id)) !== undefined;
      await db.snapshots.delete(id);
      return { deleted: existed };
    },
  };
}
