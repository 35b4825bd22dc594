import { describe, expect, it } from 'vitest';
import { completeJob, enqueueLookup, pendingJobCount, takeDueJobs } from '@/utils/jobs';
import { resolveDurably, resumeLookups } from '@/utils/shopify/lookup-jobs';
import { identifyProduct, type ProductRef } from '@/utils/shopify/product-url';
import { cart, fakeStores, json, makeResolver, RATIO_JS } from './resolver-fake-store';
import { freshDbs } from './test-db';

const DEMO = 'demo-store.myshopify.com';
const ref = (handle: string) => identifyProduct(`https://${DEMO}/products/${handle}`) as ProductRef;

const fresh = freshDbs();

describe('persisted jobs', () => {
  it('queues one job per lookup however often it is enqueued, leases on take, deletes on complete', async () => {
    const db = fresh();
    await Promise.all(Array.from({ length: 10 }, () => enqueueLookup(db, ref('a'), 100)));
    await enqueueLookup(db, ref('b'), 200);
    expect(await pendingJobCount(db)).toBe(2);
    const taken = await takeDueJobs(db, 150, { leaseMs: 1_000 });
    expect(taken.map((j) => j.ref.handle)).toEqual(['a']);
    expect(taken[0]).toMatchObject({ attempts: 1, dueAt: 1_150 });
    // Leased: not taken again until the lease ends (a worker killed mid-job gets it back then).
    expect((await takeDueJobs(db, 1_000)).map((j) => j.ref.handle)).toEqual(['b']);
    expect((await takeDueJobs(db, 1_150)).map((j) => j.ref.handle)).toEqual(['a']);
    await completeJob(db, taken[0]!.id);
    expect(await pendingJobCount(db)).toBe(1);
  });

  it('drops a job that keeps failing after maxAttempts', async () => {
    const db = fresh();
    await enqueueLookup(db, ref('poison'), 0);
    for (let t = 0; t < 3; t += 1) expect(await takeDueJobs(db, t * 10, { leaseMs: 1, maxAttempts: 3 })).toHaveLength(1);
    expect(await takeDueJobs(db, 100, { leaseMs: 1, maxAttempts: 3 })).toHaveLength(0);
    expect(await pendingJobCount(db)).toBe(0);
  });
});

describe('lookups that survive a killed worker', () => {
  it('resumes what a killed worker left, re-validating stored refs, without duplicating rows', async () => {
    const store = fakeStores({ [`${DEMO}/products/ratio-eight.js`]: () => json(RATIO_JS), [`${DEMO}/cart.js`]: () => cart('USD') });
    const { resolver, db } = makeResolver(store.fetch);
    fresh.adopt(db);
    // The worker persisted two lookups, then died before resolving them.
    await enqueueLookup(db, ref('ratio-eight'), 0);
    await db.jobs.put({ id: 'lookup:forged', kind: 'lookup', key: 'x/y' as never, ref: { kind: 'product', host: '127.0.0.1', localePrefix: '', handle: 'y', variantId: null }, createdAt: 0, attempts: 0, dueAt: 0 });
    expect(await resumeLookups(db, resolver, 10)).toBe(1);
    expect(await pendingJobCount(db)).toBe(0);
    expect(await db.products.count()).toBe(1);
    expect(store.log).not.toContain('127.0.0.1/y');
    // A second start-up finds nothing to do; a durable resolve leaves no job behind.
    expect(await resumeLookups(db, resolver, 20)).toBe(0);
    expect(await resolveDurably(db, resolver, ref('ratio-eight'), 30)).toMatchObject({ status: 'ok' });
    expect(await pendingJobCount(db)).toBe(0);
    expect(await db.products.count()).toBe(1);
  });
});
