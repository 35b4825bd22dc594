/**
 * The whole database as one JSON file, and back (docs/export-format.md § Backup). Every table
 * is written; screenshots only when asked, as data URLs. Import validates the file, then
 * merges table by table in one transaction (merge.ts), and keeps snapshots within their budget.
 * Pending lookup jobs are listed in the file but not imported: they are work, not data, and
 * the next sighting of the product queues its lookup again. Detection diagnostics are written
 * for a bug report and not imported either: they describe the browser that exported them.
 */
import { z } from 'zod';
import { blobToDataUrl, dataUrlToBlob } from '../audit/data-url';
import { enforceBudget } from '../audit/snapshot-store';
import type { ScrollCartDb } from '../db';
import { BACKUP_FORMAT, BACKUP_VERSION, BackupSchema, type Backup, type BackupDiagnostics, type SnapshotFileRow } from './backup-schema';
import { mergeClick, mergeProduct, mergeSaved, mergeSighting, mergeStore, mergeWatch, snapshotIdentity } from './merge';

export async function exportBackup(db: ScrollCartDb, settings: unknown, options: { snapshots: boolean; now: number; diagnostics?: BackupDiagnostics }): Promise<Backup> {
  const snapshots: SnapshotFileRow[] = [];
  for (const row of await db.snapshots.orderBy('takenAt').toArray()) {
    snapshots.push({ sightingItemId: row.sightingItemId, takenAt: row.takenAt, bytes: row.bytes, image: options.snapshots ? await blobToDataUrl(row.image) : null });
  }
  return {
    format: BACKUP_FORMAT,
    schemaVersion: BACKUP_VERSION,
    exportedAt: new Date(options.now).toISOString(),
    dbVersion: db.verno,
    settings,
    tables: {
      sightings: await db.sightings.orderBy('itemId').toArray(),
      products: await db.products.orderBy('key').toArray(),
      stores: await db.stores.orderBy('host').toArray(),
      saved: await db.saved.orderBy('key').toArray(),
      clicks: await db.clicks.orderBy('id').toArray(),
      jobs: await db.jobs.orderBy('id').toArray(),
      watches: await db.watches.orderBy('key').toArray(),
      snapshots,
    },
    ...(options.diagnostics ? { diagnostics: options.diagnostics } : {}),
  };
}

export type ParsedBackup = { ok: true; backup: Backup } | { ok: false; problem: string };

/** Reads a file's text: JSON, then the schema; the first problem is named with its path. */
export function parseBackup(text: string): ParsedBackup {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: `not JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  const parsed = BackupSchema.safeParse(json);
  if (parsed.success) return { ok: true, backup: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, problem: issue ? `${issue.path.join('.') || 'file'}: ${issue.message}` : z.prettifyError(parsed.error) };
}

export interface ImportCounts {
  added: Record<string, number>;
  updated: Record<string, number>;
}

async function mergeTable<T, K extends string>(
  table: { bulkGet(keys: K[]): Promise<(T | undefined)[]>; bulkPut(rows: T[]): Promise<unknown> },
  rows: readonly T[],
  keyOf: (row: T) => K,
  merge: (stored: T | undefined, incoming: T) => T | null,
): Promise<{ added: number; updated: number }> {
  const stored = await table.bulkGet(rows.map(keyOf));
  const writes: T[] = [];
  let added = 0;
  rows.forEach((row, i) => {
    const next = merge(stored[i], row);
    if (next === null) return;
    if (!stored[i]) added += 1;
    writes.push(next);
  });
  await table.bulkPut(writes);
  return { added, updated: writes.length - added };
}

export async function importBackup(db: ScrollCartDb, backup: Backup): Promise<ImportCounts> {
  const { tables } = backup;
  const counts: ImportCounts = { added: {}, updated: {} };
  const note = (name: string, result: { added: number; updated: number }) => {
    counts.added[name] = result.added;
    counts.updated[name] = result.updated;
  };
  await db.transaction('rw', [db.sightings, db.products, db.stores, db.saved, db.clicks, db.watches, db.snapshots], async () => {
    note('sightings', await mergeTable(db.sightings, dedupe(tables.sightings, (r) => r.itemId), (r) => r.itemId, mergeSighting));
    note('products', await mergeTable(db.products, dedupe(tables.products, (r) => r.key), (r) => r.key, mergeProduct));
    note('stores', await mergeTable(db.stores, dedupe(tables.stores, (r) => r.host), (r) => r.host, mergeStore));
    note('saved', await mergeTable(db.saved, dedupe(tables.saved, (r) => r.key), (r) => r.key, mergeSaved));
    note('clicks', await mergeTable(db.clicks, dedupe(tables.clicks, (r) => r.id), (r) => r.id, mergeClick));
    note('watches', await mergeTable(db.watches, dedupe(tables.watches, (r) => r.key), (r) => r.key, mergeWatch));
    note('snapshots', { added: await addSnapshots(db, tables.snapshots), updated: 0 });
  });
  return counts;
}

/** Within one file a key appears once; a hand-edited file with repeats keeps the last. */
function dedupe<T>(rows: readonly T[], keyOf: (row: T) => string): T[] {
  return [...new Map(rows.map((row) => [keyOf(row), row])).values()];
}

async function addSnapshots(db: ScrollCartDb, rows: readonly SnapshotFileRow[]): Promise<number> {
  const known = new Set((await db.snapshots.toArray()).map(snapshotIdentity));
  let added = 0;
  for (const row of rows) {
    // A file made without screenshots lists them; there is no image to restore.
    const image = row.image !== null ? dataUrlToBlob(row.image) : null;
    // The image's real size, not the file's word for it: it is what the budget counts.
    const identity = image ? snapshotIdentity({ ...row, bytes: image.size }) : '';
    if (!image || known.has(identity)) continue;
    known.add(identity);
    await db.snapshots.add({ sightingItemId: row.sightingItemId, takenAt: row.takenAt, bytes: image.size, image });
    added += 1;
  }
  if (added > 0) await enforceBudget(db);
  return added;
}
