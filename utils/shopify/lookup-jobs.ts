/**
 * Lookups that survive the worker being killed: the job is persisted before the resolve
 * starts and deleted once its outcome (success or typed failure) is written. On start-up,
 * `resumeLookups` runs what a killed worker left behind. Resolves are idempotent (one row per
 * product key), so a job run twice can't duplicate anything.
 */
import type { ScrollCartDb } from '../db';
import { completeJob, enqueueLookup, takeDueJobs } from '../jobs';
import type { ProductRow } from '../model';
import { parseProductRef, type ProductRef } from './product-url';
import type { Resolver } from './resolver';

/** Persist, resolve, complete. A throw (database trouble) leaves the job for the next start-up. */
export async function resolveDurably(db: ScrollCartDb, resolver: Resolver, ref: ProductRef, now: number): Promise<ProductRow> {
  const job = await enqueueLookup(db, ref, now);
  const row = await resolver.resolve(ref);
  await completeJob(db, job.id);
  return row;
}

/** Runs the jobs due by `now`; returns how many were resolved. A stored ref is re-validated before use. */
export async function resumeLookups(db: ScrollCartDb, resolver: Resolver, now: number, limit = 20): Promise<number> {
  const jobs = await takeDueJobs(db, now, { limit });
  let resolved = 0;
  await Promise.all(
    jobs.map(async (job) => {
      const ref = parseProductRef(job.ref);
      if (ref) {
        await resolver.resolve(ref);
        resolved += 1;
      }
      await completeJob(db, job.id);
    }),
  );
  return resolved;
}
