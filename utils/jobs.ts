/**
 * Persisted work (issue 4 §7): a job is written before its work starts, so an MV3 worker
 * killed mid-way resumes it on start-up. Taking a job leases it (its `dueAt` moves forward)
 * instead of deleting it; only `completeJob` deletes. A job that keeps failing is dropped
 * after `maxAttempts`, so one poison entry can't stall the queue forever.
 */
import type { ScrollCartDb } from './db';
import type { JobRow, ProductKey } from './model';
import type { ProductRef } from './shopify/product-url';

export function lookupJobId(ref: ProductRef): string {
  return `lookup:${ref.host}/${ref.handle}${ref.localePrefix}`;
}

/** Idempotent: the same lookup queued twice is one job, and a running (leased) job keeps its lease. */
export async function enqueueLookup(db: ScrollCartDb, ref: ProductRef, now: number): Promise<JobRow> {
  const id = lookupJobId(ref);
  return db.transaction('rw', db.jobs, async () => {
    const existing = await db.jobs.get(id);
    if (existing) return existing;
    const job: JobRow = {
      id,
      kind: 'lookup',
      key: `${ref.host}/${ref.handle}` as ProductKey,
      ref: { kind: 'product', host: ref.host, localePrefix: ref.localePrefix, handle: ref.handle, variantId: ref.variantId },
      createdAt: now,
      attempts: 0,
      dueAt: now,
    };
    await db.jobs.put(job);
    return job;
  });
}

/** Jobs due by `now`, oldest due first, each leased for `leaseMs`; jobs past `maxAttempts` are deleted. */
export async function takeDueJobs(db: ScrollCartDb, now: number, opts: { limit?: number; leaseMs?: number; maxAttempts?: number } = {}): Promise<JobRow[]> {
  const { limit = 20, leaseMs = 120_000, maxAttempts = 5 } = opts;
  return db.transaction('rw', db.jobs, async () => {
    const due = await db.jobs.where('dueAt').belowOrEqual(now).limit(limit).toArray();
    const taken: JobRow[] = [];
    for (const job of due) {
      if (job.attempts >= maxAttempts) {
        await db.jobs.delete(job.id);
        continue;
      }
      const leased = { ...job, attempts: job.attempts + 1, dueAt: now + leaseMs };
      await db.jobs.put(leased);
      taken.push(leased);
    }
    return taken;
  });
}

export async function completeJob(db: ScrollCartDb, id: string): Promise<void> {
  await db.jobs.delete(id);
}

export async function pendingJobCount(db: ScrollCartDb): Promise<number> {
  return db.jobs.count();
}
